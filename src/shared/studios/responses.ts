import { z } from 'zod';
import { instant, type Wire } from '../http/responses.js';

/** What the server answers about studios. The public answers carry no phone, no asker, no person's id. */

const committee = z.object({ id: z.string(), name: z.string() });

/** A studio on the portal's list: what kind, where, how many members. */
export const portalStudioRow = z.object({ id: z.string(), name: z.string(), kindLabel: z.string(), place: z.string(), openingHours: z.string(), memberCount: z.number() });
export const portalStudioList = z.object({ committee, items: z.array(portalStudioRow) });
export type PortalStudioList = Wire<typeof portalStudioList>;

/** A published question: what was asked and the answer, with the answering member's name only. */
export const publicQuestion = z.object({ body: z.string(), answer: z.string(), answeredBy: z.string().nullable(), askedOn: z.string(), answeredOn: z.string().nullable() });

export const portalStudio = portalStudioRow.extend({
  committee,
  introduction: z.string(),
  members: z.array(z.object({ name: z.string(), sector: z.string().nullable() })),
  activities: z.array(z.object({ title: z.string(), date: z.string(), place: z.string() })),
  /** what it has done: requests routed to it and finished, questions answered and published */
  record: z.object({ requestsRouted: z.number(), requestsDone: z.number(), questionsAnswered: z.number() }),
  questions: z.array(publicQuestion),
});
export type PortalStudio = Wire<typeof portalStudio>;

/** A studio as staff keep its profile (and a member sees their own). */
export const studioRow = z.object({
  id: z.string(), version: z.number(), name: z.string(), kindLabel: z.string(), place: z.string(), openingHours: z.string(), introduction: z.string(),
  memberCount: z.number(), actions: z.array(z.string()),
});
export const studioList = z.object({ items: z.array(studioRow) });
export type StudioRow = Wire<typeof studioRow>;
export type StudioList = Wire<typeof studioList>;

/** A question as staff and the studio's members read it: the contact only for staff. */
export const questionRow = z.object({
  id: z.string(), version: z.number(), studioId: z.string(), studioName: z.string(),
  status: z.string(), statusLabel: z.string(), body: z.string(), askedOn: z.string(),
  asker: z.object({ name: z.string().nullable(), contact: z.string() }).nullable(),
  answer: z.string().nullable(), answeredBy: z.string().nullable(), answeredOn: z.string().nullable(),
  published: z.boolean(), publishedAt: instant.nullable(), actions: z.array(z.string()),
});
export const questionList = z.object({ items: z.array(questionRow), scopes: z.array(z.string()) });
export type QuestionRow = Wire<typeof questionRow>;
export type QuestionList = Wire<typeof questionList>;
