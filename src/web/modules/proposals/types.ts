import type { Attachment } from '../../app/ui/AttachmentPicker';
import type { ProposalRow } from './review/ProposalTable';

export type { ProposalRow };

export interface ProposalOptions {
  categories: string[];
  rejectReasons: { code: string; text: string }[];
  answerClasses: { code: string; label: string }[];
  /** the bodies this account enters collective proposals for; null: any (the proposal office) */
  collectiveBodies: string[] | null;
}

/** GET /api/proposals/:id (src/server/modules/proposals/presenter.ts presentDetail). */
export interface ProposalDetail extends ProposalRow {
  attachments: Attachment[];
  kind: string;
  year: number;
  authorType: 'individual' | 'joint' | 'collective';
  background: string;
  analysis: string;
  suggestions: string;
  collectiveBody: string | null;
  leadMemberId: string | null;
  leadMemberName: string | null;
  proposerConsent: boolean;
  decisionReason: string | null;
  decidedAt: string | null;
  convertedTo: 'opinion' | 'suggestion' | null;
  /** the report a conversion to 社情民意 created */
  convertedOpinion: { id: string; title: string; status: string } | null;
  keyLeaderName: string | null;
  isExcellent: boolean;
  publishedAt: string | null;
  handlingRound: number;
  rateDeadline: string | null;
  cosigners: { memberId: string; name: string; status: 'invited' | 'confirmed' | 'declined'; respondedAt: string | null }[];
  reviewOpinions: { id: string; step: string; opinion: string; reviewerName: string; createdAt: string }[];
  /** only what the server lets this person see; `disclose` decides whether the proposal may go on the portal */
  replies: { id: string; unitName: string; status: 'draft' | 'signed' | 'sent'; disclose: boolean; nondisclosureReason: string | null }[];
  instructions: { id: string; leaderName: string; level: string; instructedOn: string; text: string }[];
  mergedFrom: { id: string; title: string; proposerText: string | null }[];
  mergedInto: { id: string; title: string; numberText: string | null } | null;
  history: { action: string; actorName: string; at: string; note: string | null }[];
}

/** The states of a proposal (kept in step with src/server/modules/proposals/workflow.ts). */
export const statusLabels: Record<string, string> = {
  draft: '草稿',
  submitted: '待预审',
  reviewing: '待复审',
  deciding: '待审定',
  returned: '退回修改',
  withdrawn: '已撤回',
  filed: '已立案（待交办）',
  rejected: '不予立案',
  converted: '已转为意见建议',
  merged: '已并案',
  handling: '办理中',
  replied: '已答复（待评价）',
  rehandling: '二次办理',
  closed: '已办结',
};

/** Tag colours: grey before submission, blue in review, red when something needs the author, green when done. */
export const statusColors: Record<string, string> = {
  draft: 'default',
  submitted: 'blue',
  reviewing: 'blue',
  deciding: 'blue',
  returned: 'red',
  withdrawn: 'default',
  filed: 'cyan',
  rejected: 'default',
  converted: 'purple',
  merged: 'purple',
  handling: 'processing',
  replied: 'orange',
  rehandling: 'magenta',
  closed: 'green',
};

/** Review steps as the proposal office names them. */
export const reviewStepLabels: Record<string, string> = { preReview: '预审', reReview: '复审', decision: '审定' };

/** 大会提案 (inside the session's proposal window) or 平时提案; decided by the server at submission. */
export const kindLabels: Record<string, string> = { session: '大会提案', ordinary: '平时提案' };
export const authorTypeLabels = { individual: '个人提案', joint: '联名提案', collective: '集体提案' } as const;
export const cosignStatusLabels = { invited: '待确认', confirmed: '已确认', declined: '已谢绝' } as const;
export const levelLabels: Record<string, string> = { district: '区级', city: '市级', province: '省级', national: '全国' };
export const convertedLabels: Record<string, string> = { opinion: '社情民意信息', suggestion: '意见建议' };
