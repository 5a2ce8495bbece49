import { sql } from 'drizzle-orm';
import { bigserial, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * The scheduled jobs (定时任务), one row each, shared by every process on the database: a process
 * runs a job only after claiming its row (`for update skip locked`, then a lease in locked_until),
 * so an hourly job runs once an hour however many servers are up.
 */
export const scheduledJobs = pgTable('scheduled_jobs', {
  name: text('name').primaryKey(),
  nextRunAt: timestamp('next_run_at', { withTimezone: true }).notNull(),
  /** who runs it now (host:pid) and until when the claim holds; a crashed runner's claim simply runs out */
  lockedBy: text('locked_by'),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  lastStartedAt: timestamp('last_started_at', { withTimezone: true }),
  lastFinishedAt: timestamp('last_finished_at', { withTimezone: true }),
  lastError: text('last_error'),
  runs: integer('runs').notNull().default(0),
  failures: integer('failures').notNull().default(0),
});

/**
 * The outbox (发件箱): effects that leave the process (webhook today; e-mail and SMS channels
 * later) written as rows in the writer's transaction, so a commit and its effects stand or fall
 * together, and delivered afterwards by whichever process claims the row — retried with backoff,
 * at least once, each channel carrying the row's id as its idempotency key.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    committeeId: uuid('committee_id'),
    /** what happened, e.g. 'notice' (an in-app notice was sent: channels forward it) */
    topic: text('topic').notNull(),
    payload: jsonb('payload').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** due for (another) delivery attempt from then on; a claim moves it on by the lease */
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    attempts: integer('attempts').notNull().default(0),
    /** the channels that have it already: a retry does not send twice through one that succeeded */
    doneChannels: text('done_channels').array().notNull().default(sql`'{}'::text[]`),
    lastError: text('last_error'),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    /** given up after the last attempt (kept for the operator; counted in the metrics) */
    failedAt: timestamp('failed_at', { withTimezone: true }),
  },
  (t) => [index('outbox_pending_idx').on(t.nextAttemptAt).where(sql`delivered_at is null and failed_at is null`)],
);
