import { and, asc, count, desc, eq, gte, inArray, isNotNull, lte, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../platform/auth/actor.js';
import { activities, activityInvitees } from '../../platform/activity/schema.js';
import { members } from '../members/schema.js';
import { activityKinds } from '../../../shared/meetings/labels.js';
import { groupSubjectsOf } from './load.js';
import type { GroupSubject } from './policy.js';
import { learningItems, learningMarks, readingCheckins, readingGroupMembers, readingGroups, type LearningItemRow } from './schema.js';
import { keepsLearning } from './workflow.js';

/** The items this person may see, newest first: the keeping offices every item, anyone else the published ones. */
export async function listItems(db: Executor, actor: Actor): Promise<LearningItemRow[]> {
  const where = [eq(learningItems.committeeId, actor.committeeId)];
  if (!keepsLearning(actor)) where.push(eq(learningItems.status, 'published'));
  return db.select().from(learningItems).where(and(...where)).orderBy(desc(learningItems.forDate), desc(learningItems.createdAt)).limit(500);
}

/** When this member marked each of the items learned. */
export async function marksOf(db: Executor, memberId: string | null, itemIds: string[]): Promise<Map<string, Date>> {
  if (!memberId || !itemIds.length) return new Map();
  const rows = await db.select().from(learningMarks).where(and(eq(learningMarks.memberId, memberId), inArray(learningMarks.itemId, itemIds)));
  return new Map(rows.map((r) => [r.itemId, r.learnedAt]));
}

/** The committee's serving members (those an item is pushed to), by name. */
export async function servingMembers(db: Executor, committeeId: string) {
  return db.select({ id: members.id, name: members.name }).from(members).where(and(eq(members.committeeId, committeeId), eq(members.status, 'active'))).orderBy(asc(members.code));
}

export interface ItemFigures { members: number; learned: number; notLearned: number }

/** For each item: serving members, those of them who learned it, those who have not (learned + notLearned = members). */
export async function itemFigures(db: Executor, committeeId: string, itemIds: string[]): Promise<Map<string, ItemFigures>> {
  if (!itemIds.length) return new Map();
  const [{ n }] = await db.select({ n: count() }).from(members).where(and(eq(members.committeeId, committeeId), eq(members.status, 'active')));
  const rows = await db
    .select({ itemId: learningMarks.itemId, n: count() })
    .from(learningMarks)
    .innerJoin(members, eq(members.id, learningMarks.memberId))
    .where(and(inArray(learningMarks.itemId, itemIds), eq(members.status, 'active')))
    .groupBy(learningMarks.itemId);
  const learned = new Map(rows.map((r) => [r.itemId, Number(r.n)]));
  const total = Number(n);
  return new Map(itemIds.map((id) => [id, { members: total, learned: learned.get(id) ?? 0, notLearned: total - (learned.get(id) ?? 0) }]));
}

/** Who of the serving members learned an item (and when), and who has not. */
export async function whoLearned(db: Executor, item: LearningItemRow) {
  const [roster, marks] = await Promise.all([servingMembers(db, item.committeeId), db.select().from(learningMarks).where(eq(learningMarks.itemId, item.id))]);
  const at = new Map(marks.map((m) => [m.memberId, m.learnedAt]));
  return {
    learnedBy: roster.filter((m) => at.has(m.id)).map((m) => ({ memberId: m.id, name: m.name, at: at.get(m.id)! })),
    notLearnedBy: roster.filter((m) => !at.has(m.id)).map((m) => ({ memberId: m.id, name: m.name, at: null })),
  };
}

/** The groups this person may see, newest first: the keeping offices every group, a member their own. */
export async function listGroups(db: Executor, actor: Actor): Promise<GroupSubject[]> {
  const where = [eq(readingGroups.committeeId, actor.committeeId)];
  if (!keepsLearning(actor)) {
    if (!actor.memberId) return [];
    const mine = await db.select({ id: readingGroupMembers.groupId }).from(readingGroupMembers).where(eq(readingGroupMembers.memberId, actor.memberId));
    if (!mine.length) return [];
    where.push(inArray(readingGroups.id, mine.map((m) => m.id)));
  }
  return groupSubjectsOf(db, await db.select().from(readingGroups).where(and(...where)).orderBy(desc(readingGroups.startsOn), desc(readingGroups.createdAt)).limit(200));
}

/** Check-ins per group, and whether this member checked in today. */
export async function groupFacts(db: Executor, groupIds: string[], memberId: string | null, today: string) {
  if (!groupIds.length) return { counts: new Map<string, number>(), todayIds: new Set<string>() };
  const rows = await db.select({ groupId: readingCheckins.groupId, n: count() }).from(readingCheckins).where(inArray(readingCheckins.groupId, groupIds)).groupBy(readingCheckins.groupId);
  const todays = memberId
    ? await db.select({ groupId: readingCheckins.groupId }).from(readingCheckins).where(and(inArray(readingCheckins.groupId, groupIds), eq(readingCheckins.memberId, memberId), eq(readingCheckins.day, today)))
    : [];
  return { counts: new Map(rows.map((r) => [r.groupId, Number(r.n)])), todayIds: new Set(todays.map((t) => t.groupId)) };
}

/** A group's check-ins, newest first, with the members' names. */
export async function checkinsOf(db: Executor, groupId: string) {
  return db
    .select({ c: readingCheckins, name: members.name })
    .from(readingCheckins)
    .innerJoin(members, eq(members.id, readingCheckins.memberId))
    .where(eq(readingCheckins.groupId, groupId))
    .orderBy(desc(readingCheckins.day), desc(readingCheckins.createdAt));
}

export async function memberNames(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db.select({ id: members.id, name: members.name }).from(members).where(inArray(members.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

const yearSpan = (year: number) => ({ from: `${year}-01-01`, to: `${year}-12-31` });

/**
 * What a member did for learning in a year: the items marked learned, the check-ins, and the
 * training and reading events attended (the activity primitive's, not rebuilt here).
 */
export async function yearRecord(db: Executor, committeeId: string, memberId: string, year: number) {
  const { from, to } = yearSpan(year);
  const learned = await db
    .select({ id: learningItems.id, title: learningItems.title, forDate: learningItems.forDate, learnedAt: learningMarks.learnedAt })
    .from(learningMarks)
    .innerJoin(learningItems, eq(learningItems.id, learningMarks.itemId))
    .where(and(eq(learningMarks.memberId, memberId), eq(learningItems.committeeId, committeeId), gte(learningMarks.learnedAt, new Date(`${from}T00:00:00+08:00`)), lte(learningMarks.learnedAt, new Date(`${to}T23:59:59+08:00`))))
    .orderBy(desc(learningMarks.learnedAt));
  const checkins = await db
    .select({ id: readingCheckins.id, groupId: readingGroups.id, groupName: readingGroups.name, bookTitle: readingGroups.bookTitle, day: readingCheckins.day, reading: readingCheckins.reading, featuredAt: readingCheckins.featuredAt })
    .from(readingCheckins)
    .innerJoin(readingGroups, eq(readingGroups.id, readingCheckins.groupId))
    .where(and(eq(readingCheckins.memberId, memberId), eq(readingCheckins.committeeId, committeeId), gte(readingCheckins.day, from), lte(readingCheckins.day, to)))
    .orderBy(desc(readingCheckins.day));
  const events = await db
    .select({ id: activities.id, title: activities.title, kind: activities.kind, startsAt: activities.startsAt })
    .from(activityInvitees)
    .innerJoin(activities, eq(activities.id, activityInvitees.activityId))
    .where(and(
      eq(activityInvitees.memberId, memberId), eq(activities.committeeId, committeeId), eq(activities.year, year), inArray(activities.kind, ['training', 'reading']),
      sql`${activities.status} <> 'cancelled'`, or(eq(activityInvitees.outcome, 'attended'), isNotNull(activityInvitees.checkedInAt)),
    ))
    .orderBy(desc(activities.startsAt));
  return {
    learned,
    checkins: checkins.map(({ featuredAt, ...c }) => ({ ...c, featured: featuredAt !== null })),
    activities: events.map((e) => ({ id: e.id, title: e.title, kind: e.kind, kindLabel: activityKinds[e.kind as keyof typeof activityKinds] ?? e.kind, date: chinaDay(e.startsAt) })),
  };
}

const chinaDay = (d: Date) => new Date(d.getTime() + 8 * 3600000).toISOString().slice(0, 10);

/** A committee's year of learning, for the yearly report and the cockpit. */
export async function yearFigures(db: Executor, committeeId: string, year: number) {
  const { from, to } = yearSpan(year);
  const items = await db.select({ id: learningItems.id }).from(learningItems).where(and(eq(learningItems.committeeId, committeeId), eq(learningItems.status, 'published'), gte(learningItems.forDate, from), lte(learningItems.forDate, to)));
  const ids = items.map((i) => i.id);
  const [marks] = ids.length ? await db.select({ n: count() }).from(learningMarks).where(inArray(learningMarks.itemId, ids)) : [{ n: 0 }];
  const [serving] = await db.select({ n: count() }).from(members).where(and(eq(members.committeeId, committeeId), eq(members.status, 'active')));
  const [groups] = await db.select({ n: count() }).from(readingGroups).where(and(eq(readingGroups.committeeId, committeeId), lte(readingGroups.startsOn, to), gte(readingGroups.endsOn, from)));
  const [checkins] = await db.select({ n: count() }).from(readingCheckins).where(and(eq(readingCheckins.committeeId, committeeId), gte(readingCheckins.day, from), lte(readingCheckins.day, to)));
  const possible = ids.length * Number(serving!.n);
  return {
    items: ids.length, marks: Number(marks!.n), groups: Number(groups!.n), checkins: Number(checkins!.n),
    /** 学习率: marks over items × serving members, in per cent */
    rate: possible ? Math.round((Number(marks!.n) * 100) / possible) : 0,
  };
}
