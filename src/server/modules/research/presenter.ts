import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { hasRole, type Actor } from '../../platform/auth/actor.js';
import { auditLog } from '../../platform/audit/schema.js';
import { activities, activityInvitees } from '../../platform/activity/schema.js';
import { assignments, instructions, replies } from '../../platform/handling/schema.js';
import { isOverdue } from '../../platform/handling/assignments.js';
import { instructionLevels } from '../../platform/handling/instructions.js';
import { presentAssignments, presentReplies } from '../../platform/handling/presenter.js';
import { loadCalendar } from '../../platform/calendar/store.js';
import { allowedActions, can } from '../../platform/policy/policy.js';
import { getSettings } from '../../platform/settings/settings.js';
import { availableActions } from '../../platform/workflow/workflow.js';
import { loadLookups } from '../org/lookups.js';
import { members } from '../members/schema.js';
import { proposals } from '../proposals/schema.js';
import { withParties as proposalParties } from '../proposals/load.js';
import { proposalPolicy } from '../proposals/policy.js';
import { opinions } from '../opinions/schema.js';
import { readableOpinionIds } from '../opinions/load.js';
import { plenarySpeeches } from '../meetings/schema.js';
import { speechPolicy } from '../meetings/policy.js';
import { speechStates } from '../meetings/workflow.js';
import { proposalStates } from '../../../shared/proposals/labels.js';
import { opinionStates } from '../../../shared/opinions/labels.js';
import type { Presented } from '../../../shared/http/responses.js';
import { conversionKinds, memberRoles, memberStates, reportStates, researchForms, researchSources } from '../../../shared/research/labels.js';
import type { topicDetail, topicRow } from '../../../shared/research/responses.js';
import { reportFiles } from './commands/report.js';
import { topicPolicy } from './policy.js';
import { researchItemPort } from './port.js';
import { researchConversions, researchItems, researchMembers, researchVisits } from './schema.js';
import { researchSettings } from './settings.js';
import { reportWorkflow, type TopicSubject } from './workflow.js';

const label = (labels: Record<string, string>, key: string) => labels[key] ?? key;

/** The buttons the actor gets: the report's transitions and the record's actions. */
export const topicActions = (actor: Actor, t: TopicSubject) => [
  ...availableActions(reportWorkflow, actor, t, { groupMemberIds: t.groupMemberIds }),
  ...allowedActions(topicPolicy, actor, t).filter((a) => a !== 'read'),
];

/** Facts the rows show, for many topics at once: group, lead and overdue items. */
export async function rowFacts(db: Executor, rows: TopicSubject[], today: string) {
  const ids = rows.map((r) => r.id);
  if (!ids.length) return { group: [], overdue: new Map<string, number>(), names: new Map<string, string>() };
  const group = await db.select().from(researchMembers).where(inArray(researchMembers.topicId, ids));
  const items = await db.select({ id: researchItems.id, topicId: researchItems.topicId }).from(researchItems).where(inArray(researchItems.topicId, ids));
  const live = items.length ? await db.select().from(assignments).where(and(eq(assignments.subjectType, 'researchItem'), inArray(assignments.subjectId, items.map((i) => i.id)))) : [];
  const overdue = new Map<string, number>();
  for (const i of items) if (live.some((a) => a.subjectId === i.id && isOverdue(a, today))) overdue.set(i.topicId, (overdue.get(i.topicId) ?? 0) + 1);
  const leadIds = group.filter((g) => g.role === 'lead').map((g) => g.memberId);
  const names = new Map((leadIds.length ? await db.select({ id: members.id, name: members.name }).from(members).where(inArray(members.id, leadIds)) : []).map((m) => [m.id, m.name]));
  return { group, overdue, names };
}

export async function presentRows(db: Executor, actor: Actor, rows: TopicSubject[], today: string): Promise<Presented<typeof topicRow>[]> {
  if (!rows.length) return [];
  const [facts, lookups, settings] = await Promise.all([rowFacts(db, rows, today), loadLookups(db, actor.committeeId), getSettings(db, researchSettings, actor.committeeId, Number(today.slice(0, 4)))]);
  return rows.map((t) => {
    const group = facts.group.filter((g) => g.topicId === t.id);
    const lead = group.find((g) => g.role === 'lead' && g.state === 'confirmed');
    const me = group.find((g) => g.memberId === actor.memberId);
    return {
      id: t.id, version: t.version, year: t.year, source: t.source, sourceLabel: label(researchSources, t.source), form: t.form, formLabel: label(researchForms, t.form), title: t.title,
      specialCommitteeName: t.specialCommitteeId ? lookups['special-committees'].byId.get(t.specialCommitteeId) ?? '' : '',
      leadName: lead ? facts.names.get(lead.memberId) ?? null : null,
      groupSize: group.filter((g) => g.state === 'confirmed').length, groupLimit: settings.maxGroupMembers,
      myState: me?.state ?? null, status: t.status, statusLabel: label(reportStates, t.status), overdueItems: facts.overdue.get(t.id) ?? 0,
      actions: topicActions(actor, t),
    };
  });
}

const historyLabels = new Map<string, string>([
  ...reportWorkflow.transitions.map((t) => [`researchReport.${t.action}`, t.label] as const),
  ['researchTopic.create', '立项'], ['researchTopic.plan', '修改调研方案'], ['researchTopic.volunteer', '委员报名'], ['researchTopic.confirmMember', '确认组员'],
  ['researchTopic.declineMember', '不予确认'], ['researchTopic.lead', '确定组长'], ['researchTopic.visit', '安排实地调研'], ['researchTopic.update', '修改调研报告'],
  ['researchTopic.convert', '成果转化'], ['researchTopic.assign', '交部门落实'], ['instruction.record', '记录批示'], ['researchTopic.attach', '上传附件'], ['researchTopic.removeAttachment', '删除附件'],
]);

/**
 * What became of each conversion: the proposal's, report's or speech's state, and its id only where the
 * viewer may open it (a member's draft is the member's own until submitted).
 */
async function presentConversions(db: Executor, actor: Actor, topicId: string) {
  const rows = await db.select().from(researchConversions).where(eq(researchConversions.topicId, topicId)).orderBy(asc(researchConversions.createdAt));
  const pIds = rows.filter((r) => r.targetType === 'proposal').map((r) => r.targetId);
  const oIds = rows.filter((r) => r.targetType === 'opinion').map((r) => r.targetId);
  const sIds = rows.filter((r) => r.targetType === 'speech').map((r) => r.targetId);
  const ps = pIds.length ? await proposalParties(db, await db.select().from(proposals).where(inArray(proposals.id, pIds))) : [];
  const os = oIds.length ? await db.select({ id: opinions.id, status: opinions.status }).from(opinions).where(inArray(opinions.id, oIds)) : [];
  const ss = sIds.length ? await db.select().from(plenarySpeeches).where(inArray(plenarySpeeches.id, sIds)) : [];
  const readableOpinions = await readableOpinionIds(db, actor, oIds);
  return rows.map((r) => {
    const p = ps.find((x) => x.id === r.targetId);
    const o = os.find((x) => x.id === r.targetId);
    const s = ss.find((x) => x.id === r.targetId);
    const opens = r.targetType === 'proposal' ? !!p && can(proposalPolicy, 'read', actor, p) : r.targetType === 'speech' ? !!s && can(speechPolicy, 'read', actor, s) : readableOpinions.has(r.targetId);
    return {
      id: r.id, kind: r.kind, kindLabel: label(conversionKinds, r.kind), targetType: r.targetType, title: r.title, authorText: r.authorText, createdOn: r.createdOn,
      targetId: opens ? r.targetId : null,
      targetStatusLabel: p ? label(proposalStates, p.status) : o ? label(opinionStates, o.status) : s ? label(speechStates, s.status) : '',
    };
  });
}

/**
 * The group as the page lists it: the lead, the confirmed members, those waiting, then those declined —
 * each in the order they joined (two sign-ups in one millisecond tie on the embedded database's clock).
 */
const groupOrder = sql`case when ${researchMembers.role} = 'lead' then 0 when ${researchMembers.state} = 'confirmed' then 1 when ${researchMembers.state} = 'volunteered' then 2 else 3 end`;

/** A topic's page: the plan, the group, the visits, the report under review, what it became and its follow-up. */
export async function presentTopic(db: Executor, actor: Actor, t: TopicSubject, today: string): Promise<Presented<typeof topicDetail>> {
  const [[row], group, visits, lookups, conversions, ins, items, files, trail] = await Promise.all([
    presentRows(db, actor, [t], today),
    db.select({ g: researchMembers, name: members.name, sectorId: members.sectorId }).from(researchMembers).innerJoin(members, eq(members.id, researchMembers.memberId)).where(eq(researchMembers.topicId, t.id)).orderBy(groupOrder, asc(researchMembers.createdAt)),
    db.select({ v: researchVisits, a: activities }).from(researchVisits).innerJoin(activities, eq(activities.id, researchVisits.activityId)).where(eq(researchVisits.topicId, t.id)).orderBy(asc(activities.startsAt)),
    loadLookups(db, t.committeeId),
    presentConversions(db, actor, t.id),
    db.select().from(instructions).where(and(eq(instructions.subjectType, 'researchTopic'), eq(instructions.subjectId, t.id))).orderBy(asc(instructions.instructedOn)),
    db.select().from(researchItems).where(eq(researchItems.topicId, t.id)).orderBy(asc(researchItems.position)),
    reportFiles.list(db, t.id),
    db.select({ action: auditLog.action, actorName: auditLog.actorName, at: auditLog.at, note: auditLog.note }).from(auditLog).where(and(inArray(auditLog.subjectType, ['researchTopic', 'researchReport']), eq(auditLog.subjectId, t.id))).orderBy(asc(auditLog.at), asc(auditLog.seq)),
  ]);
  const activityIds = visits.map((v) => v.a.id);
  const invitees = activityIds.length ? await db.select({ activityId: activityInvitees.activityId, memberId: activityInvitees.memberId, checkedInAt: activityInvitees.checkedInAt }).from(activityInvitees).where(inArray(activityInvitees.activityId, activityIds)) : [];
  const itemIds = items.map((i) => i.id);
  const [live, rs] = itemIds.length
    ? await Promise.all([
        db.select().from(assignments).where(and(eq(assignments.subjectType, 'researchItem'), inArray(assignments.subjectId, itemIds))).orderBy(asc(assignments.createdAt)),
        db.select().from(replies).where(and(eq(replies.subjectType, 'researchItem'), inArray(replies.subjectId, itemIds))).orderBy(asc(replies.createdAt)),
      ])
    : [[], []];
  const unitName = (id: string | null) => (id ? lookups.units.byId.get(id) ?? '' : '');
  const reckoning = { today, calendar: await loadCalendar(db) };
  return {
    ...row,
    reason: t.reason, questions: t.questions, places: t.places, unitIds: t.unitIds, unitNames: t.unitIds.map(unitName), startsOn: t.startsOn, endsOn: t.endsOn,
    group: group.map(({ g, name, sectorId }) => ({
      memberId: g.memberId, name, sector: sectorId ? lookups.sectors.byId.get(sectorId) ?? '' : '', role: g.role, roleLabel: label(memberRoles, g.role), state: g.state, stateLabel: label(memberStates, g.state), note: g.note,
    })),
    visits: visits.map(({ v, a }) => ({
      // the event page is for staff, leaders and the members it invited (platform/activity's read policy)
      id: v.id, activityId: hasRole(actor, 'staff', 'admin', 'leader') || invitees.some((i) => i.activityId === a.id && i.memberId === actor.memberId) ? a.id : null, place: v.place, startsAt: a.startsAt, endsAt: a.endsAt, activityStatus: a.status,
      invited: invitees.filter((i) => i.activityId === a.id).length, checkedIn: invitees.filter((i) => i.activityId === a.id && i.checkedInAt).length,
    })),
    report: { title: t.reportTitle, background: t.background, problems: t.problems, suggestions: t.suggestions, returnNote: t.returnNote, finalizedOn: t.finalizedOn, attachments: files },
    conversions,
    instructions: ins.map((i) => ({ id: i.id, leaderName: i.leaderName, levelLabel: label(instructionLevels, i.level), text: i.text, instructedOn: i.instructedOn })),
    items: items.map((i) => {
      const mine = live.filter((a) => a.subjectId === i.id);
      return {
        id: i.id, position: i.position, text: i.text, handlingLabel: i.handlingStatus === 'replied' ? '已答复' : '办理中', overdue: mine.some((a) => isOverdue(a, today)),
        assignments: presentAssignments(actor, researchItemPort, mine, unitName, reckoning, i.handlingStatus === 'handling'),
        replies: presentReplies(actor, rs.filter((x) => x.subjectId === i.id), unitName),
      };
    }),
    history: trail.map((h) => ({ ...h, actionLabel: historyLabels.get(h.action) ?? h.action })),
  };
}
