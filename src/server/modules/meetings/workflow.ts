import type { Actor } from '../../platform/auth/actor.js';
import { defineWorkflow } from '../../platform/workflow/workflow.js';
import type { Speech } from './schema.js';

export const speechStates = { submitted: '已提交', oral: '大会口头发言', written: '书面发言', notUsed: '未采用', withdrawn: '已撤回' } as const;
export type SpeechState = keyof typeof speechStates;
type SpeechAction = 'selectOral' | 'selectWritten' | 'notUse' | 'withdraw';

/** The plenary office (办公室) selects speeches; admins too. */
const isMeetingStaff = (a: Actor) => a.roles.includes('admin') || (a.roles.includes('staff') && a.office === 'general');
const staffOnly = (a: Actor) => (isMeetingStaff(a) ? null : '只有办公室工作人员可以遴选大会发言');
const authorOnly = (a: Actor, s: Speech) => (a.memberId === s.memberId ? null : '只有发言人可以撤回');
const decidable: SpeechState[] = ['submitted', 'oral', 'written', 'notUsed'];

/**
 * The activity workflow (meetings themselves) is the primitive's, platform/activity/workflow.ts;
 * this module adds the plenary speech.
 *
 * 大会发言: submitted → oral / written / not used (a choice staff may revise until the session); the author may withdraw before. */
export const speechWorkflow = defineWorkflow<SpeechState, SpeechAction, Speech>({
  name: 'plenarySpeech',
  stateLabels: speechStates,
  transitions: [
    { action: 'selectOral', label: '安排口头发言', from: decidable, to: 'oral', roles: ['staff', 'admin'], guard: staffOnly },
    { action: 'selectWritten', label: '作为书面发言', from: decidable, to: 'written', roles: ['staff', 'admin'], guard: staffOnly },
    { action: 'notUse', label: '不予采用', from: decidable, to: 'notUsed', roles: ['staff', 'admin'], guard: staffOnly },
    { action: 'withdraw', label: '撤回', from: ['submitted'], to: 'withdrawn', roles: ['member'], guard: authorOnly },
  ],
});

/** The transition that records each selection. */
export const selectAction = { oral: 'selectOral', written: 'selectWritten', notUsed: 'notUse' } as const;
