import { definePolicy, type CommitteeScope } from '../../platform/policy/policy.js';
import { organises, type Activity } from '../../platform/activity/workflow.js';

/**
 * 上下联动 on no particular record, for a committee with districts below it: its staff, leaders and
 * admins read its joint events and the districts' totals (sums only); staff and admins organise a
 * joint event and pick the districts' members to invite. Members and units have nothing here.
 */
export const jointCollectionPolicy = definePolicy<CommitteeScope, 'read' | 'create' | 'totals'>('joint', '上下联动', {
  read: [{ roles: ['staff', 'admin', 'leader'] }],
  create: [{ roles: ['staff', 'admin'] }],
  totals: [{ roles: ['staff', 'admin', 'leader'] }],
});

/**
 * A joint event as the parent sees it: staff, leaders and admins of the parent read it; the
 * organising office runs it while it is open (check-in on a member's behalf, the venue's QR code)
 * and changes which districts take part (invites more, calls a district's part off, reopens it).
 * Closing is the activity workflow's `close` (organiser only).
 */
export const jointPolicy = definePolicy<Activity, 'read' | 'attendance' | 'districts'>('jointActivity', '联合视察调研', {
  read: [{ roles: ['staff', 'admin', 'leader'] }],
  attendance: [{ roles: ['staff', 'admin'], when: (a, s) => organises(a, s) && s.status === 'scheduled' }],
  districts: [{ roles: ['staff', 'admin'], when: (a, s) => organises(a, s) && s.status === 'scheduled' }],
});
