import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';
import { authorize } from '../../platform/policy/policy.js';
import { activities } from '../../platform/activity/schema.js';
import type { Activity } from '../../platform/activity/workflow.js';
import { committees } from '../../platform/tenancy/schema.js';
import { jointPolicy } from './policy.js';
import { jointParts } from './schema.js';

/** The committees directly below the actor's (a city's districts), by name. */
export async function childCommittees(db: Executor, committeeId: string) {
  return db.select({ id: committees.id, name: committees.shortName }).from(committees).where(eq(committees.parentId, committeeId)).orderBy(asc(committees.shortName));
}

/** A district directly below the actor's committee; any other committee (a sibling, the parent, made up) is not found. */
export async function loadChild(db: Executor, actor: Actor, committeeId: string): Promise<{ id: string; name: string }> {
  const [c] = await db.select({ id: committees.id, name: committees.shortName }).from(committees).where(and(eq(committees.id, committeeId), eq(committees.parentId, actor.committeeId)));
  if (!c) throw AppError.notFound('下级政协');
  return c;
}

/** The actor's committee's joint event (else not found, as a made-up id). */
export async function loadJoint(db: Executor, actor: Actor, id: string): Promise<Activity> {
  const [row] = await db.select().from(activities).where(eq(activities.id, id));
  if (!row || row.committeeId !== actor.committeeId || row.ownerType !== 'joint') throw AppError.notFound('联合视察调研');
  authorize(jointPolicy, 'read', actor, row);
  return row;
}

/** The districts' parts of a joint event with each district's own event. */
export async function partsOf(db: Executor, jointActivityId: string) {
  return db
    .select({ part: jointParts, event: activities, name: committees.shortName })
    .from(jointParts)
    .innerJoin(activities, eq(activities.id, jointParts.activityId))
    .innerJoin(committees, eq(committees.id, jointParts.districtId))
    .where(eq(jointParts.jointActivityId, jointActivityId))
    .orderBy(asc(committees.shortName));
}

/**
 * The joint event as a write changes it: read under its row lock, the version the writer saw
 * checked (409 when stale) and bumped, so two organisers changing its districts at once never
 * both win.
 */
export async function claimJoint(tx: Executor, joint: Activity, version: number, now: Date): Promise<Activity> {
  if (joint.version !== version) throw AppError.versionConflict();
  const [bumped] = await tx
    .update(activities)
    .set({ version: version + 1, updatedAt: now })
    .where(and(eq(activities.id, joint.id), eq(activities.version, version)))
    .returning();
  if (!bumped) throw AppError.versionConflict();
  return bumped;
}

/** One district's part of the joint event with the district's event (else the district is not found). */
export async function loadPart(db: Executor, jointActivityId: string, districtId: string) {
  const [found] = (await partsOf(db, jointActivityId)).filter((p) => p.part.districtId === districtId);
  if (!found) throw AppError.notFound('参加的区政协');
  return found;
}
