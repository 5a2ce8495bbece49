import { definePolicy, type CommitteeScope } from '../../platform/policy/policy.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { members } from './schema.js';

type Member = Pick<typeof members.$inferSelect, 'id' | 'committeeId'>;
const keepsRoster = (a: Actor) => a.office === 'general' || a.office === 'members';

/**
 * The roster is read by everyone of the committee; contact details only by staff, admins, leaders
 * and the member themself (see presenter). It is kept by admins and the members office (委员科).
 */
export const memberPolicy = definePolicy<Member, 'read' | 'readContact' | 'update'>('member', '委员', {
  read: [{ roles: ['admin', 'staff', 'leader', 'member', 'unit'] }],
  readContact: [{ roles: ['admin', 'staff', 'leader'] }, { roles: ['member'], when: (a, m) => a.memberId === m.id }],
  update: [{ roles: ['admin'] }, { roles: ['staff'], when: keepsRoster }],
});

/** The roster as a whole: read by everyone of the committee but the 三员, added to and imported by whoever keeps it, exported by staff and leaders. */
export const rosterPolicy = definePolicy<CommitteeScope, 'read' | 'create' | 'import' | 'export'>('members', '委员', {
  read: [{ roles: ['admin', 'staff', 'leader', 'member', 'unit'] }],
  create: [{ roles: ['admin'] }, { roles: ['staff'], when: keepsRoster }],
  import: [{ roles: ['admin'] }, { roles: ['staff'], when: keepsRoster }],
  export: [{ roles: ['admin', 'staff', 'leader'] }],
});
