import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { installationSecrets } from './schema.js';

/**
 * Check-in QR codes. The code shown at the venue carries a token signed with this installation's
 * secret: `v1.<activityId>.<issued>.<expires>.<signature>` (seconds since 1970). The token names
 * the event and a short time window, never a person: whoever scans it checks in with their own
 * session, so it only works for members invited to that event, once each, and a screenshot passed
 * on after the window has expired is refused.
 */
export interface CheckInClaim {
  activityId: string;
  issuedAt: number;
  expiresAt: number;
}

export type TokenProblem = 'malformed' | 'signature' | 'expired' | 'notYetValid';
export const tokenProblemMessages: Record<TokenProblem, string> = {
  malformed: '签到码无效',
  signature: '签到码无效（签名不符）',
  expired: '签到码已过期，请扫描现场最新的签到码',
  notYetValid: '签到码尚未生效',
};

const b64url = (buf: Buffer) => buf.toString('base64url');
const sign = (secret: string, payload: string) => b64url(createHmac('sha256', secret).update(payload).digest());

/** Signs a token for `activityId`, good from `now` for `seconds`. */
export function signCheckInToken(secret: string, activityId: string, now: Date, seconds: number): { token: string; expiresAt: Date } {
  const iat = Math.floor(now.getTime() / 1000);
  const exp = iat + seconds;
  const payload = `v1.${activityId}.${iat}.${exp}`;
  return { token: `${payload}.${sign(secret, payload)}`, expiresAt: new Date(exp * 1000) };
}

/** Checks signature and window; a clock skew of 30 s is tolerated before the issue time. */
export function verifyCheckInToken(secret: string, token: string, now: Date): { ok: true; claim: CheckInClaim } | { ok: false; problem: TokenProblem } {
  const parts = token.trim().split('.');
  if (parts.length !== 5 || parts[0] !== 'v1') return { ok: false, problem: 'malformed' };
  const [, activityId, iatText, expText, signature] = parts;
  const iat = Number(iatText);
  const exp = Number(expText);
  if (!/^[0-9a-f-]{36}$/i.test(activityId) || !Number.isSafeInteger(iat) || !Number.isSafeInteger(exp)) return { ok: false, problem: 'malformed' };
  const expected = Buffer.from(sign(secret, parts.slice(0, 4).join('.')));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, problem: 'signature' };
  const t = now.getTime() / 1000;
  if (t > exp) return { ok: false, problem: 'expired' };
  if (t < iat - 30) return { ok: false, problem: 'notYetValid' };
  return { ok: true, claim: { activityId, issuedAt: iat, expiresAt: exp } };
}

/** The named secret of this installation, created (32 random bytes) the first time it is asked for. */
export async function installationSecret(db: Executor, name: string): Promise<string> {
  const [row] = await db.select().from(installationSecrets).where(eq(installationSecrets.name, name));
  if (row) return row.secret;
  // two processes asking at once: the first insert wins, both read the winner
  await db.insert(installationSecrets).values({ name, secret: randomBytes(32).toString('hex') }).onConflictDoNothing();
  const [created] = await db.select().from(installationSecrets).where(eq(installationSecrets.name, name));
  return created.secret;
}

export const CHECK_IN_SECRET = 'activity.checkIn';
