import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../platform/auth/actor.js';
import { auditLog } from '../../platform/audit/schema.js';
import { contactActions } from '../../platform/handling/contacts.js';
import { presentAssignments, presentReplies } from '../../platform/handling/presenter.js';
import { assignments, ratings, replies } from '../../platform/handling/schema.js';
import { isOverdue } from '../../platform/handling/assignments.js';
import { loadCalendar } from '../../platform/calendar/store.js';
import { allowedActions, can } from '../../platform/policy/policy.js';
import { availableActions } from '../../platform/workflow/workflow.js';
import { members } from '../members/schema.js';
import { loadLookups } from '../org/lookups.js';
import { proposals } from '../proposals/schema.js';
import { labelOf } from '../../../shared/labels.js';
import { groupRoles, suggestionStates, topicSources } from '../../../shared/supervision/labels.js';
import { groupPolicy, suggestionPolicy, topicPolicy, type Group, type Suggestion, type Supervisor, type Topic } from './policy.js';
import { withMembers } from './load.js';
import { groupActivities } from './activities.js';
import { suggestionPort } from './port.js';
import { supervisionFollowUps, supervisionGroupMembers, supervisionGroups, supervisionTopicProposals, supervisionTopics } from './schema.js';
import { suggestionWorkflow } from './workflow.js';

async function memberNames(db: Executor, ids: string[]) {
  const wanted = [...new Set(ids.filter(Boolean))];
  const rows = wanted.length ? await db.select({ id: members.id, name: members.name }).from(members).where(inArray(members.id, wanted)) : [];
  return new Map(rows.map((m) => [m.id, m.name]));
}

/** Workflow and record actions the actor may take: the client shows exactly these buttons. */
export function suggestionActions(actor: Actor, s: Suggestion): string[] {
  const workflow: string[] = availableActions(suggestionWorkflow, actor, s).filter((a) => !['allReplied', 'rateSatisfied', 'rateUnsatisfied'].includes(a));
  workflow.push(...contactActions(actor, suggestionPort.office, { authorMemberIds: [s.leaderMemberId, ...s.groupMemberIds] }, s.unitIds));
  return [...workflow, ...allowedActions(suggestionPolicy, actor, s).filter((a) => a !== 'read')];
}

/** List rows: title, group, topic, state, units with the soonest deadline, overdue flag, actions. */
export async function presentSuggestions(db: Executor, actor: Actor, rows: Suggestion[], today: string) {
  const ids = rows.map((s) => s.id);
  const groups = await groupsFor(db, actor, rows.map((s) => s.groupId));
  const topicIds = [...new Set(rows.map((s) => s.topicId).filter((x): x is string => !!x))];
  const topics = topicIds.length ? await db.select().from(supervisionTopics).where(inArray(supervisionTopics.id, topicIds)) : [];
  const live = ids.length ? await db.select().from(assignments).where(and(eq(assignments.subjectType, 'supervision'), inArray(assignments.subjectId, ids))) : [];
  const lookups = await loadLookups(db, actor.committeeId);
  return rows.map((s) => {
    const mine = live.filter((a) => a.subjectId === s.id && a.round === Math.max(s.handlingRound, 1) && a.status !== 'withdrawn');
    return {
      id: s.id, version: s.version, year: s.year, serial: s.serial, title: s.title, status: s.status, statusLabel: labelOf(suggestionStates, s.status),
      ...groups.named(s.groupId), groupName: groups.nameOf(s.groupId) ?? '',
      ...topicRef(actor, topics.find((t) => t.id === s.topicId)),
      draftedByName: s.draftedByName, sentOn: s.sentOn, handlingRound: s.handlingRound,
      units: mine.map((a) => lookups.units.byId.get(a.unitId) ?? ''),
      replyDeadline: mine.map((a) => a.replyDeadline).sort()[0] ?? null,
      overdue: mine.some((a) => isOverdue(a, today)),
      updatedAt: s.updatedAt,
      actions: suggestionActions(actor, s),
    };
  });
}

/** The whole suggestion for its page: text, review, handling (assignments, replies, ratings), follow-ups, history. */
export async function presentSuggestion(db: Executor, actor: Actor, s: Suggestion, today: string) {
  const [row] = await presentSuggestions(db, actor, [s], today);
  const live = await db.select().from(assignments).where(and(eq(assignments.subjectType, 'supervision'), eq(assignments.subjectId, s.id))).orderBy(asc(assignments.createdAt));
  const rs = await db.select().from(replies).where(and(eq(replies.subjectType, 'supervision'), eq(replies.subjectId, s.id))).orderBy(asc(replies.createdAt));
  const rt = await db.select().from(ratings).where(and(eq(ratings.subjectType, 'supervision'), eq(ratings.subjectId, s.id))).orderBy(asc(ratings.round));
  const follow = await db.select().from(supervisionFollowUps).where(eq(supervisionFollowUps.suggestionId, s.id)).orderBy(asc(supervisionFollowUps.on), asc(supervisionFollowUps.createdAt));
  const history = await db
    .select({ action: auditLog.action, actorName: auditLog.actorName, at: auditLog.at, note: auditLog.note })
    .from(auditLog)
    .where(and(eq(auditLog.subjectType, 'supervisionSuggestion'), eq(auditLog.subjectId, s.id)))
    .orderBy(asc(auditLog.at), asc(auditLog.seq));
  const lookups = await loadLookups(db, s.committeeId);
  const unitName = (id: string | null) => (id ? lookups.units.byId.get(id) ?? '' : '');
  const names = await memberNames(db, [s.leaderMemberId]);
  const labels: Record<string, string> = Object.fromEntries(suggestionWorkflow.transitions.map((t) => [`supervisionSuggestion.${t.action}`, t.label]));
  return {
    ...row,
    findings: s.findings, recommendations: s.recommendations, reviewNote: s.reviewNote, signedByName: s.signedByName, signedAt: s.signedAt, completedAt: s.completedAt,
    leaderName: names.get(s.leaderMemberId) ?? '',
    assignments: presentAssignments(actor, suggestionPort, live, unitName, { today, calendar: await loadCalendar(db) }, s.status === 'handling' || s.status === 'rehandling'),
    replies: presentReplies(actor, rs, unitName),
    ratings: rt.map((r) => ({ id: r.id, round: r.round, attitude: r.attitude, result: r.result, comment: r.comment, createdAt: r.createdAt })),
    followUps: follow.map((f) => ({ id: f.id, on: f.on, text: f.text, authorName: f.authorName })),
    history: history.map((h) => ({ ...h, actionLabel: labels[h.action] ?? historyWords[h.action.split('.').pop() ?? ''] ?? h.action })),
  };
}
const historyWords: Record<string, string> = { create: '起草', update: '修改', followUp: '跟踪落实', assign_units: '发送单位', sign: '签收', reply: '答复' };

/** Groups with leader, members, units and the actions the actor may take. */
export async function presentGroups(db: Executor, actor: Actor, groups: Group[]) {
  const ids = groups.map((g) => g.id);
  const links = ids.length ? await db.select().from(supervisionGroupMembers).where(inArray(supervisionGroupMembers.groupId, ids)) : [];
  const names = await memberNames(db, links.map((l) => l.memberId));
  const lookups = await loadLookups(db, actor.committeeId);
  const events = await groupActivities(db, actor, { groupIds: ids });
  return groups.map((g) => ({
    id: g.id, version: g.version, name: g.name, term: g.term, description: g.description, active: g.active, leaderMemberId: g.leaderMemberId,
    leaderName: names.get(g.leaderMemberId) ?? '',
    members: links
      .filter((l) => l.groupId === g.id)
      .sort((a, b) => (a.role === 'leader' ? -1 : b.role === 'leader' ? 1 : 0))
      .map((l) => ({ id: l.memberId, name: names.get(l.memberId) ?? '', role: l.role, roleLabel: labelOf(groupRoles, l.role), joinedOn: l.joinedOn })),
    units: g.unitIds.map((id) => ({ id, name: lookups.units.byId.get(id) ?? '' })),
    mine: actor.memberId !== null && g.memberIds.includes(actor.memberId),
    activities: events.filter((e) => e.groupId === g.id),
    actions: allowedActions(groupPolicy, actor, g).filter((a) => a !== 'read'),
  }));
}

/**
 * The groups named, with whether `actor` may open each: a department or a member of another group
 * is told the group's name, never its id.
 */
async function groupsFor(db: Executor, actor: Actor, ids: (string | null)[]) {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  const rows = wanted.length ? await withMembers(db, await db.select().from(supervisionGroups).where(inArray(supervisionGroups.id, wanted))) : [];
  const byId = new Map(rows.map((g) => [g.id, g]));
  return {
    nameOf: (id: string | null) => (id ? byId.get(id)?.name ?? null : null),
    named: (id: string | null) => {
      const g = id ? byId.get(id) : undefined;
      return { groupId: g && can(groupPolicy, 'read', actor, g) ? g.id : null };
    },
  };
}

/** A suggestion's topic as `actor` sees it: the title always, the id only when they may open the topic. */
const topicRef = (actor: Actor, t: Topic | undefined) => ({ topicId: t && can(topicPolicy, 'read', actor, t) ? t.id : null, topicTitle: t?.title ?? null });

/** Topics with their group and source proposals. */
export async function presentTopics(db: Executor, actor: Actor, topics: Topic[]) {
  const ids = topics.map((t) => t.id);
  const links = ids.length
    ? await db
        .select({ topicId: supervisionTopicProposals.topicId, id: proposals.id, title: proposals.title })
        .from(supervisionTopicProposals)
        .innerJoin(proposals, eq(proposals.id, supervisionTopicProposals.proposalId))
        .where(inArray(supervisionTopicProposals.topicId, ids))
    : [];
  const groups = await groupsFor(db, actor, topics.map((t) => t.groupId));
  const events = await groupActivities(db, actor, { topicIds: ids });
  return topics.map((t) => ({
    id: t.id, version: t.version, year: t.year, title: t.title, source: t.source, sourceLabel: labelOf(topicSources, t.source), description: t.description,
    ...groups.named(t.groupId), groupName: groups.nameOf(t.groupId), createdByName: t.createdByName,
    proposals: links.filter((l) => l.topicId === t.id).map((l) => ({ id: l.id, title: l.title })),
    activities: events.filter((e) => e.topicId === t.id),
  }));
}

/** A special supervisor as the office's list shows it (the row's bookkeeping columns stay on the server). */
export const presentSupervisor = (s: Supervisor) => ({ id: s.id, version: s.version, name: s.name, workplace: s.workplace, phone: s.phone, groupId: s.groupId, term: s.term });
