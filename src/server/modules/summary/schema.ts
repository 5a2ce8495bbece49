import { index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { recordColumns } from '../../db/columns.js';
import type { SummarySection } from '../../../shared/summary/report.js';

/**
 * 年度工作报告的版本: what the general office saved of a year's report — the figures as counted
 * that day (so a version reads the same later, whatever the records become) and its own words
 * around them (an opening and a paragraph per section), numbered 1, 2, 3… per year.
 */
export const summaryVersions = pgTable(
  'summary_versions',
  {
    ...recordColumns(),
    year: integer('year').notNull(),
    number: integer('number').notNull(),
    intro: text('intro').notNull().default(''),
    /** section key → the office's paragraph under the section's figures */
    narratives: jsonb('narratives').$type<Record<string, string>>().notNull().default({}),
    sections: jsonb('sections').$type<SummarySection[]>().notNull(),
    createdByName: text('created_by_name').notNull(),
  },
  (t) => [uniqueIndex('summary_versions_number_uq').on(t.committeeId, t.year, t.number), index('summary_versions_year_idx').on(t.committeeId, t.year)],
);
export type SummaryVersion = typeof summaryVersions.$inferSelect;
