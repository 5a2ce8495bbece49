import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { AppError } from '../errors.js';
import { audit } from '../audit/audit.js';
import { users } from './schema.js';
import { verifyPassword } from './passwords.js';
import { toActor } from './sessions.js';

export interface LockoutPolicy {
  maxFailures: number;
  lockMinutes: number;
}
export const defaultLockout: LockoutPolicy = { maxFailures: 5, lockMinutes: 15 };

const WRONG = '用户名或密码错误';

/**
 * Checks a username and password. Repeated failures lock the account for a while (等保 identity
 * control); the message never says whether the username exists. Successful and failed logins of
 * known accounts are audited.
 */
export async function checkCredentials(database: Database, username: string, password: string, lockout = defaultLockout, now = new Date()) {
  // the same words for an unknown account and a wrong password, so neither reveals which usernames exist
  const wrong = `${WRONG}（连续${lockout.maxFailures}次错误将锁定${lockout.lockMinutes}分钟）`;
  const [user] = await database.db.select().from(users).where(eq(users.username, username)).limit(1);
  if (!user) {
    await verifyPassword(password, DUMMY_HASH); // same time as a real check: no username probing by timing
    throw new AppError('unauthenticated', wrong);
  }
  if (!user.active) {
    // only someone who knows the password learns that the account is disabled
    if (!(await verifyPassword(password, user.passwordHash))) throw new AppError('unauthenticated', wrong);
    throw new AppError('unauthenticated', '该账号已停用，请联系管理员');
  }
  if (user.lockedUntil && user.lockedUntil.getTime() > now.getTime()) {
    const minutes = Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 60_000);
    throw new AppError('locked', `登录失败次数过多，账号已锁定，请${minutes}分钟后再试`);
  }
  const actor = toActor(user);
  if (!(await verifyPassword(password, user.passwordHash))) {
    const failures = user.failedLogins + 1;
    const lock = failures >= lockout.maxFailures;
    await database.db.transaction(async (tx) => {
      await tx
        .update(users)
        .set({ failedLogins: lock ? 0 : sql`${users.failedLogins} + 1`, lockedUntil: lock ? new Date(now.getTime() + lockout.lockMinutes * 60_000) : user.lockedUntil })
        .where(eq(users.id, user.id));
      await audit(tx, actor, { action: lock ? 'auth.locked' : 'auth.login_failed', subjectType: 'user', subjectId: user.id });
    });
    if (lock) throw new AppError('locked', `登录失败次数过多，账号已锁定${lockout.lockMinutes}分钟`);
    throw new AppError('unauthenticated', wrong);
  }
  await database.db.transaction(async (tx) => {
    await tx.update(users).set({ failedLogins: 0, lockedUntil: null, lastLoginAt: now }).where(eq(users.id, user.id));
    await audit(tx, actor, { action: 'auth.login', subjectType: 'user', subjectId: user.id });
  });
  return user;
}

// a valid scrypt hash of a random string, used to spend the same time on unknown usernames
const DUMMY_HASH = 'scrypt$16384$8$1$c2hhbmdsaWFuZ2R1bW15$0G2rLwF1b0m8o9Qm0YJ8o6nWJmX3mL0w5R4bYwq9Zk4=';
