import type { Actor } from '../../platform/auth/actor.js';
import { definePolicy, type CommitteeScope } from '../../platform/policy/policy.js';
import type { HomeDutyRow, HomeSuggestionRow } from './schema.js';

/** The offices that keep the Home's rota: the general office and 委员科 (and admins). */
export const keepsRota = (a: Actor) => a.roles.includes('admin') || (a.roles.includes('staff') && (a.office === 'general' || a.office === 'members'));
const onDuty = (a: Actor, d: Pick<HomeDutyRow, 'memberId'>) => a.memberId !== null && a.memberId === d.memberId;

/**
 * A duty day: every member of the committee may read the rota (it is posted at the Home); the member
 * on duty logs the visits they received (so may the keeping offices, from a paper log); the offices
 * cancel a duty (with a reason) while no visit was logged on it.
 */
export const dutyPolicy = definePolicy<HomeDutyRow & { visitCount: number }, 'read' | 'log' | 'cancel'>('homeDuty', '委员之家值班', {
  read: [{ roles: ['staff', 'admin', 'leader', 'member'] }],
  log: [{ roles: ['member', 'leader'], when: (a, d) => onDuty(a, d) && d.status === 'active' }, { roles: ['staff', 'admin'], when: (a, d) => keepsRota(a) && d.status === 'active' }],
  cancel: [{ roles: ['staff', 'admin'], when: (a, d) => keepsRota(a) && d.status === 'active' && d.visitCount === 0 }],
});

/** A suggestion as the policy sees it: its row, the member on duty and the visiting member (if any). */
export type SuggestionSubject = HomeSuggestionRow & { dutyMemberId: string; visitorMemberId: string | null };
const open = (s: SuggestionSubject) => !s.proposalId && !s.opinionId;

/**
 * Who sees a suggestion: the keeping offices and leaders, the member on duty, the member who made it.
 * 转化 is one action of the member on duty (the record is theirs or the visiting member's) or of the
 * visiting member themself — once.
 */
export const suggestionPolicy = definePolicy<SuggestionSubject, 'read' | 'convert'>('homeSuggestion', '委员之家工作建议', {
  read: [
    { roles: ['staff', 'admin'], when: (a) => keepsRota(a) },
    { roles: ['leader'] },
    { roles: ['member'], when: (a, s) => a.memberId !== null && (a.memberId === s.dutyMemberId || a.memberId === s.visitorMemberId) },
  ],
  convert: [{ roles: ['member'], when: (a, s) => open(s) && a.memberId !== null && (a.memberId === s.dutyMemberId || a.memberId === s.visitorMemberId) }],
});

/** The rota as a whole: everyone of the committee reads it; the keeping offices assign duty days; they and leaders read the visit log. */
export const homeCollectionPolicy = definePolicy<CommitteeScope, 'read' | 'create' | 'log'>('membersHome', '委员之家', {
  read: [{ roles: ['staff', 'admin', 'leader', 'member'] }],
  create: [{ roles: ['staff', 'admin'], when: (a) => keepsRota(a) }],
  log: [{ roles: ['staff', 'admin'], when: (a) => keepsRota(a) }, { roles: ['leader'] }],
});
