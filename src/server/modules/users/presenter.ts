import type { Presented } from '../../../shared/http/responses.js';
import { user as userAnswer } from '../../../shared/users/responses.js';
import { onlyDeclared } from '../../platform/http/answers.js';
import type { Actor } from '../../platform/auth/actor.js';
import { loginSubject, passwordSubject } from '../../platform/auth/throttle.js';
import { allowedActions } from '../../platform/policy/policy.js';
import { userPolicy } from './policy.js';
import type { User } from './schema.js';

/**
 * An account as the client sees it, cut to its schema's fields: never the password hash nor its date, the committee or the row's timestamps; locked until when (by its name or by
 * password guesses, from `locksNow`, read once for a page of accounts); the actions allowed.
 */
export function presentUser(actor: Actor, user: User, locks: Map<string, Date>): Presented<typeof userAnswer> {
  const { passwordHash: _omit, ...u } = user;
  const lockedUntil = [locks.get(loginSubject(u.username)), locks.get(passwordSubject(u.id))].filter((d): d is Date => !!d).sort((a, b) => b.getTime() - a.getTime())[0] ?? null;
  return onlyDeclared(userAnswer, { ...u, lockedUntil, actions: allowedActions(userPolicy, actor, user) });
}
