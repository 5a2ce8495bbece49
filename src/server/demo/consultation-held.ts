import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import type { Actor } from '../platform/auth/actor.js';
import type { CommandContext } from '../platform/commands/context.js';
import { users } from '../platform/auth/schema.js';
import { activityInvitees, activities } from '../platform/activity/schema.js';
import { recordAttendance } from '../platform/activity/checkin.js';
import { closeActivity } from '../platform/activity/close.js';
import { signAssignment } from '../platform/handling/assignments.js';
import { saveReply, sendReply, signReply } from '../platform/handling/replies.js';
import { assignments } from '../platform/handling/schema.js';
import { members } from '../modules/members/schema.js';
import { specialCommittees, units } from '../modules/org/schema.js';
import { consultationParticipants, consultations } from '../modules/consultation/schema.js';
import {
  addParticipant, assignRecommendations, holdConsultation, instructConsultation, recommendationsOf, recordSpeech, reportOutcome, scheduleConsultation,
} from '../modules/consultation/commands/held.js';
import { loadConsultation } from '../modules/consultation/load.js';
import { DEMO_LABEL } from './previous-year.js';

/** The topic of last year's plan that was held (consultation.ts `lastYear`). */
const TOPIC = '关于增加中小学学位供给的协商';

/** What was recommended, and to which departments; 区教育局's own item is the one still waiting for it. */
const recommendations = [
  { text: '挖掘存量学校潜力，推进集团化办学和学校改扩建，通过加层、加建、置换等方式增加学位供给', units: ['区教育局'] },
  { text: '新建住宅项目配套学校与住宅同步规划、同步建设、同步交付，未按期交付配套学校的项目不予办理竣工验收', units: ['区住房建设局'] },
  { text: '建立学位预警机制，按片区定期发布学位供需情况，城市更新项目优先配建中小学', units: ['区教育局', '区住房建设局'] },
];

/** The departments' replies (unit account, item position, answer class, text); 区教育局's first item gets none. */
const answers: [string, number, string, string][] = [
  ['unit2', 2, 'B', '已将配套学校同步建设要求纳入住宅项目土地出让和规划条件，正在修订竣工联合验收办法，预计明年上半年印发实施。'],
  ['unit2', 3, 'A', '已会同区教育局、区城市更新和土地整备局建立城市更新项目配建学校联审机制，今年已落实配建学校4所。'],
  ['unit', 3, 'A', '已建立学位预警机制，每年3月按学区发布学位供需预警，并据此调整学校建设计划。'],
];
const contacts: Record<string, [string, string, string]> = {
  unit: ['李老师', '0755-28949000', '区教育局主要负责人'],
  unit2: ['陈工', '0755-28933000', '区住房建设局主要负责人'],
};

/**
 * 协商议政 held end to end (demo): last year's thematic consultation on school places, through the
 * module's commands on that year's dates — scheduled with members of 教科文卫体委员会 (not the named
 * demo accounts, whose own records the walkthroughs describe) and an expert, speeches, held and
 * attended, a 建议案 reported and instructed by the party secretary, three recommendations sent to
 * 区教育局 and 区住房建设局; the departments replied to two, and 区教育局 still owes its reply on the
 * first (in its worklist, overdue).
 */
export async function seedDemoHeldConsultation(database: Database, as: (username: string) => Actor) {
  const office = as('office');
  const committeeId = office.committeeId;
  const [c0] = await database.db.select().from(consultations).where(and(eq(consultations.committeeId, committeeId), eq(consultations.title, TOPIC)));
  if (!c0) return;
  const year = c0.year;
  const on = (day: string) => ({ today: `${year}-${day}`, now: new Date(`${year}-${day}T10:00:00+08:00`) });
  const ctx = (actor: Actor, day: string): CommandContext => ({ database, actor, ...on(day) });
  const at = (day: string, hhmm: string) => new Date(`${year}-${day}T${hhmm}:00+08:00`);

  const [education] = await database.db.select({ id: specialCommittees.id }).from(specialCommittees)
    .where(and(eq(specialCommittees.committeeId, committeeId), eq(specialCommittees.name, '教科文卫体委员会')));
  const withAccounts = new Set((await database.db.select({ id: users.memberId }).from(users).where(and(eq(users.committeeId, committeeId), isNotNull(users.memberId)))).map((u) => u.id));
  const roster = await database.db.select({ id: members.id, specialCommitteeIds: members.specialCommitteeIds }).from(members)
    .where(and(eq(members.committeeId, committeeId), eq(members.status, 'active'))).orderBy(asc(members.code));
  const invited = roster.filter((m) => m.specialCommitteeIds.includes(education.id) && !withAccounts.has(m.id)).slice(0, 6).map((m) => m.id);

  let c = await scheduleConsultation(ctx(office, '08-19'), {
    id: c0.id, version: c0.version, startsAt: at('09-16', '14:30'), endsAt: at('09-16', '17:30'), location: '区政协三楼会议室', memberIds: invited,
    agenda: '区教育局通报全区学位供给情况；专家和委员发言；与有关部门互动交流。',
  });
  const expert = await addParticipant(ctx(office, '09-10'), { id: c.id, kind: 'expert', name: '郑晓东', affiliation: '深圳大学教育学部教授' });
  await addParticipant(ctx(office, '09-10'), { id: c.id, kind: 'public', name: '吴丽萍', affiliation: '布吉街道家长代表' });

  // on the day: the office checks in the members who came (one away) and records what was said
  const event = (await database.db.select().from(activities).where(eq(activities.id, c.activityId!)))[0];
  // in the roster's order, so the same members are away and speak on every seeding
  const invitees = (await database.db.select().from(activityInvitees).where(eq(activityInvitees.activityId, event.id))).sort((a, b) => invited.indexOf(a.memberId) - invited.indexOf(b.memberId));
  for (const inv of invitees.slice(1)) {
    await recordAttendance(ctx(office, '09-16'), { activityId: event.id, memberId: inv.memberId, version: inv.version, checkedInAt: at('09-16', '14:20') });
  }
  await closeActivity(ctx(office, '09-16'), { id: event.id, version: event.version });
  const speakers = await database.db.select().from(consultationParticipants).where(eq(consultationParticipants.consultationId, c.id));
  const memberSpeaker = (memberId: string) => speakers.find((p) => p.memberId === memberId)!.id;
  const speeches: [string, 'oral' | 'written', string][] = [
    [expert.id, 'oral', '学位缺口集中在人口导入快的片区，建议按“学龄人口预测—学位缺口—建设项目”建立动态台账，新建学校与改扩建并举。'],
    [memberSpeaker(invitees[1].memberId), 'oral', '部分新建住宅小区配套学校迟迟不能交付，建议把配套学校交付作为住宅项目验收的前置条件。'],
    [memberSpeaker(invitees[2].memberId), 'oral', '建议推进集团化办学，名校带新校，同时通过加层改造挖掘老校区潜力，缓解短期学位压力。'],
    [memberSpeaker(invitees[3].memberId), 'written', '城市更新项目应优先配建中小学，教育用地一经规划不得随意调整，建议建立教育用地储备制度。'],
  ];
  for (const [participantId, kind, text] of speeches) await recordSpeech(ctx(office, '09-16'), { id: c.id, participantId, kind, text });

  c = await holdConsultation(ctx(office, '09-18'), {
    id: c.id, version: c.version, heldOn: `${year}-09-16`,
    minutes: '会议听取了区教育局关于全区中小学学位供给情况的通报，与会委员、专家和家长代表围绕挖掘存量、配套学校建设、学位预警等问题深入协商，有关部门现场作了回应。',
  });
  c = await reportOutcome(ctx(office, '09-28'), {
    id: c.id, version: c.version, outcomeKind: 'recommendation', outcomeTitle: '关于增加中小学学位供给的建议案', sentOn: `${year}-09-28`,
    outcomeText: '一、挖掘存量潜力，推进集团化办学和学校改扩建。二、配套学校与住宅同步规划、同步建设、同步交付。三、建立学位预警机制，城市更新项目优先配建中小学。',
  });
  await instructConsultation(ctx(as('leader'), '10-09'), {
    id: c.id, leaderName: '区委书记', level: 'district', instructedOn: `${year}-10-09`,
    text: '建议案针对性强，请区教育局、区住房建设局牵头研究落实，年底前向区政协反馈办理情况。',
  });
  c = await loadConsultation(database.db, office, c.id);
  const unitRows = await database.db.select().from(units).where(eq(units.committeeId, committeeId));
  const unitId = (name: string) => unitRows.find((u) => u.name === name)!.id;
  await assignRecommendations(ctx(office, '10-15'), { id: c.id, version: c.version, items: recommendations.map((r) => ({ text: r.text, unitIds: r.units.map(unitId) })) });

  // each department signs for its items; the replies come in through the handling primitive
  const recs = await recommendationsOf(database.db, c.id);
  for (const username of ['unit', 'unit2']) {
    const unit = as(username);
    const mine = await database.db.select().from(assignments).where(and(eq(assignments.subjectType, 'consultationItem'), eq(assignments.unitId, unit.unitId!)));
    for (const a of mine.filter((x) => recs.some((r) => r.id === x.subjectId))) await signAssignment(ctx(unit, '10-17'), { id: a.id, version: a.version });
  }
  for (const [username, position, answerClass, body] of answers) {
    const unit = as(username);
    const [person, phone, signedBy] = contacts[username];
    const day = username === 'unit' ? '11-24' : '11-20';
    const r = await saveReply(ctx(unit, day), { type: 'consultationItem', subjectId: recs[position - 1].id, answerClass, body: `${DEMO_LABEL}${body}`, contactPerson: person, contactPhone: phone, disclose: true });
    const s = await signReply(ctx(unit, day), { id: r.id, version: r.version, signedBy });
    await sendReply(ctx(unit, day), { id: s.id, version: s.version });
  }
}
