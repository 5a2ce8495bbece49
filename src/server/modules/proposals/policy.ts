import { definePolicy, type CommitteeScope } from '../../platform/policy/policy.js';
import type { Actor } from '../../platform/auth/actor.js';
import { filedStates, isAuthor, type Proposal, type ProposalState } from './workflow.js';

/**
 * A proposal as the policies see it: with its co-signers (not declined; `invitedIds` those who have
 * not answered yet) and the units it is assigned to.
 */
export type ProposalSubject = Proposal & { cosignerIds: string[]; invitedIds: string[]; unitIds: string[] };

const isProposalStaff = (a: Actor) => a.roles.includes('admin') || (a.roles.includes('staff') && a.office === 'proposal');
const involved = (a: Actor, p: ProposalSubject) => isAuthor(a, p) || (a.memberId !== null && p.cosignerIds.includes(a.memberId));
const filed = (p: ProposalSubject) => filedStates.includes(p.status as ProposalState);
const editable = (p: ProposalSubject) => p.status === 'draft' || p.status === 'returned';

/**
 * Who sees a proposal: its authors and co-signers always; the proposal office everything but
 * others' drafts; leaders and other staff everything submitted; members every filed proposal;
 * a unit only what is assigned to it.
 */
export const proposalPolicy = definePolicy<ProposalSubject, 'read' | 'update' | 'inviteCosigners' | 'instruct' | 'publish' | 'document'>('proposal', '提案', {
  read: [
    { roles: ['member', 'staff', 'admin', 'leader'], when: (a, p) => involved(a, p) },
    { roles: ['staff', 'admin', 'leader'], when: (_a, p) => p.status !== 'draft' && p.status !== 'withdrawn' },
    { roles: ['member'], when: (_a, p) => filed(p) },
    { roles: ['unit'], when: (a, p) => a.unitId !== null && p.unitIds.includes(a.unitId) },
  ],
  update: [{ roles: ['member', 'staff', 'admin'], when: (a, p) => isAuthor(a, p) && editable(p) }],
  inviteCosigners: [{ roles: ['member'], when: (a, p) => isAuthor(a, p) && editable(p) && p.authorType === 'joint' }],
  instruct: [{ roles: ['leader'], when: (_a, p) => p.status !== 'draft' && p.status !== 'withdrawn' }],
  publish: [{ roles: ['staff', 'admin'], when: (a, p) => isProposalStaff(a) && (p.status === 'replied' || p.status === 'closed') }],
  document: [
    { roles: ['member', 'staff', 'admin', 'leader'], when: (a, p) => involved(a, p) || (p.status !== 'draft' && !a.roles.includes('member')) || filed(p) },
    { roles: ['unit'], when: (a, p) => a.unitId !== null && p.unitIds.includes(a.unitId) },
  ],
});
export { isProposalStaff };

/** The committee's proposals as a whole: members draft their own, staff enter those of bodies (集体提案). */
export const proposalCollectionPolicy = definePolicy<CommitteeScope, 'create'>('proposals', '提案', {
  create: [{ roles: ['member'] }, { roles: ['staff', 'admin'] }],
});
