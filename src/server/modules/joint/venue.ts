import { and, eq } from 'drizzle-orm';
import type { VenueParts } from '../../platform/activity/checkin.js';
import { jointParts } from './schema.js';

/**
 * The venue code of a joint event is the parent's (one screen at the venue); a district's member
 * who scans it checks in to their own committee's part, where they are invited.
 */
export const jointVenue: VenueParts = async (db, activityId, committeeId) => {
  const [part] = await db.select({ id: jointParts.activityId }).from(jointParts).where(and(eq(jointParts.jointActivityId, activityId), eq(jointParts.districtId, committeeId)));
  return part?.id ?? null;
};
