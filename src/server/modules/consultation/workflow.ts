import { defineWorkflow } from '../../platform/workflow/workflow.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { consultationPlans, consultations, consultationTopics } from './schema.js';
import { consultationStates, planStates, topicStates, type ConsultationState, type PlanState, type TopicState } from '../../../shared/consultation/labels.js';

export type Topic = typeof consultationTopics.$inferSelect;
export type Plan = typeof consultationPlans.$inferSelect;
export type TopicAction = 'publish' | 'reject' | 'decline' | 'withdraw' | 'adopt' | 'unadopt';
export type PlanAction = 'submit' | 'passCommittee' | 'passOffice' | 'passChairs' | 'approve' | 'return' | 'revise';

/** 办公室: the general office organises consultation — it keeps the topics and drafts the plan. */
export const isConsultationStaff = (a: Actor) => a.roles.includes('admin') || (a.roles.includes('staff') && a.office === 'general');
export const officeOnly = (a: Actor) => (isConsultationStaff(a) ? null : '只有办公室工作人员可以办理');
/** The member who suggested a topic, or the staff user who entered it. */
export const isTopicAuthor = (a: Actor, t: Pick<Topic, 'authorMemberId' | 'createdByUserId'>) =>
  (t.authorMemberId !== null && a.memberId === t.authorMemberId) || (t.authorMemberId === null && t.createdByUserId === a.userId);

/**
 * A suggestion's course. Adopting into the plan (and taking it out again while the plan is drafted)
 * goes through the table too, so it is authorised, version-checked and audited like the rest.
 */
export const topicWorkflow = defineWorkflow<TopicState, TopicAction, Topic>({
  name: 'consultationTopic',
  stateLabels: topicStates,
  transitions: [
    { action: 'publish', label: '审核通过', from: ['pending'], to: 'submitted', roles: ['staff', 'admin'], guard: officeOnly },
    { action: 'reject', label: '审核不通过', from: ['pending'], to: 'rejected', roles: ['staff', 'admin'], guard: officeOnly },
    { action: 'decline', label: '不予采纳', from: ['submitted'], to: 'declined', roles: ['staff', 'admin'], guard: officeOnly },
    {
      action: 'withdraw', label: '撤回', from: ['submitted'], to: 'withdrawn', roles: ['member', 'staff', 'admin'],
      guard: (a, t) => (isTopicAuthor(a, t) ? null : '只有提出人可以撤回'),
    },
    { action: 'adopt', label: '列入协商计划', from: ['submitted'], to: 'adopted', roles: ['staff', 'admin'], guard: officeOnly },
    { action: 'unadopt', label: '移出协商计划', from: ['adopted'], to: 'submitted', roles: ['staff', 'admin'], guard: officeOnly },
  ],
});

/**
 * The plan through the four reviews (四审): 专委会基础审查 and 办公室研究审查 by the office (which
 * records the special committees' review), 主席会议协商审查 by a chair, 党委常委会终审 recorded by the
 * office with the standing committee's decision. Any review may return it for changes; a change after
 * approval (revise) starts the next revision at the beginning.
 */
export const planWorkflow = defineWorkflow<PlanState, PlanAction, Plan>({
  name: 'consultationPlan',
  stateLabels: planStates,
  transitions: [
    { action: 'submit', label: '提交审查', from: ['draft'], to: 'committeeReview', roles: ['staff', 'admin'], guard: officeOnly },
    { action: 'passCommittee', label: '专委会基础审查通过', from: ['committeeReview'], to: 'officeReview', roles: ['staff', 'admin'], guard: officeOnly },
    { action: 'passOffice', label: '办公室研究审查通过', from: ['officeReview'], to: 'chairsReview', roles: ['staff', 'admin'], guard: officeOnly },
    { action: 'passChairs', label: '主席会议协商审查通过', from: ['chairsReview'], to: 'partyReview', roles: ['leader'] },
    { action: 'approve', label: '党委常委会终审通过', from: ['partyReview'], to: 'approved', roles: ['staff', 'admin'], guard: officeOnly },
    { action: 'return', label: '退回修改', from: ['committeeReview', 'officeReview', 'partyReview'], to: 'draft', roles: ['staff', 'admin'], guard: officeOnly },
    { action: 'return', label: '退回修改', from: ['chairsReview'], to: 'draft', roles: ['leader'] },
    { action: 'revise', label: '调整计划', from: ['approved'], to: 'draft', roles: ['staff', 'admin'], guard: officeOnly },
  ],
});

/** The review step each passing action decides (the plan's state before it). */
export const stepOfAction: Partial<Record<PlanAction, PlanState>> = {
  passCommittee: 'committeeReview', passOffice: 'officeReview', passChairs: 'chairsReview', approve: 'partyReview',
};

export type Consultation = typeof consultations.$inferSelect;
export type ConsultationAction = 'schedule' | 'hold' | 'report' | 'assign' | 'finish';

/**
 * A planned consultation held and followed to the end: scheduled as an event, held (minutes), its
 * outcome sent to the party committee and government, its recommendations sent to departments,
 * done when every department has replied ("委员不白说、群众不白来").
 */
export const consultationWorkflow = defineWorkflow<ConsultationState, ConsultationAction, Consultation>({
  name: 'consultation',
  stateLabels: consultationStates,
  transitions: [
    { action: 'schedule', label: '安排协商活动', from: ['planned'], to: 'scheduled', roles: ['staff', 'admin'], guard: officeOnly },
    { action: 'hold', label: '记录协商情况', from: ['scheduled'], to: 'held', roles: ['staff', 'admin'], guard: officeOnly },
    { action: 'report', label: '报送协商成果', from: ['held'], to: 'reported', roles: ['staff', 'admin'], guard: officeOnly },
    { action: 'assign', label: '建议交部门办理', from: ['reported'], to: 'following', roles: ['staff', 'admin'], guard: officeOnly },
    // reported by the handling primitive: every recommendation has its departments' replies
    { action: 'finish', label: '落实办结', from: ['following'], to: 'done', roles: ['unit', 'staff', 'admin'] },
  ],
});
