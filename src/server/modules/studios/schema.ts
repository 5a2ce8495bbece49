import { date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { recordColumns } from '../../db/columns.js';

/**
 * 委员工作室 public profile: where it is, when it opens and what it does. One row per studio of the
 * org catalog (`studios`), written the first time staff fill it in; the studio row's `version` is the
 * profile's too, so the catalog entry and its profile are edited under one lock.
 */
export const studioProfiles = pgTable('studio_profiles', {
  studioId: uuid('studio_id').primaryKey(),
  committeeId: uuid('committee_id').notNull(),
  place: text('place').notNull().default(''),
  openingHours: text('opening_hours').notNull().default(''),
  introduction: text('introduction').notNull().default(''),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * 线上咨询: a question the public asks a studio on its portal page. The asker's contact stays with
 * the staff; nothing of it is public until a studio member answered it and it was published.
 */
export const studioQuestions = pgTable(
  'studio_questions',
  {
    ...recordColumns(),
    studioId: uuid('studio_id').notNull(),
    /** optional: the asker may stay anonymous */
    askerName: text('asker_name'),
    askerContact: text('asker_contact').notNull(),
    body: text('body').notNull(),
    askedOn: date('asked_on', { mode: 'string' }).notNull(),
    /** asked | answered */
    status: text('status').notNull().default('asked'),
    answer: text('answer'),
    answeredByMemberId: uuid('answered_by_member_id'),
    answeredByName: text('answered_by_name'),
    answeredOn: date('answered_on', { mode: 'string' }),
    /** moderation: shown on the studio's page only once published */
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (t) => [index('studio_questions_studio_idx').on(t.studioId, t.status), index('studio_questions_committee_idx').on(t.committeeId, t.createdAt)],
);
