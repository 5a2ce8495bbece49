import { inArray } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { users } from '../auth/schema.js';
import type { OutboxChannel } from '../jobs/outbox.js';

/**
 * The webhook channel: each notice (站内通知) is also POSTed as JSON to an address the operator
 * sets (NOTIFY_WEBHOOK_URL), e.g. a relay to a messaging app. Delivered from the outbox, so a
 * notice whose change committed is never lost to a crash; at least once, with the outbox row's id
 * in `Idempotency-Key` so the receiver can drop a repeat.
 */
export function webhookChannel(o: { url: string; token?: string; timeoutMs?: number }): OutboxChannel {
  return {
    name: 'webhook',
    topics: ['notice'],
    async deliver(event, database: Database) {
      const ids: string[] = event.payload.userIds ?? [];
      const recipients = ids.length ? await database.db.select({ userId: users.id, username: users.username, name: users.displayName }).from(users).where(inArray(users.id, ids)) : [];
      const res = await fetch(o.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'idempotency-key': `shangliang-${event.id}`,
          ...(o.token ? { authorization: `Bearer ${o.token}` } : {}),
        },
        body: JSON.stringify({ id: event.id, topic: event.topic, committeeId: event.committeeId, createdAt: event.createdAt.toISOString(), title: event.payload.title, body: event.payload.body, link: event.payload.link, recipients }),
        signal: AbortSignal.timeout(o.timeoutMs ?? 10_000),
      });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      await res.body?.cancel();
    },
  };
}
