import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
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
    /** the public may answer through the portal (调查走访 phase dates only) */
    publicOpen: boolean('public_open').notNull().default(false),
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
 * 特邀群众代表 / 服务对象代表: invited by the office to one campaign. Their name, organisation and
 * phone are personal data shown to the office only; their personal link carries a token of which
 * only the SHA-256 hash is kept (a revoked or re-issued link stops working at once).
 */
export const evaluationRepresentatives = pgTable(
  'evaluation_representatives',
  {
    ...recordColumns(),
    campaignId: uuid('campaign_id').notNull(),
    name: text('name').notNull(),
    organisation: text('organisation').notNull(),
    phone: text('phone'),
    tokenHash: text('token_hash').notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdByName: text('created_by_name').notNull(),
  },
  (t) => [index('evaluation_representatives_campaign_idx').on(t.campaignId), uniqueIndex('evaluation_representatives_token_uq').on(t.tokenHash)],
);

/**
 * Who has answered on which department — never what they answered: an invited member, an invited
 * representative, or (the public through the portal) a browser's cookie, kept as a hash. The unique
 * indexes are what make a second ballot impossible, even for two requests at once.
 */
export const evaluationParticipation = pgTable(
  'evaluation_participation',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    committeeId: uuid('committee_id').notNull(),
    campaignId: uuid('campaign_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    /** member | representative | public */
    respondentKind: text('respondent_kind').notNull().default('member'),
    memberId: uuid('member_id'),
    representativeId: uuid('representative_id'),
    /** the public: a hash of the browser's cookie, nothing to identify anyone by */
    deviceHash: text('device_hash'),
    respondedOn: date('responded_on', { mode: 'string' }).notNull(),
  },
  (t) => [
    uniqueIndex('evaluation_participation_uq').on(t.campaignId, t.unitId, t.memberId),
    uniqueIndex('evaluation_participation_rep_uq').on(t.campaignId, t.unitId, t.representativeId),
    uniqueIndex('evaluation_participation_device_uq').on(t.campaignId, t.unitId, t.deviceHash),
    index('evaluation_participation_member_idx').on(t.memberId),
  ],
);

/**
 * The ballots, as counts only: per campaign, department, kind of respondent, indicator and choice. A ballot adds one
 * to a count and is gone, so no one — staff, admins, auditors or the database — can read what one
 * person answered.
 */
export const evaluationTallies = pgTable(
  'evaluation_tallies',
  {
    committeeId: uuid('committee_id').notNull(),
    campaignId: uuid('campaign_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    /** member | representative | public: the results show each and their weighted combination */
    respondentKind: text('respondent_kind').notNull().default('member'),
    indicatorKey: text('indicator_key').notNull(),
    choice: text('choice').notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.unitId, t.respondentKind, t.indicatorKey, t.choice] })],
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
