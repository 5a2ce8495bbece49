import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { recordColumns } from '../../../db/columns.js';

/**
 * 提案参考选题: the year's list of topics the proposal office publishes to guide members (seed 001:
 * "拟定55个参考题目"; seed 004: "发布《提案参考选题》"). Numbered per year in the order written; members
 * and the public see a topic once it is published, and a proposal may cite the one it answers
 * (`proposals.topic_id`).
 */
export const proposalTopics = pgTable(
  'proposal_topics',
  {
    ...recordColumns(),
    year: integer('year').notNull(),
    /** 序号 within the year's list */
    serial: integer('serial').notNull(),
    title: text('title').notNull(),
    /** a short explanation: what the committee wants proposals on this topic to look into */
    explanation: text('explanation').notNull().default(''),
    /** one of the year's proposal categories */
    category: text('category').notNull(),
    /** the unit (承办单位) the topic mainly concerns, when there is one */
    unitId: uuid('unit_id'),
    /** draft | published | withdrawn */
    status: text('status').notNull().default('draft'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('proposal_topics_serial_uq').on(t.committeeId, t.year, t.serial), index('proposal_topics_committee_year_idx').on(t.committeeId, t.year, t.status)],
);
