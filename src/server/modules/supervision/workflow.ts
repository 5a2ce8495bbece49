import { defineWorkflow } from '../../platform/workflow/workflow.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { supervisionSuggestions } from './schema.js';
import { suggestionStates, type SuggestionState } from '../../../shared/supervision/labels.js';

/** A suggestion; the row carries its group's leader and members, which the guards read. */
export type Suggestion = typeof supervisionSuggestions.$inferSelect;
export type SuggestionRow = Suggestion;

export { suggestionStates, type SuggestionState };
export type SuggestionAction = 'submit' | 'return' | 'approve' | 'assign' | 'allReplied' | 'rateSatisfied' | 'rateUnsatisfied' | 'complete';

/** 办公室: the office that reviews, signs off and sends supervision suggestions (and admins). */
export const isSupervisionOffice = (a: Actor) => a.roles.includes('admin') || (a.roles.includes('staff') && a.office === 'general');
export const inGroup = (a: Actor, s: Pick<Suggestion, 'groupMemberIds'>) => a.memberId !== null && s.groupMemberIds.includes(a.memberId);
export const isGroupLeader = (a: Actor, s: Pick<Suggestion, 'leaderMemberId'>) => a.memberId !== null && a.memberId === s.leaderMemberId;

const officeOnly = (a: Actor) => (isSupervisionOffice(a) ? null : '只有政协办公室可以办理');
const groupOrOffice = (a: Actor, s: Suggestion) => (inGroup(a, s) || isSupervisionOffice(a) ? null : '只有本监督小组成员或政协办公室可以操作');
const leaderOrOffice = (a: Actor, s: Suggestion) => (isGroupLeader(a, s) || isSupervisionOffice(a) ? null : '只有监督小组组长或政协办公室可以操作');
/** a second 不满意 does not open a third round: the office follows up face to face */
const secondRoundLeft = (a: Actor, s: Suggestion) => leaderOrOffice(a, s) ?? (s.handlingRound >= 2 ? '已经再次办理过一次' : null);

/**
 * A supervision suggestion's lifecycle as one table: the group drafts, the office reviews and signs
 * off (or returns it), sends it to units; the units' replies arrive through the handling primitive
 * (allReplied); the group rates them — 不满意 once sends it back for a second round — and follows up
 * until it marks the suggestion done.
 */
export const suggestionWorkflow = defineWorkflow<SuggestionState, SuggestionAction, Suggestion>({
  name: 'supervisionSuggestion',
  stateLabels: suggestionStates,
  transitions: [
    { action: 'submit', label: '报送审核', from: ['draft'], to: 'reviewing', roles: ['member', 'staff', 'admin'], guard: groupOrOffice },
    { action: 'return', label: '退回修改', from: ['reviewing'], to: 'draft', roles: ['staff', 'admin'], guard: officeOnly },
    { action: 'approve', label: '审核签发', from: ['reviewing'], to: 'approved', roles: ['staff', 'admin'], guard: officeOnly },
    { action: 'assign', label: '发送单位', from: ['approved'], to: 'handling', roles: ['staff', 'admin'], guard: officeOnly },
    // reported by the handling primitive: every replying unit of the round has replied
    { action: 'allReplied', label: '单位答复完毕', from: ['handling', 'rehandling'], to: 'replied', roles: ['unit', 'staff', 'admin'] },
    { action: 'rateSatisfied', label: '评价（满意）', from: ['replied'], to: 'following', roles: ['member', 'staff', 'admin'], guard: leaderOrOffice },
    { action: 'rateUnsatisfied', label: '评价不满意，再次办理', from: ['replied'], to: 'rehandling', roles: ['member', 'staff', 'admin'], guard: secondRoundLeft },
    { action: 'complete', label: '标记办结', from: ['following'], to: 'done', roles: ['member', 'staff', 'admin'], guard: leaderOrOffice },
  ],
});
