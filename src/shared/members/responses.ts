import { z } from 'zod';
import type { Wire } from '../http/responses.js';

/** What the server answers about members; the presenter is typed against these schemas. */

/** 委员, with the names of the catalog entries it refers to (the server resolves them). */
export const member = z.object({
  id: z.string(),
  termId: z.string(),
  code: z.string(),
  name: z.string(),
  /** one of genders */
  gender: z.string(),
  ethnicity: z.string(),
  /** shown only to whoever may read contact details, else null */
  birthDate: z.string().nullable(),
  partyId: z.string().nullable(),
  partyName: z.string().nullable(),
  sectorId: z.string().nullable(),
  sectorName: z.string().nullable(),
  specialCommitteeIds: z.array(z.string()),
  specialCommitteeNames: z.array(z.string()),
  /** a key of positionLabels */
  position: z.string(),
  positionLabel: z.string(),
  studioId: z.string().nullable(),
  studioName: z.string().nullable(),
  streetGroupId: z.string().nullable(),
  streetGroupName: z.string().nullable(),
  workplace: z.string().nullable(),
  jobTitle: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  /** a key of memberStatuses */
  status: z.string(),
  version: z.number(),
  actions: z.array(z.string()),
});
export type Member = Wire<typeof member>;

export const memberList = z.object({ items: z.array(member), total: z.number(), actions: z.array(z.string()) });
export type MemberList = Wire<typeof memberList>;

/** A roster import: every row or none (a refused import answers 400 with the problems by row). */
export const importResult = z.object({ imported: z.number(), created: z.number(), updated: z.number() });
export type ImportResult = Wire<typeof importResult>;
