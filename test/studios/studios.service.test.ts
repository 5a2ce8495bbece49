import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { dbKinds } from '../support/db.js';
import { startTestApp, type Client, type TestApp } from '../support/app.js';
import { ok } from '../support/proposals.js';
import { users } from '../../src/server/platform/auth/schema.js';
import { auditLog } from '../../src/server/platform/audit/schema.js';
import { publicChallenges } from '../../src/server/platform/public-forms/schema.js';

/**
 * 委员工作室: the public reads a studio's page (profile, members by name and sector, its activities,
 * what it has done) and asks it a question; nothing of a question is public until a member of the
 * studio answered it and it was published; the asker's contact never leaves the staff.
 */
describe.each(dbKinds)('member studios (委员工作室) on %s', (kind) => {
  let t: TestApp;
  let committeeId: string;
  let studio: { id: string; version: number; name: string };
  let roster: Client;
  const secretPhone = '13977776666';

  /** The server's question, answered from the stored answer, for an address of its own. */
  const solved = async (address: string) => {
    const c = await ok(t.anonymous.request({ method: 'GET', url: `/api/portal/challenge?committeeId=${committeeId}`, remoteAddress: address }));
    const [row] = await t.database.db.select().from(publicChallenges).where(eq(publicChallenges.id, c.id));
    return { challengeId: c.id as string, challengeAnswer: row.answer };
  };
  const ask = (address: string, body: Record<string, unknown>, id = studio.id) => t.anonymous.request({ method: 'POST', url: `/api/portal/studios/${id}/questions`, payload: body as any, remoteAddress: address });

  beforeAll(async () => {
    t = await startTestApp(kind);
    committeeId = (await ok(t.anonymous.get('/api/portal/committees'))).items.find((c: any) => c.shortName === '龙岗区政协').id;
    roster = await t.as('roster');
    studio = (await ok(roster.get('/api/studios'))).items[0];
    // the demo account `member` serves in this studio (roster staff set it, as they would)
    const [u] = await t.database.db.select().from(users).where(eq(users.username, 'member'));
    const m = await ok(roster.get(`/api/members/${u.memberId}`));
    await ok(roster.patch(`/api/members/${u.memberId}`, { version: m.version, studioId: studio.id }));
  });
  afterAll(() => t.close());

  it('staff set the public profile (version-checked, audited); the portal lists it with members count and nothing personal', async () => {
    const profile = { place: '龙城街道 爱联社区党群服务中心二楼', openingHours: '每周三下午 14:30—17:30', introduction: '工作室由辖区委员组成，定期接待群众。' };
    expect((await (await t.as('member')).patch(`/api/studios/${studio.id}/profile`, { version: studio.version, ...profile })).status).toBe(403);
    const saved = await ok(roster.patch(`/api/studios/${studio.id}/profile`, { version: studio.version, ...profile }));
    expect(saved).toMatchObject({ ...profile, version: studio.version + 1, actions: ['profile'] });
    const stale = await roster.patch(`/api/studios/${studio.id}/profile`, { version: studio.version, ...profile });
    expect(stale.status).toBe(409);
    studio = saved;
    const [row] = await t.database.db.select().from(auditLog).where(and(eq(auditLog.subjectId, studio.id), eq(auditLog.action, 'studio.profile')));
    expect(row).toBeTruthy();

    const list = await ok(t.anonymous.get(`/api/portal/studios?committeeId=${committeeId}`));
    const mine = list.items.find((s: any) => s.id === studio.id);
    expect(mine).toMatchObject({ name: studio.name, place: profile.place, openingHours: profile.openingHours });
    expect(mine.memberCount).toBeGreaterThan(0);
    const page = await ok(t.anonymous.get(`/api/portal/studios/${studio.id}`));
    expect(page).toMatchObject({ introduction: profile.introduction, committee: { id: committeeId } });
    expect(page.members.length).toBe(mine.memberCount);
    expect(Object.keys(page.members[0]).sort()).toEqual(['name', 'sector']);
    // the catalog's contact person and phone stay inside
    const raw = JSON.stringify(page) + JSON.stringify(list);
    expect(raw).not.toMatch(/contactPhone|contactName|"phone"|mobile/);
    // the home's studio section links to the pages
    const home = await ok(t.anonymous.get(`/api/portal/home?committeeId=${committeeId}`));
    const section = home.sections.find((s: any) => s.key === 'studios');
    expect(section.items.find((i: any) => i.title === studio.name).href).toBe(`/portal/studios/${studio.id}`);
    expect(section.more.href).toBe(`/portal/studios?c=${committeeId}`);
    expect((await t.anonymous.get('/api/portal/studios/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('shows the activities the studio was invited to, by title, day and place only', async () => {
    const office = await t.as('admin');
    const startsAt = new Date(Date.now() + 7 * 86400_000);
    await ok(office.post('/api/meetings', { kind: 'activityDay', title: '工作室接待日：听民声', startsAt, endsAt: new Date(startsAt.getTime() + 7200_000), location: '爱联社区党群服务中心', agenda: '内部议程不公开', invitations: [{ type: 'studio', id: studio.id }] }));
    const page = await ok(t.anonymous.get(`/api/portal/studios/${studio.id}`));
    const event = page.activities.find((a: any) => a.title === '工作室接待日：听民声');
    expect(event).toEqual({ title: '工作室接待日：听民声', date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), place: '爱联社区党群服务中心' });
    expect(JSON.stringify(page)).not.toContain('内部议程不公开');
  });

  it('takes a question with the challenge; refuses bad input by field and a wrong answer; shows nothing until answered and published', async () => {
    const noContact = await ask('203.0.113.31', { body: '工作室周末开放吗？', ...(await solved('203.0.113.31')) });
    expect(noContact.status).toBe(400);
    expect(noContact.body.fields.map((f: any) => f.field)).toContain('askerContact');
    const { challengeId } = await solved('203.0.113.31');
    const wrong = await ask('203.0.113.31', { askerContact: secretPhone, body: '工作室周末开放吗？', challengeId, challengeAnswer: 9999 });
    expect(wrong.status).toBe(400);
    expect(wrong.body.message).toContain('验证题');
    expect((await ask('203.0.113.32', { askerContact: 'someone@example.cn', body: '工作室周末开放吗？', ...(await solved('203.0.113.32')) }, '00000000-0000-4000-8000-000000000000')).status).toBe(404);

    const page = async () => ok(t.anonymous.get(`/api/portal/studios/${studio.id}`));
    // what the studio had published before (the demo's answered questions)
    const before = await page();
    const sent = await ok(ask('203.0.113.33', { askerName: '陈先生', askerContact: secretPhone, body: '小区加装电梯的补贴怎么申请？', ...(await solved('203.0.113.33')) }));
    expect(sent.message).toContain(studio.name);
    expect((await page()).questions).toEqual(before.questions);

    // the studio's member sees it without the contact; staff with it; another member not at all
    const member = await t.as('member');
    const [q] = (await ok(member.get('/api/studios/questions?scope=open'))).items.filter((x: any) => x.body === '小区加装电梯的补贴怎么申请？');
    expect(q.asker).toBeNull();
    expect(q.actions).toEqual(['answer']);
    const staffView = (await ok(roster.get('/api/studios/questions'))).items.find((x: any) => x.id === q.id);
    expect(staffView.asker).toEqual({ name: '陈先生', contact: secretPhone });
    const other = await t.as('member2');
    expect((await ok(other.get('/api/studios/questions'))).items.some((x: any) => x.id === q.id)).toBe(false);
    expect((await other.post(`/api/studios/questions/${q.id}/actions/answer`, { version: q.version, answer: '请到街道办申请。' })).status).toBe(404);
    // staff do not answer in the studio's name; publishing an unanswered one is refused
    expect((await roster.post(`/api/studios/questions/${q.id}/actions/answer`, { version: q.version, answer: '请到街道办申请。' })).status).toBe(403);
    expect((await roster.post(`/api/studios/questions/${q.id}/actions/publish`, { version: q.version })).status).toBe(409);
    const short = await member.post(`/api/studios/questions/${q.id}/actions/answer`, { version: q.version, answer: '好' });
    expect(short.status).toBe(400);
    expect(short.body.message).toContain('答复内容');

    const answered = await ok(member.post(`/api/studios/questions/${q.id}/actions/answer`, { version: q.version, answer: '可向所在街道住建部门提交申请，工作室委员可协助联系。' }));
    expect(answered).toMatchObject({ status: 'answered', answeredBy: expect.any(String), published: false });
    expect((await member.post(`/api/studios/questions/${q.id}/actions/answer`, { version: q.version, answer: '可向所在街道住建部门提交申请。' })).status).toBe(409);
    expect((await page()).questions).toEqual(before.questions);
    // the answer is the member's work: one entry on their record, opening the studio's questions
    const year = answered.answeredOn.slice(0, 4);
    const record = await ok(member.get(`/api/performance/me?year=${year}`));
    expect(record.entries.filter((e: any) => e.sourceId === q.id)).toEqual([expect.objectContaining({ kind: 'studio.answered', kindLabel: '答复委员工作室线上咨询', link: '/studios/questions' })]);

    const published = await ok(roster.post(`/api/studios/questions/${q.id}/actions/publish`, { version: answered.version }));
    const shown = await page();
    expect(shown.questions).toEqual([{ body: '小区加装电梯的补贴怎么申请？', answer: answered.answer, answeredBy: answered.answeredBy, askedOn: q.askedOn, answeredOn: answered.answeredOn }, ...before.questions]);
    expect(shown.record.questionsAnswered).toBe(before.record.questionsAnswered + 1);
    expect(JSON.stringify(shown)).not.toContain(secretPhone);
    expect(JSON.stringify(shown)).not.toContain('陈先生');
    // a member may not hide it again; staff may
    expect((await member.post(`/api/studios/questions/${q.id}/actions/unpublish`, { version: published.version })).status).toBe(403);
    await ok(roster.post(`/api/studios/questions/${q.id}/actions/unpublish`, { version: published.version }));
    expect((await page()).questions).toEqual(before.questions);
    const trail = await t.database.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.subjectId, q.id)).orderBy(asc(auditLog.seq)); // rows come back in no order without one (PostgreSQL)
    expect(trail.map((r) => r.action)).toEqual(['studioQuestion.create', 'studioQuestion.answer', 'studioQuestion.publish', 'studioQuestion.unpublish']);
  });

  it('counts the requests routed to the studio and finished', async () => {
    const page = await ok(t.anonymous.get(`/api/portal/studios/${studio.id}`));
    expect(page.record.requestsRouted).toBeGreaterThanOrEqual(page.record.requestsDone);
    const all = await ok(roster.get('/api/requests?scope=all'));
    const detail = await Promise.all(all.items.map((r: any) => ok(roster.get(`/api/requests/${r.id}`))));
    expect(page.record.requestsRouted).toBe(detail.filter((r: any) => r.studioId === studio.id).length);
    expect(page.record.requestsDone).toBe(detail.filter((r: any) => r.studioId === studio.id && r.status === 'done').length);
  });
});
