import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { replyingRoles, supportingRoles } from '../../../platform/handling/plan.js';
import { filedStates, type ProposalState } from '../workflow.js';
import { rowsOf } from '../../../db/raw.js';

// 提案统计's figures computed from the rows themselves: a session's proposals joined to their handling
// rows and co-signers at each call. The page reads the summaries instead (summary.ts); these are the
// reference the summaries are tested against (`proposalStats(…, 'scan')`).

/** SQL: the values as a comma-separated list of parameters, for `in (…)`. */
export const list = (values: readonly string[]) => sql.join(values.map((v) => sql`${v}`), sql`, `);
/** The states counted as replied and as pending: the same on the page from the scan and from the summaries. */
export const repliedStates: ProposalState[] = ['replied', 'rehandling', 'closed'];
export const pendingStates: ProposalState[] = ['submitted', 'reviewing', 'deciding', 'returned'];

/** The proposals a session received: submitted (so not a draft) and not withdrawn; imports excluded. */
const received = (committeeId: string, sessionId: string): SQL => sql`
  p as (
    select id, category, status, author_type, is_key, lead_member_id from proposals
    where committee_id = ${committeeId} and session_id = ${sessionId} and not historical
      and submitted_at is not null and status not in ('draft', 'withdrawn')
  )`;

export interface CountsRow {
  category: string | null;
  is_total: number;
  received: number;
  filed: number;
  merged: number;
  converted: number;
  not_filed: number;
  pending: number;
  replied: number;
  closed: number;
  key: number;
  individual: number;
  joint: number;
  collective: number;
}

/** Outcome counts per category and for the whole session (ROLLUP), in one query. */
export async function countsByCategory(db: Executor, committeeId: string, sessionId: string): Promise<CountsRow[]> {
  const res = await db.execute(sql`
    with ${received(committeeId, sessionId)}
    select category, grouping(category)::int as is_total,
      count(*)::int as received,
      count(*) filter (where status in (${list(filedStates)}))::int as filed,
      count(*) filter (where status = 'merged')::int as merged,
      count(*) filter (where status = 'converted')::int as converted,
      count(*) filter (where status = 'rejected')::int as not_filed,
      count(*) filter (where status in (${list(pendingStates)}))::int as pending,
      count(*) filter (where status in (${list(repliedStates)}))::int as replied,
      count(*) filter (where status = 'closed')::int as closed,
      count(*) filter (where is_key)::int as key,
      count(*) filter (where author_type = 'individual')::int as individual,
      count(*) filter (where author_type = 'joint')::int as joint,
      count(*) filter (where author_type = 'collective')::int as collective
    from p group by rollup(category)`);
  return rowsOf<CountsRow>(res);
}

/** Members who proposed (first proposers and confirmed co-signers) and the committee's active members. */
export async function proposerShare(db: Executor, committeeId: string, sessionId: string): Promise<{ proposers: number; members: number }> {
  const res = await db.execute(sql`
    with ${received(committeeId, sessionId)}
    select
      (select count(distinct m)::int from (
        select lead_member_id as m from p where lead_member_id is not null
        union select c.member_id from proposal_cosigners c join p on p.id = c.proposal_id where c.status = 'confirmed'
      ) x) as proposers,
      (select count(*)::int from members where committee_id = ${committeeId} and status = 'active') as members`);
  const [r] = rowsOf<{ proposers: number; members: number }>(res);
  return { proposers: Number(r.proposers), members: Number(r.members) };
}

export interface RatingRow {
  unit_id: string | null;
  is_total: number;
  attitude: string;
  result: string;
  n: number;
}

/**
 * The proposer's final opinion of each proposal (the latest round's rating), counted for the
 * session and for each unit that sent a reply on the proposal (GROUPING SETS, one query).
 */
export async function ratingCounts(db: Executor, committeeId: string, sessionId: string): Promise<RatingRow[]> {
  const res = await db.execute(sql`
    with ${received(committeeId, sessionId)},
    latest as (
      select distinct on (r.subject_id) r.subject_id, r.attitude, r.result
      from handling_ratings r join p on p.id = r.subject_id
      where r.subject_type = 'proposal'
      order by r.subject_id, r.round desc, r.created_at desc
    ),
    -- the units that answered the session's proposals only: without the join to p this read every
    -- sent reply of every committee (a million on the province dataset) to keep a few hundred
    answered as (
      select distinct h.subject_id, h.unit_id from handling_replies h join p on p.id = h.subject_id
      where h.subject_type = 'proposal' and h.status = 'sent'
    )
    select a.unit_id, grouping(a.unit_id)::int as is_total, l.attitude, l.result, count(distinct l.subject_id)::int as n
    from latest l left join answered a on a.subject_id = l.subject_id
    group by grouping sets ((l.attitude, l.result), (a.unit_id, l.attitude, l.result))`);
  return rowsOf<RatingRow>(res);
}

/** The answer class of each unit's final reply on each proposal (its latest sent round), per unit. */
export async function answerClassCounts(db: Executor, committeeId: string, sessionId: string): Promise<{ unit_id: string; answer_class: string; n: number }[]> {
  const res = await db.execute(sql`
    with ${received(committeeId, sessionId)},
    final as (
      select distinct on (h.subject_id, h.unit_id) h.subject_id, h.unit_id, h.answer_class
      from handling_replies h join p on p.id = h.subject_id
      where h.subject_type = 'proposal' and h.status = 'sent'
      order by h.subject_id, h.unit_id, h.round desc
    )
    select unit_id, answer_class, count(*)::int as n from final group by unit_id, answer_class`);
  return rowsOf(res);
}

export interface UnitRow {
  unit_id: string;
  unit: string | null;
  assigned: number;
  leading: number;
  assisting: number;
  overdue: number;
}

/** What each unit was given: proposals in all, as replying unit, as assisting unit, and open past the deadline. */
export async function unitWorkload(db: Executor, committeeId: string, sessionId: string, today: string): Promise<UnitRow[]> {
  const res = await db.execute(sql`
    with ${received(committeeId, sessionId)}
    select a.unit_id, u.name as unit,
      count(distinct a.subject_id)::int as assigned,
      count(distinct a.subject_id) filter (where a.role in (${list(replyingRoles)}))::int as leading,
      count(distinct a.subject_id) filter (where a.role in (${list(supportingRoles)}))::int as assisting,
      count(distinct a.subject_id) filter (where a.status not in ('done', 'withdrawn') and a.reply_deadline < ${today})::int as overdue
    from handling_assignments a join p on p.id = a.subject_id left join units u on u.id = a.unit_id
    where a.subject_type = 'proposal' and a.status <> 'withdrawn'
    group by a.unit_id, u.name`);
  return rowsOf<UnitRow>(res);
}

export type AnswerClassRow = Awaited<ReturnType<typeof answerClassCounts>>[number];

/** A session's five figures, as the page needs them. */
export interface SessionFigures {
  counts: CountsRow[];
  share: { proposers: number; members: number };
  ratings: RatingRow[];
  classes: AnswerClassRow[];
  units: UnitRow[];
}

/** The five figures computed from the rows themselves, at each visit. */
export async function scanPage(db: Executor, committeeId: string, sessionId: string, today: string): Promise<SessionFigures> {
  const [counts, share, ratings, classes, units] = await Promise.all([
    countsByCategory(db, committeeId, sessionId),
    proposerShare(db, committeeId, sessionId),
    ratingCounts(db, committeeId, sessionId),
    answerClassCounts(db, committeeId, sessionId),
    unitWorkload(db, committeeId, sessionId, today),
  ]);
  return { counts, share, ratings, classes, units };
}
