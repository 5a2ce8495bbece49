import { definePolicy, type CommitteeScope } from '../../../platform/policy/policy.js';
import { isProposalOffice, type KeyProposal, type Nomination } from './workflow.js';

const decided = (k: KeyProposal) => k.status !== 'shortlisted' && k.status !== 'declined';

/**
 * Who sees a key proposal (always through its proposal, which they must be able to read): the
 * office, admins and leaders from the shortlist on; members and units once the chairs' meeting made
 * it a key proposal. The steps themselves are the workflow's (`keyWorkflow`).
 */
export const keyPolicy = definePolicy<KeyProposal, 'read'>('keyProposal', '重点提案', {
  read: [{ roles: ['staff', 'admin', 'leader'] }, { roles: ['member', 'unit'], when: (_a, k) => decided(k) }],
});

/** An excellent-proposal nomination: the office and leaders follow the round; the rest see only what is decided. */
export const nominationPolicy = definePolicy<Nomination, 'read'>('excellentProposal', '优秀提案', {
  read: [{ roles: ['staff', 'admin', 'leader'] }, { roles: ['member', 'unit'], when: (_a, n) => n.status === 'decided' || n.status === 'published' }],
});

/** The year's lists: the office shortlists and nominates; the leaders' page lists what they lead. */
export const keyCollectionPolicy = definePolicy<CommitteeScope, 'read' | 'shortlist' | 'nominate' | 'list' | 'excellent'>('keyProposals', '重点提案', {
  // everyone of the committee knows key proposals exist (the rest is refused with 403, not hidden)
  read: [{ roles: ['staff', 'admin', 'leader', 'member', 'unit'] }],
  shortlist: [{ roles: ['staff', 'admin'], when: (a) => isProposalOffice(a) }],
  nominate: [{ roles: ['staff', 'admin'], when: (a) => isProposalOffice(a) }],
  list: [{ roles: ['leader'] }, { roles: ['staff', 'admin'], when: (a) => isProposalOffice(a) }],
  excellent: [{ roles: ['leader'] }, { roles: ['staff', 'admin'], when: (a) => isProposalOffice(a) }],
});
