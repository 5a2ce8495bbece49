import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import type { Actor, Office, Role } from '../platform/auth/actor.js';
import { users } from '../platform/auth/schema.js';
import { chinaToday } from '../platform/calendar/workdays.js';
import { activities, activityInvitees } from '../platform/activity/schema.js';
import { recordAttendance } from '../platform/activity/checkin.js';
import { closeActivity } from '../platform/activity/close.js';
import { members } from '../modules/members/schema.js';
import { specialCommittees, units } from '../modules/org/schema.js';
import { createTopic, decideMember, setLead, updatePlan, volunteer } from '../modules/research/commands/topics.js';
import { scheduleVisit } from '../modules/research/commands/visits.js';
import { reportAction, saveReport } from '../modules/research/commands/report.js';
import { convertReport } from '../modules/research/commands/convert.js';
import { assignItems, instructReport } from '../modules/research/commands/follow-up.js';
import { researchTopics } from '../modules/research/schema.js';

const actorOf = (u: typeof users.$inferSelect): Actor => ({
  userId: u.id, committeeId: u.committeeId, name: u.displayName, roles: u.roles as Role[], office: (u.office as Office) ?? null, memberId: u.memberId, unitId: u.unitId,
});
const shift = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
/** 09:00–12:00 Beijing time on a day */
const morning = (day: string) => ({ startsAt: new Date(`${day}T01:00:00Z`), endsAt: new Date(`${day}T04:00:00Z`) });

/** What a group writes after its visits (【演示数据】 marks the text as made up). */
const eldercare = {
  reportTitle: '关于加快构建社区居家养老服务体系的调研报告',
  background: '【演示数据】调研组走访布吉街道、坂田街道4个社区长者服务站和2家养老机构，召开座谈会2场，听取区民政局、区卫生健康局、街道和老年人代表意见。全区60岁以上户籍老年人口逐年增加，社区长者服务站覆盖率已超过七成。',
  problems: '【演示数据】一是服务站点分布不均，部分老旧片区仍是空白；二是助餐、助浴、上门护理等服务供给不足，专业护理人员缺口大；三是医养结合不紧密，社康中心与养老服务站信息不通。',
  suggestions: '【演示数据】一是按“一刻钟养老服务圈”补齐老旧片区服务站点；二是扩大长者饭堂和助餐点覆盖，培育专业护理队伍；三是推动社康中心与长者服务站结对，实现健康档案共享。',
};

/**
 * 调研视察 on the demo district: a special committee's topic researched to the end (group, a visit
 * held with check-in, the report finalised, converted into a collective proposal and a member's
 * 社情民意 report, instructed and sent to a department); an inspection under way with a volunteer
 * waiting for the office; and a topic still open for members to volunteer.
 */
export async function seedDemoResearch(database: Database): Promise<void> {
  const names = ['office', 'member', 'member2', 'member3', 'leader'] as const;
  const accounts = await database.db.select().from(users).where(inArray(users.username, [...names]));
  const as = (username: (typeof names)[number]) => actorOf(accounts.find((u) => u.username === username)!);
  const office = as('office');
  const committeeId = office.committeeId;
  const today = chinaToday();
  const ctx = (actor: Actor, day = today) => ({ database, actor, today: day, now: new Date(`${day}T10:00:00+08:00`) });
  const [committeeRows, unitRows] = await Promise.all([
    database.db.select().from(specialCommittees).where(eq(specialCommittees.committeeId, committeeId)),
    database.db.select().from(units).where(eq(units.committeeId, committeeId)),
  ]);
  const committeeOf = (name: string) => committeeRows.find((c) => c.name === name)!.id;
  const unitOf = (name: string) => unitRows.find((u) => u.name === name)!.id;
  const others = await database.db.select({ id: members.id }).from(members).where(and(eq(members.committeeId, committeeId), eq(members.position, 'member'), eq(members.status, 'active'))).limit(12);
  const [m1, m2, m3] = [as('member').memberId!, as('member2').memberId!, as('member3').memberId!];
  const extra = others.map((o) => o.id).filter((id) => ![m1, m2, m3].includes(id));
  const current = async (id: string) => (await database.db.select().from(researchTopics).where(eq(researchTopics.id, id)))[0];

  // ── 1. researched to the end ──
  const started = shift(today, -40);
  let t = await createTopic(ctx(office, started), {
    source: 'specialCommittee', form: 'research', title: '社区居家养老服务体系建设', specialCommitteeId: committeeOf('社会法制民族宗教委员会'),
    reason: '社会法制民族宗教委员会年度工作计划课题：人口老龄化加快，社区居家养老服务需求迅速增长，需摸清服务站点、队伍和医养结合现状。',
  });
  await volunteer(ctx(as('member'), started), { id: t.id, note: '本人从事社区医疗工作，希望参加' });
  for (const id of [m1, m2, extra[0], extra[1]]) await decideMember(ctx(office, started), { id: t.id, memberId: id, decision: 'confirm', note: '' });
  await setLead(ctx(office, started), { id: t.id, version: (await current(t.id)).version, memberId: m1 });
  t = await current(t.id);
  await updatePlan(ctx(office, started), {
    id: t.id,
    version: t.version, questions: '一、社区长者服务站覆盖和运营情况；二、助餐、助浴、上门护理服务供给；三、社康中心与养老服务站医养结合情况。',
    places: ['布吉街道长者服务中心', '坂田街道社区长者服务站'], unitIds: [unitOf('区民政局'), unitOf('龙岗区卫生健康局')], startsOn: shift(today, -30), endsOn: shift(today, -10),
  });
  const visitDay = shift(today, -25);
  await scheduleVisit(ctx(office, started), { id: t.id, ...morning(visitDay), place: '布吉街道长者服务中心', agenda: '参观长者饭堂、日间照料中心，与街道、社区和老年人代表座谈' });
  const [event] = await database.db.select().from(activities).where(and(eq(activities.committeeId, committeeId), eq(activities.ownerType, 'research'))).orderBy(activities.createdAt);
  for (const id of [m1, m2, extra[0]]) {
    const [inv] = await database.db.select().from(activityInvitees).where(and(eq(activityInvitees.activityId, event.id), eq(activityInvitees.memberId, id)));
    await recordAttendance(ctx(office, visitDay), { activityId: event.id, memberId: id, version: inv.version, checkedInAt: new Date(`${visitDay}T00:55:00Z`) });
  }
  await closeActivity(ctx(office), { id: event.id, version: (await database.db.select().from(activities).where(eq(activities.id, event.id)))[0].version });
  const drafted = shift(today, -15);
  await saveReport(ctx(as('member'), drafted), { id: t.id, version: (await current(t.id)).version, ...eldercare });
  for (const [who, action] of [[as('member'), 'submit'], [office, 'passCommittee'], [office, 'passOffice']] as const) {
    await reportAction(ctx(who, shift(today, -12)), { id: t.id, action, input: { version: (await current(t.id)).version } });
  }
  await convertReport(ctx(office, shift(today, -10)), { id: t.id, version: (await current(t.id)).version, kind: 'collectiveProposal', title: '关于加快构建社区居家养老服务体系的提案', category: '社会事业', collectiveBody: '区政协社会法制民族宗教委员会' });
  await convertReport(ctx(as('member'), shift(today, -10)), { id: t.id, version: (await current(t.id)).version, kind: 'opinion', title: '老旧片区社区养老服务站点仍有空白', category: '社会治理', body: eldercare.problems.replace('【演示数据】', '') + eldercare.suggestions.replace('【演示数据】', '') });
  await instructReport(ctx(as('leader')), { id: t.id, leaderName: '区委副书记 刘明', level: 'district', text: '调研扎实，建议可行。请区民政局会同区卫生健康局研究落实，年底前报送进展。', instructedOn: shift(today, -8) });
  await assignItems(ctx(office, shift(today, -7)), {
    id: t.id,
    items: [
      { text: '按“一刻钟养老服务圈”补齐老旧片区社区长者服务站点', unitIds: [unitOf('区民政局')] },
      { text: '推动社康中心与社区长者服务站结对，实现健康档案共享', unitIds: [unitOf('龙岗区卫生健康局')] },
    ],
  });

  // ── 2. an inspection under way: a volunteer waits for the office, a visit is scheduled ──
  let river = await createTopic(ctx(office, shift(today, -10)), {
    source: 'specialCommittee', form: 'inspection', title: '龙岗河流域水环境综合治理', specialCommitteeId: committeeOf('城建资源环境委员会'),
    reason: '城建资源环境委员会年度工作计划：视察龙岗河干流及丁山河、黄沙河支流治理成效，查找雨季溢流、雨污分流不彻底等问题。',
  });
  for (const id of [m2, extra[2]]) await decideMember(ctx(office, shift(today, -9)), { id: river.id, memberId: id, decision: 'confirm', note: '' });
  await volunteer(ctx(as('member3'), shift(today, -8)), { id: river.id, note: '' });
  await setLead(ctx(office, shift(today, -8)), { id: river.id, version: (await current(river.id)).version, memberId: m2 });
  river = await current(river.id);
  await updatePlan(ctx(office), {
    id: river.id,
    version: river.version, questions: '一、流域治理工程进度；二、雨季溢流排口整治；三、城中村雨污分流收尾。',
    places: ['龙岗河干流（横岗段）', '丁山河'], unitIds: [unitOf('区水务局'), unitOf('市生态环境局龙岗管理局')], startsOn: shift(today, 5), endsOn: shift(today, 30),
  });
  await scheduleVisit(ctx(office), { id: river.id, ...morning(shift(today, 7)), place: '龙岗河干流（横岗段）', agenda: '察看排口整治和碧道建设，听取区水务局情况介绍' });

  // ── 3. open for members to volunteer ──
  await createTopic(ctx(office), {
    source: 'office', form: 'research', title: '城中村消防安全治理',
    reason: '城中村电动自行车停放充电、出租屋消防设施等问题群众反映集中，办公室安排委员开展专题调研，形成调研报告报送区委区政府。',
  });
}
