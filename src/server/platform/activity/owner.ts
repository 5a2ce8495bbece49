import type { Office } from '../auth/actor.js';

/**
 * The module an activity belongs to (meetings now; consultations and research visits later): the
 * `owner_type` its rows carry and the page a notice about one links to. Commands that schedule,
 * invite or decide leave take it next to their input, as handling commands take a port.
 */
export interface ActivityOwner {
  type: string;
  link(activityId: string): string;
  /**
   * Set by an owner whose own rule decides who may convene its events (a key proposal's leading
   * chair convenes a 调度 meeting: the key workflow's guard, checked in the same transaction): the
   * office that then organises the event (invitations, check-in, closing). Without it only staff
   * schedule, and the event is their own office's.
   */
  convenedFor?: Office;
}
