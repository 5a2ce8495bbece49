import { definePolicy, type CommitteeScope } from '../../platform/policy/policy.js';

/**
 * The yearly work report is the general office's to compile (it reads every module's figures,
 * counts only — no record's content) and to save in versions with its own words; leaders read it.
 */
export const summaryPolicy = definePolicy<CommitteeScope, 'read' | 'save'>('summary', '年度工作报告', {
  read: [{ roles: ['staff'], when: (a) => a.office === 'general' }, { roles: ['admin', 'leader'] }],
  save: [{ roles: ['staff'], when: (a) => a.office === 'general' }, { roles: ['admin'] }],
});
