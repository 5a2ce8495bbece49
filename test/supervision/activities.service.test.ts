import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { dbKinds } from '../support/db.js';
import { startTestApp, type Client, type TestApp } from '../support/app.js';
import { memberIdOf, ok, unitIdByName } from '../support/proposals.js';
import { expectFile, readDocx, readPdf, download } from '../documents/files.js';
import { ledgerEntries } from '../../src/server/platform/ledger/schema.js';
import { auditLog } from '../../src/server/platform/audit/schema.js';

/**
 * A supervision group's activities through the activity primitive (invitation of the group,
 * leave, QR check-in, closing writes the ledger), the 监督建议书 and the unit's written answer as
 * .docx and PDF with the seeds' wording, and the year's register as .xlsx.
 */
describe.each(dbKinds)('supervision activities, documents and register on %s', (kind) => {
  let t: TestApp;
  let office: Client, leader: Client, member2: Client, member3: Client, unit: Client, unit3: Client;
  let group: any, topic: any, otherTopic: any;
  let leaderId: string, member2Id: string, education: string;
  const year = new Date().getFullYear();
  beforeAll(async () => {
    t = await startTestApp(kind);
    [office, leader, member2, member3, unit, unit3] = await Promise.all(['office', 'member', 'member2', 'member3', 'unit', 'unit3'].map((u) => t.as(u)));
    leaderId = await memberIdOf(t, 'member');
    member2Id = await memberIdOf(t, 'member2');
    education = await unitIdByName(office, '区教育局');
    group = await ok(office.post('/api/supervision/groups', { name: '第八民主监督小组', term: '第七届', leaderMemberId: leaderId, memberIds: [member2Id], unitIds: [education] }));
    topic = await ok(office.post('/api/supervision/topics', { year, title: '校园周边交通安全民主监督', source: 'plan', groupId: group.id }));
    otherTopic = await ok(office.post('/api/supervision/topics', { year, title: '其他小组承担的监督议题', source: 'plan' }));
  });
  afterAll(() => t.close());
  const credits = async (memberId: string, kind: string) =>
    (await t.database.db.select().from(ledgerEntries).where(and(eq(ledgerEntries.memberId, memberId), eq(ledgerEntries.kind, kind), isNull(ledgerEntries.voidedAt)))).length;

  let event: any;
  it('office-schedules-an-inspection: the group is invited; the group and its topic show it; only the office schedules', async () => {
    const now = Date.now();
    const body = { kind: 'inspection', title: '视察校园周边交通秩序', place: '龙城街道某小学', startsAt: new Date(now - 10 * 60_000).toISOString(), endsAt: new Date(now + 2 * 3600_000).toISOString(), agenda: '查看上下学高峰交通秩序', topicId: topic.id };
    expect((await leader.post(`/api/supervision/groups/${group.id}/activities`, body)).status).toBe(403);
    expect((await member3.post(`/api/supervision/groups/${group.id}/activities`, body)).status).toBe(404);
    const wrongTopic = await office.post(`/api/supervision/groups/${group.id}/activities`, { ...body, topicId: otherTopic.id });
    expect(wrongTopic.status).toBe(400);
    expect(wrongTopic.body.message).toContain('监督议题');
    const backwards = await office.post(`/api/supervision/groups/${group.id}/activities`, { ...body, endsAt: body.startsAt });
    expect([backwards.status, backwards.body.message]).toEqual([400, expect.stringContaining('结束时间')]);
    const badKind = await office.post(`/api/supervision/groups/${group.id}/activities`, { ...body, kind: 'plenary' });
    expect([badKind.status, badKind.body.message]).toEqual([400, expect.stringContaining('活动形式')]);
    group = await ok(office.post(`/api/supervision/groups/${group.id}/activities`, body));
    event = group.activities[0];
    expect(event).toMatchObject({ kind: 'inspection', kindLabel: '视察', title: body.title, place: body.place, status: 'scheduled', invited: 2, checkedIn: 0, topicId: topic.id, topicTitle: topic.title });
    expect(event.activityId).toEqual(expect.any(String));
    // the members see it on their group and may open the event; the topic lists it too
    const mine = await ok(member2.get(`/api/supervision/groups/${group.id}`));
    expect(mine.activities.map((a: any) => a.activityId)).toEqual([event.activityId]);
    expect((await ok(member2.get(`/api/meetings/${event.activityId}`))).title).toBe(body.title);
    expect((await member3.get(`/api/meetings/${event.activityId}`)).status).toBe(404);
    expect((await ok(member3.get(`/api/supervision/topics/${topic.id}`))).activities.map((a: any) => [a.title, a.activityId])).toEqual([[body.title, null]]);
    // a supervision activity is no meeting of the committee's list
    expect((await ok(office.get('/api/meetings?scope=all&pageSize=200'))).items.map((m: any) => m.id)).not.toContain(event.activityId);
    const [row] = await t.database.db.select().from(auditLog).where(and(eq(auditLog.subjectType, 'supervisionGroup'), eq(auditLog.subjectId, group.id), eq(auditLog.action, 'supervisionGroup.schedule')));
    expect(row.note).toBe(`视察：${body.title}`);
  });

  it('members-ask-leave-and-check-in-then-close: attendance writes the ledger (attended, excused)', async () => {
    const id = event.activityId;
    await ok(member2.post(`/api/meetings/${id}/leave`, { reason: '单位有紧急任务' }));
    const pending = (await ok(office.get(`/api/meetings/${id}`))).leaveRequests ?? (await ok(office.get('/api/meetings/leave'))).items;
    const request = (pending as any[]).find((r) => r.memberId === member2Id && r.status === 'pending');
    await ok(office.post(`/api/meetings/leave/${request.id}/decide`, { version: request.version, approve: true, note: '同意' }));
    const { token } = await ok(office.get(`/api/meetings/${id}/qr`));
    await ok(leader.post(`/api/meetings/${id}/check-in`, { token }));
    expect((await ok(office.get(`/api/supervision/groups/${group.id}`))).activities[0]).toMatchObject({ checkedIn: 1, invited: 2 });
    const attended = await credits(leaderId, 'activity.inspection.attended');
    const excused = await credits(member2Id, 'activity.inspection.excused');
    const current = await ok(office.get(`/api/meetings/${id}`));
    await ok(office.post(`/api/meetings/${id}/actions/close`, { version: current.version }));
    expect(await credits(leaderId, 'activity.inspection.attended')).toBe(attended + 1);
    expect(await credits(member2Id, 'activity.inspection.excused')).toBe(excused + 1);
    expect((await ok(leader.get(`/api/supervision/groups/${group.id}`))).activities[0]).toMatchObject({ status: 'closed', statusLabel: '已结束（考勤已确认）', attended: 1 });
  });

  let s: any;
  it('suggestion-letter: the 监督建议书 in the seeds’ words, as .docx and PDF, for who may read the suggestion', async () => {
    s = await ok(leader.post('/api/supervision/suggestions', {
      groupId: group.id, topicId: topic.id, title: '关于改善校园周边交通秩序的监督建议',
      findings: '监督小组视察发现，上下学高峰时段接送车辆占道停放，学校门口缺少即停即走区域。', recommendations: '一是增设限时临时泊位；二是推行错峰放学；三是组织志愿者协助疏导交通。',
    }));
    const draft = await readDocx((await expectFile(t, leader, `/api/supervision/suggestions/${s.id}/document`)).file);
    expect(draft.text).toContain('草稿（未签发）');
    s = await ok(leader.post(`/api/supervision/suggestions/${s.id}/actions/submit`, { version: s.version }));
    s = await ok(office.post(`/api/supervision/suggestions/${s.id}/actions/approve`, { version: s.version, signedByName: '区政协秘书长 王某' }));
    s = await ok(office.post(`/api/supervision/suggestions/${s.id}/assign`, { version: s.version, assignments: [{ unitId: education, role: 'sole' }] }));
    const file = await expectFile(t, unit, `/api/supervision/suggestions/${s.id}/document`);
    expect(file.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const { text } = await readDocx(file.file);
    expect(text).toContain('中国人民政治协商会议深圳市龙岗区委员会');
    expect(text).toContain(`龙政协监建〔${s.year}〕${s.serial}号`);
    expect(text).toContain('深圳市龙岗区教育局：');
    expect(text).toContain('以民主监督建议的形式正式转发你单位');
    expect(text).toContain('视察'); // the inspection held for the topic
    expect(text).toContain('对短时难以办理、落实的事项，请在10个工作日内以书面形式作出说明');
    expect(text).toContain('一、发现的问题');
    expect(text).toContain('接送车辆占道停放');
    expect(text).toContain('龙岗区政协办公室');
    const pdf = await readPdf((await expectFile(t, office, `/api/supervision/suggestions/${s.id}/document?format=pdf`)).file);
    expect(pdf.text.replace(/\s/g, '')).toContain('以民主监督建议的形式正式转发你单位');
    // a unit it was not sent to, and a member of no group, are told it does not exist
    expect((await download(t, unit3, `/api/supervision/suggestions/${s.id}/document`)).status).toBe(404);
    expect((await download(t, member3, `/api/supervision/suggestions/${s.id}/document`)).status).toBe(404);
  });

  it('reply-letter: the unit’s written answer as .docx — its own draft to itself, the sent one to the group', async () => {
    const current = await ok(unit.get(`/api/supervision/suggestions/${s.id}`));
    const a = current.assignments.find((x: any) => x.unitId === education);
    await ok(unit.post(`/api/handling/assignments/${a.id}/sign`, { version: a.version }));
    const reply = await ok(unit.post('/api/handling/replies', { type: 'supervision', subjectId: s.id, answerClass: 'C', body: '增设临时泊位涉及交通管理部门审批，我局已书面函请交警部门研究，暂不能在期限内落实。', contactPerson: '李科长', contactPhone: '0755-28900002', disclose: true }));
    expect((await download(t, leader, `/api/supervision/suggestions/${s.id}/document?replyId=${reply.id}`)).status).toBe(404);
    expect((await readDocx((await expectFile(t, unit, `/api/supervision/suggestions/${s.id}/document?replyId=${reply.id}`)).file)).text).toContain('草稿（未签发）');
    const signed = await ok(unit.post(`/api/handling/replies/${reply.id}/sign`, { version: reply.version, signedBy: '局长 张某' }));
    await ok(unit.post(`/api/handling/replies/${signed.id}/send`, { version: signed.version }));
    const { text } = await readDocx((await expectFile(t, leader, `/api/supervision/suggestions/${s.id}/document?replyId=${reply.id}`)).file);
    expect(text).toContain('深圳市龙岗区教育局');
    expect(text).toContain('反馈类别：C（暂不能落实（书面说明理由））');
    expect(text).toContain('龙岗区政协办公室：');
    expect(text).toContain('暂不能在期限内落实');
    expect(text).toContain('签发人：局长 张某');
    expect((await download(t, leader, `/api/supervision/suggestions/${s.id}/document?replyId=00000000-0000-4000-8000-000000000000`)).status).toBe(404);
  });

  it('register: the year’s topics and suggestions with units, deadlines, replies and ratings as .xlsx, for the office and leaders', async () => {
    const file = await expectFile(t, office, `/api/supervision/register?year=${year}`);
    expect(file.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.file as any);
    const topics = wb.getWorksheet('监督议题')!;
    const topicRow = topics.getSheetValues().find((r: any) => r?.[2] === topic.title) as any[];
    expect(topicRow.slice(1)).toEqual([year, topic.title, '年度监督计划', '第八民主监督小组', 0, 1, 1]);
    const rows = wb.getWorksheet('监督建议')!.getSheetValues().filter((r: any) => r?.[2] === s.title) as any[][];
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row[3]).toBe('第八民主监督小组');
    expect(row[5]).toBe('已答复');
    expect(row[10]).toBe('区教育局');
    expect(row[13]).toBe(current(s).replyDeadline);
    expect(row[15]).toBe('C');
    // the chairs (role leader) read it; the group's leader is a member like any other here
    expect((await download(t, await t.as('leader'), `/api/supervision/register?year=${year}`)).status).toBe(200);
    for (const who of [leader, member3, unit]) expect((await download(t, who, `/api/supervision/register?year=${year}`)).status).toBe(403);
  });
  const current = (x: any) => x.assignments.find((a: any) => a.unitId === education);
});
