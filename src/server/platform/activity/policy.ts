import { can, definePolicy, type CommitteeScope } from '../policy/policy.js';
import { roles, type Actor } from '../auth/actor.js';
import type { activityInvitees } from './schema.js';
import { organises, PARENT_OFFICE, type Activity } from './workflow.js';

export type Invitee = typeof activityInvitees.$inferSelect;

/**
 * An event as the policies see it: the row, the actor's own invitation (null when not invited)
 * and the offices that approve leave (from the settings).
 */
export type ActivitySubject = Activity & { mine: Invitee | null; approverOffices: readonly string[] };

/**
 * Rights on no particular event: the people who take part in events know they exist (units do
 * not: to them scheduling is not found); staff and admins schedule; staff, leaders and admins see
 * the attendance statistics.
 */
export const activityCollectionPolicy = definePolicy<CommitteeScope, 'read' | 'create' | 'stats'>('activities', '会议活动', {
  read: [{ roles: ['staff', 'admin', 'leader', 'member'] }],
  create: [{ roles: ['staff', 'admin'] }],
  stats: [{ roles: ['staff', 'admin', 'leader'] }],
});

/**
 * An owner that convenes its own events (`ActivityOwner.convenedFor`) has decided who may by its
 * own rule; the primitive takes its word for any account of the committee.
 */
export const convenedActivityPolicy = definePolicy<CommitteeScope, 'create'>('activities', '会议活动', {
  create: [{ roles: ['staff', 'admin', 'leader', 'member', 'unit'] }],
});

/** The committee's events with the offices that decide leave (from the settings of the year). */
export type ActivityScope = CommitteeScope & { approverOffices: readonly string[] };

/**
 * 请假审批, said once for the queue, the menu and each event: admins, and staff of the offices the
 * committee's settings name (default the general office).
 */
export const leaveApprovalPolicy = definePolicy<ActivityScope, 'read' | 'decide'>('leaveApproval', '请假审批', {
  read: [{ roles }],
  decide: [{ roles: ['admin'] }, { roles: ['staff'], when: (a, s) => a.office !== null && s.approverOffices.includes(a.office) }],
});

const open = (s: ActivitySubject) => s.status === 'scheduled';
const invited = (s: ActivitySubject) => s.mine !== null;
/** Leave is asked for an event of the committee's own, or an assigned (mandatory) part of a parent's joint event. */
const leaveApplies = (s: ActivitySubject) => s.organiserOffice !== PARENT_OFFICE || s.mandatory;

/**
 * Staff, leaders and admins see every event of the committee; a member sees the events they are
 * invited to. Members reply, ask for leave and check in while the event is open; the organising
 * office runs it; the designated offices decide leave.
 */
export const activityPolicy = definePolicy<ActivitySubject, 'read' | 'manage' | 'reply' | 'requestLeave' | 'checkIn' | 'decideLeave' | 'attendance'>('activity', '会议活动', {
  read: [{ roles: ['staff', 'admin', 'leader'] }, { roles: ['member'], when: (_a, s) => invited(s) }],
  manage: [{ roles: ['staff', 'admin'], when: (a, s) => organises(a, s) && s.status !== 'cancelled' }],
  reply: [{ roles: ['member'], when: (_a, s) => invited(s) && open(s) }],
  // a voluntary (自愿报名) part of a parent's joint event: a member who cannot come replies 不出席; an
  // assigned one (指定参加, mandatory) is excused by leave, decided by the member's own committee
  requestLeave: [{ roles: ['member'], when: (_a, s) => invited(s) && open(s) && !s.mine?.checkedInAt && leaveApplies(s) }],
  checkIn: [{ roles: ['member'], when: (_a, s) => invited(s) && open(s) && !s.mine?.checkedInAt }],
  decideLeave: [{ roles: ['staff', 'admin'], when: (a, s) => leaveApplies(s) && can(leaveApprovalPolicy, 'decide', a, s) }],
  attendance: [{ roles: ['staff', 'admin'], when: (a, s) => organises(a, s) && open(s) }],
});

/**
 * Who sees everyone's part in an event (the invitee list, check-in, every leave request): the
 * organising office, the offices that decide leave, and leaders (and, for a district's part in a joint
 * event of its parent, the district's staff). Others see their own part only.
 */
export const seesEveryone = (a: Actor, s: ActivitySubject) =>
  can(activityPolicy, 'manage', a, s) || can(activityPolicy, 'decideLeave', a, s) || a.roles.includes('leader') ||
  // a district's part in a joint event of its parent: the district's staff see their own members take part (read only)
  (s.organiserOffice === PARENT_OFFICE && (a.roles.includes('staff') || a.roles.includes('admin')));

/** A leave request as the policies see it: whose it is, and the event as the actor sees it. */
export type LeaveSubject = { committeeId: string; memberId: string; event: ActivitySubject };

/**
 * A leave request is read by the member who asked and by those who see everyone's part in the
 * event; to anyone else it does not exist (deciding it is the event's `decideLeave`).
 */
export const leavePolicy = definePolicy<LeaveSubject, 'read'>('leaveRequest', '请假申请', {
  read: [{ roles: ['member'], when: (a, l) => a.memberId === l.memberId }, { roles: ['staff', 'admin', 'leader'], when: (a, l) => seesEveryone(a, l.event) }],
});
