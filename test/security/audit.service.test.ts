import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
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
});
