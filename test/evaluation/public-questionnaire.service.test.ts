import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq, getTableColumns, inArray } from 'drizzle-orm';
import { dbKinds } from '../support/db.js';
import { startTestApp, type Client, type TestApp } from '../support/app.js';
import { memberIdOf, ok, unitIdByName } from '../support/proposals.js';
import { auditLog } from '../../src/server/platform/audit/schema.js';
import { evaluationParticipation, evaluationRepresentatives, evaluationTallies } from '../../src/server/modules/evaluation/schema.js';
import { invitationHash } from '../../src/server/modules/evaluation/commands/representatives.js';
import { all, phases, year } from './campaign-fixture.js';

const tokenOf = (link: string) => link.split('/').pop()!;

describe.each(dbKinds)('民主评议: representatives by their link, the public through the portal, on %s', (kind) => {
  let t: TestApp;
  const at = (day: string) => vi.setSystemTime(new Date(`${day}T02:00:00Z`));
  let office: Client, admin: Client, leader: Client, member: Client, member2: Client, staff: Client;
  let education: string, housing: string, committeeId: string;
  let c: any;
  let rep: any, link: string;
  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    at('2026-09-12'); // within 调查走访 (sessions do not outlive a jump of days: clients log in again after one)
    t = await startTestApp(kind);
    [office, admin, leader, member, member2, staff] = await Promise.all(['office', 'admin', 'leader', 'member', 'member2', 'staff'].map((u) => t.as(u)));
    [education, housing] = await Promise.all(['区教育局', '区住房建设局'].map((n) => unitIdByName(office, n)));
    committeeId = (await ok(member.get('/api/auth/me'))).user.committee.id;
    const ids = await Promise.all(['member', 'member2', 'member3'].map((u) => memberIdOf(t, u)));
    c = await ok(office.post('/api/evaluation/campaigns', { year, title: '2026年度民主评议（公众参与测试）', unitIds: [education, housing], invitedMemberIds: ids, phases, publicOpen: true }));
  });
  afterAll(async () => {
    await t.close();
    vi.useRealTimers();
  });
  const act = async (action: string, extra: object = {}) => (c = await ok(office.post(`/api/evaluation/campaigns/${c.id}/actions/${action}`, { version: c.version, ...extra })));
  const setRules = async (values: object) => {
    const current = await ok(admin.get(`/api/settings/evaluation?year=${year}`));
    await ok(admin.request({ method: 'PUT', url: `/api/settings/evaluation?year=${year}`, payload: { version: current.version, values: { ...current.values, ...values } } }));
  };
  const invitation = (token: string) => t.anonymous.get(`/api/evaluation/invitations/${token}`);
  const answerByLink = (token: string, unitId: string, choice = 'satisfied') => t.anonymous.post(`/api/evaluation/invitations/${token}/responses`, { unitId, answers: all(choice) });
  /** the portal as one browser: its cookie kept between requests, from one address */
  const browser = (remoteAddress: string) => {
    let cookie = '';
    const send = async (method: string, url: string, payload?: object) => {
      const res = await t.app.inject({ method: method as 'GET', url, payload, remoteAddress, headers: cookie ? { cookie } : {} });
      const set = res.headers['set-cookie'];
      if (set) cookie = String(set).split(';')[0];
      return { status: res.statusCode, body: res.json() };
    };
    return {
      list: () => send('GET', `/api/portal/evaluation?committeeId=${committeeId}`),
      answer: (unitId: string, choice = 'basic') => send('POST', `/api/portal/evaluation/${c.id}/responses`, { unitId, answers: all(choice) }),
    };
  };

  it('the office invites a representative; only a hash of their link is kept; the list (name, phone) is the office’s alone', async () => {
    await act('propose', { on: '2026-09-01', note: '主席会议研究提出' });
    await act('approve', { on: '2026-09-02', note: '区委同意' });
    const bad = await office.post(`/api/evaluation/campaigns/${c.id}/representatives`, { name: '', organisation: '龙城街道', phone: '123' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/代表姓名|联系电话/);
    for (const who of [member, leader, staff]) expect([403, 404]).toContain((await who.post(`/api/evaluation/campaigns/${c.id}/representatives`, { name: '张三', organisation: '龙城街道' })).status);
    const added = await ok(office.post(`/api/evaluation/campaigns/${c.id}/representatives`, { name: '陈秀英', organisation: '龙城街道居民代表', phone: '13800000001' }));
    rep = added.item;
    link = added.link;
    expect(link).toMatch(/^\/portal\/evaluation\/invite\/[A-Za-z0-9_-]{32}$/);
    const [row] = await t.database.db.select().from(evaluationRepresentatives).where(eq(evaluationRepresentatives.id, rep.id));
    expect(row.tokenHash).toBe(invitationHash(tokenOf(link)));
    expect(JSON.stringify(row)).not.toContain(tokenOf(link));
    const list = await ok(office.get(`/api/evaluation/campaigns/${c.id}/representatives`));
    expect(list.items.map((r: any) => [r.name, r.organisation, r.phone, r.active, r.respondedCount])).toEqual([['陈秀英', '龙城街道居民代表', '13800000001', true, 0]]);
    expect(JSON.stringify(list)).not.toContain(tokenOf(link));
    for (const who of [leader, member, staff]) expect([403, 404]).toContain((await who.get(`/api/evaluation/campaigns/${c.id}/representatives`)).status);
    // before the questionnaire opens the link shows it, closed
    expect((await ok(invitation(tokenOf(link)))).open).toBe(false);
    expect((await answerByLink(tokenOf(link), education)).status).toBe(409);
  });

  it('the representative answers by their link, once per department; a link answers only its own token', async () => {
    await act('startSurvey');
    const token = tokenOf(link);
    const q = await ok(invitation(token));
    expect([q.open, q.departments.map((d: any) => d.responded), q.indicators.length]).toEqual([true, [false, false], 5]);
    expect(JSON.stringify(q)).not.toMatch(/陈秀英|13800000001/);
    const made = await invitation('A'.repeat(32));
    expect(made).toMatchObject({ status: 404, body: { message: '评议链接无效或已收回，请向政协办公室索取新的链接' } });
    expect((await invitation('short')).status).toBe(400);
    await ok(answerByLink(token, education, 'unsatisfied'));
    const again = await answerByLink(token, education);
    expect(again).toMatchObject({ status: 409, body: { message: '您已提交过对该部门的评议问卷，每人对每个部门只能评议一次' } });
    // a second representative's link is theirs alone
    const other = await ok(office.post(`/api/evaluation/campaigns/${c.id}/representatives`, { name: '黄志明', organisation: '个体劳动者协会' }));
    expect((await ok(invitation(tokenOf(other.link)))).departments.map((d: any) => d.responded)).toEqual([false, false]);
    await ok(answerByLink(tokenOf(other.link), education, 'unsatisfied'));
    const list = await ok(office.get(`/api/evaluation/campaigns/${c.id}/representatives`));
    expect(list.items.map((r: any) => r.respondedCount)).toEqual([1, 1]);
  });

  it('the office revokes a link (it stops at once) and re-issues it (a new link; what was answered stays counted)', async () => {
    const old = tokenOf(link);
    const stale = await office.post(`/api/evaluation/representatives/${rep.id}/revoke`, { version: rep.version + 5 });
    expect(stale.status).toBe(409);
    const revoked = await ok(office.post(`/api/evaluation/representatives/${rep.id}/revoke`, { version: rep.version }));
    expect([revoked.item.active, revoked.link]).toEqual([false, null]);
    expect((await invitation(old)).status).toBe(404);
    expect((await answerByLink(old, housing)).status).toBe(404);
    expect([403, 404]).toContain((await member.post(`/api/evaluation/representatives/${rep.id}/reissue`, { version: revoked.item.version })).status);
    const reissued = await ok(office.post(`/api/evaluation/representatives/${rep.id}/reissue`, { version: revoked.item.version }));
    expect(reissued.item.active).toBe(true);
    expect(tokenOf(reissued.link)).not.toBe(old);
    expect((await invitation(old)).status).toBe(404);
    const q = await ok(invitation(tokenOf(reissued.link)));
    expect(q.departments.map((d: any) => d.responded)).toEqual([true, false]);
    await ok(answerByLink(tokenOf(reissued.link), housing, 'basic'));
    const names = (await t.database.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.subjectId, c.id))).map((a) => a.action);
    expect(names).toEqual(expect.arrayContaining(['evaluationCampaign.addRepresentative', 'evaluationCampaign.revokeRepresentative', 'evaluationCampaign.reissueRepresentative']));
  });

  it('the public answers through the portal only while the campaign opens it: one ballot per department per browser, a ceiling per address', async () => {
    const phone = browser('203.0.113.7');
    const listed = await phone.list();
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((i: any) => [i.id, i.departments.length])).toEqual([[c.id, 2]]);
    expect((await phone.answer(education)).status).toBe(200);
    expect(await phone.answer(education)).toMatchObject({ status: 409, body: { message: '本设备已提交过对该部门的评议，每个部门只能评议一次' } });
    expect((await phone.list()).body.items[0].departments.map((d: any) => d.responded)).toEqual([true, false]);
    // another browser on the same network may answer too, up to the setting's ceiling an hour
    await setRules({ publicPerAddressPerHour: 5 });
    const flood = [];
    for (let n = 0; n < 5; n++) flood.push((await browser('203.0.113.7').answer(education)).status);
    expect(flood).toEqual([200, 200, 200, 200, 429]);
    const refused = await browser('203.0.113.7').answer(housing);
    expect(refused).toMatchObject({ status: 429, body: { message: '提交过于频繁：同一网络每小时最多提交5份评议问卷，请稍后再试' } });
    expect((await browser('198.51.100.2').answer(housing, 'satisfied')).status).toBe(200);
    // outside the 调查走访 dates the page lists nothing and a ballot is refused
    at('2026-09-21');
    expect((await phone.list()).body.items).toEqual([]);
    expect(await phone.answer(housing)).toMatchObject({ status: 409, body: { message: '公众评议不在开放期间，感谢您的关注' } });
    at('2026-09-12');
  });

  it('a campaign not opened to the public is not on the portal and takes no public ballot', async () => {
    const ids = await Promise.all(['member'].map((u) => memberIdOf(t, u)));
    const closed = await ok(office.post('/api/evaluation/campaigns', { year, title: '2026年度民主评议（不向公众开放）', unitIds: [education, housing], invitedMemberIds: ids, phases }));
    const b = browser('192.0.2.9');
    expect((await b.list()).body.items.map((i: any) => i.id)).not.toContain(closed.id);
    const res = await t.app.inject({ method: 'POST', url: `/api/portal/evaluation/${closed.id}/responses`, payload: { unitId: education, answers: all('basic') }, remoteAddress: '192.0.2.9' });
    expect(res.statusCode).toBe(404);
  });

  it('results: each kind apart and combined with the weights of the setting; counts are the sum of the parts; the quorum counts members only', async () => {
    await ok(member.post(`/api/evaluation/campaigns/${c.id}/responses`, { unitId: education, answers: all('satisfied') }));
    await ok(member2.post(`/api/evaluation/campaigns/${c.id}/responses`, { unitId: education, answers: all('satisfied') }));
    await ok(member.post(`/api/evaluation/campaigns/${c.id}/responses`, { unitId: housing, answers: all('basic') }));
    await ok(member2.post(`/api/evaluation/campaigns/${c.id}/responses`, { unitId: housing, answers: all('basic') }));
    at('2026-09-21');
    [office, admin, leader] = await Promise.all(['office', 'admin', 'leader'].map((u) => t.as(u)));
    await act('startDeliberation');
    const r = await ok(office.get(`/api/evaluation/campaigns/${c.id}/results`));
    expect(r.kinds.map((k: any) => [k.label, k.weight])).toEqual([['政协委员', 60], ['特邀群众代表', 30], ['社会公众', 10]]);
    const edu = r.departments.find((d: any) => d.unitId === education);
    // members 2 × 满意, representatives 2 × 不满意, the public 5 × 基本满意
    expect(edu.byKind.map((k: any) => [k.kind, k.respondents, k.score])).toEqual([['member', 2, 100], ['representative', 2, 0], ['public', 5, 80]]);
    expect([edu.respondents, edu.memberRespondents, edu.quorumMet]).toEqual([9, 2, true]);
    expect(edu.score).toBe(68); // 60% × 100 + 30% × 0 + 10% × 80
    for (const i of edu.indicators) expect(i.counts).toEqual({ satisfied: 2, basic: 5, unsatisfied: 2, unknown: 0 });
    // the weights are a setting an admin changes
    await setRules({ memberWeight: 50, representativeWeight: 50, publicWeight: 0 });
    const changed = await ok(office.get(`/api/evaluation/campaigns/${c.id}/results`));
    expect(changed.departments.find((d: any) => d.unitId === education).score).toBe(50);
    await setRules({ memberWeight: 60, representativeWeight: 30, publicWeight: 10 });
  });

  it('anonymity: no table keeps an answer next to a respondent, and no route returns one', async () => {
    expect(Object.keys(getTableColumns(evaluationTallies))).toEqual(expect.not.arrayContaining(['memberId', 'representativeId', 'deviceHash']));
    expect(Object.keys(getTableColumns(evaluationParticipation))).toEqual(expect.not.arrayContaining(['choice', 'answers', 'indicatorKey']));
    const audits = await t.database.db.select().from(auditLog).where(inArray(auditLog.action, ['evaluationCampaign.respondRepresentative', 'evaluationCampaign.respondPublic']));
    expect(new Set(audits.map((a) => a.actorName))).toEqual(new Set(['特邀群众代表', '社会公众']));
    for (const a of audits) expect(JSON.stringify([a.before, a.after, a.note])).not.toMatch(/satisfied|basic|unknown|满意|陈秀英/);
    const urls = [`/api/evaluation/campaigns/${c.id}`, `/api/evaluation/campaigns/${c.id}/results`, `/api/evaluation/campaigns/${c.id}/representatives`, '/api/audit?subjectType=evaluationCampaign'];
    for (const who of [office, admin, leader, await t.as('auditor')]) {
      for (const url of urls) expect(JSON.stringify((await who.get(url)).body)).not.toMatch(/"answers"|"ballots?"|"choice"/);
    }
    const history = (await ok(office.get(`/api/evaluation/campaigns/${c.id}`))).history.map((h: any) => h.action);
    expect(history.filter((a: string) => a.startsWith('evaluationCampaign.respond'))).toEqual([]);
  });
});
