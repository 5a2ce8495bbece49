import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { dbKinds } from '../support/db.js';
import { startTestApp, type Client, type TestApp } from '../support/app.js';
import { memberIdOf, ok, unitIdByName } from '../support/proposals.js';
import { ledgerEntries } from '../../src/server/platform/ledger/schema.js';
import { auditLog } from '../../src/server/platform/audit/schema.js';
import { members } from '../../src/server/modules/members/schema.js';
import { addWorkdays } from '../../src/server/platform/calendar/workdays.js';
import { loadCalendar } from '../../src/server/platform/calendar/store.js';

const report = {
  reportTitle: '关于推进老旧小区加装电梯工作的调研报告',
  background: '调研组先后走访布吉街道、坂田街道6个老旧小区，召开座谈会3场，听取住建、规划、街道和居民代表意见。',
  problems: '一是审批环节多、耗时长；二是低层住户意见分歧时缺少调解机制；三是资金筹措难，部分项目迟迟未开工。',
  suggestions: '一是推行加装电梯并联审批，公布办理时限；二是由街道牵头建立业主协商调解机制；三是加大区级财政补贴力度。',
};

describe.each(dbKinds)('research and inspection on %s', (kind) => {
  let t: TestApp;
  const at = (instant: string) => vi.setSystemTime(new Date(instant));
  let office: Client, member: Client, member2: Client, member3: Client, admin: Client, leader: Client;
  const login = async () => ([office, member, member2, member3, admin, leader] = await Promise.all(['office', 'member', 'member2', 'member3', 'admin', 'leader'].map((u) => t.as(u))));
  let memberId: string, member2Id: string;
  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    at('2026-06-01T02:00:00Z');
    t = await startTestApp(kind);
    await login();
    memberId = await memberIdOf(t, 'member');
    member2Id = await memberIdOf(t, 'member2');
  });
  afterAll(async () => {
    await t.close();
    vi.useRealTimers();
  });
  /** the member's live ledger entries of a kind earned from one source (the demo data earned others) */
  const credits = async (who: string, k: string, sourceId: string) =>
    t.database.db.select().from(ledgerEntries).where(and(eq(ledgerEntries.memberId, who), eq(ledgerEntries.kind, k), eq(ledgerEntries.sourceId, sourceId), isNull(ledgerEntries.voidedAt)));
  const newTopic = async (title: string) =>
    ok(office.post('/api/research/topics', { source: 'office', form: 'research', title, reason: '老旧小区加装电梯群众呼声高，审批、协调、资金等问题突出，需要深入调研。' }));

  it('the demo district researched a topic to the end, has an inspection under way and a topic open to volunteers', async () => {
    const list = await ok(office.get('/api/research/topics'));
    const byTitle = (title: string) => list.items.find((x: any) => x.title === title);
    const done = await ok(office.get(`/api/research/topics/${byTitle('社区居家养老服务体系建设').id}`));
    expect(done).toMatchObject({ status: 'final', specialCommitteeName: '社会法制民族宗教委员会', groupSize: 4, leadName: expect.any(String) });
    expect(done.visits[0]).toMatchObject({ activityStatus: 'closed', checkedIn: 3, invited: 4 });
    expect(done.conversions.map((c: any) => c.kindLabel)).toEqual(['集体提案', '社情民意信息']);
    expect(done.items.map((i: any) => i.assignments[0].unitName)).toEqual(['区民政局', '龙岗区卫生健康局']);
    expect(byTitle('龙岗河流域水环境综合治理')).toMatchObject({ formLabel: '专项视察', groupSize: 2 });
    expect((await ok(member.get('/api/research/mine'))).open.map((x: any) => x.title)).toEqual(expect.arrayContaining(['城中村消防安全治理', '龙岗河流域水环境综合治理']));
    // the home page: the office's queue counts the volunteer waiting; member2's group is drafting its report
    const queue = (await ok(office.get('/api/dashboard'))).cards.find((c: any) => c.key === 'researchQueue');
    expect(queue.parts.find((p: any) => p.key === 'volunteers').value).toBeGreaterThanOrEqual(1);
    const todo = (await ok(member2.get('/api/dashboard'))).cards.find((c: any) => c.key === 'researchMine');
    expect(todo).toMatchObject({ link: '/research/mine', section: 'todo' });
    expect(todo.parts.find((p: any) => p.key === 'drafting').value).toBe(1);
  });

  it('only the office enters topics; a special committee’s topic names the committee', async () => {
    expect((await member.post('/api/research/topics', { source: 'office', title: '委员自己立的课题', reason: '委员不能直接立项调研课题，应由办公室安排。' })).status).toBe(403);
    const bad = await office.post('/api/research/topics', { source: 'specialCommittee', title: '专委会课题', reason: '来自专委会工作计划的课题须选择专委会。' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('牵头专委会');
    const topic = await newTopic('老旧小区加装电梯调研');
    expect(topic).toMatchObject({ status: 'drafting', statusLabel: '起草中', groupSize: 0, groupLimit: 10, sourceLabel: '办公室安排' });
  });

  it('a member volunteers, the office confirms or declines; a place earns a ledger entry and the group never passes its limit', async () => {
    let topic = await newTopic('社区养老服务设施调研');
    const mine = await ok(member.get('/api/research/mine'));
    expect(mine.open.map((x: any) => x.id)).toContain(topic.id);
    topic = await ok(member.post(`/api/research/topics/${topic.id}/volunteer`, { note: '本人长期关注养老服务' }));
    expect(topic.myState).toBe('volunteered');
    expect((await member.post(`/api/research/topics/${topic.id}/volunteer`, {})).status).toBe(409);
    expect((await member.post(`/api/research/topics/${topic.id}/group/decide`, { memberId, decision: 'confirm' })).status).toBe(403);
    await ok(member2.post(`/api/research/topics/${topic.id}/volunteer`, {}));
    topic = await ok(office.post(`/api/research/topics/${topic.id}/group/decide`, { memberId, decision: 'confirm' }));
    topic = await ok(office.post(`/api/research/topics/${topic.id}/group/decide`, { memberId: member2Id, decision: 'decline', note: '名额已满，欢迎参加下一课题' }));
    expect(topic.group.map((g: any) => g.stateLabel)).toEqual(['已确认', '未确认']);
    expect(await credits(memberId, 'research.member', topic.id)).toHaveLength(1);
    expect(await credits(member2Id, 'research.member', topic.id)).toHaveLength(0);
    expect((await ok(member.get('/api/research/mine'))).groups.map((x: any) => x.id)).toContain(topic.id);

    // the limit is a setting: at 3 the office cannot confirm a fourth, nor a member volunteer into a full group
    const rules = await ok(admin.get('/api/settings/research'));
    await ok(admin.request({ method: 'PUT', url: '/api/settings/research', payload: { version: rules.version, values: { ...rules.values, maxGroupMembers: 3 } } }));
    const others = (await t.database.db.select({ id: members.id }).from(members).where(eq(members.status, 'active')).limit(12)).map((m) => m.id).filter((id) => id !== memberId && id !== member2Id);
    await ok(office.post(`/api/research/topics/${topic.id}/group/decide`, { memberId: others[0], decision: 'confirm' }));
    await ok(office.post(`/api/research/topics/${topic.id}/group/decide`, { memberId: others[1], decision: 'confirm' }));
    const full = await office.post(`/api/research/topics/${topic.id}/group/decide`, { memberId: others[2], decision: 'confirm' });
    expect(full.status).toBe(409);
    expect(full.body.message).toContain('调研组已满（不超过3人）');
    const late = await member3.post(`/api/research/topics/${topic.id}/volunteer`, {});
    expect(late.status).toBe(409);
    expect(late.body.message).toContain('调研组已满');
    topic = await ok(office.get(`/api/research/topics/${topic.id}`));
    expect(topic).toMatchObject({ groupSize: 3, groupLimit: 3 });
    await ok(admin.request({ method: 'PUT', url: '/api/settings/research', payload: { version: rules.version + 1, values: rules.values } }));
  });

  it('a visit is an activity of the group: invitations, QR check-in, attendance in the ledger', async () => {
    let topic = await newTopic('龙岗河流域水环境治理视察');
    topic = await ok(office.post(`/api/research/topics/${topic.id}/group/decide`, { memberId, decision: 'confirm' }));
    topic = await ok(office.post(`/api/research/topics/${topic.id}/group/lead`, { version: topic.version, memberId }));
    expect(topic.leadName).toBeTruthy();
    const plan = await office.patch(`/api/research/topics/${topic.id}/plan`, { version: topic.version, questions: '流域治理成效与雨季溢流问题', places: ['龙岗河干流', '丁山河'], unitIds: [], startsOn: '2026-06-12', endsOn: '2026-06-10' });
    expect(plan.status).toBe(400);
    expect(plan.body.message).toContain('结束日期');
    topic = await ok(office.patch(`/api/research/topics/${topic.id}/plan`, { version: topic.version, questions: '流域治理成效与雨季溢流问题', places: ['龙岗河干流', '丁山河'], unitIds: [], startsOn: '2026-06-10', endsOn: '2026-06-30' }));
    topic = await ok(office.post(`/api/research/topics/${topic.id}/visits`, { startsAt: '2026-06-10T01:00:00Z', endsAt: '2026-06-10T05:00:00Z', place: '龙岗河干流（横岗段）' }));
    const [visit] = topic.visits;
    expect(visit).toMatchObject({ place: '龙岗河干流（横岗段）', invited: 1, checkedIn: 0 });
    at('2026-06-10T02:00:00Z');
    await login();
    const { token } = await ok(office.get(`/api/meetings/${visit.activityId}/qr`));
    await ok(member.post(`/api/meetings/${visit.activityId}/check-in`, { token }));
    topic = await ok(member.get(`/api/research/topics/${topic.id}`));
    expect(topic.visits[0].checkedIn).toBe(1);
    const meeting = await ok(office.get(`/api/meetings/${visit.activityId}`));
    await ok(office.post(`/api/meetings/${visit.activityId}/actions/close`, { version: meeting.version }));
    expect(await credits(memberId, 'activity.research.attended', visit.activityId)).toHaveLength(1);
  });

  it('the report: written by the group, reviewed by the special committee and the office, returns need a reason; finished as .docx and PDF', async () => {
    at('2026-06-15T02:00:00Z');
    await login();
    let topic = await newTopic('加装电梯调研报告审核');
    topic = await ok(office.post(`/api/research/topics/${topic.id}/group/decide`, { memberId, decision: 'confirm' }));
    topic = await ok(office.post(`/api/research/topics/${topic.id}/group/lead`, { version: topic.version, memberId }));
    expect((await member2.patch(`/api/research/topics/${topic.id}/report`, { version: topic.version, ...report })).status).toBe(403);
    expect(topic.actions).not.toContain('submit');
    topic = await ok(member.patch(`/api/research/topics/${topic.id}/report`, { version: topic.version, ...report }));
    expect((await member.patch(`/api/research/topics/${topic.id}/report`, { version: topic.version - 1, ...report })).status).toBe(409);
    expect(topic.actions).toContain('submit');
    topic = await ok(member.post(`/api/research/topics/${topic.id}/report/actions/submit`, { version: topic.version }));
    expect(topic.statusLabel).toBe('专委会审核');
    expect((await member.post(`/api/research/topics/${topic.id}/report/actions/passCommittee`, { version: topic.version })).status).toBe(403);
    const noReason = await office.post(`/api/research/topics/${topic.id}/report/actions/return`, { version: topic.version });
    expect(noReason.status).toBe(400);
    expect(noReason.body.message).toContain('退回理由');
    topic = await ok(office.post(`/api/research/topics/${topic.id}/report/actions/return`, { version: topic.version, note: '请补充资金测算数据' }));
    expect(topic).toMatchObject({ status: 'drafting', report: { returnNote: '请补充资金测算数据' } });
    topic = await ok(member.post(`/api/research/topics/${topic.id}/report/actions/submit`, { version: topic.version }));
    topic = await ok(office.post(`/api/research/topics/${topic.id}/report/actions/passCommittee`, { version: topic.version, note: '经济委员会审核同意' }));
    topic = await ok(office.post(`/api/research/topics/${topic.id}/report/actions/passOffice`, { version: topic.version }));
    expect(topic).toMatchObject({ status: 'final', statusLabel: '已定稿', report: { finalizedOn: '2026-06-15' } });
    expect((await credits(memberId, 'research.report', topic.id)).map((e) => e.part)).toEqual(['lead']);
    expect(topic.history.map((h: any) => h.actionLabel)).toEqual(expect.arrayContaining(['退回修改', '专委会审核通过', '办公室审核通过（定稿）']));
    const docx = await member2.get(`/api/research/topics/${topic.id}/report/document`);
    expect(docx.status).toBe(200);
    expect(docx.headers['content-type']).toContain('officedocument');
    const pdf = await member2.get(`/api/research/topics/${topic.id}/report/document?format=pdf`);
    expect(pdf.headers['content-type']).toContain('pdf');
    expect((await member.patch(`/api/research/topics/${topic.id}/report`, { version: topic.version, ...report })).status).toBe(403);
  });

  it('conversion: one action makes a collective proposal and a member’s 社情民意 report, both linked back; others see only what they may open', async () => {
    const topics = await ok(office.get('/api/research/topics'));
    const final = topics.items.find((x: any) => x.title === '加装电梯调研报告审核');
    let topic = await ok(office.get(`/api/research/topics/${final.id}`));
    expect(topic.actions).toContain('convertCollective');
    expect((await member2.post(`/api/research/topics/${topic.id}/conversions`, { version: topic.version, kind: 'memberProposal', title: '关于加快老旧小区加装电梯的提案', category: '城乡建设' })).status).toBe(403);
    topic = await ok(office.post(`/api/research/topics/${topic.id}/conversions`, { version: topic.version, kind: 'collectiveProposal', title: '关于加快推进老旧小区加装电梯的提案', category: '城乡建设', collectiveBody: '区政协社会法制民族宗教委员会' }));
    const { opinionCategories } = await ok(member.get('/api/research/options'));
    topic = await ok(member.post(`/api/research/topics/${topic.id}/conversions`, { version: topic.version, kind: 'opinion', title: '群众反映老旧小区加装电梯审批难', category: opinionCategories[0] }));
    expect(topic.conversions.map((c: any) => [c.kindLabel, c.targetStatusLabel])).toEqual([['集体提案', '草稿'], ['社情民意信息', expect.any(String)]]);
    // the member opens their own report, not the office's collective draft; the office the reverse
    expect(topic.conversions.map((c: any) => !!c.targetId)).toEqual([false, true]);
    const opinionLink = topic.conversions[1];
    const proposalLink = (await ok(office.get(`/api/research/topics/${topic.id}`))).conversions[0];
    expect(proposalLink.targetId).toBeTruthy();
    const proposal = await ok(office.get(`/api/proposals/${proposalLink.targetId}`));
    expect(proposal).toMatchObject({ authorType: 'collective', status: 'draft', suggestions: report.suggestions });
    expect(await ok(office.get(`/api/research/origin?type=proposal&id=${proposalLink.targetId}`))).toEqual({ topicId: topic.id, reportTitle: report.reportTitle });
    expect(await ok(member.get(`/api/research/origin?type=opinion&id=${opinionLink.targetId}`))).toEqual({ topicId: topic.id, reportTitle: report.reportTitle });
    // a member's draft report is theirs alone: another member sees what it became, not its id
    const other = await ok(member2.get(`/api/research/topics/${topic.id}`));
    expect(other.conversions[1]).toMatchObject({ targetId: null, kindLabel: '社情民意信息' });
    expect(JSON.stringify(other)).not.toContain(opinionLink.targetId);
    expect((await member2.get(`/api/research/origin?type=opinion&id=${opinionLink.targetId}`)).status).toBe(404);
  });

  it('conversion by the office into a plenary speech and a 直通车 report: linked both ways, audited, version-checked, the group credited as each module credits its own', async () => {
    /** a finished report of member and member2, member leading the group when `lead` */
    const finished = async (title: string, lead: boolean) => {
      let x = await newTopic(title);
      for (const id of [memberId, member2Id]) x = await ok(office.post(`/api/research/topics/${x.id}/group/decide`, { memberId: id, decision: 'confirm' }));
      if (lead) x = await ok(office.post(`/api/research/topics/${x.id}/group/lead`, { version: x.version, memberId }));
      x = await ok(member.patch(`/api/research/topics/${x.id}/report`, { version: x.version, ...report }));
      for (const [who, action] of [[member, 'submit'], [office, 'passCommittee'], [office, 'passOffice']] as const) {
        x = await ok(who.post(`/api/research/topics/${x.id}/report/actions/${action}`, { version: x.version }));
      }
      expect(x.status).toBe('final');
      return x;
    };
    let topic = await finished('老旧小区加装电梯成果转化', true);
    const convert = (who: Client, body: Record<string, unknown>, on = topic) => who.post(`/api/research/topics/${on.id}/conversions`, { version: on.version, ...body });
    const speech = { kind: 'speech', title: '推进老旧小区加装电梯 让群众“上下楼”不再难' };
    const direct = { kind: 'direct', title: '老旧小区加装电梯审批难亟待破解', category: '城乡建设', collectiveBody: '区政协社会法制民族宗教委员会' };

    // refusals: only the office, a speech needs the group's lead, the 直通车 report a category, a stale page is a 409
    expect((await convert(member, speech)).status).toBe(403);
    expect((await convert(member, direct)).status).toBe(403);
    expect((await convert(member3, direct)).status).toBe(403);
    const leaderless = await finished('老旧小区加装电梯（无组长）', false);
    const noLead = await convert(office, speech, leaderless);
    expect(noLead.status).toBe(409);
    expect(noLead.body.message).toContain('组长');
    const noCategory = await convert(office, { ...direct, category: undefined });
    expect(noCategory.status).toBe(400);
    expect(noCategory.body.message).toContain('类别');
    expect((await convert(office, { ...speech, version: topic.version - 1 })).status).toBe(409);
    expect((await ok(office.get(`/api/research/topics/${topic.id}`))).conversions).toEqual([]);

    topic = await ok(convert(office, speech));
    expect((await convert(office, { ...direct, version: topic.version - 1 })).status).toBe(409);
    topic = await ok(convert(office, direct));
    expect(topic.conversions.map((c: any) => [c.kindLabel, c.targetType, c.targetStatusLabel])).toEqual([['大会发言', 'speech', '已提交'], ['社情民意直通车', 'opinion', '待处理']]);
    const [speechLink, directLink] = topic.conversions;

    // the speech: the lead's, with the group; its page names its source; the group opens it, other members do not
    const s = await ok(office.get(`/api/meetings/speeches/${speechLink.targetId}`));
    const [member2Row] = await t.database.db.select({ name: members.name }).from(members).where(eq(members.id, member2Id));
    expect(s).toMatchObject({ memberId, contributorNames: [member2Row.name], title: speech.title, status: 'submitted' });
    expect(s.body).toContain(report.suggestions);
    expect(await ok(member2.get(`/api/research/origin?type=speech&id=${s.id}`))).toEqual({ topicId: topic.id, reportTitle: report.reportTitle });
    expect((await member3.get(`/api/research/origin?type=speech&id=${s.id}`)).status).toBe(404);
    expect((await ok(member2.get(`/api/research/topics/${topic.id}`))).conversions[0].targetId).toBe(s.id);
    // the co-author finds it among their own speeches and reads who shares it; a member outside the group does not
    const own = await ok(member2.get('/api/meetings/speeches?scope=mine'));
    expect(own.items.find((x: any) => x.id === s.id)).toMatchObject({ memberName: s.memberName, contributorNames: [expect.any(String)] });
    expect((await ok(member2.get(`/api/meetings/speeches/${s.id}`))).contributorNames).toEqual(s.contributorNames);
    expect((await ok(member3.get('/api/meetings/speeches?scope=mine'))).items.map((x: any) => x.id)).not.toContain(s.id);
    // credited on selection as the module credits a speech: the lead and the contributor
    expect(await credits(memberId, 'speech.written', s.id)).toHaveLength(0);
    await ok(office.post(`/api/meetings/speeches/${s.id}/select`, { version: s.version, status: 'written' }));
    expect((await credits(memberId, 'speech.written', s.id)).map((e) => e.part)).toEqual(['lead']);
    expect((await credits(member2Id, 'speech.written', s.id)).map((e) => e.part)).toEqual(['contributor']);

    // the 直通车 report: in the information office's queue, submitted, flagged; the group credited on submission
    const info = await t.as('info');
    const o = await ok(info.get(`/api/opinions/${directLink.targetId}`));
    expect(o).toMatchObject({ status: 'submitted', direct: true, authorText: '区政协社会法制民族宗教委员会', category: '城乡建设' });
    expect(o.body).toContain(report.problems);
    expect(await ok(member2.get(`/api/research/origin?type=opinion&id=${o.id}`))).toEqual({ topicId: topic.id, reportTitle: report.reportTitle });
    expect((await member3.get(`/api/opinions/${o.id}`)).status).toBe(404);
    for (const id of [memberId, member2Id]) expect((await credits(id, 'opinion.submitted', o.id)).map((e) => e.part)).toEqual(['contributor']);

    // the audit rows: the conversions on the topic, the new records' own
    const rows = await t.database.db.select({ action: auditLog.action, subjectId: auditLog.subjectId, note: auditLog.note }).from(auditLog).where(inArray(auditLog.subjectId, [topic.id, s.id, o.id])).orderBy(asc(auditLog.seq));
    expect(rows.filter((r) => r.action === 'researchTopic.convert').map((r) => r.note)).toEqual([`大会发言《${speech.title}》`, `社情民意直通车《${direct.title}》`]);
    expect(rows.some((r) => r.action === 'plenarySpeech.create' && r.subjectId === s.id)).toBe(true);
    expect(rows.some((r) => r.action === 'opinion.fromResearch' && r.subjectId === o.id)).toBe(true);
    const trail = await ok((await t.as('auditor')).get(`/api/audit?subjectId=${o.id}`));
    expect(JSON.stringify(trail)).toContain('社情民意·由调研报告转来');
  });

  it('follow-up: an instruction is recorded, items go to departments with working-day deadlines, the group sees overdue ones', async () => {
    const topics = await ok(office.get('/api/research/topics'));
    const final = topics.items.find((x: any) => x.title === '加装电梯调研报告审核');
    expect((await member.post(`/api/research/topics/${final.id}/instructions`, { leaderName: '区委书记', text: '请研究落实', instructedOn: '2026-06-16' })).status).toBe(403);
    let topic = await ok(leader.post(`/api/research/topics/${final.id}/instructions`, { leaderName: '区委书记 王强', text: '调研报告很有针对性，请区住建局牵头研究落实。', instructedOn: '2026-06-16' }));
    expect(topic.instructions).toEqual([expect.objectContaining({ leaderName: '区委书记 王强', levelLabel: '区级' })]);
    const housing = await unitIdByName(office, '区住房建设局');
    topic = await ok(office.post(`/api/research/topics/${final.id}/items`, { items: [{ text: '推行加装电梯并联审批，公布办理时限', unitIds: [housing] }] }));
    const [item] = topic.items;
    const calendar = await loadCalendar(t.database.db);
    expect(item.assignments[0]).toMatchObject({ unitName: '区住房建设局', replyDeadline: addWorkdays(calendar, '2026-06-15', 30), overdue: false });
    const unit = await t.as('unit2');
    const work = await ok(unit.get('/api/handling/worklist'));
    expect(work.items.some((w: any) => w.type === 'researchItem')).toBe(true);
    expect((await ok(unit.get(`/api/research/topics/${final.id}`))).items).toHaveLength(1);
    expect((await (await t.as('unit3')).get(`/api/research/topics/${final.id}`)).status).toBe(404);

    at('2026-09-01T02:00:00Z');
    await login();
    const mine = await ok(member.get('/api/research/mine'));
    expect(mine.groups.find((g: any) => g.id === final.id).overdueItems).toBe(1);
    topic = await ok(member.get(`/api/research/topics/${final.id}`));
    expect(topic.items[0].overdue).toBe(true);

    // the department answers late through the shared handling routes; the group reads the reply
    const late = await t.as('unit2');
    const a = topic.items[0].assignments[0];
    await ok(late.post(`/api/handling/assignments/${a.id}/sign`, { version: a.version }));
    const reply = await ok(late.post('/api/handling/replies', { type: 'researchItem', subjectId: item.id, answerClass: 'A', body: '我局已推行加装电梯并联审批，办理时限压缩至15个工作日，并在政府网站公布办事指南。', contactPerson: '李工', contactPhone: '0755-28900002', disclose: true }));
    const signed = await ok(late.post(`/api/handling/replies/${reply.id}/sign`, { version: reply.version, signedBy: '区住房建设局局长 孙某' }));
    await ok(late.post(`/api/handling/replies/${signed.id}/send`, { version: signed.version }));
    topic = await ok(member.get(`/api/research/topics/${final.id}`));
    expect(topic.items[0]).toMatchObject({ handlingLabel: '已答复', overdue: false });
    expect(topic.items[0].replies).toHaveLength(1);
  });

  it('an id of no topic and a topic of another committee answer alike', async () => {
    const made = await member.get('/api/research/topics/00000000-0000-4000-8000-000000000000');
    expect(made.status).toBe(404);
    expect(made.body.message).toContain('调研课题');
  });
});
