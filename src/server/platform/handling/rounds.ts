import { and, eq } from 'drizzle-orm';
import type { Actor } from '../auth/actor.js';
import type { UnitOfWork } from '../jobs/after-commit.js';
import { AppError } from '../errors.js';
import { assignUnits } from './assignments.js';
import { replyingRoles, type HandlingRole, type RatingValue } from './plan.js';
import type { HandlingPort, HandlingSubject } from './ports.js';
import { assignments, ratings } from './schema.js';

export interface RatingInput {
  attitude: RatingValue;
  result: RatingValue;
  comment?: string | null;
}

/** A comment is required when either aspect is 不满意. Returns a refusal or null. */
export const ratingProblem = (r: RatingInput) => ((r.attitude === 'unsatisfied' || r.result === 'unsatisfied') && !r.comment?.trim() ? '评价为不满意时须填写意见' : null);
export const isUnsatisfied = (r: RatingInput) => r.attitude === 'unsatisfied' || r.result === 'unsatisfied';

/**
 * Records the proposer's rating of the current round, once per round, inside the caller's transaction.
 * `recordRating(uow, { port: proposalPort, subject, memberId, rating })`
 */
export async function recordRating(uow: UnitOfWork, { port, subject, memberId, rating: r }: { port: HandlingPort; subject: HandlingSubject; memberId: string; rating: RatingInput }) {
  const problem = ratingProblem(r);
  if (problem) throw AppError.field('comment', '评价意见', problem);
  const existing = await uow.tx
    .select({ id: ratings.id })
    .from(ratings)
    .where(and(eq(ratings.subjectType, port.type), eq(ratings.subjectId, subject.id), eq(ratings.round, subject.round), eq(ratings.memberId, memberId)));
  if (existing.length) throw AppError.invalidState('本轮办理已评价');
  await uow.tx.insert(ratings).values({ committeeId: subject.committeeId, subjectType: port.type, subjectId: subject.id, round: subject.round, memberId, ...r });
}

/**
 * 二次办理: after a 不满意 rating the replying units of the last round get the item again with the
 * re-handling period. `subject.round` must already be the new round.
 * `openSecondRound(uow, { actor, port: proposalPort, subject, today })`
 */
export async function openSecondRound(uow: UnitOfWork, { actor, port, subject, today }: { actor: Actor; port: HandlingPort; subject: HandlingSubject; today: string }) {
  const previous = await uow.tx
    .select()
    .from(assignments)
    .where(and(eq(assignments.subjectType, port.type), eq(assignments.subjectId, subject.id), eq(assignments.round, subject.round - 1)));
  const plan = previous
    .filter((a) => a.status !== 'withdrawn' && replyingRoles.includes(a.role as HandlingRole))
    .map((a) => ({ unitId: a.unitId, role: a.role as HandlingRole }));
  // a lead unit handles the second round alone: its assisting units already gave their views
  const adjusted = plan.length === 1 ? [{ ...plan[0], role: 'sole' as const }] : plan;
  return assignUnits(uow, { actor, port, subject, plan: adjusted, today });
}
