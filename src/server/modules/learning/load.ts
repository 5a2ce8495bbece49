import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';
import { authorize, readableIds } from '../../platform/policy/policy.js';
import { checkinPolicy, groupPolicy, itemPolicy, type CheckinSubject, type GroupSubject } from './policy.js';
import { learningItems, readingCheckins, readingGroupMembers, readingGroups, type LearningItemRow, type ReadingGroupRow } from './schema.js';

/** An item the actor may read, or not found (the same answer as a made-up id). */
export async function loadItem(db: Executor, actor: Actor, id: string): Promise<LearningItemRow> {
  const [row] = await db.select().from(learningItems).where(eq(learningItems.id, id));
  if (!row || row.committeeId !== actor.committeeId) throw AppError.notFound(itemPolicy.label);
  authorize(itemPolicy, 'read', actor, row);
  return row;
}

/** Groups with their members, in one query for any number. */
export async function groupSubjectsOf(db: Executor, rows: ReadingGroupRow[]): Promise<GroupSubject[]> {
  const ids = rows.map((g) => g.id);
  const links = ids.length ? await db.select().from(readingGroupMembers).where(inArray(readingGroupMembers.groupId, ids)) : [];
  return rows.map((g) => ({ ...g, memberIds: links.filter((l) => l.groupId === g.id).map((l) => l.memberId) }));
}

export async function groupSubjectOf(db: Executor, row: ReadingGroupRow): Promise<GroupSubject> {
  return (await groupSubjectsOf(db, [row]))[0]!;
}

/** A group the actor may read, or not found. */
export async function loadGroup(db: Executor, actor: Actor, id: string): Promise<GroupSubject> {
  const [row] = await db.select().from(readingGroups).where(eq(readingGroups.id, id));
  if (!row || row.committeeId !== actor.committeeId) throw AppError.notFound(groupPolicy.label);
  const subject = await groupSubjectOf(db, row);
  authorize(groupPolicy, 'read', actor, subject);
  return subject;
}

/** A check-in the actor may read (whoever reads its group), or not found. */
export async function loadCheckin(db: Executor, actor: Actor, id: string): Promise<CheckinSubject> {
  const [row] = await db.select().from(readingCheckins).where(eq(readingCheckins.id, id));
  if (!row || row.committeeId !== actor.committeeId) throw AppError.notFound(checkinPolicy.label);
  const [g] = await db.select().from(readingGroups).where(eq(readingGroups.id, row.groupId));
  if (!g) throw AppError.notFound(checkinPolicy.label);
  const subject = { ...row, group: await groupSubjectOf(db, g) };
  authorize(checkinPolicy, 'read', actor, subject);
  return subject;
}

/** Of the items asked, those the viewer may open (a member record's ledger sources). */
export async function readableItemIds(db: Executor, viewer: Actor, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  return readableIds(itemPolicy, viewer, await db.select().from(learningItems).where(and(inArray(learningItems.id, ids), eq(learningItems.committeeId, viewer.committeeId))));
}

/** Of the groups asked, those the viewer may open. */
export async function readableGroupIds(db: Executor, viewer: Actor, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db.select().from(readingGroups).where(and(inArray(readingGroups.id, ids), eq(readingGroups.committeeId, viewer.committeeId)));
  return readableIds(groupPolicy, viewer, await groupSubjectsOf(db, rows));
}
