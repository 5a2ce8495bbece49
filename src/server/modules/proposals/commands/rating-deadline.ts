import { and, eq, lt } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { systemActor } from '../../../platform/auth/actor.js';
import { AppError } from '../../../platform/errors.js';
import { proposals } from '../schema.js';
import { decideProposal } from './decide-proposal.js';

/**
 * The scheduled close (办结) of replied proposals whose proposer let the rating period run out:
 * the same `close` transition staff use, done by the system actor, audited and notified.
 * Returns how many were closed.
 */
export async function closeUnratedProposals(database: Database, today: string): Promise<number> {
  const due = await database.db
    .select({ id: proposals.id, committeeId: proposals.committeeId, version: proposals.version })
    .from(proposals)
    .where(and(eq(proposals.status, 'replied'), lt(proposals.rateDeadline, today)));
  let closed = 0;
  for (const p of due) {
    try {
      await decideProposal(database, systemActor(p.committeeId), p.id, 'close', { version: p.version, reason: '提案人未在评价期限内评价，按期办结' }, today);
      closed++;
    } catch (err) {
      // rated or closed by a person in the meantime (409): nothing left to do for this one
      if (!(err instanceof AppError)) throw err;
    }
  }
  return closed;
}
