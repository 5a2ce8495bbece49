import { definePolicy, type CommitteeScope } from '../../platform/policy/policy.js';
import type { Actor } from '../../platform/auth/actor.js';
import { inGroup, isGroupLeader, isSupervisionOffice, type Suggestion as SuggestionRow } from './workflow.js';
import type { supervisionGroups, supervisionTopics, specialSupervisors } from './schema.js';

/** A suggestion as the policies see it: with the units it was sent to. */
export type Suggestion = SuggestionRow & { unitIds: string[] };
export type Group = typeof supervisionGroups.$inferSelect & { memberIds: string[] };
export type Topic = typeof supervisionTopics.$inferSelect;
export type Supervisor = typeof specialSupervisors.$inferSelect;

const office = (a: Actor) => isSupervisionOffice(a);
// the committee stands in for a group on create: no members
const inThisGroup = (a: Actor, g: Group) => a.memberId !== null && ((g.memberIds ?? []).includes(a.memberId) || g.leaderMemberId === a.memberId);

/** Groups: the office manages them; leaders read them all; a member reads the groups they belong to. */
export const groupPolicy = definePolicy<Group, 'read' | 'update'>('supervisionGroup', '民主监督小组', {
  read: [{ roles: ['staff', 'admin'], when: office }, { roles: ['leader'] }, { roles: ['member'], when: inThisGroup }],
  update: [{ roles: ['staff', 'admin'], when: office }],
});

/** 特约监督员: the office's register. */
export const supervisorPolicy = definePolicy<Supervisor, 'read' | 'update'>('specialSupervisor', '特约监督员', {
  read: [{ roles: ['staff', 'admin'], when: office }, { roles: ['leader'] }],
  update: [{ roles: ['staff', 'admin'], when: office }],
});

/** Topics: the office sets them (and reads the frequent proposal topics); members and leaders read them. */
export const topicPolicy = definePolicy<Topic, 'read'>('supervisionTopic', '监督议题', {
  read: [{ roles: ['staff', 'admin'], when: office }, { roles: ['leader', 'member'] }],
});

/** sent for review at least once: a draft the office returned (with its note) stays in its sight */
const seenByOffice = (s: Suggestion) => s.status !== 'draft' || s.reviewNote !== null;
/**
 * Who sees a suggestion: its group always (drafts included); the office and leaders once it is sent
 * for review; a unit only a suggestion addressed to it. Other members do not see it.
 */
export const suggestionPolicy = definePolicy<Suggestion, 'read' | 'update' | 'rate' | 'followUp'>('supervisionSuggestion', '监督建议', {
  read: [
    { roles: ['member'], when: inGroup },
    { roles: ['staff', 'admin'], when: (a, s) => office(a) && (seenByOffice(s) || s.draftedByMemberId === null) },
    { roles: ['leader'], when: (_a, s) => s.status !== 'draft' },
    { roles: ['unit'], when: (a, s) => a.unitId !== null && s.unitIds.includes(a.unitId) },
  ],
  update: [
    { roles: ['member'], when: (a, s) => inGroup(a, s) && s.status === 'draft' },
    { roles: ['staff', 'admin'], when: (a, s) => office(a) && (s.status === 'draft' || s.status === 'reviewing') },
  ],
  rate: [{ roles: ['member', 'staff', 'admin'], when: (a, s) => (isGroupLeader(a, s) || office(a)) && s.status === 'replied' }],
  followUp: [{ roles: ['member', 'staff', 'admin'], when: (a, s) => (inGroup(a, s) || office(a)) && s.status === 'following' }],
});

// ── rights on the committee's records as a whole (lists, creating, statistics), not on one record ──

/** The groups: the office sets them up; leaders and the office list them all (a member sees their own). */
export const groupCollectionPolicy = definePolicy<CommitteeScope, 'read' | 'create'>('supervisionGroups', '民主监督小组', {
  read: [{ roles: ['staff', 'admin'], when: office }, { roles: ['leader'] }],
  create: [{ roles: ['staff', 'admin'], when: office }],
});

/** The register of special supervisors: the office keeps it, leaders read it. */
export const supervisorCollectionPolicy = definePolicy<CommitteeScope, 'read' | 'create'>('specialSupervisors', '特约监督员', {
  read: [{ roles: ['staff', 'admin'], when: office }, { roles: ['leader'] }],
  create: [{ roles: ['staff', 'admin'], when: office }],
});

/** The topics: read by the office, leaders and members; set by the office, which alone reads the frequent proposal topics. */
export const topicCollectionPolicy = definePolicy<CommitteeScope, 'read' | 'create' | 'frequent'>('supervisionTopics', '监督议题', {
  read: [{ roles: ['staff', 'admin'], when: office }, { roles: ['leader', 'member'] }],
  create: [{ roles: ['staff', 'admin'], when: office }],
  frequent: [{ roles: ['staff', 'admin'], when: office }],
});

/**
 * The suggestions: everyone concerned lists theirs (the list is scoped by `read` above); a member
 * (for a group they are in, checked on the draft) or the office drafts; the office and leaders read the figures.
 */
export const suggestionCollectionPolicy = definePolicy<CommitteeScope, 'read' | 'create' | 'stats'>('supervisionSuggestions', '监督建议', {
  read: [{ roles: ['member', 'leader', 'unit'] }, { roles: ['staff', 'admin'], when: office }],
  create: [{ roles: ['member'], when: (a) => a.memberId !== null }, { roles: ['staff', 'admin'], when: office }],
  stats: [{ roles: ['staff', 'admin'], when: office }, { roles: ['leader'] }],
});
