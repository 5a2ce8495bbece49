import { z } from 'zod';
import { historyEntry, instant, type Wire } from '../http/responses.js';

/** What the server answers about 协商议政; the presenter is typed against these schemas. */

export const topicRow = z.object({
  id: z.string(),
  version: z.number(),
  year: z.number(),
  source: z.string(),
  sourceLabel: z.string(),
  title: z.string(),
  reason: z.string(),
  proposerName: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  feedback: z.string().nullable(),
  /** 群众出题: only the office sees how to reach the person */
  contact: z.string().nullable(),
  createdAt: instant,
  mine: z.boolean(),
  actions: z.array(z.string()),
});
export type TopicRow = Wire<typeof topicRow>;

const similar = z.object({ id: z.string(), kind: z.string(), title: z.string(), year: z.number(), score: z.number(), detail: z.string() });
export const similarAnswer = z.object({
  topics: z.array(similar),
  proposals: z.array(z.object({ id: z.string(), number: z.string().nullable(), title: z.string(), year: z.number(), score: z.number(), detail: z.string() })),
});
export type SimilarAnswer = Wire<typeof similarAnswer>;

export const topicDetail = topicRow.extend({ similar: similarAnswer, history: z.array(historyEntry), consultationId: z.string().nullable() });
export type TopicDetail = Wire<typeof topicDetail>;

export const planItem = z.object({
  /** the consultation's id; null for one the viewer may not open (a department not taking part) */
  id: z.string().nullable(),
  version: z.number(),
  position: z.number(),
  title: z.string(),
  form: z.string(),
  formLabel: z.string(),
  leadSpecialCommitteeId: z.string().nullable(),
  leadName: z.string(),
  unitIds: z.array(z.string()),
  unitNames: z.array(z.string()),
  month: z.number(),
  researchFirst: z.boolean(),
  description: z.string().nullable(),
  topicId: z.string().nullable(),
  topicSourceLabel: z.string().nullable(),
  status: z.string(),
  statusLabel: z.string(),
});
export type PlanItem = Wire<typeof planItem>;

export const planReview = z.object({ revision: z.number(), step: z.string(), stepLabel: z.string(), decision: z.string(), decisionLabel: z.string(), byName: z.string(), note: z.string().nullable(), decidedOn: z.string() });

export const planSummary = z.object({
  id: z.string(),
  version: z.number(),
  year: z.number(),
  title: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  revision: z.number(),
  approvedOn: z.string().nullable(),
  itemCount: z.number(),
  actions: z.array(z.string()),
});
export type PlanSummary = Wire<typeof planSummary>;

export const planDetail = planSummary.extend({
  items: z.array(planItem),
  /** the four steps for the progress bar, with the current one */
  steps: z.array(z.object({ key: z.string(), label: z.string() })),
  reviews: z.array(planReview),
  history: z.array(historyEntry),
});
export type PlanDetail = Wire<typeof planDetail>;

/** 年度协商计划 as the public reads it: the topics as printed, each with how far it has come — no ids. */
export const portalPlan = z.object({
  /** the years with an approved plan, newest first */
  years: z.array(z.number()),
  plan: z
    .object({
      year: z.number(),
      title: z.string(),
      revision: z.number(),
      approvedOn: z.string().nullable(),
      items: z.array(z.object({ title: z.string(), formLabel: z.string(), month: z.number(), leadName: z.string(), unitNames: z.array(z.string()), researchFirst: z.boolean(), statusLabel: z.string() })),
    })
    .nullable(),
});
export type PortalPlan = Wire<typeof portalPlan>;
