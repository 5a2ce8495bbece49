import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { backupTo, restoreFrom, tableChecksums } from '../../src/server/db/backup.js';
import { bootstrapDatabase } from '../../src/server/db/bootstrap.js';
import { openPglite, openPostgres, type Database } from '../../src/server/db/client.js';
import { verifyAuditChain } from '../../src/server/platform/audit/audit.js';
import { dbKinds, serverDatabase, type DbKind } from '../support/db.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { ok, sampleDraft } from '../support/proposals.js';
import { serverUrl } from '../support/pg-url.js';
import { signIn } from '../foundation/support.js';

const dir = mkdtempSync(path.join(tmpdir(), 'sl-backup-'));
let serial = 0;

/** An empty database at the current schema, of either kind (the server's is dropped at the end of the run: serverDatabase). */
async function emptyDatabase(kind: DbKind): Promise<Database> {
  if (kind === 'pglite') {
    const d = await openPglite();
    await bootstrapDatabase(d);
    return d;
  }
  const d = await openPostgres(serverUrl(await serverDatabase(`bk${serial++}`, { empty: true })), 2);
  await bootstrapDatabase(d);
  return d;
}

/**
 * Backup and restore (src/server/db/backup.ts): a restore gives back exactly the data (equal
 * checksums on every table), on either database and across them; the backup is a consistent
 * snapshot while writes go on; a bad file changes nothing.
 */
describe.each(dbKinds)('backup and restore from %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
    // some history beyond the demo: a proposal through review, an edited member
    const member = await signIn(t, 'member');
    const p = await ok(member.post('/api/proposals', sampleDraft));
    await ok(member.post(`/api/proposals/${p.id}/actions/submit`, { version: p.version }));
  });
  afterAll(async () => {
    await t.close();
  });

  // a backup restored into the same kind of database is the command-line test's (test/cli); here each
  // database's backup goes into the other, the move from the embedded database to a server and back
  for (const target of dbKinds.length > 1 ? dbKinds.filter((k) => k !== kind) : dbKinds) {
    it(`restores into an empty ${target} database with identical tables, and the restored system keeps working`, async () => {
      const file = path.join(dir, `${kind}-${target}.json.gz`);
      const made = await backupTo(t.database, file);
      expect(made.rows).toBeGreaterThan(500);
      const fresh = await emptyDatabase(target);
      try {
        const restored = await restoreFrom(fresh, file);
        expect(restored).toEqual(made);
        expect(await tableChecksums(fresh)).toEqual(await tableChecksums(t.database));
        expect(await verifyAuditChain(fresh.db)).toEqual([]);
        // the audit sequence continues after the restored rows and the chain stays whole
        const restoredApp = await startTestAppOn(fresh);
        const roster = await restoredApp.as('roster');
        const m = (await ok(roster.get('/api/members?pageSize=1'))).items[0];
        await ok(roster.patch(`/api/members/${m.id}`, { version: m.version, workplace: '恢复后修改' }));
        expect(await verifyAuditChain(fresh.db)).toEqual([]);
        await restoredApp.app.close();
      } finally {
        await fresh.close();
      }
    }, 90_000);
  }

  it('restores a backup made before a derived table existed, and rebuilds that table from the restored rows', async () => {
    const file = path.join(dir, `${kind}-older.json.gz`);
    await backupTo(t.database, file);
    const body = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8'));
    // as a backup from before the ledger's counts were kept (migration 0020) and the rosters' (0055) looks
    const { ledger_counts: _counts, performance_rosters: _rosters, ...older } = body.tables;
    const olderFile = path.join(dir, `${kind}-older-schema.json.gz`);
    writeFileSync(olderFile, gzipSync(JSON.stringify({ ...body, tables: older })));
    const fresh = await emptyDatabase(kind);
    try {
      await restoreFrom(fresh, olderFile);
      const sums = await tableChecksums(fresh);
      const source = await tableChecksums(t.database);
      expect(sums.ledger_counts).toEqual(source.ledger_counts);
      expect(sums.performance_rosters).toEqual(source.performance_rosters);
      expect(sums).toEqual(source);
    } finally {
      await fresh.close();
    }
  }, 90_000);

  it('takes a consistent snapshot while proposals are being written', async () => {
    const member = await signIn(t, 'member2');
    let writing = true;
    const writer = (async () => {
      for (let i = 0; writing && i < 200; i++) await member.post('/api/proposals', { ...sampleDraft, title: `关于备份一致性测试第${i}号的建议` });
    })();
    await new Promise((r) => setTimeout(r, 200));
    const file = path.join(dir, `${kind}-live.json.gz`);
    await backupTo(t.database, file);
    writing = false;
    await writer;
    const snapshot = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8'));
    const proposals = (snapshot.tables.proposals as any[]).filter((p) => p.title.startsWith('关于备份一致性测试'));
    const created = new Set((snapshot.tables.audit_log as any[]).filter((a) => a.action === 'proposal.create').map((a) => a.subject_id));
    expect(proposals.length).toBeGreaterThan(0);
    expect(proposals.filter((p) => !created.has(p.id))).toEqual([]); // no proposal without its audit row
    const fresh = await emptyDatabase(kind);
    try {
      await restoreFrom(fresh, file);
      expect(await verifyAuditChain(fresh.db)).toEqual([]);
    } finally {
      await fresh.close();
    }
  }, 90_000);

  it('refuses a foreign, corrupt or newer-schema file and leaves the data as it was', async () => {
    const before = await tableChecksums(t.database);
    const good = path.join(dir, `${kind}-good.json.gz`);
    await backupTo(t.database, good);
    const body = JSON.parse(gunzipSync(readFileSync(good)).toString('utf8'));
    const write = (name: string, content: Buffer) => (writeFileSync(path.join(dir, name), content), path.join(dir, name));
    const foreign = write('foreign.gz', gzipSync(JSON.stringify({ format: 'other/1', tables: {} })));
    await expect(restoreFrom(t.database, foreign)).rejects.toThrow('不是本系统的备份文件（格式：other/1）');
    const newer = write('newer.gz', gzipSync(JSON.stringify({ ...body, tables: { ...body.tables, future_table: [{ id: 1 }] } })));
    await expect(restoreFrom(t.database, newer)).rejects.toThrow('备份中的表在当前数据库中不存在：future_table（请先升级程序）');
    await expect(restoreFrom(t.database, write('corrupt.gz', readFileSync(good).subarray(0, 2000)))).rejects.toThrow();
    // a row that breaks a constraint half way: the whole restore rolls back, the truncate included
    const members = body.tables.members as any[];
    const broken = write('broken.gz', gzipSync(JSON.stringify({ ...body, tables: { ...body.tables, members: [...members, { ...members[0] }] } })));
    await expect(restoreFrom(t.database, broken)).rejects.toThrow();
    expect(await tableChecksums(t.database)).toEqual(before);
  }, 90_000);
});

/** The HTTP app on a given database (the restored one). */
async function startTestAppOn(database: Database) {
  const { buildApp } = await import('../../src/server/app.js');
  const { loadConfig } = await import('../../src/server/config.js');
  const config = loadConfig({ DATA_DIR: '/nonexistent', WEB_DIR: '/nonexistent' });
  const app = await buildApp({ database, config });
  await app.ready();
  const t: TestApp = { app, database, config, anonymous: null as any, as: (u: string) => signIn(t, u), close: async () => app.close() };
  return t;
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));
