import { and, count, desc, eq, exists, ilike, ne, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../platform/auth/actor.js';
import { hasRole } from '../../platform/auth/actor.js';
import { assignedTo as assignedToUnit } from '../../platform/handling/scope.js';
import { can } from '../../platform/policy/policy.js';
import type { opinionQuery } from '../../../shared/opinions/inputs.js';
import { withParties } from './load.js';
import { opinionPolicy } from './policy.js';
import { opinionAdoptions, opinions, opinionSends } from './schema.js';
import { instructions } from '../../platform/handling/schema.js';
import { isInfoStaff } from './workflow.js';

type Query = z.output<typeof opinionQuery>;

const assignedTo = (unitId: string) => assignedToUnit('opinion', opinions.id, unitId);

/** Reports the actor wrote, submitted for a body, or whose report was combined into. */
function authored(actor: Actor): SQL {
  return or(
    actor.memberId ? eq(opinions.authorMemberId, actor.memberId) : sql`false`,
    and(eq(opinions.createdByUserId, actor.userId), notInArray(opinions.authorType, ['member', 'combined'])),
    actor.memberId ? sql`${opinions.id} in (select ${opinions.combinedIntoId} from ${opinions} where ${opinions.authorMemberId} = ${actor.memberId} and ${opinions.combinedIntoId} is not null)` : sql`false`,
  )!;
}

/** What the actor may see of the own committee's reports, as SQL (the policy is applied again per row). */
function visible(actor: Actor): SQL {
  const parts: SQL[] = [authored(actor)];
  if (isInfoStaff(actor)) parts.push(ne(opinions.status, 'draft'));
  if (hasRole(actor, 'leader')) parts.push(notInArray(opinions.status, ['draft', 'withdrawn']));
  if (hasRole(actor, 'unit') && actor.unitId) parts.push(assignedTo(actor.unitId));
  return or(...parts)!;
}

/** A send to the actor's committee in the given state (上下联动 queue). */
const sentUpHere = (actor: Actor, status?: string) =>
  exists(
    sql`(select 1 from ${opinionSends} where ${opinionSends.opinionId} = ${opinions.id} and ${opinionSends.targetCommitteeId} = ${actor.committeeId}${status ? sql` and ${opinionSends.status} = ${status}` : sql``})`,
  );

function scoped(actor: Actor, q: Query): SQL[] {
  if (q.scope === 'incoming') {
    // the status filter of the incoming queue is the receiving side's: sent | adopted | declined
    return [eq(opinions.sentUpToCommitteeId, actor.committeeId), sentUpHere(actor, q.status)];
  }
  const where: SQL[] = [eq(opinions.committeeId, actor.committeeId), visible(actor)];
  if (q.scope === 'mine') where.push(authored(actor));
  if (q.scope === 'queue') where.push(eq(opinions.status, 'submitted'));
  if (q.scope === 'unit') where.push(actor.unitId ? assignedTo(actor.unitId) : sql`false`);
  if (q.status) where.push(eq(opinions.status, q.status));
  return where;
}

/**
 * One page of reports for the actor's scope, newest first. The committee-wide list (全部信息) opens on
 * `thisYear` unless the query names a year or 'all'; the work lists (the queue, what was sent up, one's
 * own, a unit's) span every year: last year's unfinished work stays in them.
 */
export async function listOpinions(db: Executor, actor: Actor, q: Query, thisYear?: number) {
  const where = scoped(actor, q);
  const year = q.year ?? (q.scope === 'all' ? thisYear : undefined);
  if (typeof year === 'number') where.push(eq(opinions.year, year));
  // the cockpit's bars: reports adopted at a level, reports a leader of a level instructed on
  if (q.adoptedAt) where.push(exists(sql`(select 1 from ${opinionAdoptions} where ${opinionAdoptions.opinionId} = ${opinions.id} and ${opinionAdoptions.level} = ${q.adoptedAt})`));
  if (q.contactPointId) where.push(eq(opinions.contactPointId, q.contactPointId));
  if (q.instructed) where.push(exists(sql`(select 1 from ${instructions} where ${instructions.subjectType} = 'opinion' and ${instructions.subjectId} = ${opinions.id} and ${instructions.level} = ${q.instructed})`));
  if (q.q) {
    const like = `%${q.q.replace(/[%_\\]/g, (c) => '\\' + c)}%`;
    where.push(or(ilike(opinions.title, like), ilike(opinions.authorText, like))!);
  }
  const [{ total }] = await db.select({ total: count() }).from(opinions).where(and(...where));
  const rows = await db
    .select()
    .from(opinions)
    .where(and(...where))
    .orderBy(sql`${opinions.submittedAt} desc nulls first`, desc(opinions.createdAt))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const subjects = (await withParties(db, rows)).filter((o) => can(opinionPolicy, 'read', actor, o));
  return { items: subjects, total };
}

/** The years the committee has reports of, and this year, newest first: the 全部信息 list's year choices. */
export async function opinionYears(db: Executor, committeeId: string, thisYear: number): Promise<number[]> {
  const rows = await db.selectDistinct({ year: opinions.year }).from(opinions).where(eq(opinions.committeeId, committeeId));
  return [...new Set([thisYear, ...rows.map((r) => r.year)])].sort((a, b) => b - a);
}
