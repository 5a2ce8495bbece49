import { definePolicy, type CommitteeScope } from '../../../platform/policy/policy.js';
import { isProposalOffice } from '../key/workflow.js';
import type { proposalTopics } from './schema.js';

export type ProposalTopic = typeof proposalTopics.$inferSelect;

const office = { roles: ['staff', 'admin'] as const, when: isProposalOffice };

/**
 * A reference topic: the proposal office (and admins) write, publish and withdraw them and read
 * every state; leaders read drafts too; everyone else of the committee reads a published one.
 */
export const topicPolicy = definePolicy<ProposalTopic, 'read' | 'update' | 'publish' | 'withdraw'>('proposalTopic', '参考选题', {
  read: [{ roles: office.roles, when: (a) => office.when(a) }, { roles: ['leader'] }, { roles: ['member', 'staff', 'admin', 'unit'], when: (_a, t) => t.status === 'published' }],
  update: [{ roles: office.roles, when: (a) => office.when(a) }],
  publish: [{ roles: office.roles, when: (a, t) => office.when(a) && t.status !== 'published' }],
  withdraw: [{ roles: office.roles, when: (a, t) => office.when(a) && t.status === 'published' }],
});

/** The year's list: the office manages it (and leaders follow it); every signed-in person of the committee reads what is published. */
export const topicCollectionPolicy = definePolicy<CommitteeScope, 'create' | 'manage' | 'read'>('proposalTopics', '参考选题', {
  create: [{ roles: office.roles, when: (a) => office.when(a) }],
  manage: [{ roles: office.roles, when: (a) => office.when(a) }, { roles: ['leader'] }],
  read: [{ roles: ['member', 'staff', 'admin', 'leader', 'unit'] }],
});
