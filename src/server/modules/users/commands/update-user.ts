import type { Role } from '../../../platform/auth/actor.js';
import { users } from '../../../platform/auth/schema.js';
import { endUserSessions } from '../../../platform/auth/sessions.js';
import type { CommandContext } from '../../../platform/commands/context.js';
import { AppError } from '../../../platform/errors.js';
import { authorize } from '../../../platform/policy/policy.js';
import { loadRecord, updateRecord } from '../../../platform/records/records.js';
import { checkLinks, uniqueUsername, type Links } from '../links.js';
import { refuseOfficerRoles } from '../officers.js';
import { userPolicy } from '../policy.js';
import type { User } from '../schema.js';

export type UserChange = Links & { id: string; version: number; active?: boolean; displayName?: string };

/** Changes an account; turning it off or changing its roles ends its sessions. No one changes their own roles. */
export async function updateUser({ database, actor }: CommandContext, { id, version, ...changes }: UserChange): Promise<User> {
  const current = await loadRecord<User>(database.db, users, id, actor, userPolicy);
  // who may change this account at all comes before what the change asks
  authorize(userPolicy, 'update', actor, current);
  const merged = { roles: current.roles as Role[], office: current.office, memberId: current.memberId, unitId: current.unitId, actsFor: current.actsFor, ...changes };
  await checkLinks(database.db, actor.committeeId, merged);
  if (changes.roles && current.id === actor.userId) throw AppError.field('roles', '角色', '不能修改自己的角色');
  refuseOfficerRoles(changes.roles, current.roles);
  const row = await updateRecord<User>(database, { table: users, policy: userPolicy, actor, id, version, changes: { ...changes }, uniqueFields: uniqueUsername });
  if (changes.active === false || changes.roles) await endUserSessions(database, id);
  return row;
}
