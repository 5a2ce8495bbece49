import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { rowsOf } from '../../db/raw.js';
import { loginThrottle } from './schema.js';

export interface LockoutPolicy {
  maxFailures: number;
  lockMinutes: number;
}
/** 等保 identity control: five wrong guesses lock the pair for fifteen minutes. */
export const defaultLockout: LockoutPolicy = { maxFailures: 5, lockMinutes: 15 };

export type Attempt = { allowed: true; failures: number } | { allowed: false; minutesLeft: number };

const minutesUntil = (until: Date, now: Date) => Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));

/**
 * Counts an attempt *before* the secret is checked, in one statement, so that parallel guesses
 * each take their own number and only the first `maxFailures` get an answer — a race cannot buy
 * more guesses. A lock that ran out, or failures older than the lock period, start again at one.
 * A success clears the count (`clearAttempts`).
 */
export async function reserveAttempt(db: Executor, subject: string, source: string, policy: LockoutPolicy, now: Date): Promise<Attempt> {
  const at = now.toISOString();
  const forgetBefore = new Date(now.getTime() - policy.lockMinutes * 60_000).toISOString();
  const res = await db.execute(sql`
    insert into login_throttle as t (subject, source, failures, locked_until, updated_at)
    values (${subject}, ${source}, 1, null, ${at}::timestamptz)
    on conflict (subject, source) do update set
      failures = case when t.locked_until <= ${at}::timestamptz or (t.locked_until is null and t.updated_at < ${forgetBefore}::timestamptz) then 1 else t.failures + 1 end,
      locked_until = case when t.locked_until <= ${at}::timestamptz then null else t.locked_until end,
      updated_at = ${at}::timestamptz
    returning failures, locked_until as "lockedUntil"`);
  const [row] = rowsOf<{ failures: number | string; lockedUntil: string | Date | null }>(res);
  const failures = Number(row.failures);
  if (row.lockedUntil) return { allowed: false, minutesLeft: minutesUntil(new Date(row.lockedUntil), now) };
  if (failures > policy.maxFailures) {
    await lock(db, subject, source, policy, now);
    return { allowed: false, minutesLeft: policy.lockMinutes };
  }
  return { allowed: true, failures };
}

/** After a wrong guess: locks the pair when this was the last one allowed. Returns whether it locked. */
export async function recordFailure(db: Executor, subject: string, source: string, failures: number, policy: LockoutPolicy, now: Date): Promise<boolean> {
  if (failures < policy.maxFailures) return false;
  await lock(db, subject, source, policy, now);
  return true;
}

async function lock(db: Executor, subject: string, source: string, policy: LockoutPolicy, now: Date) {
  await db
    .update(loginThrottle)
    .set({ lockedUntil: new Date(now.getTime() + policy.lockMinutes * 60_000) })
    .where(and(eq(loginThrottle.subject, subject), eq(loginThrottle.source, source), isNull(loginThrottle.lockedUntil)));
}

/** Forgets the failures of a pair (after a success), or of every source (a security administrator's reset). */
export async function clearAttempts(db: Executor, subject: string, source?: string): Promise<void> {
  await db.delete(loginThrottle).where(source === undefined ? eq(loginThrottle.subject, subject) : and(eq(loginThrottle.subject, subject), eq(loginThrottle.source, source)));
}

/** Every lock in force now, by subject (the latest of its sources), for the users page. */
export async function locksNow(db: Executor, now: Date): Promise<Map<string, Date>> {
  const rows = await db.select({ subject: loginThrottle.subject, until: loginThrottle.lockedUntil }).from(loginThrottle).where(gt(loginThrottle.lockedUntil, now));
  const locks = new Map<string, Date>();
  for (const r of rows) if (r.until && (locks.get(r.subject)?.getTime() ?? 0) < r.until.getTime()) locks.set(r.subject, r.until);
  return locks;
}

/** A login name is matched as typed, case aside: the same name from the same address is one pair. */
export const loginSubject = (username: string) => `login:${username.trim().toLowerCase()}`;
export const passwordSubject = (userId: string) => `password:${userId}`;
