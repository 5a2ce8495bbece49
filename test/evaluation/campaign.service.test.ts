import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { and, eq, getTableColumns, isNull } from 'drizzle-orm';
import { dbKinds } from '../support/db.js';
import { startTestApp, type Client, type TestApp } from '../support/app.js';
import { memberIdOf, ok, unitIdByName } from '../support/proposals.js';
import { ledgerEntries } from '../../src/server/platform/ledger/schema.js';
import { auditLog } from '../../src/server/platform/audit/schema.js';
import { loadCalendar } from '../../src/server/platform/calendar/store.js';
import { addWorkdays } from '../../src/server/platform/calendar/workdays.js';
import { evaluationParticipation, evaluationTallies } from '../../src/server/modules/evaluation/schema.js';
import { all, phases, year } from './campaign-fixture.js';


describe.each(dbKinds)('民主评议 on %s', (kind) => {
  let t: TestApp;
  const at = (day: string) => vi.setSystemTime(new Date(`${day}T02:00:00Z`));
  let office: Client, admin: Client, leader: Client, member: Client, member2: Client, member3: Client, unit: Client, unit2: Client;
  let education: string, housing: string, water: string, memberId: string, member2Id: string, member3Id: string;
  let c: any;
  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    at('2026-09-24'); // the Thursday before 中秋 and 国庆 2026
    t = await startTestApp(kind);
    [office, admin, leader, member, member2, member3, unit, unit2] = await Promise.all(['office', 'admin', 'leader', 'member', 'member2', 'member3', 'unit', 'unit2'].map((u) => t.as(u)));
    [education, housing, water] = await Promise.all(['区教育局', '区住房建设局', '区水务局'].map((n) => unitIdByName(office, n)));
    [memberId, member2Id, member3Id] = await Promise.all(['member', 'member2', 'member3'].map((u) => memberIdOf(t, u)));
  });
  afterAll(async () => {
    await t.close();
    vi.useRealTimers();
  });
  const act = async (who: Client, action: string, extra: object = {}) => (c = await ok(who.post(`/api/evaluation/campaigns/${c.id}/actions/${action}`, { version: c.version, ...extra })));
  const setRules = async (values: object) => {
    const current = await ok(admin.get(`/api/settings/evaluation?year=${year}`));
    await ok(admin.request({ method: 'PUT', url: `/api/settings/evaluation?year=${year}`, payload: { version: current.version, values: { ...current.values, ...values } } }));
  };

  it('the office drafts a campaign; the chairs’ meeting proposes and the party committee approves, both kept with their date', async () => {
    const bad = await office.post('/api/evaluation/campaigns', { year, title: '测试评议', unitIds: [education], invitedMemberIds: [memberId], phases });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('评议部门');
    expect((await member.post('/api/evaluation/campaigns', { year, title: '委员自建评议', unitIds: [education, housing], invitedMemberIds: [memberId], phases })).status).toBe(404);
    c = await ok(office.post('/api/evaluation/campaigns', { year, title: '2026年度民主评议（测试）', unitIds: [education, housing, water], invitedMemberIds: [memberId, member2Id, member3Id], phases }));
    expect(c.indicators.map((i: any) => [i.label, i.weight])).toEqual([['组织领导', 15], ['工作机制', 15], ['与提案人沟通协商', 20], ['办理成效', 30], ['答复质量', 20]]);
    expect(c.actions).toContain('propose');
    // a draft is the office's: leaders, invited members and made-up ids alike are not found
    const made = await member.get('/api/evaluation/campaigns/00000000-0000-4000-8000-000000000000');
    for (const who of [leader, member]) expect(await who.get(`/api/evaluation/campaigns/${c.id}`)).toMatchObject({ status: 404, body: { message: made.body.message } });
    await act(office, 'propose', { on: '2026-09-01', note: '主席会议研究提出3个评议部门' });
    expect((await office.patch(`/api/evaluation/campaigns/${c.id}`, { version: c.version, unitIds: [education, housing] })).status).toBe(409);
    expect((await leader.get(`/api/evaluation/campaigns/${c.id}`)).status).toBe(200);
    expect((await leader.post(`/api/evaluation/campaigns/${c.id}/actions/approve`, { version: c.version, on: '2026-09-05', note: '同意' })).status).toBe(403);
    await act(office, 'approve', { on: '2026-09-05', note: '区委常委会同意' });
    expect([c.status, c.proposedOn, c.approvedOn, c.approvalNote]).toEqual(['preparing', '2026-09-01', '2026-09-05', '区委常委会同意']);
    expect(c.history.map((h: any) => h.actionLabel)).toEqual(['创建评议活动', '主席会议提出', '党委批准']);
    expect(c.phaseList.map((p: any) => [p.label, p.state])).toEqual([['准备', 'current'], ['调查走访', 'future'], ['评议审议', 'future'], ['整改总结', 'future'], ['回头看', 'future']]);
  });

  it('invited members fill the questionnaire once per department; a second ballot is refused in Chinese', async () => {
    // approved, not yet open
    expect((await member.post(`/api/evaluation/campaigns/${c.id}/responses`, { unitId: education, answers: all('satisfied') })).status).toBe(403);
    await act(office, 'startSurvey');
    const missing = await member.post(`/api/evaluation/campaigns/${c.id}/responses`, { unitId: education, answers: { organisation: 'satisfied' } });
    expect(missing.status).toBe(400);
    expect(missing.body.message).toContain('办理成效');
    expect((await leader.post(`/api/evaluation/campaigns/${c.id}/responses`, { unitId: education, answers: all('satisfied') })).status).toBe(403);
    await ok(member.post(`/api/evaluation/campaigns/${c.id}/responses`, { unitId: education, answers: all('satisfied') }));
    const again = await member.post(`/api/evaluation/campaigns/${c.id}/responses`, { unitId: education, answers: all('unsatisfied') });
    expect(again.status).toBe(409);
    expect(again.body.message).toBe('您已提交过对该部门的评议问卷，每人对每个部门只能评议一次');
    // two at once: the unique index lets one through
    const both = await Promise.all([1, 2].map(() => member.post(`/api/evaluation/campaigns/${c.id}/responses`, { unitId: housing, answers: all('basic') })));
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    await ok(member.post(`/api/evaluation/campaigns/${c.id}/responses`, { unitId: water, answers: all('unsatisfied') }));
    // the home page counts what is left: member3 has all three departments to go, member none
    const todo = async (who: Client) => (await ok(who.get('/api/dashboard'))).cards.find((x: any) => x.key === 'evaluationTodo')?.value ?? 0;
    expect([await todo(member3), await todo(member)]).toEqual([3, 0]);
    const mine = await ok(member.get('/api/evaluation/questionnaires'));
    const q = mine.items.find((i: any) => i.id === c.id);
    expect([q.open, q.respondedCount, q.departments.every((d: any) => d.responded)]).toEqual([true, 3, true]);
    const ledger = await t.database.db.select().from(ledgerEntries).where(and(eq(ledgerEntries.memberId, memberId), eq(ledgerEntries.sourceId, c.id), isNull(ledgerEntries.voidedAt)));
    expect(ledger.map((l) => l.kind)).toEqual(['evaluation.questionnaire']);
  });

  it('anonymity: ballots are stored as counts only, and no route returns what one person answered', async () => {
    expect(Object.keys(getTableColumns(evaluationTallies))).not.toContain('memberId');
    expect(Object.keys(getTableColumns(evaluationParticipation))).toEqual(expect.not.arrayContaining(['choice', 'answers', 'indicatorKey']));
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'evaluationCampaign.respond'));
    expect(audits.length).toBeGreaterThan(0);
    for (const a of audits) expect(JSON.stringify([a.before, a.after, a.note])).not.toMatch(/satisfied|basic|unknown|满意|不了解/);
    await ok(member2.post(`/api/evaluation/campaigns/${c.id}/responses`, { unitId: education, answers: { organisation: 'satisfied', mechanism: 'basic', consultation: 'unsatisfied', results: 'unknown', replyQuality: 'basic' } }));
    const urls = [`/api/evaluation/campaigns/${c.id}`, `/api/evaluation/campaigns/${c.id}/results`, '/api/evaluation/campaigns', '/api/evaluation/questionnaires', `/api/audit?subjectType=evaluationCampaign`];
    for (const who of [office, admin, leader, member, member2, member3, await t.as('auditor')]) {
      for (const url of urls) {
        const res = await who.get(url);
        const text = JSON.stringify(res.body);
        // member2's ids never appear next to anything: not in the campaign, the results or the audit trail's answers
        if (url.includes('/results') || url.includes('questionnaires')) expect(text).not.toContain(member2Id);
        expect(text).not.toMatch(/"answers"|"ballots?"/);
      }
    }
    // while the questionnaire is open even the office sees participation only, no scores
    const live = await ok(office.get(`/api/evaluation/campaigns/${c.id}/results`));
    expect(live.scoresShown).toBe(false);
    expect(live.departments.find((d: any) => d.unitId === education)).toMatchObject({ respondents: 2, quorumMet: true, score: null, indicators: [] });
  });

  it('quorum (a setting): the ranking is published only when every department has more than half of the invited', async () => {
    await act(office, 'startDeliberation');
    expect((await member3.post(`/api/evaluation/campaigns/${c.id}/responses`, { unitId: water, answers: all('basic') })).status).toBe(403);
    const r = await ok(office.get(`/api/evaluation/campaigns/${c.id}/results`));
    expect([r.invited, r.quorum, r.complete]).toEqual([3, 2, false]);
    expect(c.blocked.publish).toContain('区住房建设局');
    const refused = await office.post(`/api/evaluation/campaigns/${c.id}/actions/publish`, { version: c.version });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain('参评人数不足');
    // the committee lowers its quorum for the year: one of three is more than 30%
    await setRules({ quorumShare: 0.3, satisfactoryCount: 1, focusCount: 1 });
    c = await ok(office.get(`/api/evaluation/campaigns/${c.id}`));
    expect(c.blocked.publish).toBeUndefined();
  });

  it('weights: each indicator averages the known answers, the department weighs them; top and bottom N named', async () => {
    const r = await ok(office.get(`/api/evaluation/campaigns/${c.id}/results`));
    const edu = r.departments.find((d: any) => d.unitId === education);
    // 组织领导 100, 工作机制 (100+80)/2, 沟通协商 (100+0)/2, 办理成效 100 (不了解 left out), 答复质量 90
    expect(edu.indicators.map((i: any) => i.score)).toEqual([100, 90, 50, 100, 90]);
    expect(edu.indicators[3].counts).toEqual({ satisfied: 1, basic: 0, unsatisfied: 0, unknown: 1 });
    expect(edu.score).toBe(86.5); // (15×100 + 15×90 + 20×50 + 30×100 + 20×90) / 100
    expect(r.departments.map((d: any) => [d.name, d.score, d.rank, d.grade])).toEqual([
      ['区教育局', 86.5, 1, 'satisfactory'],
      ['区住房建设局', 80, 2, 'ranked'],
      ['区水务局', 0, 3, 'focus'],
    ]);
    // the members and departments see nothing until it is published
    expect((await member.get(`/api/evaluation/campaigns/${c.id}/results`)).status).toBe(403);
    expect((await unit.get(`/api/evaluation/campaigns/${c.id}`)).status).toBe(404);
    await act(office, 'publish');
    expect(c.publishedOn).toBe('2026-09-24');
    expect((await ok(member.get(`/api/evaluation/campaigns/${c.id}/results`))).departments[0].gradeLabel).toBe('满意单位');
    expect((await ok(unit.get(`/api/evaluation/campaigns/${c.id}`))).findings).toEqual([]);
    const xlsx = await office.get(`/api/evaluation/campaigns/${c.id}/results/export`);
    expect([xlsx.status, xlsx.headers?.['content-type']]).toEqual([200, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);
    const docx = await office.request({ method: 'GET', url: `/api/evaluation/campaigns/${c.id}/report` });
    expect(docx.status).toBe(200);
  });

  it('rectification: each finding goes to its department with a deadline in working days, is replied to and rechecked (回头看)', async () => {
    const bad = await office.post(`/api/evaluation/campaigns/${c.id}/findings`, { unitId: education, text: '短' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('整改事项');
    c = await ok(office.post(`/api/evaluation/campaigns/${c.id}/findings`, { unitId: water, text: '委员反映河道巡查发现问题整改反馈周期偏长，请限期整改。' }));
    const item = c.findings[0];
    const cal = await loadCalendar(t.database.db);
    // 30 working days from Thursday 24 September, across 中秋 and 国庆
    expect(item.replyDeadline).toBe(addWorkdays(cal, '2026-09-24', 30));
    expect(item.replyDeadline > '2026-11-05').toBe(true);
    const made = await unit2.get('/api/evaluation/findings/00000000-0000-4000-8000-000000000000');
    expect(await unit2.get(`/api/evaluation/findings/${item.id}`)).toMatchObject({ status: 404, body: { message: made.body.message } });
    const unit3 = await t.as('unit3');
    const work = await ok(unit3.get('/api/handling/worklist'));
    expect(work.items.some((w: any) => w.type === 'evaluationFinding' && w.subjectId === item.id)).toBe(true);
    const early = await office.post(`/api/evaluation/findings/${item.id}/recheck`, { version: item.version, passed: true, note: '已整改' });
    expect(early.status).toBe(403);
    const reply = async () => {
      const f = await ok(unit3.get(`/api/evaluation/findings/${item.id}`));
      const a = f.assignments.find((x: any) => x.round === f.handlingRound);
      await ok(unit3.post(`/api/handling/assignments/${a.id}/sign`, { version: a.version }));
      const r = await ok(unit3.post('/api/handling/replies', { type: 'evaluationFinding', subjectId: item.id, answerClass: 'B', body: '我局已建立河道巡查问题限时整改机制，整改结果在区政府网站公开。', contactPerson: '李工', contactPhone: '0755-28900003', disclose: true }));
      const signed = await ok(unit3.post(`/api/handling/replies/${r.id}/sign`, { version: r.version, signedBy: '区水务局局长' }));
      await ok(unit3.post(`/api/handling/replies/${signed.id}/send`, { version: signed.version }));
      return ok(office.get(`/api/evaluation/findings/${item.id}`));
    };
    let f = await reply();
    expect(f.status).toBe('replied');
    f = await ok(office.post(`/api/evaluation/findings/${item.id}/recheck`, { version: f.version, passed: false, note: '回头看发现仍有排口溢流' }));
    expect([f.status, f.handlingRound]).toEqual(['rehandling', 2]);
    await act(office, 'startRecheck');
    f = await reply();
    expect((await office.post(`/api/evaluation/campaigns/${c.id}/actions/finish`, { version: c.version })).body.message).toBe('还有1项整改事项未通过回头看');
    f = await ok(office.post(`/api/evaluation/findings/${item.id}/recheck`, { version: f.version, passed: true, note: '回头看确认已整改到位' }));
    expect(f.statusLabel).toBe('回头看通过');
    c = await ok(office.get(`/api/evaluation/campaigns/${c.id}`));
    await act(office, 'finish');
    expect(c.status).toBe('done');
  });
});
