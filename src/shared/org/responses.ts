import { z } from 'zod';
import { listOf, type Wire } from '../http/responses.js';

/** What the server answers about the organisation. */

/** 届 (a five-year term of the committee). */
export const term = z.object({
  id: z.string(),
  number: z.number(),
  name: z.string(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  current: z.boolean(),
  version: z.number(),
  actions: z.array(z.string()),
});
export type Term = Wire<typeof term>;
export const termList = listOf(term);
export type TermList = Wire<typeof termList>;

/** 次会议 (a yearly plenary session of a term), with its proposal window. */
export const plenarySession = z.object({
  id: z.string(),
  termId: z.string(),
  number: z.number(),
  name: z.string(),
  year: z.number(),
  startDate: z.string(),
  endDate: z.string(),
  proposalOpensOn: z.string().nullable(),
  proposalClosesOn: z.string().nullable(),
  version: z.number(),
  actions: z.array(z.string()),
});
export type PlenarySession = Wire<typeof plenarySession>;
export const sessionList = listOf(plenarySession);
export type SessionList = Wire<typeof sessionList>;

/** One entry of a catalog (界别, 承办单位 …). */
export const catalogItem = z.object({
  id: z.string(),
  name: z.string(),
  /** a key of the catalog's kinds */
  kind: z.string().nullable(),
  sortOrder: z.number(),
  note: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  active: z.boolean(),
  version: z.number(),
  actions: z.array(z.string()),
});
export type CatalogItem = Wire<typeof catalogItem>;
/** A catalog's entries, with the allowed values of its 类别 column and their Chinese names (empty: a free one). */
export const catalogList = listOf(catalogItem).extend({ kinds: z.record(z.string(), z.string()) });
export type CatalogList = Wire<typeof catalogList>;
