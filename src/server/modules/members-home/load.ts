import { and, asc, count, eq, inArray, isNotNull, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';
import { authorize } from '../../platform/policy/policy.js';
import { dutyPolicy, suggestionPolicy, type SuggestionSubject } from './policy.js';
import { homeDuties, homeSuggestions, homeVisits, type HomeDutyRow } from './schema.js';

export type DutySubject = HomeDutyRow & { visitCount: number };

/** Visits logged on each duty, in one query for any number of duties. */
export async function visitCounts(db: Executor, dutyIds: string[]): Promise<Map<string, number>> {
  if (!dutyIds.length) return new Map();
  const rows = await db.select({ dutyId: homeVisits.dutyId, n: count() }).from(homeVisits).where(inArray(homeVisits.dutyId, dutyIds)).groupBy(homeVisits.dutyId);
  return new Map(rows.map((r) => [r.dutyId, Number(r.n)]));
}

export async function dutySubjectOf(db: Executor, row: HomeDutyRow): Promise<DutySubject> {
  return { ...row, visitCount: (await visitCounts(db, [row.id])).get(row.id) ?? 0 };
}

/** A duty the actor may read, or not found (the same answer as a made-up id). */
export async function loadDuty(db: Executor, actor: Actor, id: string): Promise<DutySubject> {
  const [row] = await db.select().from(homeDuties).where(eq(homeDuties.id, id));
  if (!row || row.committeeId !== actor.committeeId) throw AppError.notFound(dutyPolicy.label);
  const subject = await dutySubjectOf(db, row);
  authorize(dutyPolicy, 'read', actor, subject);
  return subject;
}

/** Suggestions with who may act on them: the member on duty and the visiting member. */
export async function suggestionSubjects(db: Executor, where: SQL): Promise<SuggestionSubject[]> {
  const rows = await db
    .select({ s: homeSuggestions, dutyMemberId: homeDuties.memberId, visitorMemberId: homeVisits.visitorMemberId })
    .from(homeSuggestions)
    .innerJoin(homeDuties, eq(homeDuties.id, homeSuggestions.dutyId))
    .innerJoin(homeVisits, eq(homeVisits.id, homeSuggestions.visitId))
    .where(where)
    .orderBy(asc(homeSuggestions.createdAt));
  return rows.map((r) => ({ ...r.s, dutyMemberId: r.dutyMemberId, visitorMemberId: r.visitorMemberId }));
}

export async function loadSuggestion(db: Executor, actor: Actor, id: string): Promise<SuggestionSubject> {
  const [s] = await suggestionSubjects(db, eq(homeSuggestions.id, id));
  if (!s || s.committeeId !== actor.committeeId) throw AppError.notFound(suggestionPolicy.label);
  authorize(suggestionPolicy, 'read', actor, s);
  return s;
}

/**
 * The suggestion a proposal or an opinion report was converted from (the link back), as the duty
 * page it was logged on, when this person may open that page — otherwise nothing.
 */
export async function sourceSuggestionOf(db: Executor, actor: Actor, into: 'proposal' | 'opinion', id: string): Promise<{ dutyId: string; day: string } | null> {
  const column = into === 'proposal' ? homeSuggestions.proposalId : homeSuggestions.opinionId;
  const [s] = await db.select().from(homeSuggestions).where(and(isNotNull(column), eq(column, id)));
  if (!s) return null;
  const [duty] = await db.select().from(homeDuties).where(eq(homeDuties.id, s.dutyId));
  return suggestionSource(actor, duty && { dutyId: duty.id, dutyCommitteeId: duty.committeeId, day: s.day });
}

/** The same for a suggestion and its duty the caller has read already: shown only within the reader's committee. */
export const suggestionSource = (actor: Actor, s: { dutyId: string; dutyCommitteeId: string; day: string } | undefined) =>
  s && s.dutyCommitteeId === actor.committeeId ? { dutyId: s.dutyId, day: s.day } : null;

/** Of the duties asked, those the viewer may open (a member record's ledger sources). */
export async function readableDutyIds(db: Executor, viewer: Actor, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db.select().from(homeDuties).where(inArray(homeDuties.id, ids));
  return new Set(rows.filter((r) => r.committeeId === viewer.committeeId).map((r) => r.id));
}
