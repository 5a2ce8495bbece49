import { definePolicy } from '../policy/policy.js';
import { roles, type Actor } from '../auth/actor.js';
import { replyingRoles, type HandlingRole } from './plan.js';
import type { Assignment } from './workflow.js';

const ownUnit = (a: Actor, x: Assignment) => a.unitId === x.unitId;

/**
 * Who may read an assignment and write a reply on it. What units and the overseeing office do to
 * an assignment (sign, object, extensions, views, sending the reply) is its workflow table
 * (workflow.ts): who may, from which state, under which preconditions.
 */
export const assignmentPolicy = definePolicy<Assignment, 'read' | 'reply'>('assignment', '交办记录', {
  read: [{ roles: ['unit'], when: ownUnit }, { roles: ['staff', 'admin', 'leader'] }],
  // a replying unit drafts and signs its reply while it handles the assignment
  reply: [{ roles: ['unit'], when: (a, x) => ownUnit(a, x) && x.status === 'signed' && replyingRoles.includes(x.role as HandlingRole) }],
});
export type { Assignment };

/**
 * 待办事项: the worklist is a handling unit's own (its pending items of every type). Everyone of the
 * committee may know the page exists, so another role is told 403, not 404.
 */
export const worklistPolicy = definePolicy<{ committeeId: string }, 'read' | 'view'>('handlingWorklist', '待办事项', {
  read: [{ roles }],
  view: [{ roles: ['unit'], when: (a) => a.unitId !== null }],
});

/**
 * 承诺兑现: who reads the promises replies made (列入计划) — a unit its own, the staff the promises
 * of the types their office oversees, admins and leaders all. Everyone of the committee may know
 * the list exists (403 to another role). Recording an outcome is the promise table (workflow.ts).
 */
export const promisesPolicy = definePolicy<{ committeeId: string }, 'read' | 'view'>('handlingPromises', '办理承诺', {
  read: [{ roles }],
  view: [{ roles: ['unit'], when: (a) => a.unitId !== null }, { roles: ['staff', 'admin', 'leader'] }],
});
