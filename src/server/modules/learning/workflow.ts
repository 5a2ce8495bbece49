import { defineWorkflow } from '../../platform/workflow/workflow.js';
import type { Actor } from '../../platform/auth/actor.js';
import { itemStates, type ItemState } from '../../../shared/learning/labels.js';
import type { LearningItemRow } from './schema.js';

export type ItemTransition = 'publish' | 'withdraw';

/**
 * Who keeps 学习: the general office and 委员科 (they run members' training and reading) and admins.
 * Any other staff office reads what is published, as members do.
 */
export const keepsLearning = (a: Actor) => a.roles.includes('admin') || (a.roles.includes('staff') && (a.office === 'general' || a.office === 'members'));

const keeperOnly = (a: Actor) => (keepsLearning(a) ? null : '只有办公室或委员科工作人员可以发布、撤回每日一学');

/**
 * A 每日一学 item's course: a draft is published to the members (who are told); a published item
 * may be withdrawn (members no longer see it) and published again. Marks of 已学 stay with it.
 */
export const itemWorkflow = defineWorkflow<ItemState, ItemTransition, LearningItemRow>({
  name: 'learningItem',
  stateLabels: itemStates,
  transitions: [
    { action: 'publish', label: '发布', from: ['draft', 'withdrawn'], to: 'published', roles: ['staff', 'admin'], guard: keeperOnly },
    { action: 'withdraw', label: '撤回', from: ['published'], to: 'withdrawn', roles: ['staff', 'admin'], guard: keeperOnly },
  ],
});
