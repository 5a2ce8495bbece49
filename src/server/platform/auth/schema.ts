import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { recordColumns } from '../../db/columns.js';

/** A login account. Roles decide the menu and the policies; a member or unit account links to its record. */
export const users = pgTable('users', {
  ...recordColumns(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  /** admin | staff | member | unit | leader | secadmin | auditor */
  roles: text('roles').array().notNull(),
  /** for staff: the office they work in (proposal 提案委, info 信息科, members 委员科, general 办公室) */
  office: text('office'),
  memberId: uuid('member_id'),
  unitId: uuid('unit_id'),
  /** 集体提案经办: the parties, special committees or sectors (as printed) whose collective proposals this account enters */
  actsFor: text('acts_for').array().notNull().default(sql`'{}'::text[]`),
  phone: text('phone'),
  active: boolean('active').notNull().default(true),
  passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
  lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
});

/** Server-side sessions: the cookie holds a random token, the database only its hash. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id').notNull(),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/**
 * Failed guesses of a secret, counted per what is guessed and where the guesses come from: a login
 * name (`login:<name>`, known or not, so the answers never tell which names exist) from one client
 * address, or an account's current password on the password form (`password:<user id>`). Locking
 * the pair, not the account, means nobody can lock someone else out from their own address.
 */
export const loginThrottle = pgTable(
  'login_throttle',
  {
    subject: text('subject').notNull(),
    source: text('source').notNull(),
    failures: integer('failures').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.subject, t.source] })],
);
