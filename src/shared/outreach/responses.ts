import { z } from 'zod';
import { instant, type Wire } from '../http/responses.js';

/** What the outreach API answers; the presenters are typed against these schemas. */

/** What every member-owned record carries. */
export const ownedBase = z.object({
  id: z.string(),
  version: z.number(),
  memberId: z.string(),
  memberName: z.string(),
  /** a key of ownedStatuses[kind] */
  status: z.string(),
  statusLabel: z.string(),
  voidReason: z.string().nullable(),
  voidedByName: z.string().nullable(),
  createdAt: instant,
  actions: z.array(z.string()),
});

export const partner = ownedBase.extend({ name: z.string(), sector: z.string(), phone: z.string().nullable(), note: z.string().nullable() });
export type Partner = Wire<typeof partner>;

export const contactPerson = z.object({ name: z.string(), sector: z.string(), partnerId: z.string().nullable().optional() });
export type ContactPerson = Wire<typeof contactPerson>;

export const contact = ownedBase.extend({
  day: z.string(),
  /** a key of contactWays */
  way: z.string(),
  wayLabel: z.string(),
  people: z.array(contactPerson),
  raised: z.string(),
  followUp: z.string().nullable(),
});
export type Contact = Wire<typeof contact>;

export const deed = ownedBase.extend({
  title: z.string(),
  problem: z.string(),
  action: z.string(),
  beneficiaries: z.string(),
  day: z.string(),
  completedOn: z.string().nullable(),
  result: z.string().nullable(),
});
export type Deed = Wire<typeof deed>;

export const service = ownedBase.extend({ title: z.string(), day: z.string(), hours: z.number(), place: z.string().nullable(), note: z.string().nullable() });
export type Service = Wire<typeof service>;

export type AnyRecord = Partner | Contact | Deed | Service;

/** What the user may record, for the buttons and the member field. */
export const outreachOptions = z.object({
  /** contactWays as options, and each kind's states (the same as the shared label tables, for API clients) */
  ways: z.array(z.object({ value: z.string(), label: z.string() })),
  statuses: z.record(z.string(), z.record(z.string(), z.string())),
  canRecord: z.boolean(),
  /** staff record on behalf of a member */
  recordsForOthers: z.boolean(),
  readsAll: z.boolean(),
});
export type OutreachOptions = Wire<typeof outreachOptions>;

/** Per member: what counted in the year. */
export const summaryRow = z.object({
  memberId: z.string(),
  name: z.string(),
  code: z.string(),
  partners: z.number(),
  contacts: z.number(),
  deeds: z.number(),
  services: z.number(),
  /** 参加基层协商议事会 (the consultation module's councils), counted from the ledger */
  councils: z.number(),
});
export type SummaryRow = Wire<typeof summaryRow>;
export const outreachSummaryAnswer = z.object({ year: z.number(), items: z.array(summaryRow) });
export type OutreachSummary = Wire<typeof outreachSummaryAnswer>;

/** Each kind's record schema, by the kind's key. */
export const ownedSchemas = { partners: partner, contacts: contact, deeds: deed, services: service } as const;

/** Each kind's record and list as the routes answer them, by the kind's key (named apart from other modules' shapes). */
export const ownedAnswers = {
  partners: { one: { outreachPartner: partner }, list: { outreachPartnerList: z.object({ items: z.array(partner) }) } },
  contacts: { one: { outreachContact: contact }, list: { outreachContactList: z.object({ items: z.array(contact) }) } },
  deeds: { one: { outreachDeed: deed }, list: { outreachDeedList: z.object({ items: z.array(deed) }) } },
  services: { one: { outreachService: service }, list: { outreachServiceList: z.object({ items: z.array(service) }) } },
} as const;
