import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../auth/actor.js';
import { AppError } from '../errors.js';
import { authorize } from '../policy/policy.js';
import { getSettings } from '../settings/settings.js';
import { activityPolicy, type ActivityScope, type ActivitySubject } from './policy.js';
import { activities, activityInvitees } from './schema.js';
import { activitySettings } from './settings.js';
import type { Activity } from './workflow.js';

/** The event as the actor's policies see it (their invitation, the leave approvers), without the read check. */
export async function subjectOf(db: Executor, actor: Actor, row: Activity): Promise<ActivitySubject> {
  const [mine] = actor.memberId
    ? await db.select().from(activityInvitees).where(and(eq(activityInvitees.activityId, row.id), eq(activityInvitees.memberId, actor.memberId)))
    : [];
  const settings = await getSettings(db, activitySettings, row.committeeId, row.year);
  return { ...row, mine: mine ?? null, approverOffices: settings.leaveApproverOffices };
}

export async function findActivity(db: Executor, actor: Actor, id: string): Promise<Activity> {
  const [row] = await db.select().from(activities).where(eq(activities.id, id));
  // a joint event of a parent committee (owner 'joint') is run from its own page (modules/joint), never as a meeting
  if (!row || row.committeeId !== actor.committeeId || row.ownerType === 'joint') throw AppError.notFound('会议活动');
  return row;
}

/** Loads an event the actor may read (else not-found). */
export async function loadActivity(db: Executor, actor: Actor, id: string): Promise<ActivitySubject> {
  const subject = await subjectOf(db, actor, await findActivity(db, actor, id));
  authorize(activityPolicy, 'read', actor, subject);
  return subject;
}

/** For updateRecord: the row as the policy reads it. */
export const activitySubjectOf = (actor: Actor) => (row: Activity, db: Executor): Promise<ActivitySubject> => subjectOf(db, actor, row);


/** The committee's events as the collection policy reads them: with the offices deciding leave in `year`. */
export async function activityScope(db: Executor, actor: Actor, year: number): Promise<ActivityScope> {
  const settings = await getSettings(db, activitySettings, actor.committeeId, year);
  return { committeeId: actor.committeeId, approverOffices: settings.leaveApproverOffices };
}
