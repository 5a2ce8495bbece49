import type { Actor } from '../auth/actor.js';
import { defineWorkflow } from '../workflow/workflow.js';
import type { activities } from './schema.js';

export type Activity = typeof activities.$inferSelect;

export const activityStates = { scheduled: '已安排', closed: '已结束（考勤已确认）', cancelled: '已取消' } as const;
export type ActivityState = keyof typeof activityStates;
export type ActivityAction = 'close' | 'reopen' | 'cancel';

/**
 * The organiser of a district's part in a joint inspection or research of its parent committee
 * (上下联动, `modules/joint`): the parent runs it, so nobody of the district manages it.
 */
export const PARENT_OFFICE = 'parent';

/** Staff of the organising office (or an admin) run the event; an event the parent committee runs is run from there. */
export const organises = (a: Actor, e: Pick<Activity, 'organiserOffice'>) =>
  e.organiserOffice !== PARENT_OFFICE && (a.roles.includes('admin') || (a.roles.includes('staff') && a.office === e.organiserOffice));
const organiserOnly = (a: Actor, e: Activity) => (organises(a, e) ? null : e.organiserOffice === PARENT_OFFICE ? '该活动由上级政协组织，请由上级政协操作' : '只有组织该活动的科室可以操作');

/**
 * The life of an event. Closing fixes attendance and writes the ledger entries; reopening (to
 * correct a mistake) voids them, and closing again writes them anew.
 */
export const activityWorkflow = defineWorkflow<ActivityState, ActivityAction, Activity>({
  name: 'activity',
  stateLabels: activityStates,
  transitions: [
    { action: 'close', label: '结束并确认考勤', from: ['scheduled'], to: 'closed', roles: ['staff', 'admin'], guard: organiserOnly },
    { action: 'reopen', label: '重新打开考勤', from: ['closed'], to: 'scheduled', roles: ['staff', 'admin'], guard: organiserOnly },
    { action: 'cancel', label: '取消活动', from: ['scheduled'], to: 'cancelled', roles: ['staff', 'admin'], guard: organiserOnly },
  ],
});
