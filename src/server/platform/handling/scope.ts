import { and, eq, exists, inArray, lt, ne, notInArray, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { HandledType } from '../../../shared/handling/labels.js';
import { assignments } from './schema.js';

/**
 * The unit scope of the handling primitive, written once for every handled type: a unit sees and
 * handles the records it holds a live assignment for (one not withdrawn after an accepted
 * objection). Modules build their list filters and their policies' `unitIds` from these.
 */

/** An assignment still counts for its unit unless it was moved to another unit. */
export const liveAssignment = ne(assignments.status, 'withdrawn');

/**
 * SQL: the record whose id is `subjectId` (a column of the module's table) is assigned to `unitId`.
 *
 * @example where(assignedTo('proposal', proposals.id, actor.unitId))
 */
export const assignedTo = (type: HandledType, subjectId: AnyColumn, unitId: string): SQL =>
  exists(sql`(select 1 from ${assignments} where ${assignments.subjectType} = ${type} and ${assignments.subjectId} = ${subjectId} and ${assignments.unitId} = ${unitId} and ${liveAssignment})`);

/**
 * SQL over `assignments`: the assignment is overdue — not finished and its reply deadline (set in
 * working days when it was made) has passed. The same fact as `isOverdue` in assignments.ts, for
 * lists, statistics and the cockpit to count with.
 */
export const overdueAssignment = (today: string): SQL => and(notInArray(assignments.status, ['done', 'withdrawn']), lt(assignments.replyDeadline, today))!;

/** SQL: some unit of the record (or, with `unitId`, that unit) has not finished and its reply deadline has passed. */
export const overdueOn = (type: HandledType, subjectId: AnyColumn, today: string, unitId?: string): SQL =>
  exists(
    sql`(select 1 from ${assignments} where ${assignments.subjectType} = ${type} and ${assignments.subjectId} = ${subjectId} and ${overdueAssignment(today)}${unitId ? sql` and ${assignments.unitId} = ${unitId}` : sql``})`,
  );

/** The live assignments of these records, oldest first (for units, deadlines and the handling panel). */
export async function liveAssignments(db: Executor, type: HandledType, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select().from(assignments).where(and(eq(assignments.subjectType, type), inArray(assignments.subjectId, ids), liveAssignment)).orderBy(assignments.createdAt);
}

/** Record id → the units it is assigned to: what a policy's "the unit handles it" checks. */
export async function assignedUnits(db: Executor, type: HandledType, ids: string[]): Promise<Map<string, string[]>> {
  const byRecord = new Map<string, string[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return byRecord;
  const rows = await db.select({ subjectId: assignments.subjectId, unitId: assignments.unitId }).from(assignments).where(and(eq(assignments.subjectType, type), inArray(assignments.subjectId, ids), liveAssignment));
  for (const r of rows) {
    const units = byRecord.get(r.subjectId)!;
    if (!units.includes(r.unitId)) units.push(r.unitId);
  }
  return byRecord;
}
