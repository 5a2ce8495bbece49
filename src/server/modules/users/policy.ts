import { definePolicy, type CommitteeScope } from '../../platform/policy/policy.js';
import type { users } from '../../platform/auth/schema.js';
import { isOfficerRole } from '../../../shared/auth/roles.js';

type User = Pick<typeof users.$inferSelect, 'id' | 'committeeId' | 'roles'>;
const touchesAdmins = (u: Pick<User, 'roles'>) => u.roles.some(isOfficerRole);

/**
 * Accounts are kept by the system administrator; the security administrator (安全管理员) may reset
 * passwords and unlock, but not grant roles. The 三员 accounts themselves (system administrator,
 * security administrator, auditor) are no one's to change, deactivate or reset in the application —
 * the operator sets them on the server (`officer` command) — so none of the three can sign in as,
 * disable or become another (三员分立).
 */
export const userPolicy = definePolicy<User, 'read' | 'update' | 'resetPassword'>('user', '用户', {
  read: [{ roles: ['admin', 'secadmin', 'auditor'] }],
  update: [{ roles: ['admin'], when: (_a, u) => !touchesAdmins(u) }],
  resetPassword: [
    { roles: ['admin'], when: (a, u) => a.userId !== u.id && !touchesAdmins(u) },
    { roles: ['secadmin'], when: (a, u) => a.userId !== u.id && !touchesAdmins(u) },
  ],
});

/** The committee's accounts as a whole: the 三员 list them; only the system administrator opens one. */
export const userCollectionPolicy = definePolicy<CommitteeScope, 'read' | 'create'>('users', '用户', {
  read: [{ roles: ['admin', 'secadmin', 'auditor'] }],
  create: [{ roles: ['admin'] }],
});
