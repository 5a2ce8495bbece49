import { defineWorkflow } from '../../platform/workflow/workflow.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { researchTopics } from './schema.js';
import { reportStates, type ReportState } from '../../../shared/research/labels.js';
import type { ReportAction } from '../../../shared/research/inputs.js';

export type Topic = typeof researchTopics.$inferSelect;
/** A topic as the policies and the workflow see it: the confirmed group and the units its items went to. */
export type TopicSubject = Topic & { groupMemberIds: string[]; sentToUnitIds: string[] };

/** 办公室: the general office organises research and inspection (and records the special committee's review). */
export const isResearchStaff = (a: Actor) => a.roles.includes('admin') || (a.roles.includes('staff') && a.office === 'general');
export const inGroup = (a: Actor, t: Pick<TopicSubject, 'groupMemberIds'>) => a.memberId !== null && t.groupMemberIds.includes(a.memberId);
const officeOnly = (a: Actor) => (isResearchStaff(a) ? null : '只有办公室工作人员可以办理');

/**
 * The report's course: a confirmed member of the group (or the office) submits the draft; the
 * special committee's review (recorded by the office, as in the plan's 专委会基础审查) and the
 * office's review pass it on or return it with a reason; passing the office's review finalises it.
 */
/** What the guards read besides the row: the confirmed group. */
export type ReportContext = { groupMemberIds: string[] };

export const reportWorkflow = defineWorkflow<ReportState, ReportAction, Topic, ReportContext>({
  name: 'researchReport',
  stateLabels: reportStates,
  transitions: [
    {
      action: 'submit', label: '提交审核', from: ['drafting'], to: 'committeeReview', roles: ['member', 'staff', 'admin'],
      guard: (a, _t, c) => (isResearchStaff(a) || inGroup(a, c) ? null : '只有调研组成员或办公室可以提交'),
      requires: (t) => (t.reportTitle && t.suggestions ? null : '请先填写报告标题和对策建议'),
    },
    { action: 'passCommittee', label: '专委会审核通过', from: ['committeeReview'], to: 'officeReview', roles: ['staff', 'admin'], guard: officeOnly },
    { action: 'passOffice', label: '办公室审核通过（定稿）', from: ['officeReview'], to: 'final', roles: ['staff', 'admin'], guard: officeOnly },
    { action: 'return', label: '退回修改', from: ['committeeReview', 'officeReview'], to: 'drafting', roles: ['staff', 'admin'], guard: officeOnly },
  ],
});
