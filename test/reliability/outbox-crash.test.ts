import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { freePort, httpLogin, killHard, startServer, stopGracefully } from '../support/server-process.js';
import { serverUrl } from '../support/pg-url.js';
import { serverDatabase } from '../support/db.js';
import { startReceiver } from '../support/receiver.js';
import { openPglite, openPostgres, type Database } from '../../src/server/db/client.js';
import { sampleDraft } from '../support/proposals.js';

/**
 * A co-sign invitation committed by a server that dies before delivering it (kill -9; this one is
 * a web-only node, JOBS=0, so it never would have): the next server delivers it from the outbox,
 * and the in-app notice is there exactly once. Nothing was kept in memory, so nothing was lost.
 */
async function killBetweenCommitAndDelivery(env: Record<string, string>, open: () => Promise<Database>) {
  const receiver = await startReceiver();
  try {
    let db = await open();
    const [{ member_id: m2 }] = await db.query<{ member_id: string }>(`select member_id from users where username = 'member2'`);
    await db.close();

    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const web = await startServer({ ...env, JOBS: '0', NOTIFY_WEBHOOK_URL: receiver.url }, port);
    const titles: string[] = [];
    try {
      const member = await httpLogin(base, 'member');
      for (let i = 0; i < 3; i++) {
        const title = `关于发件箱崩溃测试第${i}号的建议`;
        const res = await member.post('/api/proposals', { ...sampleDraft, title, authorType: 'joint', cosignerIds: [m2] });
        expect(res.status, await res.clone().text()).toBe(200);
        titles.push(title);
      }
    } finally {
      await killHard(web);
    }
    expect(receiver.received).toHaveLength(0);

    const worker = await startServer({ ...env, NOTIFY_WEBHOOK_URL: receiver.url }, port);
    try {
      const deadline = Date.now() + 60_000;
      while (receiver.received.length < titles.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    } finally {
      await stopGracefully(worker);
    }
    const sent = receiver.received.map((r) => r.body.title).sort();
    expect(sent).toEqual(titles.map((t) => `联名邀请：${t}`).sort());
    expect(receiver.received.every((r) => r.body.recipients.some((x: any) => x.username === 'member2'))).toBe(true);

    db = await open();
    try {
      for (const t of titles) {
        const rows = await db.query(`select n.id from notifications n join users u on u.id = n.user_id where u.username = 'member2' and n.title = $1`, [`联名邀请：${t}`]);
        expect(rows, t).toHaveLength(1);
      }
      const [{ pending }] = await db.query<{ pending: string }>(`select count(*) as pending from outbox where delivered_at is null`);
      expect(Number(pending)).toBe(0);
    } finally {
      await db.close();
    }
  } finally {
    await receiver.close();
  }
}

describe('after-commit effects survive kill -9 (outbox)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sl-outbox-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('embedded database', async () => {
    await (await openPglite(path.join(dir, 'pg'), new Blob([readFileSync(inject('pgliteTemplate'))]))).close();
    await killBetweenCommitAndDelivery({ DATA_DIR: dir }, () => openPglite(path.join(dir, 'pg')));
  }, 300_000);

  it.runIf(inject('pgTemplate'))('PostgreSQL server', async () => {
    const name = await serverDatabase('outbox', { durable: true });
    await killBetweenCommitAndDelivery({ DATABASE_URL: serverUrl(name), DATA_DIR: dir, SEED_DEMO: '0' }, () => openPostgres(serverUrl(name), 2));
  }, 300_000);
});
