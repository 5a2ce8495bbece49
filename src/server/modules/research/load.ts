import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';
import { assignments } from '../../platform/handling/schema.js';
import { authorize, readableIds } from '../../platform/policy/policy.js';
import { topicPolicy } from './policy.js';
import { researchItems, researchMembers, researchTopics } from './schema.js';
import type { Topic, TopicSubject } from './workflow.js';

/** Adds what the policies need: the confirmed group and the departments its items were sent to. */
export async function topicSubjectsOf(db: Executor, rows: Topic[]): Promise<TopicSubject[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const [group, items] = await Promise.all([
    db.select({ topicId: researchMembers.topicId, memberId: researchMembers.memberId }).from(researchMembers).where(and(inArray(researchMembers.topicId, ids), eq(researchMembers.state, 'confirmed'))),
    db.select({ id: researchItems.id, topicId: researchItems.topicId }).from(researchItems).where(inArray(researchItems.topicId, ids)),
  ]);
  const units = items.length
    ? await db.select({ subjectId: assignments.subjectId, unitId: assignments.unitId }).from(assignments).where(and(eq(assignments.subjectType, 'researchItem'), inArray(assignments.subjectId, items.map((i) => i.id)), ne(assignments.status, 'withdrawn')))
    : [];
  return rows.map((t) => {
    const mine = new Set(items.filter((i) => i.topicId === t.id).map((i) => i.id));
    return {
      ...t,
      groupMemberIds: group.filter((g) => g.topicId === t.id).map((g) => g.memberId),
      sentToUnitIds: [...new Set(units.filter((u) => mine.has(u.subjectId)).map((u) => u.unitId))],
    };
  });
}
export const topicSubjectOf = async (db: Executor, t: Topic) => (await topicSubjectsOf(db, [t]))[0];

/** A topic the actor may read (else not found, like a made-up id), with its group. */
export async function loadTopic(db: Executor, actor: Actor, id: string): Promise<TopicSubject> {
  const [row] = await db.select().from(researchTopics).where(eq(researchTopics.id, id));
  if (!row || row.committeeId !== actor.committeeId) throw AppError.notFound(topicPolicy.label);
  const subject = await topicSubjectOf(db, row);
  authorize(topicPolicy, 'read', actor, subject);
  return subject;
}

/** Of the topics asked, those the viewer may open (a member record's ledger sources). */
export async function readableTopicIds(db: Executor, viewer: Actor, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  return readableIds(topicPolicy, viewer, await topicSubjectsOf(db, await db.select().from(researchTopics).where(inArray(researchTopics.id, ids))));
}
