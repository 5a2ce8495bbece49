import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { dbKinds } from '../support/db.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { memberIdOf, ok } from '../support/proposals.js';
import { ledgerEntries } from '../../src/server/platform/ledger/schema.js';
import { notifications } from '../../src/server/platform/notifications/schema.js';
import { users } from '../../src/server/platform/auth/schema.js';
import { suggestPublicTopic } from '../../src/server/modules/consultation/commands/topics.js';
import { demoDistrictId } from '../../src/server/demo/seed.js';

/** A year no demo plan uses, so the test builds its own plan. */
const YEAR = 2031;
const memberTopic = {
  source: 'member',
  title: '关于推进老旧小区加装电梯的协商建议',
  reason: '辖区老旧小区多为六层以下无电梯住宅，老年居民上下楼困难，加装电梯协调难、资金难，建议列入年度协商计划。',
};

describe.each(dbKinds)('consultation topics and the year plan on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
    const clients = new Map<string, ReturnType<TestApp['as']>>();
    const login = t.as.bind(t);
    t.as = (username: string) => {
      if (!clients.has(username)) clients.set(username, login(username));
      return clients.get(username)!;
    };
  });
  afterAll(() => t.close());

  it('member-suggests-topic: the office sees it with similar earlier topics; other members do not; sources are enforced', async () => {
    const member = await t.as('member');
    const office = await t.as('office');
    const first = await ok(member.post('/api/consultation/topics', { ...memberTopic, year: YEAR }));
    expect(first).toMatchObject({ status: 'submitted', source: 'member', sourceLabel: '委员荐题', mine: true, actions: ['withdraw'] });
    const wrongSource = await member.post('/api/consultation/topics', { ...memberTopic, source: 'party', proposerName: '区委办公室' });
    expect(wrongSource.status).toBe(400);
    expect(wrongSource.body.message).toContain('选题来源');
    expect((await (await t.as('member2')).get(`/api/consultation/topics/${first.id}`)).status).toBe(404);

    const party = await office.post('/api/consultation/topics', { source: 'party', title: '关于老旧小区加装电梯资金筹措的协商', reason: '区委点题：老旧小区加装电梯居民出资比例和财政补贴办法需要协商完善。', year: YEAR });
    expect(party.status).toBe(400);
    expect(party.body.message).toContain('点题单位');
    const set = await ok(office.post('/api/consultation/topics', { source: 'party', proposerName: '区委办公室', title: '关于老旧小区加装电梯资金筹措的协商', reason: '区委点题：老旧小区加装电梯居民出资比例和财政补贴办法需要协商完善。', year: YEAR }));
    expect(set.proposerName).toBe('区委办公室');
    // the office's view of the member's topic names the party committee's similar topic
    const seen = await ok(office.get(`/api/consultation/topics/${first.id}`));
    // (the demo's own 加装电梯 topics are in the corpus too: any of them may rank first)
    expect(seen.similar.topics.filter((x: any) => x.title.includes('加装电梯')).length).toBeGreaterThan(0);
    expect(seen.similar.topics.map((x: any) => x.id)).not.toContain(first.id);
    const list = await ok(office.get(`/api/consultation/topics?year=${YEAR}`));
    expect(list.items.map((x: any) => x.id)).toEqual(expect.arrayContaining([first.id, set.id]));
    // withdrawing is the author's alone
    const notAuthor = await office.post(`/api/consultation/topics/${first.id}/actions/withdraw`, { version: first.version });
    expect(notAuthor.status).toBe(409);
    expect(notAuthor.body.message).toContain('只有提出人');
  });

  it('public-suggests-topic: held for moderation, unseen by leaders and members until the office publishes it', async () => {
    const committeeId = await demoDistrictId(t.database);
    const row = await suggestPublicTopic(t.database, committeeId, { title: '关于增设社区夜间便民停车位的建议', reason: '小区周边夜间停车难，车辆占道影响消防通道，希望政协组织协商。', contactName: '李女士', contactPhone: '13800138000' }, `${YEAR}-02-01`);
    expect(row.status).toBe('pending');
    const leader = await t.as('leader');
    const office = await t.as('office');
    expect((await leader.get(`/api/consultation/topics/${row.id}`)).status).toBe(404);
    const queue = await ok(office.get(`/api/consultation/topics?year=${YEAR}&scope=moderation`));
    const item = queue.items.find((x: any) => x.id === row.id);
    expect(item).toMatchObject({ status: 'pending', contact: '李女士 13800138000', actions: expect.arrayContaining(['publish', 'reject']) });
    const published = await ok(office.post(`/api/consultation/topics/${row.id}/actions/publish`, { version: row.version }));
    expect(published.status).toBe('submitted');
    const seen = await ok(leader.get(`/api/consultation/topics/${row.id}`));
    expect(seen.contact).toBeNull();
  });

  it('staff-builds-plan: four reviews by role, returns need a reason, adopted suggestions are credited once, the plan prints', async () => {
    const member = await t.as('member');
    const office = await t.as('office');
    const leader = await t.as('leader');
    const options = await ok(office.get('/api/consultation/options'));
    expect(options.sources.map((s: any) => s.key)).toEqual(['party', 'committee', 'public']);
    const lead = options.specialCommittees[0].id;
    const unitIds = options.units.slice(0, 2).map((u: any) => u.id);

    const topic = await ok(member.post('/api/consultation/topics', { ...memberTopic, title: '关于社区嵌入式托育服务的协商建议', year: YEAR }));
    let plan = await ok(office.post('/api/consultation/plans', { year: YEAR }));
    expect(plan).toMatchObject({ status: 'draft', revision: 1, items: [], actions: expect.arrayContaining(['submit', 'edit']) });
    const twice = await office.post('/api/consultation/plans', { year: YEAR });
    expect(twice.status).toBe(400);
    expect(twice.body.message).toContain('年度');

    plan = await ok(office.post(`/api/consultation/plans/${plan.id}/items`, { version: plan.version, topicId: topic.id, title: topic.title, form: 'thematic', leadSpecialCommitteeId: lead, unitIds, month: 6, researchFirst: true }));
    const stale = await office.post(`/api/consultation/plans/${plan.id}/items`, { version: plan.version - 1, title: '关于优化营商环境的专题协商', form: 'standingCommittee', month: 9 });
    expect(stale.status).toBe(409);
    plan = await ok(office.post(`/api/consultation/plans/${plan.id}/items`, { version: plan.version, title: '关于优化营商环境的专题协商', form: 'standingCommittee', month: 9 }));
    expect(plan.items.map((i: any) => [i.title, i.formLabel, i.month])).toEqual([
      ['关于社区嵌入式托育服务的协商建议', '专题协商会', 6],
      ['关于优化营商环境的专题协商', '专题议政性常委会议', 9],
    ]);
    expect(plan.items[0].unitNames).toHaveLength(2);
    expect((await ok(member.get(`/api/consultation/topics/${topic.id}`))).statusLabel).toBe('已列入计划');
    // members read only an approved plan, and so does the public
    expect((await member.get(`/api/consultation/plans/${plan.id}`)).status).toBe(404);
    const [{ committee_id: committeeId }] = await t.database.query<{ committee_id: string }>('select committee_id from consultation_plans where id = $1', [plan.id]);
    const publicPlan = () => ok(t.anonymous.get(`/api/portal/plan?committeeId=${committeeId}&year=${YEAR}`));
    expect((await publicPlan()).plan).toBeNull();
    expect((await t.anonymous.get(`/api/portal/plan/document?committeeId=${committeeId}&year=${YEAR}`)).status).toBe(404);

    const step = (who: typeof office, action: string, body: object = {}) => who.post(`/api/consultation/plans/${plan.id}/actions/${action}`, { version: plan.version, ...body });
    plan = await ok(step(office, 'submit'));
    expect(plan.status).toBe('committeeReview');
    const noReason = await step(office, 'return');
    expect(noReason.status).toBe(400);
    expect(noReason.body.message).toContain('退回理由');
    plan = await ok(step(office, 'passCommittee', { note: '经济、社法专委会审查同意' }));
    plan = await ok(step(office, 'passOffice'));
    expect(plan.status).toBe('chairsReview');
    expect((await step(office, 'passChairs')).status).toBe(403);
    plan = await ok(step(leader, 'passChairs', { note: '主席会议同意' }));
    expect(plan.status).toBe('partyReview');
    expect((await step(leader, 'approve')).status).toBe(403);
    // items are frozen under review
    const frozen = await office.post(`/api/consultation/plans/${plan.id}/items`, { version: plan.version, title: '关于某事的协商议题', form: 'online', month: 3 });
    expect(frozen.status).toBe(409);
    expect(frozen.body.message).toContain('编制中');
    plan = await ok(step(office, 'approve', { note: '区委常委会审定' }));
    expect(plan).toMatchObject({ status: 'approved', approvedOn: expect.any(String) });
    expect(plan.reviews.map((r: any) => r.stepLabel)).toEqual(['提交审查', '专委会基础审查', '办公室研究审查', '主席会议协商审查', '党委常委会终审']);

    const memberId = await memberIdOf(t, 'member');
    const credits = async () => (await t.database.db.select().from(ledgerEntries).where(and(eq(ledgerEntries.sourceId, topic.id), eq(ledgerEntries.kind, 'consultation.topicAdopted')))).map((e) => e.memberId);
    expect(await credits()).toEqual([memberId]);
    const [account] = await t.database.db.select().from(users).where(eq(users.username, 'member'));
    const notes = await t.database.db.select().from(notifications).where(eq(notifications.userId, account.id));
    expect(notes.map((n) => n.title)).toContain(`您提出的协商选题已列入${YEAR}年度协商计划：${topic.title}`);

    const seen = await ok(member.get(`/api/consultation/plans/${plan.id}`));
    expect(seen.items).toHaveLength(2);
    expect(seen.actions).toEqual(['document']);
    const file = await member.get(`/api/consultation/plans/${plan.id}/document`);
    expect(file.status).toBe(200);
    expect(String(file.headers['content-type'])).toContain('wordprocessingml');
    expect(file.raw.slice(0, 2)).toBe('PK');
    // on the portal: the topics as printed and how far each has come, no ids; the same document, as .docx and PDF
    const shown = await publicPlan();
    expect(shown.years).toContain(YEAR);
    expect(shown.plan.items.map((i: any) => [i.title, i.formLabel, i.month, i.statusLabel])).toEqual(plan.items.map((i: any) => [i.title, i.formLabel, i.month, i.statusLabel]));
    for (const id of [plan.id, topic.id, ...plan.items.map((i: any) => i.id)]) expect(JSON.stringify(shown)).not.toContain(id);
    const docx = await t.anonymous.get(`/api/portal/plan/document?committeeId=${committeeId}&year=${YEAR}`);
    expect([docx.status, docx.raw.slice(0, 2)]).toEqual([200, 'PK']);
    const pdf = await t.anonymous.get(`/api/portal/plan/document?committeeId=${committeeId}&year=${YEAR}&format=pdf`);
    expect([pdf.status, pdf.raw.slice(0, 4)]).toEqual([200, '%PDF']);

    // a change after approval goes through the same four steps and keeps the history
    plan = await ok(step(office, 'revise', { note: '增加一项月度协商' }));
    expect(plan).toMatchObject({ status: 'draft', revision: 2, approvedOn: null });
    // under revision, the portal shows no plan of the year until it is approved again
    expect((await publicPlan()).plan).toBeNull();
    for (const [who, action] of [[office, 'submit'], [office, 'passCommittee'], [office, 'passOffice'], [leader, 'passChairs'], [office, 'approve']] as const) plan = await ok(step(who, action));
    expect(plan.reviews.filter((r: any) => r.revision === 1).map((r: any) => r.step).at(-1)).toBe('revise');
    expect(plan.reviews.filter((r: any) => r.revision === 1)).toHaveLength(6);
    expect(plan.reviews).toHaveLength(11);
    expect(await credits()).toEqual([memberId]);
  });
});
