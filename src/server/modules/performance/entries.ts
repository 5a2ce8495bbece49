import { and, between, eq, inArray, isNull, lte, gte, or } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { ledgerEntries } from '../../platform/ledger/schema.js';
import { terms } from '../org/schema.js';
import type { ScoringRules } from '../../../shared/performance/rules.js';
import type { Entry } from './score.js';

export const yearRange = (year: number) => ({ from: `${year}-01-01`, to: `${year}-12-31` });

const columns = {
  id: ledgerEntries.id, memberId: ledgerEntries.memberId, kind: ledgerEntries.kind, part: ledgerEntries.part, day: ledgerEntries.day,
  sourceType: ledgerEntries.sourceType, sourceId: ledgerEntries.sourceId, occasionId: ledgerEntries.occasionId, note: ledgerEntries.note, createdAt: ledgerEntries.createdAt,
};

/** The live (not voided) entries of a committee between two days, optionally of some members and kinds. */
export async function loadEntries(db: Executor, committeeId: string, from: string, to: string, o: { memberIds?: string[]; kinds?: string[]; sourceIds?: string[] } = {}): Promise<Entry[]> {
  const where = [eq(ledgerEntries.committeeId, committeeId), between(ledgerEntries.day, from, to), isNull(ledgerEntries.voidedAt)];
  if (o.memberIds) where.push(inArray(ledgerEntries.memberId, o.memberIds.length ? o.memberIds : ['00000000-0000-0000-0000-000000000000']));
  if (o.kinds) where.push(inArray(ledgerEntries.kind, o.kinds.length ? o.kinds : ['-']));
  if (o.sourceIds) where.push(inArray(ledgerEntries.sourceId, o.sourceIds.length ? o.sourceIds : ['00000000-0000-0000-0000-000000000000']));
  return db.select(columns).from(ledgerEntries).where(and(...where));
}

/** The kinds whose points a joint source's authors share: scoring one of them reads the co-authors' entries too. */
export const splitKindsOf = (rules: ScoringRules) => [...new Set(rules.items.filter((i) => i.split).flatMap((i) => i.kinds))];

/**
 * What scoring one member needs: their entries of the year, the co-authors' entries of the same
 * sources for split items (the split depends on how many shared the work), and the term's
 * entries of the kinds that term-scoped sanctions count.
 */
export async function entriesForMember(db: Executor, committeeId: string, memberId: string, year: number, rules: ScoringRules) {
  const { from, to } = yearRange(year);
  const mine = await loadEntries(db, committeeId, from, to, { memberIds: [memberId] });
  const splitKinds = splitKindsOf(rules);
  const sources = [...new Set(mine.filter((e) => splitKinds.includes(e.kind)).map((e) => e.sourceId))];
  const others = sources.length
    ? (await db.select(columns).from(ledgerEntries).where(and(eq(ledgerEntries.committeeId, committeeId), inArray(ledgerEntries.sourceId, sources), inArray(ledgerEntries.kind, splitKinds), between(ledgerEntries.day, from, to), isNull(ledgerEntries.voidedAt)))).filter((e) => e.memberId !== memberId)
    : [];
  const term = await termEntries(db, committeeId, year, rules, [memberId]);
  return { entries: [...mine, ...others], term };
}

/** The entries of the term around `year` that term-scoped sanctions count (e.g. plenary absences). */
export async function termEntries(db: Executor, committeeId: string, year: number, rules: ScoringRules, memberIds?: string[]): Promise<Entry[]> {
  const kinds = [...new Set(rules.sanctions.filter((s) => s.scope === 'term').flatMap((s) => s.kinds))];
  if (kinds.length === 0) return [];
  const { from, to } = await termRange(db, committeeId, year);
  return loadEntries(db, committeeId, from, to, { memberIds, kinds });
}

/** The term that covers the year (its start to its end), else the year itself. */
export async function termRange(db: Executor, committeeId: string, year: number): Promise<{ from: string; to: string; name: string | null }> {
  const { from, to } = yearRange(year);
  const [term] = await db
    .select()
    .from(terms)
    .where(and(eq(terms.committeeId, committeeId), lte(terms.startDate, to), or(isNull(terms.endDate), gte(terms.endDate, from))))
    .limit(1);
  return term ? { from: term.startDate, to: term.endDate ?? '9999-12-31', name: term.name } : { from, to, name: null };
}
