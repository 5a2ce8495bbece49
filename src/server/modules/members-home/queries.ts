import { and, asc, between, eq, gte, inArray, isNotNull, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize, committeeSubject } from '../../platform/policy/policy.js';
import { opensOn } from './commands/duties.js';
import { visitCounts, type DutySubject } from './load.js';
import { homeCollectionPolicy } from './policy.js';
import { visitOrder } from './presenter.js';
import { homeDuties, homeSuggestions, homeVisits, type HomeDutyRow } from './schema.js';

const withCounts = async (db: Executor, rows: HomeDutyRow[]): Promise<DutySubject[]> => {
  const counts = await visitCounts(db, rows.map((r) => r.id));
  return rows.map((r) => ({ ...r, visitCount: counts.get(r.id) ?? 0 }));
};

const daysOfMonth = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return Array.from({ length: last }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`);
};

/** The rota of a month (cancelled duties included, marked) and the days the Home opens in it. */
export async function rotaOf(db: Executor, actor: Actor, month: string) {
  authorize(homeCollectionPolicy, 'read', actor, committeeSubject(actor));
  const days = daysOfMonth(month);
  const rows = await db
    .select()
    .from(homeDuties)
    .where(and(eq(homeDuties.committeeId, actor.committeeId), between(homeDuties.day, days[0]!, days[days.length - 1]!)))
    .orderBy(asc(homeDuties.day), asc(homeDuties.capacity), asc(homeDuties.createdAt));
  const openDays: string[] = [];
  for (const d of days) if (await opensOn(db, actor.committeeId, d)) openDays.push(d);
  return { duties: await withCounts(db, rows), openDays };
}

/** The member's duty today (if any) and their duties to come. */
export async function dutiesOfMember(db: Executor, actor: Actor, today: string): Promise<{ today: DutySubject | null; upcoming: DutySubject[] }> {
  if (!actor.memberId) return { today: null, upcoming: [] };
  const rows = await db
    .select()
    .from(homeDuties)
    .where(and(eq(homeDuties.committeeId, actor.committeeId), eq(homeDuties.memberId, actor.memberId), eq(homeDuties.status, 'active'), gte(homeDuties.day, today)))
    .orderBy(asc(homeDuties.day))
    .limit(6);
  const duties = await withCounts(db, rows);
  return { today: duties.find((d) => d.day === today) ?? null, upcoming: duties.filter((d) => d.day > today) };
}

/** The visits logged on one duty, newest first. */
export const visitsOfDuty = (db: Executor, dutyId: string) => db.select().from(homeVisits).where(eq(homeVisits.dutyId, dutyId)).orderBy(...visitOrder);

/** The year's figures, counted from the records: visits received, suggestions collected, suggestions converted. */
export async function yearFigures(db: Executor, committeeId: string, year: number) {
  const range = [`${year}-01-01`, `${year}-12-31`] as const;
  const [[v], [s]] = await Promise.all([
    db.select({ n: sql<number>`count(*)::int` }).from(homeVisits).where(and(eq(homeVisits.committeeId, committeeId), between(homeVisits.day, ...range))),
    db
      .select({
        n: sql<number>`count(*)::int`,
        converted: sql<number>`count(*) filter (where ${or(isNotNull(homeSuggestions.proposalId), isNotNull(homeSuggestions.opinionId))})::int`,
        proposals: sql<number>`count(*) filter (where ${isNotNull(homeSuggestions.proposalId)})::int`,
      })
      .from(homeSuggestions)
      .where(and(eq(homeSuggestions.committeeId, committeeId), between(homeSuggestions.day, ...range))),
  ]);
  return { visits: v!.n, suggestions: s!.n, converted: s!.converted, proposals: s!.proposals, opinions: s!.converted - s!.proposals };
}

/** The visit log of a year for the keeping offices and leaders, newest first. */
export async function visitLogOf(db: Executor, actor: Actor, year: number) {
  authorize(homeCollectionPolicy, 'log', actor, committeeSubject(actor));
  const visits = await db
    .select()
    .from(homeVisits)
    .where(and(eq(homeVisits.committeeId, actor.committeeId), between(homeVisits.day, `${year}-01-01`, `${year}-12-31`)))
    .orderBy(...visitOrder)
    .limit(500);
  const duties = visits.length ? await db.select({ id: homeDuties.id, memberId: homeDuties.memberId }).from(homeDuties).where(inArray(homeDuties.id, [...new Set(visits.map((v) => v.dutyId))])) : [];
  return { visits, duties, figures: await yearFigures(db, actor.committeeId, year) };
}
