import type { Presented } from '../../../shared/http/responses.js';
import type { user as userAnswer } from '../../../shared/users/responses.js';
import type { Actor } from '../../platform/auth/actor.js';
import { loginSubject, passwordSubject } from '../../platform/auth/throttle.js';
import { allowedActions } from '../../platform/policy/policy.js';
import { userPolicy } from './policy.js';
import type { User } from './schema.js';

/**
 * An account as the client sees it: never the password hash; locked until when (by its name or by
 * password guesses, from `locksNow`, read once for a page of accounts); the actions allowed.
 */
export function presentUser(actor: Actor, user: User, locks: Map<string, Date>): Presented<typeof userAnswer> {
  const { passwordHash: _omit, ...u } = user;
  const lockedUntil = [locks.get(loginSubject(u.username)), locks.get(passwordSubject(u.id))].filter((d): d is Date => !!d).sort((a, b) => b.getTime() - a.getTime())[0] ?? null;
  return { ...u, lockedUntil, actions: allowedActions(userPolicy, actor, user) };
}
