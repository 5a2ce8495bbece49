import { date, index, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { recordColumns } from '../../db/columns.js';

/**
 * 每日一学: a short piece staff push to the committee's members (a passage of a speech, a rule of the
 * CPPCC's work), for a day. Drafted, published (the members are told), withdrawn.
 */
export const learningItems = pgTable(
  'learning_items',
  {
    ...recordColumns(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** 出处 */
    source: text('source').notNull(),
    link: text('link'),
    /** the day it is for (学习日期) */
    forDate: date('for_date', { mode: 'string' }).notNull(),
    /** draft | published | withdrawn */
    status: text('status').notNull().default('draft'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdByUserId: uuid('created_by_user_id'),
  },
  (t) => [index('learning_items_committee_idx').on(t.committeeId, t.status, t.forDate)],
);

/** 已学: a member marked an item learned — once per member and item. */
export const learningMarks = pgTable(
  'learning_marks',
  {
    itemId: uuid('item_id').notNull(),
    memberId: uuid('member_id').notNull(),
    committeeId: uuid('committee_id').notNull(),
    learnedAt: timestamp('learned_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.memberId] }), index('learning_marks_member_idx').on(t.memberId)],
);

/** 书香政协: a reading group — a book, a period, the members staff chose. */
export const readingGroups = pgTable(
  'reading_groups',
  {
    ...recordColumns(),
    name: text('name').notNull(),
    bookTitle: text('book_title').notNull(),
    description: text('description'),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    /** open | closed */
    status: text('status').notNull().default('open'),
    createdByUserId: uuid('created_by_user_id'),
  },
  (t) => [index('reading_groups_committee_idx').on(t.committeeId, t.startsOn)],
);

/** The members of a reading group. */
export const readingGroupMembers = pgTable(
  'reading_group_members',
  {
    groupId: uuid('group_id').notNull(),
    memberId: uuid('member_id').notNull(),
    committeeId: uuid('committee_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.memberId] }), index('reading_group_members_member_idx').on(t.memberId)],
);

/** 打卡: one per member, group and day — what was read and the note (心得), which staff may feature (优秀). */
export const readingCheckins = pgTable(
  'reading_checkins',
  {
    ...recordColumns(),
    groupId: uuid('group_id').notNull(),
    memberId: uuid('member_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    reading: text('reading').notNull(),
    note: text('note'),
    featuredAt: timestamp('featured_at', { withTimezone: true }),
    featuredByUserId: uuid('featured_by_user_id'),
  },
  (t) => [unique('reading_checkins_once_a_day').on(t.groupId, t.memberId, t.day), index('reading_checkins_member_idx').on(t.memberId, t.day)],
);

export type LearningItemRow = typeof learningItems.$inferSelect;
export type ReadingGroupRow = typeof readingGroups.$inferSelect;
export type ReadingCheckinRow = typeof readingCheckins.$inferSelect;
