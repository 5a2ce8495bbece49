import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import type { CommandContext } from '../platform/commands/context.js';
import { activityInvitees } from '../platform/activity/schema.js';
import { decideLeave, requestLeave } from '../platform/activity/leave.js';
import { recordAttendance } from '../platform/activity/checkin.js';
import { closeActivity } from '../platform/activity/close.js';
import { groupActivityOwner, scheduleGroupActivity } from '../modules/supervision/commands/activities.js';
import type { Actor, Office, Role } from '../platform/auth/actor.js';
import { users } from '../platform/auth/schema.js';
import { chinaToday } from '../platform/calendar/workdays.js';
import { signAssignment } from '../platform/handling/assignments.js';
import { assignments } from '../platform/handling/schema.js';
import { saveReply, sendReply, signReply } from '../platform/handling/replies.js';
import { members } from '../modules/members/schema.js';
import { units } from '../modules/org/schema.js';
import { createGroup, createSupervisor } from '../modules/supervision/commands/groups.js';
import { createTopic } from '../modules/supervision/commands/topics.js';
import { addFollowUp, assignSuggestion, createSuggestion, decideSuggestion, rateSuggestion } from '../modules/supervision/commands/suggestions.js';
import type { Suggestion } from '../modules/supervision/workflow.js';
import { supervisionSuggestions } from '../modules/supervision/schema.js';

const actorOf = (u: typeof users.$inferSelect): Actor => ({
  userId: u.id, committeeId: u.committeeId, name: u.displayName, roles: u.roles as Role[], office: (u.office as Office) ?? null, memberId: u.memberId, unitId: u.unitId,
});

/**
 * 未央区's arrangement on the demo district (seed 000): five supervision groups covering 43 of
 * Longgang's departments, each group fixed to its units for the term. The first group holds the
 * demo accounts' units (education, housing, water), so a member, the office and a unit see it work.
 */
const groupUnits: string[][] = [
  ['区教育局', '区住房建设局', '区水务局', '龙岗区卫生健康局', '区城市管理和综合执法局', '区民政局', '区人力资源局', '区文化广电旅游体育局', '区应急管理局'],
  ['市市场监督管理局龙岗监管局', '市交通运输局龙岗管理局', '龙岗公安分局', '龙岗区消防救援大队', '区消委会', '市生态环境局龙岗管理局', '区建筑工务署', '区轨道办'],
  ['市规划和自然资源局龙岗管理局', '区城市更新和土地整备局', '区规划土地监察局', '龙岗社保分局', '龙岗供电局', '区国资局', '区工业和信息化局', '区委宣传部', '龙岗交警大队'],
  ['区委政法委', '区残联', '龙岗邮政分局', '龙岗区税务局', '区重点区域署', '区法院', '区科技创新局', '市医疗保障局龙岗分局'],
  ['区政务服务数据管理局', '区财政局', '区发展改革局', '区统计局', '区司法局', '区信访局', '区投资推广和企业服务中心', '区检察院', '区退役军人事务局'],
];
const groupNames = ['第一民主监督小组', '第二民主监督小组', '第三民主监督小组', '第四民主监督小组', '第五民主监督小组'];

/** Suggestions as groups write them after visits (【演示数据】 marks them as made up). */
const texts = {
  lift: {
    title: '关于加快推进老旧小区加装电梯工作的监督建议',
    findings: '【演示数据】监督小组走访布吉、坂田街道6个老旧小区发现：加装电梯审批涉及住建、规划、消防等多个环节，平均耗时超过半年；低层住户意见分歧时缺少调解机制；已批项目中约三成因资金未落实迟迟未开工。',
    recommendations: '一是推行加装电梯并联审批，公布办事指南和办理时限；二是由街道牵头建立业主协商调解机制；三是加大区级财政补贴力度，允许提取住房公积金用于加装电梯。',
  },
  river: {
    title: '关于深化龙岗河流域黑臭水体治理的监督建议',
    findings: '【演示数据】监督小组视察龙岗河干流及丁山河支流，发现部分排口雨季仍有溢流，个别城中村雨污分流不彻底，河道巡查发现问题后的整改反馈周期偏长。',
    recommendations: '一是开展雨季溢流排口专项整治，建立排口“一口一策”台账；二是加快城中村雨污分流收尾工程；三是建立河长巡查问题限时整改和结果公开机制。',
  },
  school: {
    title: '关于缓解新建住宅区学位紧张问题的监督建议',
    findings: '【演示数据】监督小组座谈了解到，部分新建住宅片区配套学校建设滞后于住宅交付，2026年秋季学位缺口较大，家长跨片区就读通勤负担重。',
    recommendations: '一是将配套学校与住宅项目同步规划、同步建设、同步交付；二是通过租赁、改扩建等方式增加过渡学位；三是提前公布学位预警和招生政策。',
  },
  clinic: {
    title: '关于提升社区健康服务中心服务能力的监督建议',
    findings: '【演示数据】监督小组暗访10家社康中心，发现部分中心全科医生不足，夜间和周末服务时间短，慢病患者复诊仍需到大医院排队。',
    recommendations: '一是按服务人口配齐全科医生；二是试点延时和周末门诊；三是推行慢病长处方和社康首诊、双向转诊。',
  },
  parking: {
    title: '关于增加学校周边临时停车泊位的监督建议',
    findings: '【演示数据】监督小组在上下学高峰时段视察5所学校周边道路，发现接送车辆占道停放、交通拥堵明显，临时停车泊位和即停即走区域不足。',
    recommendations: '一是在学校周边增设限时临时泊位；二是推行错峰放学和即停即走管理；三是组织家长志愿者协助交通疏导。',
  },
  flood: {
    title: '关于加强城中村内涝点整治的监督建议',
    findings: '【演示数据】监督小组汛期前走访发现，部分城中村地势低洼，排水管网管径偏小，去年暴雨期间多处积水，整治方案尚未落地。',
    recommendations: '一是对易涝点逐一制定整治方案并明确完成时限；二是汛前完成管网清疏；三是在易涝点设置水位监测和警示设施。',
  },
  rent: {
    title: '关于规范保障性租赁住房配租管理的监督建议',
    findings: '【演示数据】监督小组座谈了解到，部分保障性租赁住房项目配租信息公开不及时，申请材料要求不统一，轮候时间较长。',
    recommendations: '一是统一申请材料清单并网上办理；二是及时公开房源和配租结果；三是建立轮候进度查询渠道。',
  },
  road: {
    title: '关于规范城中村电动自行车停放充电管理的监督建议',
    findings: '【演示数据】监督小组夜间走访发现，部分城中村电动自行车楼道停放、飞线充电现象仍然存在，集中充电设施数量不足且收费偏高。',
    recommendations: '一是加快建设集中停放充电场所并规范收费；二是开展飞线充电常态化巡查；三是发动楼栋长和志愿者参与消防安全宣传。',
  },
};

/** The demo committee's democratic supervision: groups, special supervisors, topics and a suggestion in every state. */
export async function seedDemoSupervision(database: Database): Promise<void> {
  const names = ['office', 'member', 'member2', 'member3', 'unit', 'unit2', 'unit3'] as const;
  const accounts = await database.db.select().from(users).where(inArray(users.username, [...names]));
  const as = (username: (typeof names)[number]) => actorOf(accounts.find((u) => u.username === username)!);
  const office = as('office');
  const committeeId = office.committeeId;
  const now = new Date(); // the demo is seeded as of the machine's time
  const today = chinaToday(now);
  const ctxOf = (actor: Actor): CommandContext => ({ database, actor, today, now });
  const year = Number(today.slice(0, 4));
  const unitRows = await database.db.select().from(units).where(eq(units.committeeId, committeeId));
  const unitId = (name: string) => unitRows.find((u) => u.name === name)!.id;
  const others = await database.db.select({ id: members.id }).from(members).where(and(eq(members.committeeId, committeeId), eq(members.position, 'standingMember'))).limit(20);
  const [leader1, member2, member3] = [as('member').memberId!, as('member2').memberId!, as('member3').memberId!];

  const groups: { id: string }[] = [];
  for (let i = 0; i < groupNames.length; i++) {
    const leaderId = i === 0 ? leader1 : others[i * 3].id;
    const memberIds = i === 0 ? [member2, others[0].id, others[1].id] : i === 1 ? [member3, others[i * 3 + 1].id] : [others[i * 3 + 1].id, others[i * 3 + 2].id];
    groups.push(await createGroup({ database, actor: office, today, now }, { name: groupNames[i], term: '第七届', leaderMemberId: leaderId, memberIds, unitIds: groupUnits[i].map(unitId), description: `对口监督${groupUnits[i].length}个区级部门、单位，每季度至少开展一次监督活动。` }));
  }
  for (const [name, workplace, g] of [['刘建华', '区人大代表、某社区党委书记', 0], ['陈秀英', '某律师事务所主任律师', 1], ['黄志强', '某企业工会主席', 3]] as const) {
    await createSupervisor({ database, actor: office, today, now }, { name, workplace, groupId: groups[g].id, term: '第七届' });
  }
  const planTopic = await createTopic(ctxOf(office), { year, title: '老旧小区改造和加装电梯民主监督', source: 'plan', description: '区政协年度民主监督计划确定的议题。', groupId: groups[0].id, sourceProposalIds: [] });
  const riverTopic = await createTopic(ctxOf(office), { year, title: '龙岗河流域水环境治理民主监督', source: 'party', description: '区委交办的民主监督议题。', groupId: groups[0].id, sourceProposalIds: [] });

  const leader = as('member');
  const draft = (t: (typeof texts)[keyof typeof texts], topicId: string | null = null) => createSuggestion(ctxOf(leader), { groupId: groups[0].id, topicId, ...t });
  const act = (s: Suggestion, who: Actor, action: 'submit' | 'approve' | 'complete', extra: object = {}) => decideSuggestion(ctxOf(who), { id: s.id, action, input: { version: s.version, ...extra } as never });
  const signedOff = async (t: (typeof texts)[keyof typeof texts], topicId: string | null = null) => {
    let s = await draft(t, topicId);
    s = await act(s, leader, 'submit');
    return act(s, office, 'approve', { signedByName: '区政协秘书长' });
  };
  const reply = async (s: Suggestion, unit: 'unit' | 'unit2' | 'unit3', answerClass: string, body: string) => {
    const who = as(unit);
    const [a] = await database.db.select().from(assignments).where(and(eq(assignments.subjectType, 'supervision'), eq(assignments.subjectId, s.id), eq(assignments.unitId, who.unitId!), eq(assignments.status, 'assigned')));
    await signAssignment(ctxOf(who), { id: a.id, version: a.version });
    const r = await saveReply({ database, actor: who, today, now }, { type: 'supervision', subjectId: s.id, answerClass, body: `【演示数据】${body}`, contactPerson: '办公室 李科长', contactPhone: '0755-28900001', disclose: true });
    const signed = await signReply(ctxOf(who), { id: r.id, version: r.version, signedBy: `${who.name}主要负责人` });
    await sendReply(ctxOf(who), { id: signed.id, version: signed.version });
  };
  const current = async (s: Suggestion) => (await database.db.select().from(supervisionSuggestions).where(eq(supervisionSuggestions.id, s.id)))[0];

  // 起草中 and 待审核
  await draft(texts.road);
  await act(await draft(texts.clinic), leader, 'submit');
  // 办理中: sent to the housing bureau, its 10 working days running
  let lift = await signedOff(texts.lift, planTopic.id);
  lift = await assignSuggestion(ctxOf(office), { id: lift.id, version: lift.version, assignments: [{ unitId: unitId('区住房建设局'), role: 'sole' }] });
  // 跟踪落实: the water bureau replied, the group was satisfied and visited again
  let river = await signedOff(texts.river);
  river = await assignSuggestion(ctxOf(office), { id: river.id, version: river.version, assignments: [{ unitId: unitId('区水务局'), role: 'sole' }] });
  await reply(river, 'unit3', 'B', '我局已将雨季溢流排口整治列入年度计划，完成排口排查建档，城中村雨污分流收尾工程预计年底前完工。');
  river = await current(river);
  river = await rateSuggestion(ctxOf(leader), { id: river.id, version: river.version, attitude: 'satisfied', result: 'basically', comment: null });
  await addFollowUp(ctxOf(leader), { id: river.id, version: river.version, on: today, text: '【演示数据】回访丁山河两处排口，雨天溢流已明显减少。' });
  // 已办结: the education bureau replied, the group rated it and marked it done
  let school = await signedOff(texts.school);
  school = await assignSuggestion(ctxOf(office), { id: school.id, version: school.version, assignments: [{ unitId: unitId('区教育局'), role: 'sole' }] });
  await reply(school, 'unit', 'A', '我局已与规划、建设部门建立配套学校与住宅同步交付机制，秋季新增过渡学位1200个，并提前三个月发布学位预警。');
  school = await current(school);
  school = await rateSuggestion(ctxOf(leader), { id: school.id, version: school.version, attitude: 'satisfied', result: 'satisfied', comment: null });
  await act(school, leader, 'complete');
  // 已签发: signed off, waiting to be sent
  await signedOff(texts.parking);
  // 已答复: the water bureau answered, the group has yet to rate it
  let flood = await signedOff(texts.flood);
  flood = await assignSuggestion(ctxOf(office), { id: flood.id, version: flood.version, assignments: [{ unitId: unitId('区水务局'), role: 'sole' }] });
  await reply(flood, 'unit3', 'B', '我局已完成城中村易涝点排查，形成整治清单，计划于明年汛前完成管网改造。');
  // 再次办理: the housing bureau's first answer was rated 不满意, it handles it again
  let rent = await signedOff(texts.rent);
  rent = await assignSuggestion(ctxOf(office), { id: rent.id, version: rent.version, assignments: [{ unitId: unitId('区住房建设局'), role: 'sole' }] });
  await reply(rent, 'unit2', 'C', '保障性租赁住房配租管理涉及多个部门，我局将研究完善相关制度。');
  rent = await current(rent);
  await rateSuggestion(ctxOf(leader), { id: rent.id, version: rent.version, attitude: 'basically', result: 'unsatisfied', comment: '答复未提出具体措施和时限' });

  await seedGroupActivities(database, office, as('member2'), groups[0].id, planTopic.id, riverTopic.id);
}

const at = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`);
const dayOffset = (days: number) => new Date(Date.now() + days * 86_400_000 + 8 * 3600_000).toISOString().slice(0, 10);

/**
 * The first group's year of activities through the activity primitive: an inspection of old
 * estates and a forum with the water bureau, closed with attendance (one member on approved leave),
 * which wrote the members' ledger entries; and an inspection next week, open for leave and check-in.
 */
async function seedGroupActivities(database: Database, office: Actor, member2: Actor, groupId: string, planTopicId: string, riverTopicId: string) {
  const ctx = (actor: Actor): CommandContext => ({ database, actor, today: chinaToday(), now: new Date() });
  const held = [
    { kind: 'inspection' as const, title: '视察老旧小区加装电梯工作', place: '布吉街道长龙社区', day: dayOffset(-75), topicId: planTopicId, away: null },
    { kind: 'forum' as const, title: '与区水务局座谈龙岗河流域治理', place: '区水务局三楼会议室', day: dayOffset(-40), topicId: riverTopicId, away: member2 },
  ];
  for (const h of held) {
    const a = await scheduleGroupActivity(ctx(office), { groupId, kind: h.kind, title: h.title, place: h.place, startsAt: at(h.day, '09:00'), endsAt: at(h.day, '11:30'), agenda: '听取情况介绍；实地查看；座谈交流。', topicId: h.topicId });
    if (h.away) {
      const req = await requestLeave(ctx(h.away), groupActivityOwner, { activityId: a.id, reason: '单位有紧急任务' });
      await decideLeave(ctx(office), groupActivityOwner, { id: req.id, version: req.version, approve: true, note: '同意' });
    }
    for (const inv of await database.db.select().from(activityInvitees).where(eq(activityInvitees.activityId, a.id))) {
      if (inv.memberId === h.away?.memberId) continue;
      await recordAttendance(ctx(office), { activityId: a.id, memberId: inv.memberId, version: inv.version, checkedInAt: at(h.day, '08:50') });
    }
    await closeActivity(ctx(office), { id: a.id, version: a.version });
  }
  const soon = dayOffset(6);
  await scheduleGroupActivity(ctx(office), { groupId, kind: 'inspection', title: '视察加装电梯并联审批推进情况', place: '区政务服务中心', startsAt: at(soon, '14:30'), endsAt: at(soon, '17:00'), agenda: '查看并联审批窗口运行；听取住建部门汇报。', topicId: planTopicId });
}
