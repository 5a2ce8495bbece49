import { z } from 'zod';
import { instant, itemsOf, listOf, type Wire } from '../http/responses.js';

/** What the server answers about 基层协商; the council presenter is typed against these schemas. */

export const councilParticipant = z.object({
  id: z.string(),
  party: z.string(),
  partyLabel: z.string(),
  name: z.string(),
  unit: z.string().nullable(),
  memberId: z.string().nullable(),
  /** only to the office that keeps the council */
  phone: z.string().nullable(),
});

export const councilItem = z.object({
  id: z.string(),
  title: z.string(),
  responsible: z.string(),
  dueOn: z.string().nullable(),
  status: z.string(),
  statusLabel: z.string(),
  progress: z.string().nullable(),
  doneOn: z.string().nullable(),
});

export const councilRow = z.object({
  id: z.string(),
  version: z.number(),
  year: z.number(),
  topic: z.string(),
  organizer: z.string().nullable(),
  place: z.string().nullable(),
  day: z.string().nullable(),
  status: z.string(),
  statusLabel: z.string(),
  /** 0–6: how many of the six steps are reached (done = 6) */
  step: z.number(),
  participantCount: z.number(),
  itemCount: z.number(),
  itemsDone: z.number(),
  actions: z.array(z.string()),
  /** steps this person could take but for what is missing, with what is missing */
  blocked: z.record(z.string(), z.string()),
});
export type CouncilRow = Wire<typeof councilRow>;

export const councilDetail = councilRow.extend({
  opinions: z.string().nullable(),
  research: z.string().nullable(),
  minutes: z.string().nullable(),
  result: z.string().nullable(),
  publishedOn: z.string().nullable(),
  voidReason: z.string().nullable(),
  participants: z.array(councilParticipant),
  items: z.array(councilItem),
  updatedAt: instant,
});
export type CouncilDetail = Wire<typeof councilDetail>;

/** The portal: published councils with their result and items — parties counted, no person's name or phone. */
export const portalCouncil = z.object({
  id: z.string(),
  topic: z.string(),
  organizer: z.string().nullable(),
  place: z.string().nullable(),
  day: z.string().nullable(),
  statusLabel: z.string(),
  result: z.string().nullable(),
  publishedOn: z.string().nullable(),
  parties: z.array(z.object({ party: z.string(), label: z.string(), count: z.number() })),
  items: z.array(councilItem.omit({ id: true })),
});
export type PortalCouncil = Wire<typeof portalCouncil>;

/** 基层协商议事会列表 (the rows and 'create'), and the councils published on the portal. */
export const councilList = listOf(councilRow);
export const portalCouncils = itemsOf(portalCouncil);
