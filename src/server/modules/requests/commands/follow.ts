import { and, asc, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { Database, Executor } from '../../../db/client.js';
import { audit } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/errors.js';
import { inTransaction } from '../../../platform/jobs/after-commit.js';
import { members } from '../../members/schema.js';
import { studios } from '../../org/schema.js';
import { requestRatings, requestStates } from '../../../../shared/requests/labels.js';
import type { rateInput } from '../../../../shared/requests/inputs.js';
import type { Presented } from '../../../../shared/http/responses.js';
import type { followed, publishedList } from '../../../../shared/requests/responses.js';
import { formatCode } from '../code.js';
import { livelihoodRequestNotes, livelihoodRequests } from '../schema.js';
import type { LivelihoodRequest } from '../workflow.js';
import { portalActor } from './submit.js';

const notFound = () => AppError.notFound('该回执码对应的诉求');

/** Who handles each request, as the public may read it: the studio's and the member's names, never contacts or ids (two queries for any number). */
export async function handlerNames(db: Executor, rows: Pick<LivelihoodRequest, 'studioId' | 'memberId'>[]): Promise<(string | null)[]> {
  const studioIds = [...new Set(rows.map((r) => r.studioId).filter((x): x is string => !!x))];
  const memberIds = [...new Set(rows.map((r) => r.memberId).filter((x): x is string => !!x))];
  const [studioRows, memberRows] = await Promise.all([
    studioIds.length ? db.select({ id: studios.id, name: studios.name }).from(studios).where(inArray(studios.id, studioIds)) : [],
    memberIds.length ? db.select({ id: members.id, name: members.name }).from(members).where(inArray(members.id, memberIds)) : [],
  ]);
  const studio = new Map(studioRows.map((x) => [x.id, x.name]));
  const member = new Map(memberRows.map((x) => [x.id, `${x.name}委员`]));
  return rows.map((r) => [studio.get(r.studioId ?? ''), member.get(r.memberId ?? '')].filter(Boolean).join('·') || null);
}

export const handlerName = async (db: Executor, r: Pick<LivelihoodRequest, 'studioId' | 'memberId'>) => (await handlerNames(db, [r]))[0]!;

/**
 * What a receipt code shows (to whoever holds it): progress and outcome — no name, no phone, no
 * photos, no ids. An unknown code and a malformed one answer alike.
 */
export async function followRequest(db: Executor, code: string): Promise<Presented<typeof followed>> {
  const [r] = await db.select().from(livelihoodRequests).where(eq(livelihoodRequests.code, code));
  if (!r) throw notFound();
  const notes = await db.select({ day: livelihoodRequestNotes.day, body: livelihoodRequestNotes.body, byName: livelihoodRequestNotes.byName }).from(livelihoodRequestNotes).where(eq(livelihoodRequestNotes.requestId, r.id)).orderBy(asc(livelihoodRequestNotes.createdAt));
  return {
    code: formatCode(r.code), status: r.status, statusLabel: requestStates[r.status as keyof typeof requestStates] ?? r.status,
    category: r.category, place: r.place, body: r.body, receivedOn: r.receivedOn, handler: await handlerName(db, r),
    notes,
    outcome: r.outcome, declineReason: r.declineReason, doneOn: r.doneOn,
    rating: r.rating, ratingLabel: r.rating ? requestRatings[r.rating as keyof typeof requestRatings] : null,
    canRate: r.status === 'done' && !r.rating,
  };
}

/** The sender rates a finished request once, with the code (a comment is required when dissatisfied). */
export async function rateRequest(database: Database, input: z.output<typeof rateInput>, now: Date) {
  if (input.rating === 'unsatisfied' && !input.comment) throw AppError.field('comment', '评价意见', '不满意时请写明原因');
  const [r] = await database.db.select().from(livelihoodRequests).where(eq(livelihoodRequests.code, input.code));
  if (!r) throw notFound();
  if (r.status !== 'done') throw AppError.invalidState('诉求办结后才能评价');
  await inTransaction(database, async ({ tx }) => {
    const [rated] = await tx
      .update(livelihoodRequests)
      .set({ rating: input.rating, ratingComment: input.comment ?? null, ratedAt: now, version: r.version + 1, updatedAt: now })
      .where(and(eq(livelihoodRequests.id, r.id), eq(livelihoodRequests.version, r.version)))
      .returning({ id: livelihoodRequests.id, rating: livelihoodRequests.rating });
    if (!rated || r.rating) throw AppError.invalidState('已经评价过了');
    await audit(tx, portalActor(r.committeeId), { action: 'livelihoodRequest.rate', subjectType: 'livelihoodRequest', subjectId: r.id, after: { rating: input.rating }, note: input.comment });
  });
  return followRequest(database.db, r.code);
}

/** What staff published on the portal: finished requests, what and where and what was done. */
export async function publishedRequests(db: Executor, committeeId: string): Promise<Presented<typeof publishedList>> {
  const rows = await db.select().from(livelihoodRequests).where(and(eq(livelihoodRequests.committeeId, committeeId), isNotNull(livelihoodRequests.publishedAt), eq(livelihoodRequests.status, 'done'))).orderBy(desc(livelihoodRequests.publishedAt)).limit(50);
  const handlers = await handlerNames(db, rows);
  return { items: rows.map((r, i) => ({ category: r.category, place: r.place, body: r.body, handler: handlers[i]!, outcome: r.outcome, doneOn: r.doneOn })) };
}
