import { createHash, randomInt } from 'node:crypto';
import { and, count, eq, gt, isNull, lt, ne } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { AppError } from '../errors.js';
import { chinaToday } from '../calendar/workdays.js';
import { getSettings } from '../settings/settings.js';
import { publicChallenges, publicSubmissions } from './schema.js';
import { publicFormSettings } from './settings.js';

/** An address is kept only as a hash: enough to count a flood, nothing to identify anyone by. */
export const addressHash = (address: string) => createHash('sha256').update(`shangliang-public:${address}`).digest('hex').slice(0, 32);

const settingsOf = (db: Executor, committeeId: string, now: Date) => getSettings(db, publicFormSettings, committeeId, Number(chinaToday(now).slice(0, 4)));

/**
 * Issues an arithmetic question (两位数加减) for one public form. Only the answer is stored; it
 * expires after the committee's setting and is used at most once. Old questions are cleared here.
 */
export async function issueChallenge(db: Executor, committeeId: string, address: string, now: Date) {
  const { challengeMinutes } = await settingsOf(db, committeeId, now);
  await db.delete(publicChallenges).where(lt(publicChallenges.expiresAt, new Date(now.getTime() - 3600_000)));
  const a = randomInt(11, 60);
  const b = randomInt(2, 40);
  const plus = randomInt(2) === 0 || b > a;
  const expiresAt = new Date(now.getTime() + challengeMinutes * 60_000);
  const [row] = await db.insert(publicChallenges).values({ answer: plus ? a + b : a - b, addressHash: addressHash(address), expiresAt }).returning({ id: publicChallenges.id });
  return { id: row.id, question: `${a} ${plus ? '加' : '减'} ${b} 等于多少？`, expiresAt };
}

export interface PublicSubmission {
  committeeId: string;
  /** request | topic | question (委员工作室线上咨询) */
  form: string;
  address: string;
  challengeId: string;
  challengeAnswer: number;
  now: Date;
}

/**
 * Checks a public form before anything is stored (call it after the form's own checks, so a typo
 * does not cost the question): the address has not sent more than the setting allows in the last
 * hour (429), and the question is answered right, unused and unexpired. Each step commits on its
 * own, outside the form's transaction: a question is used up even by a wrong answer (no second
 * try), and the submission is counted even if storing it fails later.
 */
export async function admitPublicSubmission(tx: Executor, s: PublicSubmission) {
  const { perAddressPerHour } = await settingsOf(tx, s.committeeId, s.now);
  const hash = addressHash(s.address);
  const [{ n }] = await tx
    .select({ n: count() })
    .from(publicSubmissions)
    // the portal's questionnaire has a limit of its own (many departments, one ballot each)
    .where(and(eq(publicSubmissions.addressHash, hash), ne(publicSubmissions.form, 'evaluation'), gt(publicSubmissions.createdAt, new Date(s.now.getTime() - 3600_000))));
  if (n >= perAddressPerHour) throw new AppError('rate_limited', `提交过于频繁：同一网络每小时最多提交${perAddressPerHour}件，请稍后再试`);
  const [used] = await tx
    .update(publicChallenges)
    .set({ usedAt: s.now })
    .where(and(eq(publicChallenges.id, s.challengeId), isNull(publicChallenges.usedAt), gt(publicChallenges.expiresAt, s.now)))
    .returning({ answer: publicChallenges.answer });
  if (!used) throw AppError.field('challengeAnswer', '验证题答案', '验证题已失效，请换一题后重新作答');
  if (used.answer !== s.challengeAnswer) throw AppError.field('challengeAnswer', '验证题答案', '答案不正确，请换一题后重新作答');
  await tx.insert(publicSubmissions).values({ committeeId: s.committeeId, form: s.form, addressHash: hash, createdAt: s.now });
}

/**
 * The per-address ceiling of a public form without a question to answer (the portal's evaluation
 * questionnaire, one ballot per department): refuses with 429 and a Chinese message when the
 * address (hashed) has sent `perHour` of this form in the last hour, else counts this one. Runs in
 * the caller's transaction, so a refused ballot is not counted.
 */
export async function admitByAddress(tx: Executor, s: { committeeId: string; form: string; address: string; now: Date; perHour: number; what: string }) {
  const hash = addressHash(s.address);
  const [{ n }] = await tx
    .select({ n: count() })
    .from(publicSubmissions)
    .where(and(eq(publicSubmissions.addressHash, hash), eq(publicSubmissions.form, s.form), gt(publicSubmissions.createdAt, new Date(s.now.getTime() - 3600_000))));
  if (n >= s.perHour) throw new AppError('rate_limited', `提交过于频繁：同一网络每小时最多提交${s.perHour}份${s.what}，请稍后再试`);
  await tx.insert(publicSubmissions).values({ committeeId: s.committeeId, form: s.form, addressHash: hash, createdAt: s.now });
}
