import type { Assignment, Reply } from '../handling/responses.js';
import type { Indicator, PhasePlan } from './inputs.js';

/**
 * What the evaluation routes answer, as the web reads it (the presenters in
 * modules/evaluation/presenter.ts and queries.ts build exactly these shapes). No shape carries one
 * person's answers: the server holds counts only.
 */
export interface CampaignRow {
  id: string;
  version: number;
  year: number;
  title: string;
  status: string;
  statusLabel: string;
  departmentCount: number;
  invitedCount: number;
  /** the public may answer through the portal during 调查走访 */
  publicOpen: boolean;
  phases: PhasePlan;
  publishedOn: string | null;
  updatedAt: string;
}

export interface FindingRow {
  id: string;
  version: number;
  unitId: string;
  unitName: string;
  text: string;
  status: string;
  statusLabel: string;
  handlingRound: number;
  replyDeadline: string | null;
  overdue: boolean;
  recheckNote: string | null;
  recheckedOn: string | null;
  createdByName: string;
  actions: string[];
}

export interface CampaignDetail extends CampaignRow {
  actions: string[];
  /** actions waiting for a precondition, with what is missing */
  blocked: Record<string, string>;
  departments: { unitId: string; name: string }[];
  indicators: Indicator[];
  phaseList: { key: string; label: string; from: string; to: string; state: 'past' | 'current' | 'future' }[];
  proposedOn: string | null;
  proposalNote: string | null;
  approvedOn: string | null;
  approvalNote: string | null;
  createdByName: string;
  /** only for those who may change the invitations */
  invitedMembers: { id: string; name: string }[];
  findings: FindingRow[];
  history: { action: string; actionLabel: string; actorName: string; at: string; note: string | null }[];
}

export type ChoiceCounts = { satisfied: number; basic: number; unsatisfied: number; unknown: number };

export interface CampaignResultsView {
  campaignId: string;
  title: string;
  year: number;
  status: string;
  statusLabel: string;
  publishedOn: string | null;
  invited: number;
  /** respondents each department needs */
  quorum: number;
  complete: boolean;
  /** false while the questionnaire is open: participation only */
  scoresShown: boolean;
  indicators: Indicator[];
  choices: Record<string, string>;
  /** members, representatives, the public: each kind's weight (%) in the combined score */
  kinds: { kind: string; label: string; weight: number }[];
  departments: {
    unitId: string;
    name: string;
    /** every kind together */
    respondents: number;
    /** invited members: what the quorum counts */
    memberRespondents: number;
    quorumMet: boolean;
    byKind: { kind: string; label: string; respondents: number; weight: number; score: number | null }[];
    score: number | null;
    rank: number | null;
    grade: string | null;
    gradeLabel: string;
    indicators: { key: string; label: string; weight: number; counts: ChoiceCounts; score: number | null }[];
  }[];
}

export interface Questionnaire {
  id: string;
  title: string;
  year: number;
  status: string;
  statusLabel: string;
  /** the member may answer now */
  open: boolean;
  closesOn: string;
  indicators: { key: string; label: string }[];
  departments: { unitId: string; name: string; responded: boolean }[];
  respondedCount: number;
  resultsPublished: boolean;
}

export interface FindingDetail extends FindingRow {
  title: string;
  campaignId: string | null;
  campaignTitle: string;
  assignments: Assignment[];
  replies: Reply[];
}

/** 特邀群众代表 as the office sees them (never their link: it is shown once, when issued). */
export interface RepresentativeRow {
  id: string;
  version: number;
  name: string;
  organisation: string;
  phone: string | null;
  active: boolean;
  respondedCount: number;
  departmentCount: number;
  createdByName: string;
  createdAt: string;
}

/** A questionnaire as a representative (by their link) or the public (on the portal) fills it. */
export interface PublicQuestionnaire {
  id: string;
  title: string;
  year: number;
  open: boolean;
  closesOn: string;
  choices: Record<string, string>;
  indicators: { key: string; label: string }[];
  departments: { unitId: string; name: string; responded: boolean }[];
  respondedCount: number;
  committeeName?: string;
}
