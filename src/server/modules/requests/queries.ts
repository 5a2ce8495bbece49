import { and, desc, eq, inArray, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../platform/auth/actor.js';
import { members } from '../members/schema.js';
import type { requestQuery } from '../../../shared/requests/inputs.js';
import { livelihoodRequests } from './schema.js';
import { isRequestStaff } from './workflow.js';

const byScope: Record<string, string[] | null> = { open: ['received'], handling: ['routed', 'handling'], closed: ['done', 'declined'], all: null, mine: null };

/**
 * The requests this person may see, newest first: staff every one of the committee; a member those in
 * their charge and those routed to their studio (whatever the scope asks, never more).
 */
export async function listRequests(db: Executor, actor: Actor, q: z.output<typeof requestQuery>) {
  const where: SQL[] = [eq(livelihoodRequests.committeeId, actor.committeeId)];
  if (q.year) where.push(eq(livelihoodRequests.year, q.year));
  // staff start from what waits for routing, a member from everything in their charge
  const scope = q.scope ?? (isRequestStaff(actor) ? 'open' : 'all');
  const states = byScope[scope];
  if (states) where.push(inArray(livelihoodRequests.status, states));
  if (!isRequestStaff(actor) || scope === 'mine') {
    if (!actor.memberId) return [];
    const [me] = await db.select({ studioId: members.studioId }).from(members).where(eq(members.id, actor.memberId));
    const mine = eq(livelihoodRequests.memberId, actor.memberId);
    where.push(me?.studioId ? or(mine, eq(livelihoodRequests.studioId, me.studioId))! : mine);
  }
  return db.select().from(livelihoodRequests).where(and(...where)).orderBy(desc(livelihoodRequests.createdAt)).limit(500);
}
