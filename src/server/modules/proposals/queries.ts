import { and, asc, count, desc, eq, exists, getTableColumns, ilike, inArray, notInArray, or, sql, type SQL } from 'drizzle-orm';
import { jsonRows } from '../../db/json-rows.js';
import type { z } from 'zod';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../platform/auth/actor.js';
import { hasRole } from '../../platform/auth/actor.js';
import { assignedTo as assignedToUnit, liveAssignment, liveAssignments, overdueOn } from '../../platform/handling/scope.js';
import { assignments } from '../../platform/handling/schema.js';
import { members } from '../members/schema.js';
import { can } from '../../platform/policy/policy.js';
import type { proposalQuery } from '../../../shared/proposals/inputs.js';
import { partyColumns, subjectFrom } from './load.js';
import { proposalPolicy } from './policy.js';
import { cosigners, proposals } from './schema.js';
import { proposalTopics } from './topics/schema.js';
import { sessionFor } from './sessions.js';
import { filedStates, type Proposal } from './workflow.js';

type Query = z.output<typeof proposalQuery>;

const iCosign = (memberId: string) =>
  exists(
    sql`(select 1 from ${cosigners} where ${cosigners.proposalId} = ${proposals.id} and ${cosigners.memberId} = ${memberId} and ${inArray(cosigners.status, ['invited', 'confirmed'])})`,
  );

/**
 * The proposals one is party to — led, drafted, or co-signed (confirmed) — as an id list
 * the planner reads from the three indexes (lead, creator, co-signer's member), whatever the size
 * of the committee: as an OR on each row it tested every proposal of the committee.
 */
const partyTo = (actor: Actor) =>
  sql`${proposals.id} in (${sql.join(
    [
      ...(actor.memberId ? [sql`select p.id from ${proposals} p where p.lead_member_id = ${actor.memberId}`] : []),
      sql`select p.id from ${proposals} p where p.created_by_user_id = ${actor.userId}`,
      ...(actor.memberId ? [sql`select c.proposal_id from ${cosigners} c where c.member_id = ${actor.memberId} and c.status = 'confirmed'`] : []),
    ],
    sql` union all `,
  )})`;
const assignedTo = (unitId: string) => assignedToUnit('proposal', proposals.id, unitId);
const overdueNow = (today: string, unitId?: string) => overdueOn('proposal', proposals.id, today, unitId);

/**
 * SQL: the proposer's opinion of the result in the latest round's rating (满意 / 基本满意 / 不满意), or
 * null before any rating — what 提案统计 and the cockpit count satisfaction by.
 */
export const latestResult = sql<string | null>`(select r.result from handling_ratings r where r.subject_type = 'proposal' and r.subject_id = ${proposals.id} order by r.round desc, r.created_at desc limit 1)`;

/** What the actor may see, as SQL (the policy is applied again to each row as a second line). */
function visible(actor: Actor): SQL {
  const mine = or(
    actor.memberId ? eq(proposals.leadMemberId, actor.memberId) : sql`false`,
    eq(proposals.createdByUserId, actor.userId),
    actor.memberId ? iCosign(actor.memberId) : sql`false`,
  )!;
  const parts: SQL[] = [mine];
  if (hasRole(actor, 'staff', 'admin', 'leader')) parts.push(notInArray(proposals.status, ['draft', 'withdrawn']));
  if (hasRole(actor, 'member')) parts.push(inArray(proposals.status, filedStates));
  if (hasRole(actor, 'unit') && actor.unitId) parts.push(assignedTo(actor.unitId));
  return or(...parts)!;
}

/**
 * The committee-wide lists (全部提案, 重点提案, 领办) open on the current session, never on years of imported
 * history; the work lists (one's own, invitations, the review queue, a unit's handling) carry the last
 * session's unfinished work and never hold imported history, so they span every session.
 */
const bySession = new Set<Query['scope']>(['all', 'key', 'led']);

/**
 * Which sessions a list shows, as SQL: the one named (`session` = id, 'history', 'all', 'current'); without
 * one, the current session — unless the query names a session, year or history filter of its own
 * (a cockpit link `?year=2026&historical=0`).
 */
function sessionWhere(q: Query, current: string | null): SQL | undefined {
  const s = q.session ?? (bySession.has(q.scope) && !q.sessionId && !q.year && !q.historical ? 'current' : 'all');
  if (s === 'all') return undefined;
  if (s === 'history') return eq(proposals.historical, true);
  if (s === 'current') return current ? eq(proposals.sessionId, current) : eq(proposals.historical, false);
  return eq(proposals.sessionId, s);
}

function scoped(actor: Actor, q: Query, today: string, current: string | null = null): SQL[] {
  const where: SQL[] = [eq(proposals.committeeId, actor.committeeId), visible(actor)];
  const session = sessionWhere(q, current);
  if (session) where.push(session);
  switch (q.scope) {
    case 'mine':
      where.push(partyTo(actor));
      break;
    case 'cosign':
      where.push(actor.memberId ? sql`${proposals.id} in (select c.proposal_id from ${cosigners} c where c.member_id = ${actor.memberId} and c.status = 'invited')` : sql`false`);
      break;
    case 'review':
      where.push(inArray(proposals.status, ['submitted', 'reviewing', 'deciding']));
      break;
    case 'unit':
      where.push(actor.unitId ? assignedTo(actor.unitId) : sql`false`);
      break;
    case 'key':
      where.push(eq(proposals.isKey, true));
      break;
    case 'led':
      // 领办: the key proposals whose handling this leader leads
      where.push(eq(proposals.isKey, true), eq(proposals.keyLeaderUserId, actor.userId));
      break;
  }
  if (q.status) where.push(eq(proposals.status, q.status));
  if (q.sessionId) where.push(eq(proposals.sessionId, q.sessionId));
  if (q.category) where.push(eq(proposals.category, q.category));
  if (q.unitId) where.push(assignedTo(q.unitId));
  if (q.year) where.push(eq(proposals.year, q.year));
  if (q.topicId) where.push(eq(proposals.topicId, q.topicId));
  if (q.rating) where.push(sql`${latestResult} = ${q.rating}`);
  if (q.historical) where.push(eq(proposals.historical, q.historical === '1'));
  // with a unit, overdue means that unit is late (the cockpit's bar of one unit), not any of the proposal's units
  if (q.overdue === '1') where.push(overdueNow(today, q.unitId));
  if (q.q) {
    const like = `%${q.q.replace(/[%_\\]/g, (c) => '\\' + c)}%`;
    where.push(or(ilike(proposals.title, like), ilike(proposals.proposerText, like), ilike(proposals.numberText, like))!);
  }
  return where;
}

/**
 * A proposal's columns but its three long texts: a list line shows none of them, and neither the
 * policy nor the workflow's guards read them (the lists test compares each line, actions included,
 * with its proposal's page). A page of twenty then reads a few kilobytes, not sixty: at 64
 * connections +8–10% requests a second and a p99 without the garbage collector's longest pauses.
 */
const { background: _background, analysis: _analysis, suggestions: _suggestions, ...lineColumns } = getTableColumns(proposals);
const withoutTexts = (row: Omit<Proposal, 'background' | 'analysis' | 'suggestions'>): Proposal => ({ ...row, background: '', analysis: '', suggestions: '' });

/**
 * One page of proposals for the actor's scope, newest first (this committee's own before imported history
 * when a list spans both); the committee-wide lists open on the current session (`sessionWhere`).
 */
export async function listProposals(db: Executor, actor: Actor, q: Query, today: string) {
  const current = (await sessionFor(db, actor.committeeId, today))?.id ?? null;
  const where = and(...scoped(actor, q, today, current));
  // the page and the total in one round trip: the ids of the page and the total from the narrow list
  // index (proposals_list_idx, an index-only scan), then only the page's rows read whole — a window
  // count over whole rows read every matching row's wide heap page (a session: ~2,000 of them). The id
  // breaks ties, so pages neither repeat nor skip a row (the index ends in it too).
  const order = [asc(proposals.historical), sql`${proposals.submittedAt} desc nulls first`, desc(proposals.createdAt), asc(proposals.id)];
  const keys = db
    .select({ id: proposals.id, total: sql<number>`count(*) over ()`.as('total') })
    .from(proposals)
    .where(where)
    .orderBy(...order)
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .as('keys');
  // each row with the co-signers and units its policy reads, and what its line shows (the lead
  // member's name, the live assignments' deadlines and units, the title of the topic it cites), in
  // the same statement
  const parts = partyColumns(proposals.id);
  const live = jsonRows(getTableColumns(assignments), assignments, and(eq(assignments.subjectType, 'proposal'), eq(assignments.subjectId, proposals.id), liveAssignment), asc(assignments.createdAt));
  const page = await db
    .select({
      row: lineColumns, total: sql<number>`${keys.total}`.mapWith(Number), cosigning: parts.cosigning.sql, units: parts.units.sql, live: live.sql,
      lead: sql<string | null>`(select ${members.name} from ${members} where ${eq(members.id, proposals.leadMemberId)})`,
      topic: sql<string | null>`(select ${proposalTopics.title} from ${proposalTopics} where ${eq(proposalTopics.id, proposals.topicId)})`,
    })
    .from(keys)
    .innerJoin(proposals, eq(proposals.id, keys.id))
    .orderBy(...order);
  const total = page[0]?.total ?? (await db.select({ n: count() }).from(proposals).where(where))[0].n;
  const readable = page.map((r) => ({ ...r, subject: subjectFrom(withoutTexts(r.row), parts, r) })).filter((r) => can(proposalPolicy, 'read', actor, r.subject));
  const read: ListReads = {
    names: new Map(readable.flatMap((r) => (r.row.leadMemberId && r.lead !== null ? [[r.row.leadMemberId, r.lead] as const] : []))),
    live: readable.flatMap((r) => live.decode(r.live)),
    topics: new Map(readable.flatMap((r) => (r.row.topicId && r.topic !== null ? [[r.row.topicId, r.topic] as const] : []))),
  };
  return { items: readable.map((r) => r.subject), total, read };
}

/** What a list page's lines show besides the rows, read with them: the lead members' names, the live assignments, the cited topics' titles. */
export interface ListReads {
  names: Map<string, string>;
  live: Awaited<ReturnType<typeof assignmentsOf>>;
  topics: Map<string, string>;
}

/** Live assignments of a set of proposals (for deadlines and unit names in lists). */
export const assignmentsOf = (db: Executor, ids: string[]) => liveAssignments(db, 'proposal', ids);

/**
 * How many proposals a list would show, by state: the same scope and filters as `listProposals`, so
 * a home-page figure equals the total of the list it links to — of every session unless `q` names one
 * (the figures' links say `session=all`).
 */
export async function countProposalsByStatus(db: Executor, actor: Actor, q: Partial<Query>, today: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ status: proposals.status, n: count() })
    .from(proposals)
    .where(and(...scoped(actor, { scope: 'all', page: 1, pageSize: 1, session: 'all', ...q }, today)))
    .groupBy(proposals.status);
  return new Map(rows.map((r) => [r.status, r.n]));
}
