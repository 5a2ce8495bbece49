import { date, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { recordColumns } from '../../db/columns.js';
import type { Indicator, PhasePlan } from '../../../shared/evaluation/inputs.js';

/**
 * 民主评议活动: one year's evaluation of departments. The chairs' meeting proposes the departments
 * and the party committee approves (both decisions kept with their date); the indicators are the
 * committee's setting when the campaign was created, editable until the questionnaire opens.
 */
export const evaluationCampaigns = pgTable(
  'evaluation_campaigns',
  {
    ...recordColumns(),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    status: text('status').notNull().default('draft'),
    unitIds: uuid('unit_ids').array().notNull().default([]),
    invitedMemberIds: uuid('invited_member_ids').array().notNull().default([]),
    indicators: jsonb('indicators').$type<Indicator[]>().notNull(),
    phases: jsonb('phases').$type<PhasePlan>().notNull(),
    proposedOn: date('proposed_on', { mode: 'string' }),
    proposalNote: text('proposal_note'),
    approvedOn: date('approved_on', { mode: 'string' }),
    approvalNote: text('approval_note'),
    publishedOn: date('published_on', { mode: 'string' }),
    createdByName: text('created_by_name').notNull(),
  },
  (t) => [index('evaluation_campaigns_year_idx').on(t.committeeId, t.year)],
);

/**
 * Who has answered on which department — never what they answered. The unique index is what makes
 * a second ballot impossible, even for two requests at once.
 */
export const evaluationParticipation = pgTable(
  'evaluation_participation',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull(),
    campaignId: uuid('campaign_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    memberId: uuid('member_id').notNull(),
    respondedOn: date('responded_on', { mode: 'string' }).notNull(),
  },
  (t) => [uniqueIndex('evaluation_participation_uq').on(t.campaignId, t.unitId, t.memberId), index('evaluation_participation_member_idx').on(t.memberId)],
);

/**
 * The ballots, as counts only: per campaign, department, indicator and choice. A ballot adds one
 * to a count and is gone, so no one — staff, admins, auditors or the database — can read what one
 * person answered.
 */
export const evaluationTallies = pgTable(
  'evaluation_tallies',
  {
    committeeId: uuid('committee_id').notNull(),
    campaignId: uuid('campaign_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    indicatorKey: text('indicator_key').notNull(),
    choice: text('choice').notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.unitId, t.indicatorKey, t.choice] })],
);

/**
 * 整改事项: a finding for one department, sent to it through the handling primitive (type
 * `evaluationFinding`) with a deadline; the unit replies, the office rechecks (回头看).
 */
export const evaluationFindings = pgTable(
  'evaluation_findings',
  {
    ...recordColumns(),
    campaignId: uuid('campaign_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    year: integer('year').notNull(),
    text: text('text').notNull(),
    status: text('status').notNull().default('handling'),
    handlingRound: integer('handling_round').notNull().default(1),
    recheckNote: text('recheck_note'),
    recheckedOn: date('rechecked_on', { mode: 'string' }),
    createdByName: text('created_by_name').notNull(),
  },
  (t) => [index('evaluation_findings_campaign_idx').on(t.campaignId), index('evaluation_findings_unit_idx').on(t.unitId)],
);
