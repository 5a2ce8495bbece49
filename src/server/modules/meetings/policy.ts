import type { Actor } from '../../platform/auth/actor.js';
import { can, committeeSubject, definePolicy, type CommitteeScope } from '../../platform/policy/policy.js';
import type { Speech } from './schema.js';

/** A speech is read by the office, admins and leaders, and by its authors; any member may submit one. */
export const speechPolicy = definePolicy<Speech, 'read'>('plenarySpeech', '大会发言', {
  read: [{ roles: ['staff', 'admin', 'leader'] }, { roles: ['member'], when: (a, s) => a.memberId !== null && (a.memberId === s.memberId || s.contributorMemberIds.includes(a.memberId)) }],
});

/** The committee's speeches as a whole: any member may submit one. */
export const speechCollectionPolicy = definePolicy<CommitteeScope, 'create'>('plenarySpeeches', '大会发言', {
  create: [{ roles: ['member'] }],
});

export const canSubmitSpeech = (actor: Actor) => can(speechCollectionPolicy, 'create', actor, committeeSubject(actor));
