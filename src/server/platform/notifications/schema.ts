import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { recordColumns } from '../../db/columns.js';

/** In-app notifications (站内消息): written after commit by side effects, read in the bell menu. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull(),
    userId: uuid('user_id').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    link: text('link'),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.createdAt)],
);

/**
 * How a person wants notices to reach them outside the app (消息接收设置): e-mail and/or SMS (the
 * gateway), each notice at once or gathered in one daily digest, and quiet hours in which nothing
 * is sent (China time, may span midnight). One row per account; without a row only the app shows them.
 */
export const notificationPrefs = pgTable(
  'notification_prefs',
  {
    ...recordColumns(),
    userId: uuid('user_id').notNull(),
    email: text('email'),
    emailOn: boolean('email_on').notNull().default(false),
    smsOn: boolean('sms_on').notNull().default(false),
    /** instant | daily */
    digest: text('digest').notNull().default('instant'),
    /** 'HH:MM', China time: when the daily digest goes out */
    digestAt: text('digest_at').notNull().default('18:00'),
    quietFrom: text('quiet_from'),
    quietTo: text('quiet_to'),
  },
  (t) => [uniqueIndex('notification_prefs_user_uq').on(t.userId)],
);

/**
 * One notice to one person through one outside channel (email | sms), fanned out from the outbox
 * with the time it may go (now, after the quiet hours, or the digest's hour). The sender claims due
 * rows like the outbox does, so two servers never send one twice; `sentAt` records the delivery.
 */
export const notificationDeliveries = pgTable(
  'notification_deliveries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    committeeId: uuid('committee_id').notNull(),
    /** the outbox row it came from: a retried fan-out adds nothing twice */
    eventId: bigint('event_id', { mode: 'number' }).notNull(),
    userId: uuid('user_id').notNull(),
    channel: text('channel').notNull(),
    /** the e-mail address or phone number it goes to, as the person's settings said when it was queued */
    address: text('address').notNull(),
    digest: boolean('digest').notNull().default(false),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    link: text('link'),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    failedAt: timestamp('failed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('notification_deliveries_event_uq').on(t.eventId, t.userId, t.channel),
    index('notification_deliveries_due_idx').on(t.dueAt).where(sql`sent_at is null and failed_at is null`),
    index('notification_deliveries_user_idx').on(t.userId, t.createdAt),
  ],
);
