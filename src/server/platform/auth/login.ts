import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { AppError } from '../errors.js';
import { audit } from '../audit/audit.js';
import { users } from './schema.js';
import { verifyPassword } from './passwords.js';
import { toActor } from './sessions.js';
import { report } from '../metrics/events.js';
import { clearAttempts, defaultLockout, loginSubject, recordFailure, reserveAttempt, type LockoutPolicy } from './throttle.js';

export { defaultLockout, type LockoutPolicy };

const WRONG = '用户名或密码错误';
const lockedMessage = (minutes: number) => `登录失败次数过多，已锁定，请${minutes}分钟后再试`;

/**
 * Checks a username and password (等保 identity control). Every attempt is counted before the
 * password is checked, per login name *and* client address (throttle.ts): parallel guesses cannot
 * beat the limit, and nobody can lock someone else out of their own address. A known and an
 * unknown name take the same path — the same count, one password hash computed, the same answers
 * (401 while guessing, 423 once locked) — so neither the answer nor its timing tells which names
 * exist. Logins and failures of known accounts are audited with the address they came from.
 */
export async function checkCredentials(database: Database, username: string, password: string, lockout = defaultLockout, now = new Date(), source = 'unknown') {
  const wrong = `${WRONG}（连续${lockout.maxFailures}次错误将锁定${lockout.lockMinutes}分钟）`;
  const subject = loginSubject(username);
  const attempt = await reserveAttempt(database.db, subject, source, lockout, now);
  if (!attempt.allowed) throw new AppError('locked', lockedMessage(attempt.minutesLeft));
  const [user] = await database.db.select().from(users).where(eq(users.username, username)).limit(1);
  // an unknown name spends the same time on a hash as a known one
  const right = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (user && right) {
    // only someone who knows the password learns that the account is disabled
    if (!user.active) throw new AppError('unauthenticated', '该账号已停用，请联系管理员');
    await clearAttempts(database.db, subject, source);
    await database.db.transaction(async (tx) => {
      await tx.update(users).set({ lastLoginAt: now }).where(eq(users.id, user.id));
      await audit(tx, toActor(user), { action: 'auth.login', subjectType: 'user', subjectId: user.id, after: { address: source } });
    });
    return user;
  }
  const locked = await recordFailure(database.db, subject, source, attempt.failures, lockout, now);
  if (user) {
    await database.db.transaction(async (tx) => {
      await audit(tx, toActor(user), { action: locked ? 'auth.locked' : 'auth.login_failed', subjectType: 'user', subjectId: user.id, after: { address: source, failures: attempt.failures } });
    });
  }
  report('login.failed');
  if (locked) report('login.lockout');
  if (locked) throw new AppError('locked', `登录失败次数过多，已锁定${lockout.lockMinutes}分钟`);
  throw new AppError('unauthenticated', wrong);
}

// a valid scrypt hash (the same parameters as real ones) of a random string, so an unknown name costs a real check
const DUMMY_HASH = 'scrypt$16384$8$1$c2hhbmdsaWFuZ2R1bW15$0G2rLwF1b0m8o9Qm0YJ8o6nWJmX3mL0w5R4bYwq9Zk4=';
