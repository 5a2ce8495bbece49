import { roles } from '../../platform/auth/actor.js';
import { definePolicy, type CommitteeScope } from '../../platform/policy/policy.js';

/**
 * 驾驶舱: the committee's leaders, the general office (办公室, who prepares the figures for them) and
 * admins view the year's charts — counts only, each linking to a list the reader's own rights then
 * govern. Everyone of the committee may know the page exists, so a member or a unit is told 403.
 */
export const cockpitPolicy = definePolicy<CommitteeScope, 'read' | 'view'>('cockpit', '驾驶舱', {
  read: [{ roles }],
  view: [{ roles: ['leader', 'admin'] }, { roles: ['staff'], when: (a) => a.office === 'general' }],
});
