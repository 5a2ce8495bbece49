import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../platform/auth/actor.js';
import { can } from '../../platform/policy/policy.js';
import { topicSubjectsOf } from './load.js';
import { topicPolicy } from './policy.js';
import { researchMembers, researchTopics } from './schema.js';

/** The topics of a year the actor may read, newest first (a committee runs tens a year), of one report state or form if asked. */
export async function listTopics(db: Executor, actor: Actor, year: number, only: { status?: string; form?: string } = {}) {
  const where = [eq(researchTopics.committeeId, actor.committeeId), eq(researchTopics.year, year)];
  if (only.status) where.push(eq(researchTopics.status, only.status));
  if (only.form) where.push(eq(researchTopics.form, only.form));
  const rows = await db.select().from(researchTopics).where(and(...where)).orderBy(desc(researchTopics.createdAt));
  return (await topicSubjectsOf(db, rows)).filter((t) => can(topicPolicy, 'read', actor, t));
}

/**
 * 我的调研: the topics still recruiting that the member has not answered yet, and every topic the
 * member volunteered for or serves on (any year), newest first.
 */
export async function myTopics(db: Executor, actor: Actor, year: number) {
  if (!actor.memberId) return { open: [], groups: [] };
  const mine = await db.select({ topicId: researchMembers.topicId }).from(researchMembers).where(eq(researchMembers.memberId, actor.memberId));
  const mineIds = new Set(mine.map((m) => m.topicId));
  const current = await listTopics(db, actor, year);
  const groupRows = mineIds.size ? await db.select().from(researchTopics).where(and(eq(researchTopics.committeeId, actor.committeeId), inArray(researchTopics.id, [...mineIds]))).orderBy(desc(researchTopics.createdAt)) : [];
  return {
    open: current.filter((t) => !mineIds.has(t.id) && can(topicPolicy, 'volunteer', actor, t)),
    groups: (await topicSubjectsOf(db, groupRows)).filter((t) => can(topicPolicy, 'read', actor, t)),
  };
}
