import { z } from 'zod';
import { assignment, reply } from '../handling/responses.js';
import { historyEntry, instant, listOf, type Wire } from '../http/responses.js';

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

export const topicList = listOf(topicRow);
export const planList = listOf(planSummary);

/** The form's choices: the sources this person may enter, forms, special committees, departments, the year, reply classes. */
export const consultationOptions = z.object({
  sources: z.array(z.object({ key: z.string(), label: z.string() })),
  forms: z.array(z.object({ key: z.string(), label: z.string() })),
  specialCommittees: z.array(z.object({ id: z.string(), name: z.string() })),
  units: z.array(z.object({ id: z.string(), name: z.string() })),
  year: z.number(),
  answerClasses: z.array(z.object({ code: z.string(), label: z.string() })),
});

const keyRef = z.object({ id: z.string(), proposalId: z.string(), title: z.string(), numberText: z.string().nullable(), statusLabel: z.string(), link: z.string() });
const qualityCounts = z.object({ good: z.number(), fair: z.number(), poor: z.number() });
export const consultationQuality = z.object({
  questions: z.array(z.string()),
  answerLabels: z.record(z.string(), z.string()),
  canRate: z.boolean(),
  mine: z.object({ answers: z.array(z.object({ question: z.string(), answerLabel: z.string() })), comment: z.string(), ratedOn: z.string() }).nullable(),
  /** the office and leaders only: how many answered, each question's answers counted, the comments */
  responses: z.number().nullable(),
  results: z.array(qualityCounts.extend({ question: z.string(), total: z.number(), goodShare: z.number().nullable() })).nullable(),
  comments: z.array(z.object({ id: z.string(), text: z.string(), ratedOn: z.string() })).nullable(),
});
export type ConsultationQuality = Wire<typeof consultationQuality>;

/** 协商活动: the topic, who took part and what they said, the outcome, instructions and what became of each recommendation. */
export const consultationDetail = z.object({
  id: z.string(),
  version: z.number(),
  planId: z.string(),
  year: z.number(),
  title: z.string(),
  form: z.string(),
  formLabel: z.string(),
  month: z.number(),
  researchFirst: z.boolean(),
  description: z.string().nullable(),
  status: z.string(),
  statusLabel: z.string(),
  leadName: z.string(),
  unitNames: z.array(z.string()),
  activityId: z.string().nullable(),
  heldOn: z.string().nullable(),
  minutes: z.string().nullable(),
  /** 提案办理协商: the key proposals it discusses, and to the office those it may pick */
  keyProposals: z.array(keyRef),
  keyProposalOptions: z.array(keyRef),
  timings: z.array(z.object({ key: z.string(), label: z.string(), due: z.string(), doneOn: z.string().nullable(), state: z.enum(['pending', 'done', 'late', 'overdue']), stateLabel: z.string() })),
  quality: consultationQuality,
  rooms: z.array(z.object({ id: z.string(), title: z.string(), phaseLabel: z.string(), summary: z.string().nullable(), summarizedOn: z.string().nullable() })),
  outcome: z.object({ kind: z.string(), kindLabel: z.string(), title: z.string(), text: z.string(), sentOn: z.string().nullable() }).nullable(),
  participants: z.array(z.object({ id: z.string(), kind: z.string(), kindLabel: z.string(), name: z.string(), affiliation: z.string(), checkedIn: z.boolean(), mine: z.boolean() })),
  speeches: z.array(z.object({ id: z.string(), kind: z.string(), kindLabel: z.string(), speaker: z.string(), text: z.string(), recordedOn: z.string() })),
  instructions: z.array(z.object({ id: z.string(), leaderName: z.string(), level: z.string(), levelLabel: z.string(), text: z.string(), instructedOn: z.string() })),
  recommendations: z.array(
    z.object({
      id: z.string(),
      version: z.number(),
      position: z.number(),
      text: z.string(),
      handlingStatus: z.string(),
      handlingLabel: z.string(),
      assignments: z.array(assignment),
      replies: z.array(reply),
    }),
  ),
  actions: z.array(z.string()),
});
export type ConsultationDetail = Wire<typeof consultationDetail>;

/** One recommendation as the shared handling panel reads it. */
export const consultationRecommendation = z.object({
  id: z.string(),
  version: z.number(),
  status: z.string(),
  actions: z.array(z.string()),
  handlingRound: z.number(),
  consultationId: z.string(),
  /** as the unit's worklist names it (the consultation's title and the recommendation's opening words) */
  title: z.string(),
  text: z.string(),
  assignments: z.array(assignment),
  replies: z.array(reply),
});
