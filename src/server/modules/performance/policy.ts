import type { Actor } from '../../platform/auth/actor.js';
import { definePolicy } from '../../platform/policy/policy.js';

/** Whose record: a member's performance record of one committee. */
export type RecordSubject = { committeeId: string; memberId: string | null };

const keepsMembers = (a: Actor) => a.office === 'members' || a.office === 'general';

/**
 * A member reads their own record; staff, leaders and admins every member's, the rankings and the
 * lists; the members office (委员科), the general office and admins send reminders.
 */
export const performancePolicy = definePolicy<RecordSubject, 'read' | 'readAll' | 'remind' | 'export'>('performance', '履职档案', {
  read: [{ roles: ['staff', 'admin', 'leader'] }, { roles: ['member'], when: (a, s) => s.memberId !== null && a.memberId === s.memberId }],
  readAll: [{ roles: ['staff', 'admin', 'leader'] }],
  remind: [{ roles: ['admin'] }, { roles: ['staff'], when: keepsMembers }],
  export: [{ roles: ['staff', 'admin', 'leader'] }, { roles: ['member'], when: (a, s) => s.memberId !== null && a.memberId === s.memberId }],
});
