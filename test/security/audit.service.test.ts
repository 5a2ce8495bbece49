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
