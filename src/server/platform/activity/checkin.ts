import type { CommandContext } from '../commands/context.js';
import type { Executor } from '../../db/client.js';
import { and, eq, isNull } from 'drizzle-orm';
import { audit } from '../audit/audit.js';
import { AppError } from '../errors.js';
import { inTransaction } from '../jobs/after-commit.js';
import { authorize } from '../policy/policy.js';
import { getSettings } from '../settings/settings.js';
import { CHECK_IN_SECRET, installationSecret, signCheckInToken, tokenProblemMessages, verifyCheckInToken } from './checkin-token.js';
import { findActivity, subjectOf } from './load.js';
import { activityPolicy, type Invitee } from './policy.js';
import { activityInvitees } from './schema.js';
import { activitySettings, type ActivitySettings } from './settings.js';
import type { Activity } from './workflow.js';

const beijingTime = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });

/** Check-in is open from the configured minutes before the start until the end. */
function checkInWindow(a: Activity, s: ActivitySettings) {
  return { opens: new Date(a.startsAt.getTime() - s.checkInOpensMinutesBefore * 60_000), closes: a.endsAt };
}

/**
 * A fresh QR token for the venue screen (the organising office only). The screen asks for a new
 * one every minute; outside the check-in window there is none to give.
 */
export async function issueCheckInToken({ database, actor, now }: CommandContext, { activityId }: { activityId: string }) {
  const row = await findActivity(database.db, actor, activityId);
  authorize(activityPolicy, 'manage', actor, await subjectOf(database.db, actor, row));
  return venueToken(database.db, row, now);
}

/**
 * The venue code of an event whose owner has decided who may show it (`issueCheckInToken` for the
 * committee's own events; a joint event's organiser for the districts' parts, see `VenueParts`).
 */
export async function venueToken(db: Executor, row: Activity, now: Date) {
  if (row.status !== 'scheduled') throw AppError.invalidState('活动已结束或已取消');
  const settings = await getSettings(db, activitySettings, row.committeeId, row.year);
  const { opens, closes } = checkInWindow(row, settings);
  if (now < opens) throw AppError.invalidState(`签到将于${beijingTime.format(opens)}开放`);
  if (now > closes) throw AppError.invalidState('活动已结束，签到已关闭');
  const secret = await installationSecret(db, CHECK_IN_SECRET);
  const seconds = Math.min(settings.qrTokenSeconds, Math.ceil((closes.getTime() - now.getTime()) / 1000) + 60);
  const { token, expiresAt } = signCheckInToken(secret, row.id, now, seconds);
  return { token, expiresAt, refreshSeconds: 60, opens, closes };
}

/**
 * An event held together with events of other committees (a joint inspection of a city with its
 * districts: one venue, one code, each district's members invited to their own committee's part)
 * names the part of the given committee, or null. A check-in by a code of such an event is a
 * check-in to the scanning member's own committee's part.
 */
export type VenueParts = (db: Executor, activityId: string, committeeId: string) => Promise<string | null>;

/** The member's invitation once checked in: its check-in time is set. */
export type CheckedIn = Invitee & { checkedInAt: Date };

/**
 * A member checks in by scanning the venue code with their own session. The token says which
 * event and when; the session says who. Refused: a forged or expired token, a token of another
 * event, a member not invited, a second check-in, an event not open for check-in.
 */
export async function checkInWithToken({ database, actor, now }: CommandContext, { activityId, token }: { activityId: string; token: string }, venue?: VenueParts): Promise<CheckedIn> {
  const secret = await installationSecret(database.db, CHECK_IN_SECRET);
  const verdict = verifyCheckInToken(secret, token, now);
  if (!verdict.ok) {
    if (verdict.problem === 'expired' || verdict.problem === 'notYetValid') throw AppError.invalidState(tokenProblemMessages[verdict.problem]);
    throw AppError.field('token', '签到码', tokenProblemMessages[verdict.problem]);
  }
  const named = verdict.claim.activityId;
  if (named !== activityId && (await venue?.(database.db, named, actor.committeeId)) !== activityId) throw AppError.field('token', '签到码', '该签到码不属于本次活动');
  return inTransaction(database, async ({ tx }) => {
    const row = await findActivity(tx, actor, activityId);
    const subject = await subjectOf(tx, actor, row);
    // an event the actor may not read (a member not invited, a unit) is not found, as a made-up one is
    authorize(activityPolicy, 'read', actor, subject);
    if (!actor.memberId || !subject.mine) throw AppError.forbidden('您不在本次活动的邀请名单中，不能签到');
    if (subject.mine.checkedInAt) throw new AppError('conflict', '您已签到，无需重复签到');
    authorize(activityPolicy, 'checkIn', actor, subject);
    const settings = await getSettings(tx, activitySettings, row.committeeId, row.year);
    const { opens, closes } = checkInWindow(row, settings);
    if (now < opens || now > closes) throw AppError.invalidState('不在本次活动的签到时间内');
    const [updated] = await tx
      .update(activityInvitees)
      .set({ checkedInAt: now, checkInMethod: 'qr', checkedInBy: actor.userId, version: subject.mine.version + 1 })
      .where(and(eq(activityInvitees.activityId, activityId), eq(activityInvitees.memberId, actor.memberId), isNull(activityInvitees.checkedInAt)))
      .returning();
    if (!updated) throw new AppError('conflict', '您已签到，无需重复签到');
    await audit(tx, actor, { action: 'activity.checkIn', subjectType: 'activity', subjectId: activityId, after: { memberId: actor.memberId, checkedInAt: now, method: 'qr' } });
    return { ...updated, checkedInAt: updated.checkedInAt ?? now };
  });
}

export interface AttendanceRecord {
  /** arrival (check-in on the member's behalf, or a corrected time); null clears the check-in */
  checkedInAt?: Date | null;
  /** early leave (早退); null clears it */
  leftAt?: Date | null;
  note?: string | null;
}

/** Staff record attendance on a member's behalf: arrival, late arrival, early leave (409 on a stale version). */
export async function recordAttendance({ database, actor }: CommandContext, { activityId, memberId, version, ...r }: AttendanceRecord & { activityId: string; memberId: string; version: number }): Promise<Invitee> {
  return inTransaction(database, async ({ tx }) => {
    const row = await findActivity(tx, actor, activityId);
    authorize(activityPolicy, 'attendance', actor, await subjectOf(tx, actor, row));
    const [current] = await tx.select().from(activityInvitees).where(and(eq(activityInvitees.activityId, activityId), eq(activityInvitees.memberId, memberId)));
    if (!current) throw AppError.field('memberId', '委员', '不在本次活动的邀请名单中');
    if (current.version !== version) throw AppError.versionConflict();
    const checkedInAt = r.checkedInAt === undefined ? current.checkedInAt : r.checkedInAt;
    const leftAt = r.leftAt === undefined ? current.leftAt : r.leftAt;
    if (leftAt && !checkedInAt) throw AppError.field('leftAt', '离会时间', '未签到的委员不能记录离会');
    if (leftAt && checkedInAt && leftAt <= checkedInAt) throw AppError.field('leftAt', '离会时间', '应晚于签到时间');
    const changes = {
      checkedInAt,
      leftAt,
      checkInMethod: checkedInAt ? (r.checkedInAt === undefined ? current.checkInMethod : 'staff') : null,
      checkedInBy: checkedInAt ? (r.checkedInAt === undefined ? current.checkedInBy : actor.userId) : null,
      note: r.note === undefined ? current.note : r.note,
      version: version + 1,
    };
    const [updated] = await tx
      .update(activityInvitees)
      .set(changes)
      .where(and(eq(activityInvitees.activityId, activityId), eq(activityInvitees.memberId, memberId), eq(activityInvitees.version, version)))
      .returning();
    if (!updated) throw AppError.versionConflict();
    await audit(tx, actor, {
      action: 'activity.recordAttendance', subjectType: 'activity', subjectId: activityId,
      before: { memberId, checkedInAt: current.checkedInAt, leftAt: current.leftAt }, after: { memberId, checkedInAt, leftAt }, note: r.note ?? undefined,
    });
    return updated;
  });
}

/** The member's reply to the invitation (attend / not attend); not attending a mandatory event still needs leave. */
export async function replyToInvitation({ database, actor, now }: CommandContext, { activityId, attend }: { activityId: string; attend: boolean }): Promise<Invitee> {
  return inTransaction(database, async ({ tx }) => {
    const row = await findActivity(tx, actor, activityId);
    const subject = await subjectOf(tx, actor, row);
    authorize(activityPolicy, 'reply', actor, subject);
    const mine = subject.mine!;
    const reply = attend ? 'accepted' : 'declined';
    const [updated] = await tx
      .update(activityInvitees)
      .set({ reply, repliedAt: now, version: mine.version + 1 })
      .where(and(eq(activityInvitees.activityId, activityId), eq(activityInvitees.memberId, mine.memberId)))
      .returning();
    await audit(tx, actor, { action: 'activity.reply', subjectType: 'activity', subjectId: activityId, before: { reply: mine.reply }, after: { reply } });
    return updated;
  });
}

/**
 * The page the venue QR code points to (/checkin?token=…) knows only the token: the event is the
 * one the token names, and the signature check in checkInWithToken makes that name trustworthy.
 */
export async function checkInByToken(ctx: CommandContext, { token }: { token: string }, venue?: VenueParts): Promise<CheckedIn> {
  const named = token.trim().split('.')[1] ?? '';
  if (!/^[0-9a-f-]{36}$/i.test(named)) throw AppError.field('token', '签到码', tokenProblemMessages.malformed);
  // the code of a joint event: the member checks in to their own committee's part of it
  const activityId = (await venue?.(ctx.database.db, named, ctx.actor.committeeId)) ?? named;
  return checkInWithToken(ctx, { activityId, token }, venue);
}
