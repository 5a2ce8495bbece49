import { definePolicy } from '../../platform/policy/policy.js';
import type { users } from '../../platform/auth/schema.js';

type User = Pick<typeof users.$inferSelect, 'id' | 'committeeId' | 'roles'>;
const touchesAdmins = (u: Pick<User, 'roles'>) => u.roles.some((r) => r === 'admin' || r === 'secadmin' || r === 'auditor');

/**
 * Accounts are kept by the system administrator; the security administrator (安全管理员) may reset
 * passwords and unlock, but not grant roles. Granting the admin-class roles is reserved to the
 * system administrator and no one edits their own roles (三员分立). The system administrator may not
 * reset an admin-class password: that would let them sign in as the auditor and read the trail.
 */
export const userPolicy = definePolicy<User, 'read' | 'create' | 'update' | 'resetPassword'>('user', '用户', {
  read: [{ roles: ['admin', 'secadmin', 'auditor'] }],
  create: [{ roles: ['admin'] }],
  update: [{ roles: ['admin'], when: (a, u) => a.userId !== u.id || !touchesAdmins(u) }],
  resetPassword: [
    { roles: ['admin'], when: (a, u) => a.userId !== u.id && !touchesAdmins(u) },
    { roles: ['secadmin'], when: (a, u) => a.userId !== u.id },
  ],
});
