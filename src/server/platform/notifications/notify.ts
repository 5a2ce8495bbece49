import type { Presented } from '../../../shared/http/responses.js';
import type { noticeList } from '../../../shared/notifications/responses.js';
import { and, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { users } from '../auth/schema.js';
import { systemActor } from '../auth/actor.js';
import { audit } from '../audit/audit.js';
import type { Executor } from '../../db/client.js';
import { emit } from '../jobs/outbox.js';
import { notifications } from './schema.js';

export interface Notice {
  committeeId: string;
  userIds: string[];
  title: string;
  body?: string;
  link?: string;
}

/**
 * Sends an in-app notice to each user, in the caller's transaction (pass `uow.tx`): the notice
 * exists exactly when the change it announces commits. The same notice goes into the outbox for
 * the channels that carry it outside (webhook; later e-mail and SMS).
 *
 * Recipients are checked here, once for every module: only active accounts of the notice's
 * committee receive it, so a list of ids a caller did not check (a member id of another committee,
 * a made-up one) can never carry one committee's text to another's people. Which accounts the
 * record concerns is each caller's business (co-signers only of a joint proposal, the units it
 * was sent to).
 */
export async function notify(tx: Executor, n: Notice): Promise<void> {
  const wanted = [...new Set(n.userIds)];
  if (wanted.length === 0) return;
  // the check and the insert are one statement: a notice for each wanted id that is an active account of the committee
  const inserted = await tx.execute(sql`
    insert into ${notifications} (committee_id, user_id, title, body, link)
    select ${users.committeeId}, ${users.id}, ${n.title}::text, ${n.body ?? ''}::text, ${n.link ?? null}::text from ${users}
    where ${and(inArray(users.id, wanted), eq(users.committeeId, n.committeeId), eq(users.active, true))}
    returning id, user_id`);
  const sent = (inserted as unknown as { rows: { id: string; user_id: string }[] }).rows.map((r) => ({ id: r.id, userId: r.user_id }));
  const userIds = wanted.filter((id) => sent.some((r) => r.userId === id));
  if (userIds.length === 0) return;
  // what was sent to whom is in the committee's audit chain, with the change that caused it
  const first = sent.find((r) => r.userId === userIds[0])!;
  await audit(tx, systemActor(n.committeeId), { action: 'notification.send', subjectType: 'notification', subjectId: first.id, after: { userIds, title: n.title, body: n.body ?? '', link: n.link ?? null, notices: sent.length } });
  await emit(tx, 'notice', n.committeeId, { userIds, title: n.title, body: n.body ?? '', link: n.link ?? null });
}

export async function listNotifications(db: Executor, userId: string, onlyUnread: boolean): Promise<Presented<typeof noticeList>> {
  const where = onlyUnread ? and(eq(notifications.userId, userId), isNull(notifications.readAt)) : eq(notifications.userId, userId);
  // the notice's own fields: not whose it is (the reader) or which committee sent it
  const { id, title, body, link, readAt, createdAt } = notifications;
  const items = await db.select({ id, title, body, link, readAt, createdAt }).from(notifications).where(where).orderBy(desc(notifications.createdAt)).limit(100);
  const [{ unread }] = await db.select({ unread: count() }).from(notifications).where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return { items, unread };
}

/**
 * Marks one (or, without id, every) notice of the user as read at `at`, the app's clock; another
 * user's notice is never touched. `markRead(db, { userId, id, at: ctx.now })`
 */
export async function markRead(db: Executor, { userId, id, at }: { userId: string; id?: string; at: Date }) {
  const where = id ? and(eq(notifications.userId, userId), eq(notifications.id, id)) : eq(notifications.userId, userId);
  const rows = await db.update(notifications).set({ readAt: at }).where(and(where, isNull(notifications.readAt))).returning({ id: notifications.id });
  return rows.length;
}

export async function ownsNotice(db: Executor, userId: string, id: string): Promise<boolean> {
  const rows = await db.select({ id: notifications.id }).from(notifications).where(and(eq(notifications.userId, userId), eq(notifications.id, id)));
  return rows.length > 0;
}
