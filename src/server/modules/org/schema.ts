import { boolean, date, integer, pgTable, text, uuid, uniqueIndex } from 'drizzle-orm/pg-core';
import { recordColumns } from '../../db/columns.js';

/** 届 — a committee's five-year term, e.g. 第十六届. Exactly one is current. */
export const terms = pgTable(
  'terms',
  {
    ...recordColumns(),
    number: integer('number').notNull(),
    name: text('name').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    current: boolean('current').notNull().default(false),
  },
  (t) => [uniqueIndex('terms_committee_number_uq').on(t.committeeId, t.number)],
);

/** 次会议 — the yearly plenary session of a term, e.g. 十六届五次会议. Proposal numbers restart per session. */
export const plenarySessions = pgTable(
  'plenary_sessions',
  {
    ...recordColumns(),
    termId: uuid('term_id').notNull(),
    number: integer('number').notNull(),
    name: text('name').notNull(),
    year: integer('year').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    /** 大会提案 window: proposals submitted between these dates count as session proposals */
    proposalOpensOn: date('proposal_opens_on', { mode: 'string' }),
    proposalClosesOn: date('proposal_closes_on', { mode: 'string' }),
  },
  (t) => [uniqueIndex('sessions_term_number_uq').on(t.termId, t.number)],
);

/**
 * The organisation catalogs share one shape: a named entry of the committee, ordered, with a kind
 * and a note. 界别 sectors, 专委会 special committees, 党派团体 parties and groups, 街道联络组 street
 * groups, 委员工作室 studios and 承办单位 units.
 */
const catalog = (name: string) =>
  pgTable(
    name,
    {
      ...recordColumns(),
      name: text('name').notNull(),
      /** sector: —; party: party|group; studio: regional|sector|party; unit: party|government|people|street|other */
      kind: text('kind'),
      sortOrder: integer('sort_order').notNull().default(0),
      note: text('note'),
      contactName: text('contact_name'),
      contactPhone: text('contact_phone'),
      active: boolean('active').notNull().default(true),
    },
    (t) => [uniqueIndex(`${name}_committee_name_uq`).on(t.committeeId, t.name)],
  );

export const sectors = catalog('sectors');
export const specialCommittees = catalog('special_committees');
export const parties = catalog('parties');
export const streetGroups = catalog('street_groups');
export const studios = catalog('studios');
export const units = catalog('units');
