import { defineWorkflow } from '../../platform/workflow/workflow.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { opinionIssues, opinions } from './schema.js';
import { adoptionModes, authorTypes, issueStates, levels, opinionStates, sendKinds, type IssueState, type Level, type OpinionState } from '../../../shared/opinions/labels.js';

export type Opinion = typeof opinions.$inferSelect;
export type OpinionIssue = typeof opinionIssues.$inferSelect;

export { opinionStates, type OpinionState };

export type OpinionAction = 'submit' | 'withdraw' | 'decline' | 'combine' | 'adopt' | 'sendUp' | 'assign' | 'allReplied';

/** 信息科: staff of the information office (or an admin) edit, combine, adopt and send reports. */
export const isInfoStaff = (a: Actor) => a.roles.includes('admin') || (a.roles.includes('staff') && a.office === 'info');
const infoOnly = (a: Actor) => (isInfoStaff(a) ? null : '只有信息科工作人员可以办理');
/** The author: the member who wrote it, or the staff user who submitted it for a body. */
export const isOpinionAuthor = (a: Actor, o: Pick<Opinion, 'authorMemberId' | 'createdByUserId' | 'authorType'>) =>
  (o.authorMemberId !== null && a.memberId === o.authorMemberId) || (o.authorType !== 'member' && o.authorType !== 'combined' && o.createdByUserId === a.userId);
const authorOnly = (a: Actor, o: Opinion) => (isOpinionAuthor(a, o) ? null : '只有报送人可以操作');
const stay = (o: Opinion) => o.status as OpinionState;

/**
 * A report's lifecycle as one table. Sending up and passing to departments keep the state (the
 * report stays adopted or waiting) but still go through the table, so they are authorised,
 * version-checked and audited like every other change.
 */
export const opinionWorkflow = defineWorkflow<OpinionState, OpinionAction, Opinion>({
  name: 'opinion',
  stateLabels: opinionStates,
  transitions: [
    { action: 'submit', label: '报送', from: ['draft'], to: 'submitted', roles: ['member', 'staff', 'admin'], guard: authorOnly },
    { action: 'withdraw', label: '撤回', from: ['draft', 'submitted'], to: 'withdrawn', roles: ['member', 'staff', 'admin'], guard: authorOnly },
    { action: 'decline', label: '不予采用', from: ['submitted'], to: 'declined', roles: ['staff', 'admin'], guard: infoOnly },
    { action: 'combine', label: '综合', from: ['submitted'], to: 'combined', roles: ['staff', 'admin'], guard: infoOnly },
    { action: 'adopt', label: '采用编入刊物', from: ['submitted'], to: 'adopted', roles: ['staff', 'admin'], guard: infoOnly },
    {
      action: 'sendUp', label: '报送上级政协', from: ['submitted', 'adopted'], to: stay, roles: ['staff', 'admin'],
      guard: infoOnly, requires: (o) => (o.sentUpToCommitteeId ? '已报送上级政协' : null),
    },
    {
      action: 'assign', label: '转部门办理', from: ['submitted', 'adopted'], to: stay, roles: ['staff', 'admin'],
      guard: infoOnly, requires: (o) => (o.handlingStatus ? '已转部门办理' : null),
    },
    // reported by the handling primitive: every department that must reply has replied. From every
    // state a report may reach while departments handle it (it may be declined or combined meanwhile)
    {
      action: 'allReplied', label: '部门答复完毕', from: ['submitted', 'adopted', 'declined', 'combined', 'withdrawn'], to: stay, roles: ['unit', 'staff', 'admin'],
      requires: (o) => (o.handlingStatus === 'handling' ? null : '该社情民意信息未在部门办理中'),
    },
  ],
});

export { issueStates, type IssueState };
export type IssueAction = 'approve' | 'sign' | 'publish' | 'reopen';

/**
 * Editor → approver → issuer: the information office composes and approves an issue, a leader (or
 * the office on the leader's behalf, recording the name) signs it off, then the office issues it.
 */
export const issueWorkflow = defineWorkflow<IssueState, IssueAction, OpinionIssue>({
  name: 'opinionIssue',
  stateLabels: issueStates,
  transitions: [
    { action: 'approve', label: '审核', from: ['draft'], to: 'approved', roles: ['staff', 'admin'], guard: infoOnly },
    { action: 'sign', label: '签发', from: ['approved'], to: 'signed', roles: ['staff', 'admin', 'leader'], guard: (a) => (a.roles.includes('leader') ? null : infoOnly(a)) },
    { action: 'publish', label: '印发', from: ['signed'], to: 'published', roles: ['staff', 'admin'], guard: infoOnly },
    { action: 'reopen', label: '退回编辑', from: ['approved', 'signed'], to: 'draft', roles: ['staff', 'admin'], guard: infoOnly },
  ],
});

export { adoptionModes, authorTypes, levels, sendKinds, type Level };
