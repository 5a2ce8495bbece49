import { date, index, pgTable, text, uuid, uniqueIndex } from 'drizzle-orm/pg-core';
import { recordColumns } from '../../db/columns.js';

/**
 * 政协委员 — a member of the committee for a term. Positions: chair 主席, viceChair 副主席,
 * secretaryGeneral 秘书长, standingMember 常委, member 委员.
 */
export const members = pgTable(
  'members',
  {
    ...recordColumns(),
    termId: uuid('term_id').notNull(),
    /** 委员编号, unique in the committee */
    code: text('code').notNull(),
    name: text('name').notNull(),
    gender: text('gender').notNull(),
    ethnicity: text('ethnicity').notNull().default('汉族'),
    birthDate: date('birth_date', { mode: 'string' }),
    /** 政治面貌 / 党派: a party or group of the catalog, or null for 无党派 */
    partyId: uuid('party_id'),
    sectorId: uuid('sector_id'),
    specialCommitteeIds: uuid('special_committee_ids').array().notNull().default([]),
    position: text('position').notNull().default('member'),
    studioId: uuid('studio_id'),
    streetGroupId: uuid('street_group_id'),
    workplace: text('workplace'),
    jobTitle: text('job_title'),
    phone: text('phone'),
    email: text('email'),
    /** active | resigned */
    status: text('status').notNull().default('active'),
  },
  (t) => [uniqueIndex('members_committee_code_uq').on(t.committeeId, t.code), index('members_committee_name_idx').on(t.committeeId, t.name)],
);

export type Member = typeof members.$inferSelect;
