import { users } from '../../../platform/auth/schema.js';
import { hashPassword, passwordProblem } from '../../../platform/auth/passwords.js';
import { endUserSessions } from '../../../platform/auth/sessions.js';
import { clearAttempts, loginSubject, passwordSubject } from '../../../platform/auth/throttle.js';
import type { CommandContext } from '../../../platform/commands/context.js';
import { AppError } from '../../../platform/errors.js';
import { loadRecord, updateRecord } from '../../../platform/records/records.js';
import { userPolicy } from '../policy.js';
import type { User } from '../schema.js';

/** Sets a new password for someone else's account, ends its sessions and unlocks it. */
export async function resetPassword({ database, actor, now }: CommandContext, { id, password }: { id: string; password: string }): Promise<User> {
  const current = await loadRecord<User>(database.db, users, id, actor, userPolicy);
  const problem = passwordProblem(password, current.username);
  if (problem) throw AppError.field('password', '新密码', problem);
  const row = await updateRecord<User>(database, {
    table: users, policy: userPolicy, actor, id, version: current.version, action: 'resetPassword',
    changes: { passwordHash: await hashPassword(password), passwordChangedAt: now },
  });
  await endUserSessions(database, id);
  // a reset also unlocks: the account's failed guesses from every address are forgotten
  await clearAttempts(database.db, loginSubject(row.username));
  await clearAttempts(database.db, passwordSubject(row.id));
  return row;
}
