import { definePolicy } from '../../platform/policy/policy.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { members } from './schema.js';

type Member = Pick<typeof members.$inferSelect, 'id' | 'committeeId'>;
const keepsRoster = (a: Actor) => a.office === 'general' || a.office === 'members';

/**
 * The roster is read by everyone of the committee; contact details only by staff, admins, leaders
 * and the member themself (see presenter). It is kept by admins and the members office (委员科).
 */
export const memberPolicy = definePolicy<Member, 'read' | 'readContact' | 'create' | 'update' | 'import' | 'export'>('member', '委员', {
  read: [{ roles: ['admin', 'staff', 'leader', 'member', 'unit'] }],
  readContact: [{ roles: ['admin', 'staff', 'leader'] }, { roles: ['member'], when: (a, m) => a.memberId === m.id }],
  create: [{ roles: ['admin'] }, { roles: ['staff'], when: keepsRoster }],
  update: [{ roles: ['admin'] }, { roles: ['staff'], when: keepsRoster }],
  import: [{ roles: ['admin'] }, { roles: ['staff'], when: keepsRoster }],
  export: [{ roles: ['admin', 'staff', 'leader'] }],
});
