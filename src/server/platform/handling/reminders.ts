import { and, eq, inArray, isNull, lte, notInArray } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client.js';
import { loadCalendar } from '../calendar/store.js';
import { addWorkdays, chinaToday } from '../calendar/workdays.js';
import { notify } from '../notifications/notify.js';
import { unitUserIds } from './assignments.js';
import { portOf } from './ports.js';
import { assignments } from './schema.js';

/** The longest lead time a committee may configure (settings cap it at 30 working days). */
const MAX_LEAD = 30;

/**
 * Reminds units of replies due soon: every open assignment whose deadline falls within the
 * committee's configured lead time gets one notice (remembered in reminded_at, so the job can run
 * as often as it likes, in as many processes as it likes: each notice is sent at most once). Overdue items are flagged in lists and statistics, not here.
 */
export async function remindDueReplies(database: Database, now: Date): Promise<number> {
  const today = chinaToday(now); // `now` is the job runner's clock
  const calendar = await loadCalendar(database.db);
  const horizon = addWorkdays(calendar, today, MAX_LEAD);
  const due = await remindable(database.db, horizon);
  let reminded = 0;
  for (const a of due) {
    const port = await portOf(a.subjectType);
    const subject = await port.load(database.db, a.subjectId);
    if (!subject?.open) continue;
    const { remindWorkdaysBefore } = await port.rules(database.db, subject);
    if (a.replyDeadline > addWorkdays(calendar, today, remindWorkdaysBefore)) continue;
    const overdue = a.replyDeadline < today;
    // claimed and sent in one transaction: the update that marks it is the claim, so of two
    // runners (two servers, or two overlapping runs) only one sends, and a crash sends none
    const sent = await database.db.transaction(async (tx) => {
      const claimed = await tx
        .update(assignments)
        .set({ remindedAt: now })
        .where(and(eq(assignments.id, a.id), isNull(assignments.remindedAt), eq(assignments.replyDeadline, a.replyDeadline)))
        .returning({ id: assignments.id });
      if (claimed.length === 0) return false;
      await notify(tx, {
        committeeId: a.committeeId,
        userIds: await unitUserIds(tx, [a.unitId]),
        title: `${overdue ? '已超期' : '即将到期'}：${subject.title}`,
        body: `答复期限为${a.replyDeadline}，请及时办理答复`,
        link: port.link(a.subjectId),
      });
      return true;
    });
    if (sent) reminded++;
  }
  return reminded;
}

/**
 * The open, not yet reminded assignments of a replying role due by `horizon`. Its filter is the
 * predicate of the partial index assignments_remind_due_idx (schema.ts) word for word: change
 * both together, or the job falls back to reading the whole table.
 */
export function remindable(db: Executor, horizon: string) {
  return db
    .select()
    .from(assignments)
    .where(and(notInArray(assignments.status, ['done', 'withdrawn']), inArray(assignments.role, ['sole', 'lead', 'split']), lte(assignments.replyDeadline, horizon), isNull(assignments.remindedAt)));
}
