import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../platform/auth/actor.js';
import { can } from '../../platform/policy/policy.js';
import type { topicQuery } from '../../../shared/consultation/inputs.js';
import { topicPolicy } from './policy.js';
import { consultationTopics } from './schema.js';
import { isTopicAuthor } from './workflow.js';

/**
 * The suggestions of a year the actor may read, newest first. A year holds tens to a few hundred
 * suggestions, so the read policy is applied row by row rather than restated in SQL.
 */
export async function listTopics(db: Executor, actor: Actor, q: z.output<typeof topicQuery>, year: number) {
  const where: SQL[] = [eq(consultationTopics.committeeId, actor.committeeId), eq(consultationTopics.year, year)];
  if (q.scope === 'moderation') where.push(eq(consultationTopics.status, 'pending'));
  if (q.status) where.push(eq(consultationTopics.status, q.status));
  const rows = await db.select().from(consultationTopics).where(and(...where)).orderBy(desc(consultationTopics.createdAt));
  return rows.filter((t) => can(topicPolicy, 'read', actor, t) && (q.scope !== 'mine' || isTopicAuthor(actor, t)));
}
