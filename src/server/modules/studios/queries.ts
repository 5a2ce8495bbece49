import { and, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../platform/auth/actor.js';
import { members } from '../members/schema.js';
import type { questionQuery } from '../../../shared/studios/inputs.js';
import { studioQuestions } from './schema.js';
import { isStudioStaff } from './workflow.js';

const byScope: Record<string, string[] | null> = { open: ['asked'], answered: ['answered'], all: null };

/** The studio a member serves in, or null (a member answers only their own studio's questions). */
export async function ownStudioId(db: Executor, actor: Actor): Promise<string | null> {
  if (!actor.memberId) return null;
  const [me] = await db.select({ studioId: members.studioId }).from(members).where(eq(members.id, actor.memberId));
  return me?.studioId ?? null;
}

/**
 * The questions this person may see, newest first: staff every studio's; a member their own
 * studio's (whatever the scope asks, never more). Staff start from those waiting for an answer.
 */
export async function listQuestions(db: Executor, actor: Actor, q: z.output<typeof questionQuery>) {
  const where: SQL[] = [eq(studioQuestions.committeeId, actor.committeeId)];
  const states = byScope[q.scope ?? 'all'];
  if (states) where.push(inArray(studioQuestions.status, states));
  if (!isStudioStaff(actor)) {
    const studioId = await ownStudioId(db, actor);
    if (!studioId) return [];
    where.push(eq(studioQuestions.studioId, studioId));
  }
  return db.select().from(studioQuestions).where(and(...where)).orderBy(desc(studioQuestions.createdAt)).limit(500);
}
