import { z } from 'zod';
import { attachment, historyEntry, instant, itemsOf, type Wire } from '../http/responses.js';
import { assignment, contact, instruction, rating, reply } from '../handling/responses.js';

/** What the server answers about proposals; presenters are typed against these schemas. */

/** One row of a proposal list: enough to scan a queue. */
export const proposalRow = z.object({
  id: z.string(),
  version: z.number(),
  numberText: z.string().nullable(),
  serial: z.number().nullable(),
  title: z.string(),
  category: z.string(),
  year: z.number(),
  /** a key of proposalStates */
  status: z.string(),
  statusLabel: z.string(),
  /** a key of proposalKinds */
  kind: z.string(),
  /** a key of authorTypes */
  authorType: z.string(),
  /** 张三 / 张三等3人 / 民盟区委 */
  proposer: z.string(),
  submittedAt: instant.nullable(),
  isKey: z.boolean(),
  historical: z.boolean(),
  mergedIntoId: z.string().nullable(),
  /** the 提案参考选题 it answers */
  topicId: z.string().nullable(),
  topicTitle: z.string().nullable(),
  units: z.array(z.object({ unitId: z.string(), name: z.string(), role: z.string(), roleLabel: z.string() })),
  replyDeadline: z.string().nullable(),
  overdue: z.boolean(),
  actions: z.array(z.string()),
  /** actions the person may take once something is done, each with what is missing (shown, not pressable) */
  blocked: z.record(z.string(), z.string()),
});
export type ProposalRow = Wire<typeof proposalRow>;

export const proposalPage = z.object({ items: z.array(proposalRow), total: z.number() });
export type ProposalPage = Wire<typeof proposalPage>;

/** The whole proposal for its page: content, people, review, handling, replies, ratings, history. */
export const proposalDetail = proposalRow.extend({
  /** the texts of its 重点提案督办 and 优秀提案 steps this reader may read (their history lines quote them) */
  keyTexts: z.array(z.string()),
  background: z.string(),
  analysis: z.string(),
  suggestions: z.string(),
  collectiveBody: z.string().nullable(),
  leadMemberId: z.string().nullable(),
  leadMemberName: z.string().nullable(),
  proposerConsent: z.boolean(),
  decisionReason: z.string().nullable(),
  /** a key of conversionTargets */
  convertedTo: z.string().nullable(),
  keyLeaderName: z.string().nullable(),
  isExcellent: z.boolean(),
  publishedAt: instant.nullable(),
  handlingRound: z.number(),
  rateDeadline: z.string().nullable(),
  decidedAt: instant.nullable(),
  sessionId: z.string().nullable(),
  cosigners: z.array(z.object({ memberId: z.string(), name: z.string(), status: z.string(), respondedAt: instant.nullable() })),
  /** only for staff, leaders and the author */
  reviewOpinions: z.array(z.object({ id: z.string(), step: z.string(), opinion: z.string(), reviewerName: z.string(), createdAt: instant })),
  assignments: z.array(assignment),
  /** only what this person may see; `disclose` decides whether the proposal may go on the portal */
  replies: z.array(reply),
  ratings: z.array(rating),
  contacts: z.array(contact),
  instructions: z.array(instruction),
  mergedFrom: z.array(z.object({ id: z.string(), title: z.string(), proposerText: z.string().nullable() })),
  mergedInto: z.object({ id: z.string(), title: z.string(), numberText: z.string().nullable() }).nullable(),
  attachments: z.array(attachment),
  /** the report a conversion to 社情民意 created */
  convertedOpinion: z.object({ id: z.string(), title: z.string(), status: z.string() }).nullable(),
  /** the livelihood request (民生诉求) it was converted from, when the viewer may open it */
  fromRequest: z.object({ id: z.string(), code: z.string() }).nullable(),
  /** the Members' Home duty whose suggestion this became (委员之家接待) */
  fromHome: z.object({ dutyId: z.string(), day: z.string() }).nullable(),
  history: z.array(historyEntry),
});
export type ProposalDetail = Wire<typeof proposalDetail>;

/** The form's choices, from the proposal settings of the year. */
export const proposalOptions = z.object({
  categories: z.array(z.string()),
  rejectReasons: z.array(z.object({ code: z.string(), text: z.string() })),
  /** `promise`: a reply of the class promises something by a date (列入计划) */
  answerClasses: z.array(z.object({ code: z.string(), label: z.string(), promise: z.boolean().optional() })),
  reviewSteps: z.array(z.string()),
  /** the bodies this account enters collective proposals for; null: any (the proposal office) */
  collectiveBodies: z.array(z.string()).nullable(),
  /** plenary sessions, newest first; `current` is the one today's proposals belong to */
  sessions: z.array(z.object({ id: z.string(), name: z.string(), year: z.number(), current: z.boolean() })),
});
export type ProposalOptions = Wire<typeof proposalOptions>;

export const leaderList = z.object({ items: z.array(z.object({ id: z.string(), displayName: z.string() })) });

/** A proposal like the text being written, best first. */
/** How a proposal ended (src/server/modules/proposals/drafting/outcomes.ts), for the similar panel. */
export const proposalOutcome = z.object({
  stage: z.enum(['review', 'returned', 'notFiled', 'converted', 'merged', 'filed', 'handling', 'replied', 'closed', 'history']),
  /** one line: 已办结 · 区教育局单办 · A类 · 提案人满意 */
  summary: z.string(),
  /** why it was not filed, converted, returned or merged */
  reason: z.string().nullable(),
  convertedTo: z.string().nullable(),
  mergedInto: z.object({ id: z.string(), title: z.string(), numberText: z.string().nullable() }).nullable(),
  /** how many proposals were merged into this one (并案) */
  mergedCount: z.number(),
  units: z.array(z.object({ name: z.string(), role: z.string(), roleLabel: z.string(), round: z.number() })),
  /** sent replies: the class and the opening lines (what was answered or promised) */
  replies: z.array(
    z.object({
      unitName: z.string(), round: z.number(), answerClass: z.string(), answerLabel: z.string(), excerpt: z.string(), sentAt: instant.nullable(),
      /** 承诺 (列入计划): what, by when, and whether kept — `outcome` a key of promiseOutcomes once recorded; `statusLabel` 已兑现…, or 未到期 / 到期待登记 */
      promise: z.object({ text: z.string(), by: z.string(), outcome: z.string().nullable(), statusLabel: z.string(), note: z.string().nullable() }).nullable(),
    }),
  ),
  ratings: z.array(z.object({ round: z.number(), attitude: z.string(), attitudeLabel: z.string(), result: z.string(), resultLabel: z.string(), comment: z.string().nullable() })),
  secondRound: z.boolean(),
  /** the published reply on the portal, or the replies on the proposal's page */
  link: z.object({ href: z.string(), label: z.string() }).nullable(),
});
export type ProposalOutcome = Wire<typeof proposalOutcome>;

export const similarProposal = z.object({
  id: z.string(),
  number: z.string().nullable(),
  title: z.string(),
  /** the estimated probability (0..1) that it is on the same issue, on the same scale as 社情民意's */
  score: z.number(),
  /** 1 = the most similar */
  rank: z.number(),
  year: z.number(),
  /** a past year's proposal (imported or of an earlier session), not one of this session */
  historical: z.boolean(),
  /** the committee it was submitted to: this one's name, or the one whose list it was imported from */
  committee: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  /** how it was handled, e.g. 已办结 · 区教育局主办 */
  handled: z.string(),
  /** how it ended: decision and reason, units, replies with their class, ratings, a second round, the reply's link */
  outcome: proposalOutcome,
});
export type SimilarProposal = Wire<typeof similarProposal>;
/** GET similar: the proposals like the text being written, best first */
export const similarProposals = z.array(similarProposal);

/** Proposals in the review queue that raise the same problem, to merge. */
export const sameIssueGroup = z.object({
  score: z.number(),
  proposals: z.array(z.object({ id: z.string(), version: z.number(), title: z.string(), proposer: z.string().nullable(), status: z.string(), serial: z.number().nullable() })),
  pairs: z.array(z.object({ a: z.string(), b: z.string(), score: z.number() })),
});
export type SameIssueGroup = Wire<typeof sameIssueGroup>;
export const sameIssueGroups = z.object({ groups: z.array(sameIssueGroup) });

export const unitSuggestion = z.object({ unitId: z.string(), unitName: z.string(), weight: z.number(), reason: z.string() });
export type UnitSuggestion = Wire<typeof unitSuggestion>;
export const unitSuggestions = z.object({ suggestions: z.array(unitSuggestion) });

/** One printable document of a proposal for this reader. */
export const proposalDocument = z.object({
  kind: z.enum(['form', 'notice', 'reply']),
  assignmentId: z.string().nullable(),
  /** 提案表 / 交办通知书（区教育局·主办） / 答复函（区教育局·主办） */
  label: z.string(),
});
export type ProposalDocument = Wire<typeof proposalDocument>;
export const proposalDocuments = itemsOf(proposalDocument);
