import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { recordColumns } from '../../db/columns.js';

/**
 * 新闻动态 and 通知公告 the office publishes on the committee's portal. The body is plain text in
 * paragraphs (no markup is stored); files hang on a post through the attachments primitive
 * (`subject_type` 'newsPost'). Nothing is public until `status` is 'published'.
 */
export const newsPosts = pgTable(
  'news_posts',
  {
    ...recordColumns(),
    /** news | notice */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    body: text('body').notNull(),
    /** draft | published | withdrawn */
    status: text('status').notNull().default('draft'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedByName: text('published_by_name'),
    createdByUserId: uuid('created_by_user_id').notNull(),
  },
  (t) => [index('news_posts_committee_status_idx').on(t.committeeId, t.status, t.publishedAt)],
);
