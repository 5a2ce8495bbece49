import type { LedgerEntry } from '../../platform/ledger/ledger.js';
import type { Policy } from '../../platform/policy/policy.js';
import { contactInput, contactPatch, deedInput, deedPatch, partnerInput, partnerPatch, serviceInput, servicePatch } from '../../../shared/outreach/inputs.js';
import { contactWays, ownedStatuses } from '../../../shared/outreach/labels.js';
import { contactPolicy, deedPolicy, partnerPolicy, servicePolicy, type OwnedAction, type OwnedRecord } from './policy.js';
import { outreachContacts, outreachDeeds, outreachPartners, outreachServices } from './schema.js';

export type Partner = typeof outreachPartners.$inferSelect;
export type Contact = typeof outreachContacts.$inferSelect;
export type Deed = typeof outreachDeeds.$inferSelect;
export type Service = typeof outreachServices.$inferSelect;

/** Face-to-face ways (当面、走访): only these count as meeting a paired contact. */
export const faceToFace = new Set(['inPerson', 'visit']);

const entry = (r: { committeeId: string; memberId: string; id: string }, kind: string, day: string, sourceType: string, note?: string): LedgerEntry => ({
  committeeId: r.committeeId, memberId: r.memberId, kind, day, sourceType, sourceId: r.id, part: 'lead', note,
});

/**
 * The member-owned record kinds of the module, by the path segment that names them in the API
 * (`/api/outreach/<key>`): their table, policy, inputs, status names and what each earns in the
 * performance ledger (RULES: ≥3 paired contacts, ≥2 deeds a year; Jinan counts public service).
 */
export const ownedKinds = {
  partners: {
    table: outreachPartners, policy: partnerPolicy, input: partnerInput, patch: partnerPatch, sourceType: 'outreachPartner', label: '结对联系对象',
    statuses: ownedStatuses.partners as Record<string, string>, initialStatus: 'active', dayColumn: null,
    earns: (_r: Partner): LedgerEntry[] => [],
  },
  contacts: {
    table: outreachContacts, policy: contactPolicy, input: contactInput, patch: contactPatch, sourceType: 'outreachContact', label: '民情日记',
    statuses: ownedStatuses.contacts as Record<string, string>, initialStatus: 'active', dayColumn: outreachContacts.day,
    /** 结对联系界别群众: a face-to-face contact in which at least one paired contact was met; one entry per contact */
    earns: (r: Contact): LedgerEntry[] => {
      const paired = r.people.filter((p) => p.partnerId);
      if (r.status !== 'active' || !faceToFace.has(r.way) || paired.length === 0) return [];
      return [entry(r, 'outreach.contact', r.day, 'outreachContact', `${contactWays[r.way as keyof typeof contactWays]}联系：${paired.map((p) => p.name).join('、')}`)];
    },
  },
  deeds: {
    table: outreachDeeds, policy: deedPolicy, input: deedInput, patch: deedPatch, sourceType: 'outreachDeed', label: '办实事记录',
    statuses: ownedStatuses.deeds as Record<string, string>, initialStatus: 'inProgress', dayColumn: outreachDeeds.day,
    /** 为群众办实事: counts once closed, on the day it was closed */
    earns: (r: Deed): LedgerEntry[] => (r.status === 'done' && r.completedOn ? [entry(r, 'outreach.deed', r.completedOn, 'outreachDeed', r.title)] : []),
  },
  services: {
    table: outreachServices, policy: servicePolicy, input: serviceInput, patch: servicePatch, sourceType: 'outreachService', label: '公益活动记录',
    statuses: ownedStatuses.services as Record<string, string>, initialStatus: 'active', dayColumn: outreachServices.day,
    earns: (r: Service): LedgerEntry[] => (r.status === 'active' ? [entry(r, 'outreach.publicService', r.day, 'outreachService', `${r.title}（${r.hours}小时）`)] : []),
  },
} as const;

export type OwnedKey = keyof typeof ownedKinds;
export type OwnedRow = Partner | Contact | Deed | Service;
export const ownedKeys = Object.keys(ownedKinds) as OwnedKey[];
export const policyOf = (key: OwnedKey) => ownedKinds[key].policy as Policy<OwnedRecord & { id: string; version: number }, OwnedAction>;
export const earnsOf = (key: OwnedKey, row: OwnedRow): LedgerEntry[] => (ownedKinds[key].earns as (r: OwnedRow) => LedgerEntry[])(row);

