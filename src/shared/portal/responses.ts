import { z } from 'zod';
import { instant, type Wire } from '../http/responses.js';

/** What the public portal answers: only what was published, nothing internal. */

export const portalCommittee = z.object({ id: z.string(), name: z.string(), shortName: z.string(), level: z.string(), published: z.number() });
export type PortalCommittee = Wire<typeof portalCommittee>;
export const portalCommittees = z.object({ items: z.array(portalCommittee) });
export type PortalCommittees = Wire<typeof portalCommittees>;

export const portalListItem = z.object({
  id: z.string(),
  numberText: z.string().nullable(),
  title: z.string(),
  category: z.string(),
  year: z.number(),
  proposer: z.string(),
  units: z.array(z.string()),
  publishedAt: instant.nullable(),
});
export type PortalListItem = Wire<typeof portalListItem>;
export const portalList = z.object({ items: z.array(portalListItem), total: z.number(), categories: z.array(z.string()) });
export type PortalList = Wire<typeof portalList>;

export const portalProposal = z.object({
  id: z.string(),
  committee: z.object({ id: z.string(), name: z.string() }),
  numberText: z.string().nullable(),
  title: z.string(),
  category: z.string(),
  year: z.number(),
  publishedAt: instant.nullable(),
  proposer: z.string(),
  cosigners: z.array(z.string()),
  background: z.string(),
  analysis: z.string(),
  suggestions: z.string(),
  units: z.array(z.object({ name: z.string(), roleLabel: z.string() })),
  replies: z.array(z.object({ unit: z.string(), round: z.number(), answerClass: z.string(), body: z.string(), signedBy: z.string().nullable(), sentAt: instant.nullable() })),
});
export type PortalProposal = Wire<typeof portalProposal>;

/** One line of a portal home section: what was published, a few facts, and where to read it in full. */
export const portalEntry = z.object({ title: z.string(), meta: z.array(z.string()), href: z.string().nullable() });
export type PortalEntry = Wire<typeof portalEntry>;
/** A module's part of the portal home (公开提案, 协商计划, 民主评议结果, 民生诉求办理, 委员工作室…). */
export const portalSection = z.object({
  key: z.string(),
  title: z.string(),
  items: z.array(portalEntry),
  emptyText: z.string(),
  more: z.object({ href: z.string(), label: z.string() }).nullable(),
});
export type PortalSection = Wire<typeof portalSection>;
export const portalHome = z.object({ committee: z.object({ id: z.string(), name: z.string() }), sections: z.array(portalSection) });
export type PortalHome = Wire<typeof portalHome>;

/** A record the portal's search found: what it is, a line of its text, and the facts it can be narrowed by. */
export const portalSearchItem = z.object({
  kind: z.string(),
  id: z.string(),
  title: z.string(),
  excerpt: z.string(),
  /** the day it was published (YYYY-MM-DD) */
  date: z.string().nullable(),
  year: z.number().nullable(),
  category: z.string().nullable(),
  /** the units that answered it (proposals) */
  units: z.array(z.string()),
  /** the proposer's sector (界别), for a proposal of one member or of a sector */
  sector: z.string().nullable(),
  href: z.string(),
});
export type PortalSearchItem = Wire<typeof portalSearchItem>;
const facet = z.array(z.object({ value: z.string(), count: z.number() }));
export const portalSearchResult = z.object({
  items: z.array(portalSearchItem.extend({ kindLabel: z.string() })),
  total: z.number(),
  /** what the found records can be narrowed by, each value with how many of them have it */
  facets: z.object({ kinds: z.array(z.object({ value: z.string(), label: z.string(), count: z.number() })), years: facet, categories: facet, units: facet, sectors: facet }),
});
export type PortalSearchResult = Wire<typeof portalSearchResult>;
