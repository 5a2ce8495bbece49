import { definePolicy, type CommitteeScope } from '../../../platform/policy/policy.js';
import { isInfoStaff } from '../workflow.js';
import type { opinionContactPoints } from '../schema.js';

export type ContactPoint = typeof opinionContactPoints.$inferSelect;

/**
 * A 社情民意联系点: the information office (and admins) keep it and see its liaisons' phones; leaders
 * read every point; members and other staff read the points in use (to name the one a report came through).
 */
export const contactPointPolicy = definePolicy<ContactPoint, 'read' | 'update' | 'phones'>('opinionContactPoint', '社情民意联系点', {
  read: [{ roles: ['staff', 'admin'], when: (a) => isInfoStaff(a) }, { roles: ['leader'] }, { roles: ['member', 'staff', 'admin'], when: (_a, p) => p.active }],
  update: [{ roles: ['staff', 'admin'], when: (a) => isInfoStaff(a) }],
  phones: [{ roles: ['staff', 'admin'], when: (a) => isInfoStaff(a) }],
});

/** The points as a whole: the information office sets one up; everyone who writes reports lists them. */
export const contactPointCollectionPolicy = definePolicy<CommitteeScope, 'create' | 'read'>('opinionContactPoints', '社情民意联系点', {
  create: [{ roles: ['staff', 'admin'], when: (a) => isInfoStaff(a) }],
  read: [{ roles: ['member', 'staff', 'admin', 'leader'] }],
});
