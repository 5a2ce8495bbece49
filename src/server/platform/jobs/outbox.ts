import { sql } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client.js';
import { rowsOf } from '../../db/raw.js';
import { outbox } from './schema.js';

/** One effect waiting in the outbox, as a channel sees it. */
export interface OutboxEvent {
  id: number;
  topic: string;
  committeeId: string | null;
  payload: any;
  createdAt: Date;
  /** this attempt's number, from 1 */
  attempts: number;
}

/**
 * A consumer of the outbox: the webhook today, e-mail and SMS later. `deliver` throws to be
 * retried; it may be called more than once for one event (a crash after sending, before marking),
 * so it passes `event.id` on as an idempotency key.
 */
export interface OutboxChannel {
  name: string;
  topics: readonly string[];
  deliver(event: OutboxEvent, database: Database): Promise<void>;
}

/** Writes an effect in the caller's transaction: it exists exactly when the change it belongs to commits. */
export async function emit(tx: Executor, topic: string, committeeId: string | null, payload: unknown): Promise<void> {
  await tx.insert(outbox).values({ topic, committeeId, payload });
  pending.add(tx);
}

export interface DeliveryOptions {
  now?: Date;
  batch?: number;
  /** how long a claim keeps other processes off a row while this one delivers it */
  leaseSeconds?: number;
  /** attempts before a row is given up (failed_at), about two days with the backoff below */
  maxAttempts?: number;
}

/** Seconds before the next attempt after `attempts` failed ones: 30 s doubling, at most an hour. */
export const backoffSeconds = (attempts: number) => Math.min(30 * 2 ** Math.max(0, attempts - 1), 3600);

export interface DeliveryResult {
  claimed: number;
  delivered: number;
  retried: number;
  failed: number;
}

/**
 * Claims due rows (`for update skip locked`, then a lease: two processes never hold the same row)
 * and hands each to every channel of its topic that does not have it yet. Runs in any process;
 * whatever a crash interrupts comes due again when the lease runs out.
 */
export async function deliverDue(database: Database, channels: readonly OutboxChannel[], o: DeliveryOptions = {}): Promise<DeliveryResult> {
  const now = o.now ?? new Date();
  const lease = o.leaseSeconds ?? 60;
  const maxAttempts = o.maxAttempts ?? 14;
  const claimed = rowsOf<{ id: string | number; topic: string; committee_id: string | null; payload: unknown; created_at: string | Date; attempts: number; done_channels: string[] | string }>(
    await database.db.execute(sql`
      update ${outbox} set next_attempt_at = ${new Date(now.getTime() + lease * 1000).toISOString()}::timestamptz, attempts = attempts + 1
      where id in (
        select id from ${outbox}
        where delivered_at is null and failed_at is null and next_attempt_at <= ${now.toISOString()}::timestamptz
        order by id limit ${o.batch ?? 20} for update skip locked)
      returning id, topic, committee_id, payload, created_at, attempts, done_channels`),
  );
  const result: DeliveryResult = { claimed: claimed.length, delivered: 0, retried: 0, failed: 0 };
  await Promise.all(
    claimed.map(async (row) => {
      const event: OutboxEvent = {
        id: Number(row.id),
        topic: row.topic,
        committeeId: row.committee_id,
        payload: typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload,
        createdAt: new Date(row.created_at),
        attempts: row.attempts,
      };
      const done = new Set(parseArray(row.done_channels));
      const errors: string[] = [];
      for (const channel of channels) {
        if (!channel.topics.includes(event.topic) || done.has(channel.name)) continue;
        try {
          await channel.deliver(event, database);
          done.add(channel.name);
        } catch (err) {
          errors.push(`${channel.name}: ${err instanceof Error ? err.message : String(err)}`.slice(0, 500));
        }
      }
      const at = new Date();
      if (errors.length === 0) {
        await database.db.execute(sql`update ${outbox} set delivered_at = ${at.toISOString()}::timestamptz, done_channels = array(select jsonb_array_elements_text(${JSON.stringify([...done])}::jsonb)), last_error = null where id = ${event.id}`);
        result.delivered++;
      } else if (event.attempts >= maxAttempts) {
        await database.db.execute(sql`update ${outbox} set failed_at = ${at.toISOString()}::timestamptz, done_channels = array(select jsonb_array_elements_text(${JSON.stringify([...done])}::jsonb)), last_error = ${errors.join('; ')} where id = ${event.id}`);
        result.failed++;
      } else {
        const next = new Date(now.getTime() + backoffSeconds(event.attempts) * 1000);
        await database.db.execute(
          sql`update ${outbox} set next_attempt_at = ${next.toISOString()}::timestamptz, done_channels = array(select jsonb_array_elements_text(${JSON.stringify([...done])}::jsonb)), last_error = ${errors.join('; ')} where id = ${event.id}`,
        );
        result.retried++;
      }
    }),
  );
  return result;
}

/** node-postgres parses text[]; PGlite through drizzle may answer the literal '{a,b}'. */
const parseArray = (v: string[] | string | null): string[] => (Array.isArray(v) ? v : v ? v.replace(/^\{|\}$/g, '').split(',').filter(Boolean) : []);

/** Rows still to deliver, and rows given up: what the metrics show as the outbox's depth. */
export async function outboxDepth(database: Database): Promise<{ pending: number; failed: number }> {
  const [r] = await database.query<{ pending: string; failed: string }>(
    `select count(*) filter (where delivered_at is null and failed_at is null) as pending, count(*) filter (where failed_at is not null) as failed from outbox`,
  );
  return { pending: Number(r.pending), failed: Number(r.failed) };
}

/** Delivered rows are kept a while for the operator, then removed by the daily job. */
export async function purgeDelivered(database: Database, keepDays: number, now = new Date()): Promise<number> {
  const rows = rowsOf(await database.db.execute(sql`delete from ${outbox} where delivered_at < ${new Date(now.getTime() - keepDays * 86400_000).toISOString()}::timestamptz returning id`));
  return rows.length;
}

// transactions that emitted: inTransaction wakes the workers after their commit
const pending = new WeakSet<object>();
const wakers = new Set<() => void>();

/** After a commit: if the transaction emitted, the workers of this process look at once instead of at their next poll. */
export function wakeIfEmitted(tx: object) {
  if (pending.has(tx)) for (const wake of wakers) wake();
}

export interface OutboxWorker {
  /** delivers now (tests; after a commit) */
  run(): Promise<DeliveryResult>;
  /** stops polling and waits for a delivery in progress to be recorded */
  stop(): Promise<void>;
}

/**
 * Polls the outbox every `pollMs` (and right after a local commit that emitted). Any number of
 * processes may run one: claims keep them apart. Runs even with no channel configured, marking
 * rows delivered, so the outbox never grows without bound.
 */
export function startOutboxWorker(database: Database, channels: readonly OutboxChannel[], o: { pollMs?: number; onResult?: (r: DeliveryResult) => void; onError?: (err: unknown) => void } = {}): OutboxWorker {
  let running: Promise<DeliveryResult> | null = null;
  let again = false;
  const run = (): Promise<DeliveryResult> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let total: DeliveryResult = { claimed: 0, delivered: 0, retried: 0, failed: 0 };
      do {
        again = false;
        const r = await deliverDue(database, channels);
        total = { claimed: total.claimed + r.claimed, delivered: total.delivered + r.delivered, retried: total.retried + r.retried, failed: total.failed + r.failed };
        if (r.claimed >= 20) again = true; // a full batch: there may be more
      } while (again);
      o.onResult?.(total);
      return total;
    })().finally(() => (running = null));
    return running;
  };
  const tick = () => void run().catch((err) => o.onError?.(err));
  const timer = setInterval(tick, o.pollMs ?? 5000);
  timer.unref();
  wakers.add(tick);
  tick();
  return {
    run,
    async stop() {
      clearInterval(timer);
      wakers.delete(tick);
      await running?.catch(() => undefined);
    },
  };
}
