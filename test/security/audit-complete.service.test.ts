import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { dbKinds } from '../support/db.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { ok, sampleDraft } from '../support/proposals.js';
import { submittedOpinion } from '../support/opinions.js';
import { users } from '../../src/server/platform/auth/schema.js';
import { verifyAuditChain } from '../../src/server/platform/audit/audit.js';

/**
 * The audit trail is complete (issue 19, finding 12): a change of co-signers carries the list
 * before and after; every notice sent is a row of its committee's chain (to whom, what); a change
 * across committees — a district sending a report up, the city adopting it or instructing on it —
 * is in both committees' chains, and every chain still verifies. (Login rows carry the source
 * address: test/foundation/auth.service.test.ts.)
 */
describe.each(dbKinds)('audit completeness on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  type Row = { committee_id: string; action: string; before: any; after: any };
  const rowsOf = (subjectId: string, action: string) =>
    t.database.query<Row>('select committee_id, action, before, after from audit_log where subject_id = $1 and action = $2 order by seq', [subjectId, action]);
  const userOf = async (username: string) => (await t.database.db.select().from(users).where(eq(users.username, username)))[0];

  it('audits a change of co-signers with the list before and after, and each co-sign invitation sent', async () => {
    const member = await t.as('member');
    const [m2, m3] = [await userOf('member2'), await userOf('member3')];
    let p = await ok(member.post('/api/proposals', { ...sampleDraft, title: '关于审计完整性测试的联名提案', authorType: 'joint', cosignerIds: [m2.memberId] }));
    p = await ok(member.patch(`/api/proposals/${p.id}`, { version: p.version, cosignerIds: [m3.memberId] }));
    const changes = await rowsOf(p.id, 'proposal.cosigners');
    expect(changes.map((r) => [r.before.cosigners.map((c: any) => c.memberId), r.after.cosigners.map((c: any) => c.memberId)])).toEqual([
      [[], [m2.memberId]],
      [[m2.memberId], [m3.memberId]],
    ]);
    const sent = await t.database.query<Row>("select committee_id, action, before, after from audit_log where action = 'notification.send' and after->>'title' = $1 order by seq", ['联名邀请：关于审计完整性测试的联名提案']);
    expect(sent.map((r) => r.after.userIds)).toEqual([[m2.id], [m3.id]]);
    expect(sent.every((r) => r.committee_id === m2.committeeId)).toBe(true);
  });

  it('writes a report sent up, adopted and instructed on by the city into both committees’ chains', async () => {
    const member = await t.as('member');
    const info = await t.as('info');
    const cityInfo = await t.as('city_info');
    const [district, city] = [(await userOf('info')).committeeId!, (await userOf('city_info')).committeeId!];
    let o = await submittedOpinion(member, { title: '关于审计两链记录的建议', category: '交通运输' });
    o = await ok(info.post(`/api/opinions/${o.id}/actions/sendUp`, { version: o.version, note: '涉及全市共性问题' }));
    const seen = await ok(cityInfo.get(`/api/opinions/${o.id}`));
    await ok(cityInfo.post(`/api/opinions/${o.id}/incoming/adopt`, { version: seen.incoming.version, mode: 'alone' }));
    await ok(cityInfo.post(`/api/opinions/${o.id}/instructions`, { leaderName: '市领导', level: 'city', instructedOn: '2026-01-05', text: '请市有关部门研究。' }));
    for (const action of ['opinion.sendUp', 'opinion.adoptIncoming', 'instruction.record']) {
      const chains = (await rowsOf(o.id, action)).map((r) => r.committee_id).sort();
      expect(chains, action).toEqual([district, city].sort());
    }
    expect(await verifyAuditChain(t.database.db)).toEqual([]);
  });
});
