import { definePolicy, type CommitteeScope } from '../../platform/policy/policy.js';
import type { Actor } from '../../platform/auth/actor.js';
import { isConsultationStaff, isTopicAuthor, type Plan, type Topic } from './workflow.js';

export const isLeader = (a: Actor) => a.roles.includes('leader');
/** Public suggestions are seen by nobody but the office until moderated; rejected ones stay with the office. */
const moderated = (t: Topic) => t.status !== 'pending' && t.status !== 'rejected';

/**
 * Who sees a suggestion: its author always; the office everything; leaders what passed moderation;
 * members the suggestions adopted into the plan (the plan is published anyway).
 */
export const topicPolicy = definePolicy<Topic, 'read' | 'seeContact'>('consultationTopic', '协商选题', {
  read: [
    { roles: ['member', 'staff', 'admin', 'leader'], when: isTopicAuthor },
    { roles: ['staff', 'admin'], when: (a) => isConsultationStaff(a) },
    { roles: ['leader'], when: (_a, t) => moderated(t) },
    { roles: ['member'], when: (_a, t) => t.status === 'adopted' },
  ],
  seeContact: [{ roles: ['staff', 'admin'], when: (a) => isConsultationStaff(a) }],
});

/**
 * The plan: the office drafts and edits it while drafting; leaders and the office read it at every
 * step; once approved every member (and unit) of the committee reads it.
 */
export const planPolicy = definePolicy<Plan, 'read' | 'edit' | 'document'>('consultationPlan', '年度协商计划', {
  read: [
    { roles: ['staff', 'admin'], when: (a) => isConsultationStaff(a) },
    { roles: ['leader'] },
    { roles: ['member', 'unit', 'staff'], when: (_a, p) => p.status === 'approved' },
  ],
  edit: [{ roles: ['staff', 'admin'], when: (a, p) => isConsultationStaff(a) && p.status === 'draft' }],
  document: [
    { roles: ['staff', 'admin'], when: (a) => isConsultationStaff(a) },
    { roles: ['leader'] },
    { roles: ['member', 'unit', 'staff'], when: (_a, p) => p.status === 'approved' },
  ],
});



/** The suggestions as a whole: 委员荐题 by members; the office enters the other sources (党政点题, 政协选题, 群众出题 it collected). */
export const topicCollectionPolicy = definePolicy<CommitteeScope, 'create' | 'enterForBody'>('consultationTopics', '协商选题', {
  create: [{ roles: ['member'] }, { roles: ['staff', 'admin'], when: (a) => isConsultationStaff(a) }],
  enterForBody: [{ roles: ['staff', 'admin'], when: (a) => isConsultationStaff(a) }],
});

/** The plans as a whole: the office starts the year's plan. */
export const planCollectionPolicy = definePolicy<CommitteeScope, 'create'>('consultationPlans', '年度协商计划', {
  create: [{ roles: ['staff', 'admin'], when: (a) => isConsultationStaff(a) }],
});

/**
 * A consultation as the policies see it: its plan's state, its member participants and the units its
 * recommendations were sent to (`unitIds` are the departments taking part, as planned).
 */
export type ConsultationSubject = import('./workflow.js').Consultation & { planStatus: string; memberIds: string[]; sentToUnitIds: string[] };

const heldStates = ['held', 'reported', 'following', 'done'];

/**
 * A consultation of an approved plan is read by every member and leader (what became of it is the
 * point); the office manages it; a department reads one it takes part in or whose recommendations were sent to it. Members speak only in a
 * consultation they take part in, while it is scheduled or being held.
 */
export const consultationPolicy = definePolicy<ConsultationSubject, 'read' | 'manage' | 'keyProposals' | 'speak' | 'instruct' | 'rate' | 'readQuality'>('consultation', '协商活动', {
  read: [
    { roles: ['staff', 'admin'], when: (a) => isConsultationStaff(a) },
    { roles: ['leader', 'member', 'staff'], when: (_a, c) => c.planStatus === 'approved' || c.status !== 'planned' },
    { roles: ['unit'], when: (a, c) => a.unitId !== null && (c.sentToUnitIds.includes(a.unitId) || (c.planStatus === 'approved' && c.unitIds.includes(a.unitId))) },
  ],
  manage: [{ roles: ['staff', 'admin'], when: (a, c) => isConsultationStaff(a) && c.status !== 'planned' && c.status !== 'done' }],
  // 提案办理协商: the office names the key proposals it discusses, from planning (before it is scheduled) until done
  keyProposals: [{ roles: ['staff', 'admin'], when: (a, c) => isConsultationStaff(a) && c.form === 'proposalHandling' && c.status !== 'done' }],
  speak: [{ roles: ['member'], when: (a, c) => a.memberId !== null && c.memberIds.includes(a.memberId) && (c.status === 'scheduled' || c.status === 'held') }],
  instruct: [{ roles: ['staff', 'admin', 'leader'], when: (a, c) => (isConsultationStaff(a) || isLeader(a)) && ['reported', 'following', 'done'].includes(c.status) }],
  // 协商质量评价: a participating member, once it was held; the office and leaders read the results
  rate: [{ roles: ['member'], when: (a, c) => a.memberId !== null && c.memberIds.includes(a.memberId) && heldStates.includes(c.status) }],
  readQuality: [{ roles: ['staff', 'admin'], when: (a) => isConsultationStaff(a) }, { roles: ['leader'], when: (a) => isLeader(a) }],
});
