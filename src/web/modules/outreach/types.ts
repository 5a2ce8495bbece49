/** What the outreach API sends (src/server/modules/outreach/presenter.ts). */

export type OwnedKind = 'partners' | 'contacts' | 'deeds' | 'services';

interface Owned {
  id: string;
  version: number;
  memberId: string;
  memberName: string;
  status: string;
  statusLabel: string;
  voidReason: string | null;
  voidedByName: string | null;
  createdAt: string;
  actions: string[];
}

export interface Partner extends Owned {
  name: string;
  sector: string;
  phone: string | null;
  note: string | null;
}

export interface ContactPerson {
  name: string;
  sector: string;
  partnerId: string | null;
}

export interface Contact extends Owned {
  day: string;
  way: string;
  wayLabel: string;
  people: ContactPerson[];
  raised: string;
  followUp: string | null;
}

export interface Deed extends Owned {
  title: string;
  problem: string;
  action: string;
  beneficiaries: string;
  day: string;
  completedOn: string | null;
  result: string | null;
}

export interface Service extends Owned {
  title: string;
  day: string;
  hours: number;
  place: string | null;
  note: string | null;
}

export interface Council {
  id: string;
  version: number;
  topic: string;
  day: string;
  place: string;
  memberIds: string[];
  members: { id: string; name: string }[];
  summary: string | null;
  status: string;
  statusLabel: string;
  voidReason: string | null;
  actions: string[];
}

export type AnyRecord = Partner | Contact | Deed | Service;

export interface OutreachOptions {
  ways: { value: string; label: string }[];
  statuses: Record<OwnedKind | 'councils', Record<string, string>>;
  canRecord: boolean;
  recordsForOthers: boolean;
  canRecordCouncil: boolean;
  readsAll: boolean;
}

export interface SummaryRow {
  memberId: string;
  name: string;
  code: string;
  partners: number;
  contacts: number;
  deeds: number;
  services: number;
  councils: number;
}

export const statusColors: Record<string, string> = { active: 'green', inProgress: 'blue', done: 'green', ended: 'default', voided: 'red' };
export const kindLabels: Record<OwnedKind | 'councils', string> = { contacts: '民情日记', partners: '结对联系对象', deeds: '办实事', services: '公益活动', councils: '民生议事会' };
