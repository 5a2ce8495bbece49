import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../platform/auth/actor.js';
import { activities } from '../../platform/activity/schema.js';
import { chinaToday } from '../../platform/calendar/workdays.js';
import { AppError } from '../../platform/errors.js';
import { replyingRoles, type HandlingRole } from '../../platform/handling/plan.js';
import { presentReplies } from '../../platform/handling/presenter.js';
import { assignments, replies } from '../../platform/handling/schema.js';
import { getSettings } from '../../platform/settings/settings.js';
import { labelOf } from '../../../shared/labels.js';
import { supervisionActivityKinds } from '../../../shared/supervision/labels.js';
import { members } from '../members/schema.js';
import { committeeOf } from '../opinions/committees.js';
import { loadLookups } from '../org/lookups.js';
import type { ReplyFacts, SuggestionFacts } from './document.js';
import { loadSuggestion } from './load.js';
import { supervisionActivities, supervisionGroups, supervisionTopics } from './schema.js';
import { supervisionSettings } from './settings.js';

/**
 * Everything the 监督建议书 says, for a suggestion the actor may read (else not found): the
 * committee, the group and its leader, the topic, the group's closed activities for that topic, the
 * units of the latest round with their deadlines, and the reply period of the year's settings.
 */
export async function suggestionFacts(db: Executor, actor: Actor, id: string) {
  const s = await loadSuggestion(db, actor, id);
  const [committee, [group], [leader], topic, held, live, lookups, settings] = await Promise.all([
    committeeOf(db, s.committeeId),
    db.select({ name: supervisionGroups.name }).from(supervisionGroups).where(eq(supervisionGroups.id, s.groupId)),
    db.select({ name: members.name }).from(members).where(eq(members.id, s.leaderMemberId)),
    s.topicId ? db.select({ title: supervisionTopics.title }).from(supervisionTopics).where(eq(supervisionTopics.id, s.topicId)) : Promise.resolve([]),
    db
      .select({ kind: activities.kind, startsAt: activities.startsAt, topicId: supervisionActivities.topicId })
      .from(supervisionActivities)
      .innerJoin(activities, eq(activities.id, supervisionActivities.activityId))
      .where(and(eq(supervisionActivities.groupId, s.groupId), eq(activities.status, 'closed'), eq(activities.year, s.year)))
      .orderBy(asc(activities.startsAt)),
    db.select().from(assignments).where(and(eq(assignments.subjectType, 'supervision'), eq(assignments.subjectId, s.id))).orderBy(asc(assignments.createdAt)),
    loadLookups(db, s.committeeId),
    getSettings(db, supervisionSettings, s.committeeId, s.year),
  ]);
  const round = Math.max(s.handlingRound, 1);
  const facts: SuggestionFacts = {
    committee: { name: committee.name, shortName: committee.shortName },
    suggestion: s,
    groupName: group?.name ?? '',
    leaderName: leader?.name ?? '',
    topicTitle: topic[0]?.title ?? null,
    // the activities held for the suggestion's topic; without a topic, those of the group held for none
    activities: held.filter((a) => a.topicId === (s.topicId ?? null)).map((a) => ({ kindLabel: labelOf(supervisionActivityKinds, a.kind), day: chinaToday(a.startsAt) })),
    units: live
      .filter((a) => a.round === round && a.status !== 'withdrawn' && replyingRoles.includes(a.role as HandlingRole))
      .map((a) => ({ name: lookups.units.byId.get(a.unitId) ?? '', replyDeadline: a.replyDeadline, round: a.round })),
    replyWorkdays: 'workdays' in settings.replyPeriod ? settings.replyPeriod.workdays : null,
  };
  return { facts, settings, s, unitName: (unitId: string) => lookups.units.byId.get(unitId) ?? '' };
}

/** One unit's reply to the suggestion, if the actor may read it (sent ones; a unit its own drafts; staff signed ones). */
export async function replyFacts(db: Executor, actor: Actor, loaded: Awaited<ReturnType<typeof suggestionFacts>>, replyId: string): Promise<ReplyFacts> {
  const rows = await db.select().from(replies).where(and(eq(replies.subjectType, 'supervision'), eq(replies.subjectId, loaded.s.id), eq(replies.id, replyId)));
  const [shown] = presentReplies(actor, rows, loaded.unitName);
  if (!shown) throw AppError.notFound('单位反馈');
  const r = { ...rows[0], unitName: shown.unitName };
  return {
    unitName: r.unitName, round: r.round, answerClass: r.answerClass, classLabel: loaded.settings.answerClasses.find((c) => c.code === r.answerClass)?.label ?? null,
    body: r.body, contactPerson: r.contactPerson, contactPhone: r.contactPhone, status: r.status, signedBy: r.signedBy, day: r.sentAt ?? r.signedAt ?? r.updatedAt,
  };
}
