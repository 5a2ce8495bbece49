import { and, desc, eq, ne, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { ratings } from '../../platform/handling/schema.js';
import type { z } from 'zod';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../platform/auth/actor.js';
import { hasRole } from '../../platform/auth/actor.js';
import { assignedTo, overdueOn } from '../../platform/handling/scope.js';
import { can } from '../../platform/policy/policy.js';
import type { suggestionQuery } from '../../../shared/supervision/inputs.js';
import { withParties } from './load.js';
import { suggestionPolicy } from './policy.js';
import { supervisionSuggestions as s } from './schema.js';
import { isSupervisionOffice } from './workflow.js';

type Query = Partial<z.output<typeof suggestionQuery>>;

/** SQL: the result of the group's rating of the suggestion's latest rated round (null before any). */
export const latestRating = (id: AnyColumn): SQL =>
  sql`(select ${ratings.result} from ${ratings} where ${ratings.subjectType} = 'supervision' and ${ratings.subjectId} = ${id} order by ${ratings.round} desc, ${ratings.createdAt} desc limit 1)`;

const ofMyGroups = (actor: Actor): SQL => (actor.memberId ? sql`${actor.memberId} = any(${s.groupMemberIds})` : sql`false`);

/** What the actor may see, as SQL (the policy is applied again per row). */
function visible(actor: Actor): SQL {
  const parts: SQL[] = [ofMyGroups(actor)];
  if (isSupervisionOffice(actor)) parts.push(or(ne(s.status, 'draft'), sql`${s.draftedByMemberId} is null`, sql`${s.reviewNote} is not null`)!);
  if (hasRole(actor, 'leader')) parts.push(ne(s.status, 'draft'));
  if (hasRole(actor, 'unit') && actor.unitId) parts.push(assignedTo('supervision', s.id, actor.unitId));
  return or(...parts)!;
}

/** The suggestions of the actor's scope, newest first. */
export async function listSuggestions(db: Executor, actor: Actor, q: Query, today: string) {
  const where: SQL[] = [eq(s.committeeId, actor.committeeId), visible(actor)];
  if (q.scope === 'mine') where.push(ofMyGroups(actor));
  if (q.scope === 'review') where.push(eq(s.status, 'reviewing'));
  if (q.scope === 'overdue') where.push(overdueOn('supervision', s.id, today));
  if (q.status) where.push(eq(s.status, q.status));
  if (q.year) where.push(eq(s.year, q.year));
  if (q.groupId) where.push(eq(s.groupId, q.groupId));
  if (q.unitId) where.push(assignedTo('supervision', s.id, q.unitId));
  if (q.rating) where.push(sql`${latestRating(s.id)} = ${q.rating}`);
  const rows = await db.select().from(s).where(and(...where)).orderBy(desc(s.updatedAt)).limit(500);
  return (await withParties(db, rows)).filter((x) => can(suggestionPolicy, 'read', actor, x));
}
