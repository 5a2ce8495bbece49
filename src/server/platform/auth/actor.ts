import type { Office, Role } from '../../../shared/auth/roles.js';

export { officeLabels, offices, roleLabels, roles, type Office, type Role } from '../../../shared/auth/roles.js';

/** Who is acting: the logged-in user as the policies see them. */
export interface Actor {
  userId: string;
  committeeId: string;
  name: string;
  roles: readonly Role[];
  office: Office | null;
  memberId: string | null;
  unitId: string | null;
}

export const hasRole = (actor: Actor, ...wanted: Role[]) => wanted.some((r) => actor.roles.includes(r));

/** The system itself (seeders, scheduled jobs) when it writes audit rows. */
export const systemActor = (committeeId: string): Actor => ({
  userId: '00000000-0000-0000-0000-000000000000',
  committeeId,
  name: '系统',
  roles: ['admin'],
  office: null,
  memberId: null,
  unitId: null,
});
