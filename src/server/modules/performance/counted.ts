import { and, eq, gt, inArray, isNotNull, between, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { ledgerCounts, ledgerEntries } from '../../platform/ledger/schema.js';
import type { ScoringRules } from '../../../shared/performance/rules.js';
import { loadEntries, yearRange } from './entries.js';
import type { Entry } from './score.js';

/**
 * The kinds a member's stored score needs only as counts per member, kind and part: those of plain
 * items (no split, nothing skipped) and of tiers, when no split item, quota or sanction reads them.
 * Their points do not depend on which entry is which (a cap is reached at the same sum in any order;
 * a tier asks only whether the member has the kind), so ledger_counts, which the ledger's triggers
 * keep, stands in for the entries. The others are read one by one: a split share needs the source, a
 * skipped unit the date order, a quota the distinct records, a sanction the distinct occasions.
 */
export function countedKinds(rules: ScoringRules): { counted: string[]; oneByOne: string[] } {
  const oneByOne = new Set([
    ...rules.items.filter((i) => i.split || i.skipFirst > 0).flatMap((i) => i.kinds),
    ...rules.quotas.flatMap((q) => q.kinds),
    ...rules.sanctions.flatMap((s) => s.kinds),
  ]);
  const used = new Set([...rules.items.flatMap((i) => i.kinds), ...rules.categories.flatMap((c) => (c.tiers ?? []).flatMap((t) => t.anyOf))]);
  return { counted: [...used].filter((k) => !oneByOne.has(k)), oneByOne: [...oneByOne] };
}

/**
 * Some members' entries of a year as the stored score needs them (recompute.ts, incremental path):
 * the kinds read one by one as they are, the counted kinds as stand-ins made from ledger_counts —
 * one per counted entry, with no source or occasion of its own. Entries of an occasion (the
 * half-days of a plenary session, which an item per time counts once) are always read as they are.
 * The score and its summary come out exactly as from the entries (a test compares every preset);
 * the stand-ins explain no point, so the member's record (queries.ts) reads the entries.
 */
export async function entriesForScores(db: Executor, committeeId: string, year: number, rules: ScoringRules, memberIds: string[]): Promise<Entry[]> {
  const { counted, oneByOne } = countedKinds(rules);
  const { from, to } = yearRange(year);
  const none = ['00000000-0000-0000-0000-000000000000'];
  const real = oneByOne.length ? await loadEntries(db, committeeId, from, to, { memberIds, kinds: oneByOne }) : [];
  if (counted.length === 0) return real;
  const counts = await db
    .select({ memberId: ledgerCounts.memberId, kind: ledgerCounts.kind, part: ledgerCounts.part, onOccasion: ledgerCounts.onOccasion, n: ledgerCounts.n })
    .from(ledgerCounts)
    .where(and(eq(ledgerCounts.committeeId, committeeId), eq(ledgerCounts.year, year), inArray(ledgerCounts.memberId, memberIds.length ? memberIds : none), inArray(ledgerCounts.kind, counted), gt(ledgerCounts.n, 0)));
  const stand: Entry[] = [];
  for (const c of counts) {
    if (c.onOccasion) continue;
    for (let i = 0; i < c.n; i++) stand.push({ id: `count:${c.memberId}:${c.kind}:${c.part}:${i}`, memberId: c.memberId, kind: c.kind, part: c.part, day: from, sourceType: 'count', sourceId: `${c.memberId}:${c.kind}:${c.part}:${i}`, occasionId: null });
  }
  const onOccasion = [...new Set(counts.filter((c) => c.onOccasion).map((c) => c.memberId))];
  const occasional = onOccasion.length
    ? await db
        .select({ id: ledgerEntries.id, memberId: ledgerEntries.memberId, kind: ledgerEntries.kind, part: ledgerEntries.part, day: ledgerEntries.day, sourceType: ledgerEntries.sourceType, sourceId: ledgerEntries.sourceId, occasionId: ledgerEntries.occasionId })
        .from(ledgerEntries)
        .where(and(eq(ledgerEntries.committeeId, committeeId), inArray(ledgerEntries.memberId, onOccasion), inArray(ledgerEntries.kind, counted), between(ledgerEntries.day, from, to), isNull(ledgerEntries.voidedAt), isNotNull(ledgerEntries.occasionId)))
    : [];
  return [...real, ...stand, ...occasional];
}
