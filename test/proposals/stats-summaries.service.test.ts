import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { dbKinds } from '../support/db.js';
import { startTestApp, type Client, type TestApp } from '../support/app.js';
import { filedProposal, memberIdOf, ok, reviewed, sampleDraft, unitIdByName } from '../support/proposals.js';
import { proposalStats } from '../../src/server/modules/proposals/stats/report.js';
import { assignments, ratings } from '../../src/server/platform/handling/schema.js';
import { proposals } from '../../src/server/modules/proposals/schema.js';
import { rowsOf } from '../../src/server/db/raw.js';
import { chinaToday } from '../../src/server/platform/calendar/workdays.js';

/**
 * 提案统计 from the summaries (stats/summary.ts, kept by migration 0064's triggers) is the page the
 * scan of the rows gives (stats/figures.ts), for every session of every committee, after each step
 * of a varied run of real workflow operations through the API — and the counters the triggers kept
 * are the ones a rebuild from scratch computes.
 */
describe.each(dbKinds)('proposal statistics from summaries on %s', (kind) => {
  let t: TestApp;
  let staff: Client, member: Client, member2: Client, unit: Client, unit2: Client;
  beforeAll(async () => {
    t = await startTestApp(kind);
    [staff, member, member2, unit, unit2] = await Promise.all(['staff', 'member', 'member2', 'unit', 'unit2'].map((u) => t.as(u)));
  });
  afterAll(() => t.close());

  const db = () => t.database.db;
  const totals = async () =>
    rowsOf<Record<string, unknown>>(await db().execute(sql`select committee_id, session_id, kind, k1, k2, k3, k4, n from proposal_stat_totals where n <> 0 order by 1, 2, 3, 4, 5, 6, 7`));

  /** Every session's page, from the summaries and from the scan, on several days (overdue moves with today). */
  async function expectSameFigures(step: string) {
    const sessions = rowsOf<{ committee_id: string; id: string }>(await db().execute(sql`select committee_id, id from plenary_sessions order by 1, 2`));
    const deadlines = rowsOf<{ d: string }>(await db().execute(sql`select distinct reply_deadline::text as d from handling_assignments where subject_type = 'proposal' order by 1 limit 2`));
    // today, a day on which every open item is late, and the first deadlines (late the day after, not on the day)
    const days = [chinaToday(), '2099-12-31', ...deadlines.map((x) => x.d)];
    let received = 0;
    for (const s of sessions) {
      for (const today of days) {
        const fromSummary = await proposalStats(db(), s.committee_id, s.id, today);
        const fromScan = await proposalStats(db(), s.committee_id, s.id, today, 'scan');
        expect(fromSummary, `${step}: session ${s.id} on ${today}`).toEqual(fromScan);
        if (today === days[0]) received += fromSummary.overall?.received ?? 0;
      }
    }
    expect(received, step).toBeGreaterThan(0);
    // what the writers' triggers kept is what a rebuild from the rows computes
    const kept = await totals();
    await db().execute(sql`select shangliang_rebuild_proposal_stats()`);
    expect(await totals(), `${step}: counters kept = counters rebuilt`).toEqual(kept);
  }

  const submitted = async (c: Client, draft: object) => {
    const p = await ok(c.post('/api/proposals', draft));
    return ok(c.post(`/api/proposals/${p.id}/actions/submit`, { version: p.version }));
  };
  const sendReply = async (c: Client, proposalId: string, answerClass: string, signedBy: string) => {
    const draft = await ok(c.post('/api/handling/replies', { type: 'proposal', subjectId: proposalId, answerClass, body: '经研究，我单位已会同有关部门制定工作方案，正在分步实施，所提建议已予采纳。', contactPerson: '李老师', contactPhone: '0755-28949000', disclose: true, ...(answerClass === 'B' ? { promise: '年内完成第一阶段工程', promisedBy: '2099-12-31' } : {}) }));
    const signed = await ok(c.post(`/api/handling/replies/${draft.id}/sign`, { version: draft.version, signedBy }));
    return ok(c.post(`/api/handling/replies/${signed.id}/send`, { version: signed.version }));
  };

  it('the demo data as loaded and backfilled', async () => {
    await expectSameFigures('backfill');
  });

  it('stays the scan through submissions, co-signing, decisions, merges, handling over two rounds, ratings, key selection and direct edits', async () => {
    const edu = await unitIdByName(staff, '区教育局');
    const housing = await unitIdByName(staff, '区住房建设局');
    const m2 = await memberIdOf(t, 'member2');

    // a joint proposal: the co-signer confirms, then it is filed under another category
    let joint = await ok(member.post('/api/proposals', { ...sampleDraft, title: '关于推进老旧小区加装电梯的统计测试建议', authorType: 'joint', cosignerIds: [m2] }));
    await expectSameFigures('joint draft');
    await ok(member2.post(`/api/proposals/${joint.id}/cosign`, { accept: true }));
    joint = await ok(member.get(`/api/proposals/${joint.id}`));
    joint = await ok(member.post(`/api/proposals/${joint.id}/actions/submit`, { version: joint.version }));
    await expectSameFigures('joint submitted');
    joint = await reviewed(staff, joint);
    joint = await ok(staff.post(`/api/proposals/${joint.id}/actions/file`, { version: joint.version, category: '医卫体育' }));

    // rejected, returned, converted, withdrawn, merged, and a draft never submitted
    const rejected = await submitted(member, { ...sampleDraft, title: '关于推广某品牌产品进社区的统计测试建议' });
    await ok(staff.post(`/api/proposals/${rejected.id}/actions/reject`, { version: rejected.version, reasonCode: 'promotion' }));
    const returned = await submitted(member, { ...sampleDraft, title: '关于完善社区托育服务的统计测试建议' });
    await ok(staff.post(`/api/proposals/${returned.id}/actions/return`, { version: returned.version, reason: '请补充调研数据' }));
    const converted = await submitted(member, { ...sampleDraft, title: '关于解决夜间施工噪音扰民的统计测试建议' });
    await ok(staff.post(`/api/proposals/${converted.id}/actions/convert`, { version: converted.version, to: 'opinion', reason: '所提问题具体，宜以社情民意信息反映' }));
    const withdrawn = await submitted(member2, { ...sampleDraft, title: '关于增设社区健身设施的统计测试建议', category: '社会事业' });
    await expectSameFigures('decisions');
    await ok(member2.post(`/api/proposals/${withdrawn.id}/actions/withdraw`, { version: withdrawn.version }));
    const a = await submitted(member, { ...sampleDraft, title: '关于垃圾分类收运体系的统计测试建议甲', category: '城乡建设' });
    const b = await submitted(member2, { ...sampleDraft, title: '关于垃圾分类收运体系的统计测试建议乙', category: '城乡建设' });
    const merged = await ok(staff.post('/api/proposals/merge', { primaryId: a.id, otherIds: [b.id], versions: { [a.id]: a.version, [b.id]: b.version }, reason: '反映同一问题' }));
    await ok(staff.post(`/api/proposals/${a.id}/actions/file`, { version: (await reviewed(staff, merged)).version }));
    await ok(member.post('/api/proposals', { ...sampleDraft, title: '一份未提交的统计测试草稿' }));
    await expectSameFigures('withdrawal, merge, draft');

    // lead + assisting units; the lead replies, the member is not satisfied, a second round follows
    let p = await ok(staff.post(`/api/proposals/${joint.id}/assign`, { version: joint.version, assignments: [{ unitId: edu, role: 'lead' }, { unitId: housing, role: 'assisting' }] }));
    await expectSameFigures('assigned lead + assisting');
    const lead = p.assignments.find((x: any) => x.unitId === edu);
    const assisting = p.assignments.find((x: any) => x.unitId === housing);
    await ok(unit.post(`/api/handling/assignments/${lead.id}/sign`, { version: lead.version }));
    const signedAssisting = await ok(unit2.post(`/api/handling/assignments/${assisting.id}/sign`, { version: assisting.version }));
    await ok(unit2.post(`/api/handling/assignments/${assisting.id}/opinion`, { version: signedAssisting.version, text: '我局支持在学校周边规划临时停车区，并配合实施。' }));
    await sendReply(unit, joint.id, 'B', '区教育局局长 张某');
    await expectSameFigures('first reply');
    p = await ok(member.get(`/api/proposals/${joint.id}`));
    p = await ok(member.post(`/api/proposals/${joint.id}/rate`, { version: p.version, attitude: 'satisfied', result: 'unsatisfied', comment: '停车区尚未落实，希望加快进度' }));
    expect(p.status).toBe('rehandling');
    await expectSameFigures('rated unsatisfied, second round');
    const second = p.assignments.find((x: any) => x.round === 2);
    await ok(unit.post(`/api/handling/assignments/${second.id}/sign`, { version: second.version }));
    await sendReply(unit, joint.id, 'A', '区教育局局长 张某');
    p = await ok(member.get(`/api/proposals/${joint.id}`));
    p = await ok(member.post(`/api/proposals/${joint.id}/rate`, { version: p.version, attitude: 'basically', result: 'satisfied' }));
    expect(p.status).toBe('closed');
    await expectSameFigures('second reply and rating');

    // a sole unit that objects and is replaced; a reply that is still a draft counts for nothing
    const { p: other } = await filedProposal(t, { ...sampleDraft, title: '关于优化公交线网布局的统计测试建议' });
    const q = await ok(staff.post(`/api/proposals/${other.id}/assign`, { version: other.version, assignments: [{ unitId: edu, role: 'sole' }] }));
    const objected = await ok(unit.post(`/api/handling/assignments/${q.assignments[0].id}/object`, { version: q.assignments[0].version, reason: '公交线网规划不属于本局职责，应由交通运输部门办理' }));
    await ok(staff.post(`/api/handling/assignments/${objected.id}/objection-decision`, { version: objected.version, accept: true, replacementUnitId: housing, note: '同意改交' }));
    await expectSameFigures('objection accepted');
    const moved = (await ok(staff.get(`/api/proposals/${other.id}`))).assignments.find((x: any) => x.unitId === housing);
    await ok(unit2.post(`/api/handling/assignments/${moved.id}/sign`, { version: moved.version }));
    await ok(unit2.post('/api/handling/replies', { type: 'proposal', subjectId: other.id, answerClass: 'C', body: '正在研究中，拟于下季度提出具体方案并组织实施。', contactPerson: '王某', contactPhone: '0755-28900000', disclose: true }));
    await expectSameFigures('draft reply');

    // selected as a key proposal (is_key)
    const K = '/api/proposals/key-proposals';
    const leaderId = (await (await t.as('leader')).get('/api/auth/me')).body.user.id;
    const v = await ok(staff.post(K, { proposalId: other.id, note: '事关群众切身利益，社会关注度高' }));
    await ok(staff.post(`${K}/${v.key.id}/actions/select`, { version: v.key.version, decidedOn: chinaToday(), decisionRef: '第15次主席会议', govLeaderName: '副区长 李明', chairUserId: leaderId }));
    expect((await ok(staff.get(`/api/proposals/${other.id}`))).isKey).toBe(true);
    await expectSameFigures('key proposal');

    // writes outside the commands: a deadline moved into the past, a category and a first proposer
    // changed, a rating removed, a reminder stamped (which the figures do not read)
    await db().update(assignments).set({ replyDeadline: '2020-01-02' }).where(eq(assignments.id, moved.id));
    await db().update(assignments).set({ remindedAt: new Date() }).where(eq(assignments.subjectType, 'proposal'));
    await db().update(proposals).set({ category: '社会事业', leadMemberId: m2 }).where(eq(proposals.id, a.id));
    await db().delete(ratings).where(eq(ratings.subjectId, joint.id));
    await db().update(proposals).set({ sessionId: null }).where(eq(proposals.id, rejected.id));
    await expectSameFigures('direct edits');
  }, 180_000);

  // PGlite has one connection: transactions there never overlap
  it.skipIf(kind === 'pglite')('two writers on one proposal, one through its handling rows first and one through the proposal first, take turns without a deadlock', async () => {
    const { p } = await filedProposal(t, { ...sampleDraft, title: '关于并发写入统计汇总的测试建议' });
    const [row] = await db().select().from(proposals).where(eq(proposals.id, p.id));
    const rating = (round: number, attitude: string) => ({ committeeId: row.committeeId, subjectType: 'proposal', subjectId: p.id, round, memberId: row.leadMemberId!, attitude, result: 'satisfied' });
    let holding!: () => void;
    const firstHolds = new Promise<void>((resolve) => (holding = resolve));
    const first = db().transaction(async (tx) => {
      await tx.insert(ratings).values(rating(1, 'satisfied'));
      holding();
      // keeps its transaction open while the second one starts through the proposal
      await tx.execute(sql`select pg_sleep(0.5)`);
      await tx.update(proposals).set({ isKey: true }).where(eq(proposals.id, p.id));
    });
    await firstHolds;
    const second = db().transaction(async (tx) => {
      await tx.update(proposals).set({ category: '社会事业' }).where(eq(proposals.id, p.id));
      await tx.insert(ratings).values(rating(2, 'basically'));
    });
    await Promise.all([first, second]);
    await expectSameFigures('concurrent writers');
  });
});
