import { and, eq, inArray, or } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { members } from '../../modules/members/schema.js';
import { users } from '../auth/schema.js';
import type { OutboxChannel } from '../jobs/outbox.js';
import { smsPhone } from './preferences.js';
import { notificationDeliveries, notificationPrefs } from './schema.js';
import { dueFor } from './timing.js';

/**
 * The outside channels of notices: each notice in the outbox is fanned out to the people who chose
 * e-mail or SMS, one delivery row per person and channel with the time it may go (at once, after
 * their quiet hours, or at their digest's hour). Idempotent: a retried event adds nothing twice.
 * The rows are then sent by `sendDue` (send.ts) — here at once for what is due, and by the minute job.
 */
export function outsideChannel(o: { email: boolean; sms: boolean; afterFanOut?: (database: Database) => Promise<unknown> }): OutboxChannel {
  return {
    name: 'outside',
    topics: ['notice'],
    async deliver(event, database) {
      const ids: string[] = event.payload.userIds ?? [];
      if (ids.length === 0 || !event.committeeId) return;
      const wanted = [...(o.email ? [eq(notificationPrefs.emailOn, true)] : []), ...(o.sms ? [eq(notificationPrefs.smsOn, true)] : [])];
      if (wanted.length === 0) return;
      const people = await database.db
        .select({ prefs: notificationPrefs, phone: smsPhone })
        .from(notificationPrefs)
        .innerJoin(users, eq(users.id, notificationPrefs.userId))
        .leftJoin(members, eq(members.id, users.memberId))
        .where(and(inArray(notificationPrefs.userId, ids), eq(users.active, true), or(...wanted)));
      const rows = people.flatMap(({ prefs: p, phone }) => {
        const common = { committeeId: event.committeeId!, eventId: event.id, userId: p.userId, digest: p.digest === 'daily', title: event.payload.title, body: event.payload.body ?? '', link: event.payload.link ?? null, dueAt: dueFor(event.createdAt, p) };
        return [
          ...(o.email && p.emailOn && p.email ? [{ ...common, channel: 'email', address: p.email }] : []),
          ...(o.sms && p.smsOn && phone ? [{ ...common, channel: 'sms', address: phone }] : []),
        ];
      });
      if (rows.length === 0) return; // most notices reach no one outside the app: no sender pass for them
      await database.db.insert(notificationDeliveries).values(rows).onConflictDoNothing();
      // what is due goes now; a failure here is the sender's to retry, not the outbox's
      await o.afterFanOut?.(database).catch(() => undefined);
    },
  };
}
