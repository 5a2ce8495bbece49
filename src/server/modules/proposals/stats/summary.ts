import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { filedStates } from '../workflow.js';
import { rowsOf } from '../../../db/raw.js';
import { list, pendingStates, repliedStates, type AnswerClassRow, type CountsRow, type RatingRow, type SessionFigures, type UnitRow } from './figures.js';

/**
 * 提案统计's figures read from the summaries the writers' transactions keep (proposal_stat_totals,
 * migration 0064: statement triggers on proposals, co-signers and the handling tables), instead of
 * joining a session's proposals to four tables (figures.ts, kept as the reference: a test checks
 * both give the same page). Each figure is a sum over one kind of counter of the session — a few
 * hundred rows at most, found by the primary key — so a visit costs the same whatever the
 * session's size, in one statement. Rows left at 0 by the triggers are read as nothing.
 */
const totals = (committeeId: string, sessionId: string, kind: string) =>
  sql`proposal_stat_totals where committee_id = ${committeeId} and session_id = ${sessionId} and kind = ${kind} and n > 0`;

/** Outcome counts per category and for the whole session (kind `p`: category, status, author type, is_key). */
const countsSql = (committeeId: string, sessionId: string) => sql`
    select k1 as category, grouping(k1)::int as is_total,
      coalesce(sum(n), 0)::int as received,
      coalesce(sum(n) filter (where k2 in (${list(filedStates)})), 0)::int as filed,
      coalesce(sum(n) filter (where k2 = 'merged'), 0)::int as merged,
      coalesce(sum(n) filter (where k2 = 'converted'), 0)::int as converted,
      coalesce(sum(n) filter (where k2 = 'rejected'), 0)::int as not_filed,
      coalesce(sum(n) filter (where k2 in (${list(pendingStates)})), 0)::int as pending,
      coalesce(sum(n) filter (where k2 in (${list(repliedStates)})), 0)::int as replied,
      coalesce(sum(n) filter (where k2 = 'closed'), 0)::int as closed,
      coalesce(sum(n) filter (where k4 = 't'), 0)::int as key,
      coalesce(sum(n) filter (where k3 = 'individual'), 0)::int as individual,
      coalesce(sum(n) filter (where k3 = 'joint'), 0)::int as joint,
      coalesce(sum(n) filter (where k3 = 'collective'), 0)::int as collective
    from ${totals(committeeId, sessionId, 'p')} group by rollup(k1)`;

/** Members who proposed (kind `m`: one counter per member) and the committee's active members. */
const shareSql = (committeeId: string, sessionId: string) => sql`
    select (select count(*)::int from ${totals(committeeId, sessionId, 'm')}) as proposers,
      (select count(*)::int from members where committee_id = ${committeeId} and status = 'active') as members`;

/** Latest ratings (kind `r`): k1 '' for the session, else a unit that replied on the proposal. */
const ratingsSql = (committeeId: string, sessionId: string) => sql`
    select nullif(k1, '')::uuid as unit_id, (k1 = '')::int as is_total, k2 as attitude, k3 as result, n
    from ${totals(committeeId, sessionId, 'r')}`;

/** Each unit's final answer class (kind `a`). */
const classesSql = (committeeId: string, sessionId: string) => sql`select k1::uuid as unit_id, k2 as answer_class, n from ${totals(committeeId, sessionId, 'a')}`;

/** Each unit's proposals (kind `u`): overdue is those whose earliest open deadline is before today. */
const unitsSql = (committeeId: string, sessionId: string, today: string) => sql`
    select t.unit_id, (select u.name from units u where u.id = t.unit_id) as unit, t.assigned, t.leading, t.assisting, t.overdue from (
      select k1::uuid as unit_id, sum(n)::int as assigned,
        coalesce(sum(n) filter (where k2 = '1'), 0)::int as leading,
        coalesce(sum(n) filter (where k3 = '1'), 0)::int as assisting,
        coalesce(sum(n) filter (where k4 <> '' and k4 < ${today}), 0)::int as overdue
      from ${totals(committeeId, sessionId, 'u')} group by k1
    ) t`;

const all = (q: SQL) => sql`(select coalesce(json_agg(x), '[]'::json) from (${q}) x)`;

/**
 * The five figures in one statement (one round trip instead of five, each a JSON array or object
 * with the scan's column names), e.g. `{ counts: [{ category: '教育事业', is_total: 0, received: 12, … }], share: { proposers, members }, … }`.
 */
export async function summaryPage(db: Executor, committeeId: string, sessionId: string, today: string): Promise<SessionFigures> {
  const res = await db.execute(sql`
    select ${all(countsSql(committeeId, sessionId))} as counts,
      (select row_to_json(x) from (${shareSql(committeeId, sessionId)}) x) as share,
      ${all(ratingsSql(committeeId, sessionId))} as ratings,
      ${all(classesSql(committeeId, sessionId))} as classes,
      ${all(unitsSql(committeeId, sessionId, today))} as units`);
  const [r] = rowsOf<Record<keyof SessionFigures, unknown>>(res);
  // node-postgres parses json columns; PGlite too — a string is parsed here should a driver not
  const json = <T>(v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v) as T;
  return {
    counts: json<CountsRow[]>(r.counts),
    share: json<{ proposers: number; members: number }>(r.share),
    ratings: json<RatingRow[]>(r.ratings),
    classes: json<AnswerClassRow[]>(r.classes),
    units: json<UnitRow[]>(r.units),
  };
}
