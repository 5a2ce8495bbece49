import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { loadEntries, splitKindsOf, termEntries, termRange, yearRange } from './entries.js';
import { compileScoreSql } from './score-sql.js';
import { entriesForScores } from './counted.js';
import { positional, rowsOf } from '../../db/raw.js';
import type { ScoringRules } from '../../../shared/performance/rules.js';
import { scoreMembers, type Entry, type MemberScore, type ScoredMember } from './score.js';
import { performanceDirty, performanceScores, performanceScoreYears } from './schema.js';
import { rulesFor } from './settings.js';
import { jointKindsOf } from '../../platform/ledger/ledger.js';

export interface RefreshResult {
  /** full: every member (first time, or the rules or roster changed); incremental: the members new entries touched */
  mode: 'full' | 'incremental' | 'none';
  recomputed: number;
}

const digest = (x: unknown) => createHash('sha256').update(JSON.stringify(x)).digest('hex');

/** What a ranking needs of one member's score, stored beside the total. */
export const summaryOf = (s: MemberScore) => ({
  grade: s.grade,
  categories: s.categories.map((c) => ({ key: c.key, label: c.label, points: c.points })),
  lacking: s.lacking,
  sanctions: s.sanctions,
});
export type ScoreSummary = ReturnType<typeof summaryOf>;

/**
 * Brings the stored scores of a year up to date, deterministically: the same ledger and rules give
 * the same rows whether they were reached by one full recompute or by many incremental ones (a
 * test checks this). Incremental means per entry: only the members the new or voided entries
 * touched (and, for joint work, their co-authors) are scored again. Refreshes of one year are
 * serialised by an advisory lock; entries written meanwhile stay queued for the next refresh.
 */
export async function refreshScores(db: Executor, committeeId: string, year: number, o: { full?: boolean; now: Date }): Promise<RefreshResult> {
  return db.transaction(async (tx) => {
    // stored scores are derived: a refresh lost in a crash loses its queue deletions with it (a
    // transaction commits whole or not at all), so the next refresh redoes it — no need to wait for
    // the WAL flush at commit
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`performance:${committeeId}:${year}`})), set_config('synchronous_commit', 'off', true)`);
    const rules = await rulesFor(tx, committeeId, year);
    const rulesHash = digest(rules);
    // the active roster in two numbers the members' triggers keep (performance_rosters): a refresh of
    // one member reads one row, not a city's roster; and what the stored scores were computed with
    const [{ members: size, hashSum, ...state }] = rowsOf<{ members: number; hashSum: string; rulesHash: string | null; rosterHash: string | null }>(
      await tx.execute(sql`select coalesce(r.members, 0)::int as members, coalesce(r.hash_sum, 0)::text as "hashSum", y.rules_hash as "rulesHash", y.roster_hash as "rosterHash"
        from (select 1) one
        left join performance_rosters r on r.committee_id = ${committeeId}
        left join performance_score_years y on y.committee_id = ${committeeId} and y.year = ${year}`),
    );
    const rosterHash = `${size}:${hashSum}`;
    // what is queued now is covered by this refresh; later writes queue anew
    const dirty = await tx
      .delete(performanceDirty)
      .where(and(eq(performanceDirty.committeeId, committeeId), eq(performanceDirty.year, year)))
      .returning({ memberId: performanceDirty.memberId, sourceId: performanceDirty.sourceId });
    const full = o.full || state.rulesHash !== rulesHash || state.rosterHash !== rosterHash;
    if (full) {
      // the whole year in one aggregate where the entries are: the same rows the pure function gives (tests compare)
      const compiled = compileScoreSql(rules, { jointKinds: await jointKindsOf(tx) });
      // room for the aggregate's hash tables; no JIT (compiling the plan costs more than it saves here)
      await tx.execute(sql`select set_config('work_mem', '128MB', true), set_config('jit', 'off', true)`);
      const params = compiled.params(committeeId, year, await termRange(tx, committeeId, year));
      await tx.delete(performanceScores).where(and(eq(performanceScores.committeeId, committeeId), eq(performanceScores.year, year)));
      // scored and stored in the database: 30,000 summaries need not travel to the server and back
      await tx.execute(positional(`insert into performance_scores (committee_id, year, member_id, total, summary, computed_at)
        select $1::uuid, extract(year from $2::date)::int, s.member_id, s.total, s.summary, $${params.length + 1}::timestamptz from (${compiled.text}) s`, [...params, o.now.toISOString()]));
      await tx
        .insert(performanceScoreYears)
        .values({ committeeId, year, rulesHash, rosterHash, computedAt: o.now })
        .onConflictDoUpdate({ target: [performanceScoreYears.committeeId, performanceScoreYears.year], set: { rulesHash, rosterHash, computedAt: o.now } });
      return { mode: 'full', recomputed: size };
    }
    if (dirty.length === 0) return { mode: 'none', recomputed: 0 };
    const active = await touchedMembers(tx, committeeId, year, rules, dirty);
    const { entries, term } = await entriesOf(tx, committeeId, year, rules, active.map((m) => m.id));
    await store(tx, committeeId, year, o.now, scoreMembers(rules, active, entries, term).map((m) => ({ memberId: m.memberId, total: m.total, summary: summaryOf(m) })));
    return { mode: 'incremental', recomputed: active.length };
  });
}

/**
 * The active members the queued entries touched, plus everyone sharing a joint source with them
 * (their split shares changed), in member order — one query.
 */
async function touchedMembers(tx: Executor, committeeId: string, year: number, rules: ScoringRules, dirty: { memberId: string; sourceId: string }[]): Promise<ScoredMember[]> {
  const splitKinds = splitKindsOf(rules);
  const memberIds = JSON.stringify([...new Set(dirty.map((d) => d.memberId))]);
  const sources = JSON.stringify(splitKinds.length ? [...new Set(dirty.map((d) => d.sourceId))] : []);
  const { from, to } = yearRange(year);
  return rowsOf<ScoredMember>(
    // = any(array(…)): the few ids are looked up by key, whatever the planner guesses of a JSON list
    await tx.execute(sql`select m.id, m.position from members m
      where m.id = any(array(
        select jsonb_array_elements_text(${memberIds}::jsonb)::uuid
        union
        select e.member_id from ledger_entries e
        where e.committee_id = ${committeeId} and e.source_id = any(array(select jsonb_array_elements_text(${sources}::jsonb)::uuid))
          and e.kind = any(array(select jsonb_array_elements_text(${JSON.stringify(splitKinds)}::jsonb))) and e.day between ${from} and ${to} and e.voided_at is null
      )) and m.committee_id = ${committeeId} and m.status = 'active'
      order by m.id`),
  );
}

/** The year's entries of some members, the co-authors' entries of their joint sources, and their term entries. */
async function entriesOf(tx: Executor, committeeId: string, year: number, rules: ScoringRules, memberIds: string[]): Promise<{ entries: Entry[]; term: Entry[] }> {
  const { from, to } = yearRange(year);
  // the counted kinds come from ledger_counts (a few rows a member), the rest as entries (counted.ts)
  const mine = await entriesForScores(tx, committeeId, year, rules, memberIds);
  const splitKinds = splitKindsOf(rules);
  const sources = [...new Set(mine.filter((e) => splitKinds.includes(e.kind)).map((e) => e.sourceId))];
  const wanted = new Set(memberIds);
  const others: Entry[] = [];
  for (let i = 0; i < sources.length; i += 1000) {
    const rows = await loadEntries(tx, committeeId, from, to, { kinds: splitKinds, sourceIds: sources.slice(i, i + 1000) });
    others.push(...rows.filter((e) => !wanted.has(e.memberId)));
  }
  return { entries: [...mine, ...others], term: await termEntries(tx, committeeId, year, rules, memberIds) };
}

/** Upserts stored scores, a few thousand rows per statement (one JSON parameter each, not a parameter per value). */
async function store(tx: Executor, committeeId: string, year: number, at: Date, scores: { memberId: string; total: number; summary: ScoreSummary }[]) {
  for (let i = 0; i < scores.length; i += 5000) {
    const batch = JSON.stringify(scores.slice(i, i + 5000).map((s) => ({ member_id: s.memberId, total: s.total, summary: s.summary })));
    await tx.execute(sql`
      insert into performance_scores (committee_id, year, member_id, total, summary, computed_at)
      select ${committeeId}::uuid, ${year}::int, r.member_id, r.total, r.summary, ${at.toISOString()}::timestamptz from jsonb_to_recordset(${batch}::jsonb) as r(member_id uuid, total float8, summary jsonb)
      on conflict (committee_id, year, member_id) do update set total = excluded.total, summary = excluded.summary, computed_at = excluded.computed_at`);
  }
}
