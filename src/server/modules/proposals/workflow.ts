import { defineWorkflow } from '../../platform/workflow/workflow.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { proposals } from './schema.js';

export type Proposal = typeof proposals.$inferSelect;

/** The states of a proposal, with their Chinese names. */
export const proposalStates = {
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
} as const;
export type ProposalState = keyof typeof proposalStates;

export type ProposalAction =
  | 'submit' | 'withdraw' | 'preReview' | 'reReview' | 'file' | 'reject' | 'convert' | 'return' | 'merge'
  | 'assign' | 'allReplied' | 'rateSatisfied' | 'rateUnsatisfied' | 'close';


const isProposalStaff = (a: Actor) => a.roles.includes('admin') || (a.roles.includes('staff') && a.office === 'proposal');
const staffOnly = (a: Actor) => (isProposalStaff(a) ? null : '只有提案委工作人员可以办理');
/** The author: the first proposer, or whoever created a collective proposal for their body. */
export const isAuthor = (a: Actor, p: Proposal) =>
  (p.leadMemberId !== null && a.memberId === p.leadMemberId) || (p.authorType === 'collective' && p.createdByUserId === a.userId);
const authorOnly = (a: Actor, p: Proposal) => (isAuthor(a, p) ? null : '只有提案人可以操作');

/** The next review state after `step`, following the steps copied onto the proposal at submission. */
export function nextReviewState(p: Pick<Proposal, 'reviewSteps'>, after: 'submit' | 'preReview' | 'reReview'): ProposalState {
  const steps = p.reviewSteps;
  if (after === 'submit') return steps.includes('preReview') ? 'submitted' : steps.includes('reReview') ? 'reviewing' : 'deciding';
  if (after === 'preReview') return steps.includes('reReview') ? 'reviewing' : 'deciding';
  return 'deciding';
}

const undecided: ProposalState[] = ['submitted', 'reviewing', 'deciding'];

/**
 * The proposal lifecycle as one table. Handling (assignment → reply → rating → re-handling) is the
 * shared handling primitive; the rows below move the proposal's own state when it reports back.
 */
export const proposalWorkflow = defineWorkflow<ProposalState, ProposalAction, Proposal>({
  name: 'proposal',
  stateLabels: proposalStates,
  transitions: [
    { action: 'submit', label: '提交', from: ['draft', 'returned'], to: (p) => nextReviewState(p, 'submit'), roles: ['member', 'staff', 'admin'], guard: authorOnly },
    { action: 'withdraw', label: '撤回', from: ['draft', 'returned', ...undecided], to: 'withdrawn', roles: ['member', 'staff', 'admin'], guard: authorOnly },
    { action: 'preReview', label: '预审通过', from: ['submitted'], to: (p) => nextReviewState(p, 'preReview'), roles: ['staff', 'admin'], guard: staffOnly },
    { action: 'reReview', label: '复审通过', from: ['reviewing'], to: 'deciding', roles: ['staff', 'admin'], guard: staffOnly },
    { action: 'file', label: '立案', from: undecided, to: 'filed', roles: ['staff', 'admin'], guard: staffOnly },
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
    { action: 'close', label: '办结', from: ['replied'], to: 'closed', roles: ['staff', 'admin'], guard: staffOnly },
  ],
});

/**
 * Staff may close (办结) a replied proposal without a rating once the proposer's rating period has
 * run out, or after a second round, when a face-to-face explanation replaces another rating.
 */
export const closable = (p: Pick<Proposal, 'status' | 'handlingRound' | 'rateDeadline'>, today: string) =>
  p.status === 'replied' && (p.handlingRound >= 2 || (p.rateDeadline !== null && p.rateDeadline < today));

/** A proposal counts as filed (for credit and statistics) from filing on. */
export const filedStates: ProposalState[] = ['filed', 'handling', 'replied', 'rehandling', 'closed'];
