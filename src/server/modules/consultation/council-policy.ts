import { definePolicy, type CommitteeScope } from '../../platform/policy/policy.js';
import { isConsultationStaff } from './workflow.js';
import type { Council } from './council-workflow.js';

/** A council as its policy sees it: with the members (roster ids) who sit at its table. */
export type CouncilSubject = Council & { memberIds: string[] };

/**
 * 基层协商议事会: staff of every office, admins and leaders read every council of the committee; a
 * member reads those they take part in. The general office keeps them (texts, participants, result,
 * items) until they are done or voided.
 */
export const councilPolicy = definePolicy<CouncilSubject, 'read' | 'update'>('consultationCouncil', '基层协商议事会', {
  read: [{ roles: ['staff', 'admin', 'leader'] }, { roles: ['member'], when: (a, c) => a.memberId !== null && c.memberIds.includes(a.memberId) }],
  update: [{ roles: ['staff', 'admin'], when: (a, c) => isConsultationStaff(a) && c.status !== 'done' && c.status !== 'voided' }],
});

/** Councils as a whole: everyone of the committee lists them (a member sees their own); the general office opens one. */
export const councilCollectionPolicy = definePolicy<CommitteeScope, 'read' | 'create'>('consultationCouncils', '基层协商议事会', {
  read: [{ roles: ['staff', 'admin', 'leader', 'member'] }],
  create: [{ roles: ['staff', 'admin'], when: (a) => isConsultationStaff(a) }],
});
