import { and, eq, isNull, lt } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { systemActor } from '../../../platform/auth/actor.js';
import { loadCalendar } from '../../../platform/calendar/store.js';
import { addWorkdays, chinaToday } from '../../../platform/calendar/workdays.js';
import { AppError } from '../../../platform/errors.js';
import { getSettings } from '../../../platform/settings/settings.js';
import { notifyAuthors } from '../notices.js';
import { proposals } from '../schema.js';
import { proposalSettings } from '../settings.js';
import { decideProposal } from './decide-proposal.js';

/**
 * Reminds the proposer, once per rating deadline, the configured number of working days before it
 * (评价期限前提醒). Remembered in rate_reminded_at, so the job may run as often, and in as many
 * processes, as it likes: each reminder is sent at most once. `now` is the job runner's clock.
 */
export async function remindRatings(database: Database, now: Date): Promise<number> {
  const today = chinaToday(now);
  const due = await database.db.select().from(proposals).where(and(eq(proposals.status, 'replied'), isNull(proposals.rateRemindedAt)));
  if (due.length === 0) return 0;
  const calendar = await loadCalendar(database.db);
  let reminded = 0;
  for (const p of due) {
    if (!p.rateDeadline || p.rateDeadline < today) continue;
    const { rateRemindWorkdaysBefore } = await getSettings(database.db, proposalSettings, p.committeeId, p.year);
    if (p.rateDeadline > addWorkdays(calendar, today, rateRemindWorkdaysBefore)) continue;
    // marked and sent in one transaction, the mark being the claim: sent at most once by any number of runners
    const sent = await database.db.transaction(async (tx) => {
      const claimed = await tx
        .update(proposals)
        .set({ rateRemindedAt: now })
        .where(and(eq(proposals.id, p.id), isNull(proposals.rateRemindedAt), eq(proposals.status, 'replied'), eq(proposals.rateDeadline, p.rateDeadline!)))
        .returning({ id: proposals.id });
      if (claimed.length === 0) return false;
      await notifyAuthors(tx, p, `请于${p.rateDeadline}前评价办理结果：${p.title}`, '承办单位已答复，请对办理态度和办理结果作出评价；逾期未评价的按期办结。', false);
      return true;
    });
    if (sent) reminded++;
  }
  return reminded;
}

/**
 * The scheduled close (办结) of replied proposals whose proposer let the rating period run out:
 * the same `close` transition staff use, done by the system actor, audited and notified.
 * Returns how many were closed, as of `now` (the job runner's clock).
 */
export async function closeUnratedProposals(database: Database, now: Date): Promise<number> {
  const today = chinaToday(now);
  const due = await database.db
    .select({ id: proposals.id, committeeId: proposals.committeeId, version: proposals.version })
    .from(proposals)
    .where(and(eq(proposals.status, 'replied'), lt(proposals.rateDeadline, today)));
  let closed = 0;
  for (const p of due) {
    try {
      await decideProposal({ database, actor: systemActor(p.committeeId), today, now }, { id: p.id, action: 'close', input: { version: p.version, reason: '提案人未在评价期限内评价，按期办结' } });
      closed++;
    } catch (err) {
      // rated or closed by a person in the meantime (409): nothing left to do for this one
      if (!(err instanceof AppError)) throw err;
    }
  }
  return closed;
}
