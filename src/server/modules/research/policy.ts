import { definePolicy, type CommitteeScope } from '../../platform/policy/policy.js';
import { inGroup, isResearchStaff, type TopicSubject } from './workflow.js';

/** The topics as a whole (rights on the committee, not on a record): everyone but departments lists them; the office enters them. */
export const topicCollectionPolicy = definePolicy<CommitteeScope, 'read' | 'create'>('researchTopics', '调研课题', {
  read: [{ roles: ['member', 'leader', 'staff', 'admin'] }],
  create: [{ roles: ['staff', 'admin'], when: (a) => isResearchStaff(a) }],
});

/**
 * Research topics are the committee's open work: every member, leader and staff member reads them
 * (members volunteer from the list); a department reads one whose items were sent to it. The office
 * manages; the confirmed group writes the report while it is drafted; a finished report is
 * converted by the office (collective) or by a member of the group (in their own name).
 */
export const topicPolicy = definePolicy<TopicSubject, 'read' | 'manage' | 'volunteer' | 'update' | 'convert' | 'convertCollective' | 'instruct' | 'assign'>(
  'researchTopic',
  '调研课题',
  {
    read: [
      { roles: ['member', 'leader', 'staff', 'admin'] },
      { roles: ['unit'], when: (a, t) => a.unitId !== null && t.sentToUnitIds.includes(a.unitId) },
    ],
    manage: [{ roles: ['staff', 'admin'], when: (a, t) => isResearchStaff(a) && t.status !== 'final' }],
    volunteer: [{ roles: ['member'], when: (a, t) => a.memberId !== null && t.status === 'drafting' }],
    update: [
      { roles: ['member'], when: (a, t) => inGroup(a, t) && t.status === 'drafting' },
      { roles: ['staff', 'admin'], when: (a, t) => isResearchStaff(a) && t.status === 'drafting' },
    ],
    convert: [{ roles: ['member'], when: (a, t) => inGroup(a, t) && t.status === 'final' }],
    convertCollective: [{ roles: ['staff', 'admin'], when: (a, t) => isResearchStaff(a) && t.status === 'final' }],
    instruct: [{ roles: ['staff', 'admin', 'leader'], when: (a, t) => (isResearchStaff(a) || a.roles.includes('leader')) && t.status === 'final' }],
    assign: [{ roles: ['staff', 'admin'], when: (a, t) => isResearchStaff(a) && t.status === 'final' }],
  },
);
