import { z } from 'zod';
import { assignment, reply } from '../handling/responses.js';
import { historyEntry, instant, listOf, type Wire } from '../http/responses.js';

/**
 * What the evaluation routes answer, as zod schemas; the web uses the inferred wire types (dates as
 * ISO strings). No shape carries one person's answers: the server holds counts only.
 */

const indicator = z.object({ key: z.string(), label: z.string(), weight: z.number() });
const indicatorName = z.object({ key: z.string(), label: z.string() });
const span = z.object({ from: z.string(), to: z.string() });
/** the planned dates of each phase (keys of campaignPhases) */
const phasePlan = z.record(z.string(), span);
const replyPeriod = z.union([z.object({ workdays: z.number() }), z.object({ months: z.number() })]);

export const campaignRow = z.object({
  id: z.string(),
  version: z.number(),
  year: z.number(),
  title: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  departmentCount: z.number(),
  invitedCount: z.number(),
  /** the public may answer through the portal during 调查走访 */
  publicOpen: z.boolean(),
  phases: phasePlan,
  publishedOn: z.string().nullable(),
  updatedAt: instant,
});
export type CampaignRow = Wire<typeof campaignRow>;
export const campaignList = listOf(campaignRow);

export const findingRow = z.object({
  id: z.string(),
  version: z.number(),
  unitId: z.string(),
  unitName: z.string(),
  text: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  handlingRound: z.number(),
  replyDeadline: z.string().nullable(),
  overdue: z.boolean(),
  recheckNote: z.string().nullable(),
  recheckedOn: z.string().nullable(),
  createdByName: z.string(),
  actions: z.array(z.string()),
});
export type FindingRow = Wire<typeof findingRow>;

export const campaignDetail = campaignRow.extend({
  actions: z.array(z.string()),
  /** actions waiting for a precondition, with what is missing */
  blocked: z.record(z.string(), z.string()),
  departments: z.array(z.object({ unitId: z.string(), name: z.string() })),
  indicators: z.array(indicator),
  phaseList: z.array(z.object({ key: z.string(), label: z.string(), from: z.string(), to: z.string(), state: z.enum(['past', 'current', 'future']) })),
  proposedOn: z.string().nullable(),
  proposalNote: z.string().nullable(),
  approvedOn: z.string().nullable(),
  approvalNote: z.string().nullable(),
  createdByName: z.string(),
  /** only for those who may change the invitations */
  invitedMembers: z.array(z.object({ id: z.string(), name: z.string() })),
  findings: z.array(findingRow),
  history: z.array(historyEntry),
});
export type CampaignDetail = Wire<typeof campaignDetail>;

const choiceCounts = z.object({ satisfied: z.number(), basic: z.number(), unsatisfied: z.number(), unknown: z.number() });
export type ChoiceCounts = Wire<typeof choiceCounts>;

export const campaignResults = z.object({
  campaignId: z.string(),
  title: z.string(),
  year: z.number(),
  status: z.string(),
  statusLabel: z.string(),
  publishedOn: z.string().nullable(),
  invited: z.number(),
  /** respondents each department needs */
  quorum: z.number(),
  complete: z.boolean(),
  /** false while the questionnaire is open: participation only */
  scoresShown: z.boolean(),
  indicators: z.array(indicator),
  choices: z.record(z.string(), z.string()),
  /** members, representatives, the public: each kind's weight (%) in the combined score */
  kinds: z.array(z.object({ kind: z.string(), label: z.string(), weight: z.number() })),
  departments: z.array(
    z.object({
      unitId: z.string(),
      name: z.string(),
      /** every kind together */
      respondents: z.number(),
      /** invited members: what the quorum counts */
      memberRespondents: z.number(),
      quorumMet: z.boolean(),
      byKind: z.array(z.object({ kind: z.string(), label: z.string(), respondents: z.number(), weight: z.number(), score: z.number().nullable() })),
      score: z.number().nullable(),
      rank: z.number().nullable(),
      grade: z.string().nullable(),
      gradeLabel: z.string(),
      indicators: z.array(z.object({ key: z.string(), label: z.string(), weight: z.number(), counts: choiceCounts, score: z.number().nullable() })),
    }),
  ),
});
export type CampaignResultsView = Wire<typeof campaignResults>;

const department = z.object({ unitId: z.string(), name: z.string(), responded: z.boolean() });

export const questionnaire = z.object({
  id: z.string(),
  title: z.string(),
  year: z.number(),
  status: z.string(),
  statusLabel: z.string(),
  /** the member may answer now */
  open: z.boolean(),
  closesOn: z.string(),
  indicators: z.array(indicatorName),
  departments: z.array(department),
  respondedCount: z.number(),
  resultsPublished: z.boolean(),
});
export type Questionnaire = Wire<typeof questionnaire>;
export const questionnaireList = z.object({ choices: z.record(z.string(), z.string()), items: z.array(questionnaire) });

export const findingDetail = findingRow.extend({
  title: z.string(),
  campaignId: z.string().nullable(),
  campaignTitle: z.string(),
  assignments: z.array(assignment),
  replies: z.array(reply),
});
export type FindingDetail = Wire<typeof findingDetail>;

/** 特邀群众代表 as the office sees them (never their link: it is shown once, when issued). */
export const representativeRow = z.object({
  id: z.string(),
  version: z.number(),
  name: z.string(),
  organisation: z.string(),
  phone: z.string().nullable(),
  active: z.boolean(),
  respondedCount: z.number(),
  departmentCount: z.number(),
  createdByName: z.string(),
  createdAt: instant,
});
export type RepresentativeRow = Wire<typeof representativeRow>;
export const representativeList = z.object({ items: z.array(representativeRow) });
/** A representative invited or their link changed: the link is shown this once (null once revoked). */
export const representativeLink = z.object({ item: representativeRow, link: z.string().nullable() });

/** A questionnaire as a representative (by their link) or the public (on the portal) fills it. */
export const publicQuestionnaire = z.object({
  id: z.string(),
  title: z.string(),
  year: z.number(),
  open: z.boolean(),
  closesOn: z.string(),
  choices: z.record(z.string(), z.string()),
  indicators: z.array(indicatorName),
  departments: z.array(department),
  respondedCount: z.number(),
  committeeName: z.string().optional(),
});
export type PublicQuestionnaire = Wire<typeof publicQuestionnaire>;
export const publicQuestionnaireList = z.object({ items: z.array(publicQuestionnaire) });

/** A ballot counted: on which department (never what it said). */
export const ballotCounted = z.object({ unitId: z.string(), responded: z.boolean() });

export const evaluationOptions = z.object({
  indicators: z.array(indicator),
  answerClasses: z.array(z.object({ code: z.string(), label: z.string() })),
  replyPeriod,
  quorumShare: z.number(),
  choices: z.record(z.string(), z.string()),
  phases: z.record(z.string(), z.string()),
  campaignStates: z.record(z.string(), z.string()),
  findingStates: z.record(z.string(), z.string()),
});
