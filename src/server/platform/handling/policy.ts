import { definePolicy } from '../policy/policy.js';
import type { Actor } from '../auth/actor.js';
import type { assignments } from './schema.js';

type Assignment = typeof assignments.$inferSelect & { office: string };

const ownUnit = (a: Actor, x: Assignment) => a.unitId === x.unitId;
const overseer = (a: Actor, x: Assignment) => a.roles.includes('admin') || a.office === x.office;

/**
 * Who may act on an assignment: the assigned unit acts on its own assignment only; the staff
 * office that oversees the subject decides objections and extensions. `office` is the port's.
 */
export const assignmentPolicy = definePolicy<Assignment, 'read' | 'sign' | 'object' | 'decideObjection' | 'requestExtension' | 'decideExtension' | 'sendOpinion' | 'reply'>(
  'assignment',
  '交办记录',
  {
    read: [{ roles: ['unit'], when: ownUnit }, { roles: ['staff', 'admin', 'leader'] }],
    sign: [{ roles: ['unit'], when: (a, x) => ownUnit(a, x) && x.status === 'assigned' }],
    object: [{ roles: ['unit'], when: (a, x) => ownUnit(a, x) && (x.status === 'assigned' || x.status === 'signed') }],
    decideObjection: [{ roles: ['staff', 'admin'], when: (a, x) => overseer(a, x) && x.status === 'objected' }],
    requestExtension: [{ roles: ['unit'], when: (a, x) => ownUnit(a, x) && x.status === 'signed' && x.extensionStatus !== 'pending' && ['sole', 'lead', 'split'].includes(x.role) }],
    decideExtension: [{ roles: ['staff', 'admin'], when: (a, x) => overseer(a, x) && x.extensionStatus === 'pending' }],
    sendOpinion: [{ roles: ['unit'], when: (a, x) => ownUnit(a, x) && x.status === 'signed' && (x.role === 'assisting' || x.role === 'joint') }],
    reply: [{ roles: ['unit'], when: (a, x) => ownUnit(a, x) && x.status === 'signed' && ['sole', 'lead', 'split'].includes(x.role) }],
  },
);
export type { Assignment };
