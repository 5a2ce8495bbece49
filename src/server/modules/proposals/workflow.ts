import { defineWorkflow } from '../../platform/workflow/workflow.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { proposals } from './schema.js';
import { proposalStates, type ProposalState } from '../../../shared/proposals/labels.js';

export type Proposal = typeof proposals.$inferSelect;

export { proposalStates, type ProposalState };

export type ProposalAction =
  | 'submit' | 'withdraw' | 'preReview' | 'reReview' | 'file' | 'reject' | 'convert' | 'return' | 'merge'
  | 'assign' | 'allReplied' | 'rateSatisfied' | 'rateUnsatisfied' | 'close';


const isProposalStaff = (a: Actor) => a.roles.includes('admin') || (a.roles.includes('staff') && a.office === 'proposal');
const staffOnly = (a: Actor) => (isProposalStaff(a) ? null : '只有提案委工作人员可以办理');
/** The author: the first proposer, or whoever created a collective proposal for their body. */
export const isAuthor = (a: Actor, p: Proposal) =>
  (p.leadMemberId !== null && a.memberId === p.leadMemberId) || (p.authorType === 'collective' && p.createdByUserId === a.userId);
const authorOnly = (a: Actor, p: Proposal) => (isAuthor(a, p) ? null : '只有提案人可以操作');

/**
 * The review steps (审查环节) with the one set of names every page, document and setting uses:
 * 预审 → 复审 → 审定 (the decision, always last).
 */
export const reviewStepLabels = { preReview: '预审', reReview: '复审', decision: '审定' } as const;

/** The next review state after `step`, following the steps copied onto the proposal at submission. */
export function nextReviewState(p: Pick<Proposal, 'reviewSteps'>, after: 'submit' | 'preReview' | 'reReview'): ProposalState {
  const steps = p.reviewSteps;
  if (after === 'submit') return steps.includes('preReview') ? 'submitted' : steps.includes('reReview') ? 'reviewing' : 'deciding';
  if (after === 'preReview') return steps.includes('reReview') ? 'reviewing' : 'deciding';
  return 'deciding';
}

const undecided: ProposalState[] = ['submitted', 'reviewing', 'deciding'];

/**
 * What the proposal guards read besides the proposal: the app's today, and how its co-signing
 * stands (counted without those who declined) against the committee's minimum for its year.
 */
export interface ProposalContext {
  today: string;
  cosigning: { invited: number; confirmed: number; minimum: number };
}

/** 联名: a joint proposal goes in once every invitation is answered and enough members confirmed. */
const cosigned = (p: Proposal, { cosigning: c }: ProposalContext) => {
  if (p.authorType !== 'joint') return null;
  if (c.invited > 0) return '尚有受邀委员未确认联名，请等待确认或取消邀请';
  return c.confirmed < c.minimum ? `联名提案至少需要${c.minimum}位委员确认联名` : null;
};

/**
 * Staff may close (办结) a replied proposal without a rating once the proposer's rating period has
 * run out, or after a second round, when a face-to-face explanation replaces another rating.
 */
export const closable = (p: Pick<Proposal, 'status' | 'handlingRound' | 'rateDeadline'>, today: string) =>
  p.status === 'replied' && (p.handlingRound >= 2 || (p.rateDeadline !== null && p.rateDeadline < today));
const rateDeadlinePassed = (p: Proposal, { today }: ProposalContext) =>
  closable(p, today) ? null : p.rateDeadline ? `提案人可在${p.rateDeadline}前评价，期限届满后方可办结` : '提案人评价期限届满后方可办结';

/**
 * The proposal lifecycle as one table. Handling (assignment → reply → rating → re-handling) is the
 * shared handling primitive; the rows below move the proposal's own state when it reports back.
 */
export const proposalWorkflow = defineWorkflow<ProposalState, ProposalAction, Proposal, ProposalContext>({
  name: 'proposal',
  stateLabels: proposalStates,
  transitions: [
    { action: 'submit', label: '提交', from: ['draft', 'returned'], to: (p) => nextReviewState(p, 'submit'), roles: ['member', 'staff', 'admin'], guard: authorOnly, requires: cosigned },
    { action: 'withdraw', label: '撤回', from: ['draft', 'returned', ...undecided], to: 'withdrawn', roles: ['member', 'staff', 'admin'], guard: authorOnly },
    { action: 'preReview', label: '预审通过', from: ['submitted'], to: (p) => nextReviewState(p, 'preReview'), roles: ['staff', 'admin'], guard: staffOnly },
    { action: 'reReview', label: '复审通过', from: ['reviewing'], to: 'deciding', roles: ['staff', 'admin'], guard: staffOnly },
    // 立案 only once the review steps the committee's settings require (copied onto the proposal at
    // submission) are done: a committee skips a step by leaving it out of its 审查环节 setting
    // (audited as a settings change), never one clerk on one proposal
    { action: 'file', label: '立案', from: ['deciding'], to: 'filed', roles: ['staff', 'admin'], guard: staffOnly },
    { action: 'reject', label: '不予立案', from: undecided, to: 'rejected', roles: ['staff', 'admin'], guard: staffOnly },
    { action: 'convert', label: '转为意见建议', from: undecided, to: 'converted', roles: ['staff', 'admin'], guard: staffOnly },
    { action: 'return', label: '退回修改', from: undecided, to: 'returned', roles: ['staff', 'admin'], guard: staffOnly },
    { action: 'merge', label: '并案', from: undecided, to: 'merged', roles: ['staff', 'admin'], guard: staffOnly },
    { action: 'assign', label: '交办', from: ['filed'], to: 'handling', roles: ['staff', 'admin'], guard: staffOnly },
    // reported by the handling primitive: every unit that must reply has sent its reply
    { action: 'allReplied', label: '答复完毕', from: ['handling', 'rehandling'], to: 'replied', roles: ['unit', 'staff', 'admin'] },
    { action: 'rateSatisfied', label: '评价', from: ['replied'], to: 'closed', roles: ['member', 'staff', 'admin'], guard: authorOnly },
    { action: 'rateUnsatisfied', label: '评价为不满意', from: ['replied'], to: 'rehandling', roles: ['member', 'staff', 'admin'], guard: authorOnly },
    // the proposer did not rate within the period, or staff close a second round after explanation
    { action: 'close', label: '办结', from: ['replied'], to: 'closed', roles: ['staff', 'admin'], guard: staffOnly, requires: rateDeadlinePassed },
  ],
});

/** A proposal counts as filed (for credit and statistics) from filing on. */
export const filedStates: ProposalState[] = ['filed', 'handling', 'replied', 'rehandling', 'closed'];
