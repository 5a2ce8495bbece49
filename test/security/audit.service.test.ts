import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { anchorAudit } from '../../src/server/platform/audit/anchor.js';
import { dbKinds } from '../support/db.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { audit, auditHash, verifyAuditChain } from '../../src/server/platform/audit/audit.js';
import { auditLog } from '../../src/server/platform/audit/schema.js';
import { purgeAudit } from '../../src/server/platform/audit/retention.js';
import { committees } from '../../src/server/platform/tenancy/schema.js';
import { systemActor } from '../../src/server/platform/auth/actor.js';

describe.each(dbKinds)('audit trail controls on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it('cannot be updated or deleted through the database', async () => {
    await expect(t.database.query(`update audit_log set note = 'changed'`)).rejects.toThrow(/审计日志不可修改/);
    await expect(t.database.query(`delete from audit_log`)).rejects.toThrow(/审计日志只能由保留期清理任务删除/);
    expect(await verifyAuditChain(t.database.db)).toEqual([]);
  });

  it('is read only by the security auditor (三员分立)', async () => {
    for (const role of ['admin', 'secadmin', 'staff', 'member']) expect((await (await t.as(role)).get('/api/audit')).status, role).toBe(404);
    const auditor = await t.as('auditor');
    const res = await auditor.get('/api/audit?pageSize=5');
    expect(res.status).toBe(200);
    expect(res.body.total).toBeGreaterThan(0);
    expect((await auditor.get('/api/audit/verify')).body).toEqual({ intact: true, broken: [] });
    // the auditor cannot change accounts or settings
    expect((await auditor.post('/api/users', { username: 'x1234', displayName: 'x', roles: ['auditor'], password: 'Aa1!aaaaaa' })).status).toBe(403);
  });

  it('purges rows past the retention (never under 180 days) and the chain still verifies', async () => {
    const [c] = await t.database.db.insert(committees).values({ name: '测试委员会', shortName: '测试', level: 'district' }).returning();
    const actor = systemActor(c.id);
    let prev = '0'.repeat(64);
    for (const daysAgo of [400, 300, 200, 100]) {
      const row = { committeeId: c.id, actorId: actor.userId, action: 'test.old', subjectType: 'test', subjectId: randomUUID(), before: null, after: { daysAgo }, note: null, at: new Date(Date.now() - daysAgo * 86_400_000).toISOString() };
      const hash = auditHash(prev, row);
      await t.database.db.insert(auditLog).values({ ...row, at: new Date(row.at), actorName: '系统', prevHash: prev, hash });
      prev = hash;
    }
    await t.database.db.transaction((tx) => audit(tx, actor, { action: 'test.new', subjectType: 'test', subjectId: 'now' }));
    expect(await purgeAudit(t.database, c.id, 30)).toBe(3); // 30 days asked, 180 enforced: 400, 300, 200 go
    const left = await t.database.query<{ action: string }>(`select action from audit_log where committee_id = $1 order by seq`, [c.id]);
    expect(left.map((r) => r.action)).toEqual(['test.old', 'test.new']);
    expect(await verifyAuditChain(t.database.db)).toEqual([]);
  });

  it('keeps one unbroken chain per committee under concurrent writers, each hash auditHash’s, and resumes a fully purged chain at its checkpoint', async () => {
    const [a] = await t.database.db.insert(committees).values({ name: '并发测试委员会甲', shortName: '并发甲', level: 'district' }).returning();
    const [b] = await t.database.db.insert(committees).values({ name: '并发测试委员会乙', shortName: '并发乙', level: 'district' }).returning();
    // contents that must serialise exactly as the verifier does: Chinese text, quotes, keys out of order, nesting, dates
    const entry = (n: number) => ({
      action: 'test.concurrent', subjectType: 'test', subjectId: `s-${n}`, note: n % 3 ? `备注“${n}”\n换行` : undefined,
      before: n % 2 ? { z: 1, a: ['甲', { y: null, b: true }], when: new Date(Date.UTC(2026, 0, n + 1)) } : undefined,
      after: { 标题: `关于第${n}号的建议`, '"quoted"': 'x\\y', n },
    });
    // many transactions at once, over two committees; each also writes some more before it commits
    await Promise.all(
      Array.from({ length: 40 }, (_, n) =>
        t.database.db.transaction(async (tx) => {
          await audit(tx, systemActor(n % 2 ? a.id : b.id), entry(n));
          await tx.execute(sql`select pg_sleep(${(n % 4) / 1000})`);
          if (n % 5 === 0) await audit(tx, systemActor(n % 2 ? a.id : b.id), { ...entry(n), action: 'test.second' });
        }),
      ),
    );
    const rows = await t.database.query<{ seq: string; committee_id: string; prev_hash: string; hash: string; at: Date }>('select seq, committee_id, prev_hash, hash, at from audit_log where committee_id in ($1, $2) order by seq', [a.id, b.id]);
    expect(rows).toHaveLength(48);
    for (const c of [a.id, b.id]) {
      const chain = rows.filter((r) => r.committee_id === c);
      expect(chain[0].prev_hash).toBe('0'.repeat(64));
      chain.slice(1).forEach((r, i) => {
        expect(r.prev_hash).toBe(chain[i].hash);
        expect(r.at.getTime()).toBeGreaterThanOrEqual(chain[i].at.getTime());
      });
    }
    expect(await verifyAuditChain(t.database.db)).toEqual([]);

    // a chain whose every row the retention job removed: the next row follows the checkpoint, not the genesis hash
    const [c] = await t.database.db.insert(committees).values({ name: '清理测试委员会', shortName: '清理', level: 'district' }).returning();
    const old = { committeeId: c.id, actorId: systemActor(c.id).userId, action: 'test.old', subjectType: 'test', subjectId: 'old', before: null, after: null, note: null, at: new Date(Date.now() - 400 * 86_400_000).toISOString() };
    const oldHash = auditHash('0'.repeat(64), old);
    await t.database.db.insert(auditLog).values({ ...old, at: new Date(old.at), actorName: '系统', prevHash: '0'.repeat(64), hash: oldHash });
    expect(await purgeAudit(t.database, c.id, 180)).toBe(1);
    await t.database.db.transaction((tx) => audit(tx, systemActor(c.id), { action: 'test.after', subjectType: 'test', subjectId: 'new' }));
    expect((await t.database.query<{ prev_hash: string }>('select prev_hash from audit_log where committee_id = $1', [c.id]))[0].prev_hash).toBe(oldHash);
    expect(await verifyAuditChain(t.database.db)).toEqual([]);
  });

  it('detects a cut-off tail through the external anchors, and an anchor file rewritten without the key', async () => {
    const [c] = await t.database.db.insert(committees).values({ name: '锚点测试委员会', shortName: '锚点', level: 'district' }).returning();
    const actor = systemActor(c.id);
    const write = (n: number) => t.database.db.transaction((tx) => audit(tx, actor, { action: 'test.anchor', subjectType: 'test', subjectId: String(n) }));
    for (let n = 0; n < 4; n++) await write(n);
    const anchors = { file: path.join(os.tmpdir(), `sl-anchor-test-${randomUUID()}.jsonl`), key: 'anchor-key-for-tests' };
    expect(await anchorAudit(t.database.db, anchors)).toBeGreaterThanOrEqual(1);
    expect(await anchorAudit(t.database.db, anchors), 'unchanged heads are not written again').toBe(0);
    await write(4);
    expect(await anchorAudit(t.database.db, anchors)).toBe(1);
    expect(await verifyAuditChain(t.database.db, anchors)).toEqual([]);
    // someone who can bypass the database's guards removes the newest two rows: the chain alone still verifies
    await t.database.db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(sql`delete from audit_log where seq in (select seq from audit_log where committee_id = ${c.id} order by seq desc limit 2)`);
    });
    expect(await verifyAuditChain(t.database.db)).toEqual([]);
    const broken = await verifyAuditChain(t.database.db, anchors);
    expect(broken).toEqual([expect.objectContaining({ committeeId: c.id, reason: expect.stringMatching(/^尾部记录被删除/) })]);
    // rewriting the anchor file to match needs the key: a line without a valid HMAC is reported
    const lines = readFileSync(anchors.file, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    const head = (await t.database.query<{ seq: string; hash: string }>('select seq, hash from audit_log where committee_id = $1 order by seq desc limit 1', [c.id]))[0];
    writeFileSync(anchors.file, lines.map((l) => JSON.stringify(l.committeeId === c.id ? { ...l, seq: Number(head.seq), hash: head.hash } : l)).join('\n') + '\n');
    expect((await verifyAuditChain(t.database.db, anchors)).map((b) => b.reason)).toEqual(expect.arrayContaining([expect.stringMatching(/锚点文件第 \d+ 行无效或签名不符/)]));
    rmSync(anchors.file, { force: true });
  });
});
