import type { Role } from '../../../platform/auth/actor.js';
import { users } from '../../../platform/auth/schema.js';
import { hashPassword, passwordProblem } from '../../../platform/auth/passwords.js';
import type { CommandContext } from '../../../platform/commands/context.js';
import { AppError } from '../../../platform/errors.js';
import { authorize, committeeSubject } from '../../../platform/policy/policy.js';
import { createRecord } from '../../../platform/records/records.js';
import { checkLinks, uniqueUsername, type Links } from '../links.js';
import { refuseOfficerRoles } from '../officers.js';
import { userCollectionPolicy, userPolicy } from '../policy.js';
import type { User } from '../schema.js';

export type NewUser = Links & { username: string; displayName: string; roles: Role[]; password: string; phone?: string | null };

/** A new account with its initial password (checked against the complexity policy, set at the app's clock) and its links. */
export async function createUser({ database, actor, now }: CommandContext, input: NewUser): Promise<User> {
  authorize(userCollectionPolicy, 'create', actor, committeeSubject(actor));
  const problem = passwordProblem(input.password, input.username);
  if (problem) throw AppError.field('password', '初始密码', problem);
  await checkLinks(database.db, actor.committeeId, input);
  refuseOfficerRoles(input.roles);
  const { password, ...rest } = input;
  return createRecord<User>(database, { table: users, policy: userPolicy, collection: userCollectionPolicy, actor, values: { ...rest, passwordHash: await hashPassword(password), passwordChangedAt: now }, uniqueFields: uniqueUsername });
}
