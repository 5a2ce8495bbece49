import { date, index, jsonb, pgTable, real, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { recordColumns } from '../../db/columns.js';

/**
 * 联系群众 (contact with the public). Every record belongs to one member and is voided (作废), never deleted: `status` 'voided' with who, when and why.
 */
const voidColumns = () => ({
  voidedAt: timestamp('voided_at', { withTimezone: true }),
  voidedByName: text('voided_by_name'),
  voidReason: text('void_reason'),
  createdByUserId: uuid('created_by_user_id').notNull(),
});

/** 结对联系对象: the people of a member's sector the member pairs with (DOMAIN §7: at least 3). */
export const outreachPartners = pgTable(
  'outreach_partners',
  {
    ...recordColumns(),
    memberId: uuid('member_id').notNull(),
    name: text('name').notNull(),
    /** 界别/单位: the sector or affiliation of the person */
    sector: text('sector').notNull(),
    phone: text('phone'),
    note: text('note'),
    /** active 结对中 | ended 已解除 | voided 已作废 */
    status: text('status').notNull().default('active'),
    ...voidColumns(),
  },
  (t) => [index('outreach_partners_member_idx').on(t.committeeId, t.memberId)],
);

/** One person met in a contact; `partnerId` when the person is one of the member's paired contacts. */
export interface ContactPerson {
  name: string;
  sector: string;
  partnerId: string | null;
}

/** 民情日记: one contact with one or more people — when, how, what they raised, the follow-up. */
export const outreachContacts = pgTable(
  'outreach_contacts',
  {
    ...recordColumns(),
    memberId: uuid('member_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    /** inPerson 当面 | phone 电话 | visit 走访 | online 线上 */
    way: text('way').notNull(),
    people: jsonb('people').$type<ContactPerson[]>().notNull(),
    raised: text('raised').notNull(),
    followUp: text('follow_up'),
    /** active | voided */
    status: text('status').notNull().default('active'),
    ...voidColumns(),
  },
  (t) => [index('outreach_contacts_member_idx').on(t.committeeId, t.memberId, t.day)],
);

/** 办实事: a practical deed — the problem, what was done, for whom; counts once closed (办结). */
export const outreachDeeds = pgTable(
  'outreach_deeds',
  {
    ...recordColumns(),
    memberId: uuid('member_id').notNull(),
    title: text('title').notNull(),
    problem: text('problem').notNull(),
    action: text('action').notNull(),
    beneficiaries: text('beneficiaries').notNull(),
    /** when the member took it up */
    day: date('day', { mode: 'string' }).notNull(),
    /** inProgress 进行中 | done 已办结 | voided 已作废 */
    status: text('status').notNull().default('inProgress'),
    completedOn: date('completed_on', { mode: 'string' }),
    result: text('result'),
    ...voidColumns(),
  },
  (t) => [index('outreach_deeds_member_idx').on(t.committeeId, t.memberId, t.day)],
);

/** 公益活动: a public-service activity the member took part in, with the hours given. */
export const outreachServices = pgTable(
  'outreach_services',
  {
    ...recordColumns(),
    memberId: uuid('member_id').notNull(),
    title: text('title').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    hours: real('hours').notNull(),
    place: text('place'),
    note: text('note'),
    /** active | voided */
    status: text('status').notNull().default('active'),
    ...voidColumns(),
  },
  (t) => [index('outreach_services_member_idx').on(t.committeeId, t.memberId, t.day)],
);

