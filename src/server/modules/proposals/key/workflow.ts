import { defineWorkflow } from '../../../platform/workflow/workflow.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { excellentStates, keyStates, type ExcellentAction, type ExcellentState, type KeyAction, type KeyState } from '../../../../shared/proposals/key.js';
import type { excellentNominations, keyProposals } from './schema.js';

export type KeyProposal = typeof keyProposals.$inferSelect;
export type Nomination = typeof excellentNominations.$inferSelect;

export const isProposalOffice = (a: Actor) => a.roles.includes('admin') || (a.roles.includes('staff') && a.office === 'proposal');
const officeOnly = (a: Actor) => (isProposalOffice(a) ? null : '只有提案委工作人员可以办理');
const theChair = (a: Actor, k: KeyProposal) => (k.chairUserId !== null && a.userId === k.chairUserId ? null : '只有领衔督办的政协领导可以办理');
const chairOrOffice = (a: Actor, k: KeyProposal) => (isProposalOffice(a) ? null : theChair(a, k));

/** What the guards read besides the row: the state of the proposal it belongs to. */
export interface KeyContext { proposalStatus: string }

const beforeReply = ['filed', 'handling', 'rehandling'];
const replied = ['replied', 'closed'];

/**
 * The key proposal's course as one table. The chairs' meeting's decision is recorded by the office;
 * the leading chair then reviews it before the reply (办前阅批), may schedule any number of meetings
 * or inspections while units handle it (办中调度), and signs off once the units replied (办后阅签).
 * Order is the table's: no 调度 or 阅签 before 阅批, no 阅签 before a reply.
 */
export const keyWorkflow = defineWorkflow<KeyState, KeyAction, KeyProposal, KeyContext>({
  name: 'keyProposal',
  stateLabels: keyStates,
  transitions: [
    { action: 'select', label: '主席会议确定为重点', from: ['shortlisted'], to: 'selected', roles: ['staff', 'admin'], guard: officeOnly },
    { action: 'decline', label: '主席会议未确定', from: ['shortlisted'], to: 'declined', roles: ['staff', 'admin'], guard: officeOnly },
    {
      action: 'review', label: '阅批', from: ['selected'], to: 'reviewed', roles: ['leader'], guard: theChair,
      requires: (_k, c) => (beforeReply.includes(c.proposalStatus) ? null : '办前阅批须在承办单位答复之前'),
    },
    {
      action: 'schedule', label: '调度', from: ['reviewed'], to: 'reviewed', roles: ['leader', 'staff', 'admin'], guard: chairOrOffice,
      requires: (_k, c) => (c.proposalStatus === 'handling' || c.proposalStatus === 'rehandling' ? null : '提案交办后、办理中方可调度'),
    },
    {
      action: 'signOff', label: '阅签', from: ['reviewed'], to: 'signedOff', roles: ['leader'], guard: theChair,
      requires: (_k, c) => (replied.includes(c.proposalStatus) ? null : '承办单位答复后方可阅签'),
    },
  ],
});

/** 优秀提案: the office reviews, decides (the committee's decision as recorded) and publishes. */
export const excellentWorkflow = defineWorkflow<ExcellentState, ExcellentAction, Nomination>({
  name: 'excellentProposal',
  stateLabels: excellentStates,
  transitions: [
    { action: 'review', label: '初审通过', from: ['nominated'], to: 'reviewed', roles: ['staff', 'admin'], guard: officeOnly },
    { action: 'decide', label: '评定为优秀提案', from: ['reviewed'], to: 'decided', roles: ['staff', 'admin'], guard: officeOnly },
    { action: 'publish', label: '在门户公布', from: ['decided'], to: 'published', roles: ['staff', 'admin'], guard: officeOnly },
    { action: 'reject', label: '不予评定', from: ['nominated', 'reviewed'], to: 'notSelected', roles: ['staff', 'admin'], guard: officeOnly },
  ],
});
