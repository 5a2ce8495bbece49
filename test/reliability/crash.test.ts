import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { freePort, httpLogin, killHard, startServer } from '../support/server-process.js';
import { serverUrl } from '../support/pg-url.js';
import { serverDatabase } from '../support/db.js';
import { openPglite, openPostgres } from '../../src/server/db/client.js';
import { verifyAuditChain } from '../../src/server/platform/audit/audit.js';

const draft = (i: number) => ({
  title: `关于崩溃恢复测试第${i}号的建议`,
  background: '测试情况说明。',
  analysis: '测试分析。',
  suggestions: '测试建议内容。',
  category: '社会事业',
  authorType: 'individual',
});

/**
 * Kills the server with SIGKILL while many submissions are in flight, restarts it on the same
 * data, and checks that every acknowledged write is there, none is partial (each proposal has its
 * audit row) and the audit chain is intact.
 */
async function crashAndRecover(env: Record<string, string>, inspect: () => Promise<{ query: (sql: string, p?: unknown[]) => Promise<any[]>; db: any; close: () => Promise<void> }>) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let server = await startServer(env, port);
  const member = await httpLogin(base, 'member');
  const acknowledged: string[] = [];
  const inFlight = Array.from({ length: 60 }, (_, i) =>
    member
      .post('/api/proposals', draft(i))
      .then(async (res) => {
        if (res.ok) acknowledged.push((await res.json()).id);
      })
      .catch(() => undefined),
  );
  while (acknowledged.length < 10) await new Promise((r) => setTimeout(r, 5));
  await killHard(server);
  await Promise.all(inFlight);
  expect(acknowledged.length).toBeGreaterThanOrEqual(10);

  server = await startServer(env, port);
  const again = await httpLogin(base, 'member');
  for (const id of acknowledged) expect((await again.get(`/api/proposals/${id}`)).status, id).toBe(200);
  await killHard(server);

  const db = await inspect();
  try {
    const rows = await db.query(`select p.id, count(a.seq) as audits from proposals p left join audit_log a on a.subject_id = p.id::text and a.action = 'proposal.create' where p.title like '关于崩溃恢复测试%' group by p.id`);
    expect(rows.length).toBeGreaterThanOrEqual(acknowledged.length);
    for (const r of rows) expect(Number(r.audits), `proposal ${r.id} without its audit row`).toBe(1);
    expect(await verifyAuditChain(db.db)).toEqual([]);
  } finally {
    await db.close();
  }
}

describe('crash safety', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sl-crash-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('embedded database: acknowledged writes survive SIGKILL', async () => {
    // the run's seeded template, so the server opens it in a second instead of seeding the demo
    await (await openPglite(path.join(dir, 'pg'), new Blob([readFileSync(inject('pgliteTemplate'))]))).close();
    await crashAndRecover({ DATA_DIR: dir }, async () => {
      const d = await openPglite(path.join(dir, 'pg'));
      return { query: d.query, db: d.db, close: d.close };
    });
  }, 300_000);

  it.runIf(inject('pgTemplate'))('PostgreSQL server: acknowledged writes survive SIGKILL', async () => {
    const name = await serverDatabase('crash', { durable: true });
    await crashAndRecover({ DATABASE_URL: serverUrl(name) }, async () => {
      const d = await openPostgres(serverUrl(name), 2);
      return { query: d.query, db: d.db, close: d.close };
    });
  }, 300_000);
});
