import type { Actor } from '../../platform/auth/actor.js';
import { can, definePolicy, type CommitteeScope } from '../../platform/policy/policy.js';
import type { LearningItemRow, ReadingCheckinRow, ReadingGroupRow } from './schema.js';
import { keepsLearning } from './workflow.js';

const member = (a: Actor) => a.memberId !== null;

/**
 * 每日一学: the keeping offices read and edit every item (drafts too); everyone else of the committee
 * who reads — members, leaders, other staff — only what is published. A member marks a published
 * item learned (已学).
 */
export const itemPolicy = definePolicy<LearningItemRow, 'read' | 'update' | 'learn' | 'figures'>('learningItem', '每日一学', {
  read: [
    { roles: ['staff', 'admin'], when: (a, i) => keepsLearning(a) || i.status === 'published' },
    { roles: ['member', 'leader'], when: (_a, i) => i.status === 'published' },
  ],
  update: [{ roles: ['staff', 'admin'], when: (a, i) => keepsLearning(a) && i.status === 'draft' }],
  learn: [{ roles: ['member', 'leader'], when: (a, i) => member(a) && i.status === 'published' }],
  figures: [{ roles: ['staff', 'admin'], when: (a) => keepsLearning(a) }],
});

/** A reading group as the policy sees it: the row and its members. */
export type GroupSubject = ReadingGroupRow & { memberIds: string[] };
const inGroup = (a: Actor, g: GroupSubject) => a.memberId !== null && g.memberIds.includes(a.memberId);

/**
 * 书香政协: the keeping offices read and keep every group; a member reads the groups they are in
 * (and their fellow members' notes), and checks in while the group is open.
 */
export const groupPolicy = definePolicy<GroupSubject, 'read' | 'update' | 'close' | 'checkin' | 'feature'>('readingGroup', '读书小组', {
  read: [{ roles: ['staff', 'admin'], when: (a) => keepsLearning(a) }, { roles: ['member', 'leader'], when: inGroup }],
  update: [{ roles: ['staff', 'admin'], when: (a, g) => keepsLearning(a) && g.status === 'open' }],
  close: [{ roles: ['staff', 'admin'], when: (a, g) => keepsLearning(a) && g.status === 'open' }],
  checkin: [{ roles: ['member', 'leader'], when: (a, g) => inGroup(a, g) && g.status === 'open' }],
  feature: [{ roles: ['staff', 'admin'], when: (a) => keepsLearning(a) }],
});

/** A check-in with its group (whoever reads the group reads its check-ins). */
export type CheckinSubject = ReadingCheckinRow & { group: GroupSubject };
export const checkinPolicy = definePolicy<CheckinSubject, 'read' | 'feature'>('readingCheckin', '读书打卡', {
  read: [{ roles: ['staff', 'admin', 'member', 'leader'], when: (a, c) => can(groupPolicy, 'read', a, c.group) }],
  feature: [{ roles: ['staff', 'admin'], when: (a) => keepsLearning(a) }],
});

/** 学习 as a whole: the keeping offices create items and groups; everyone who reads lists what they may read. */
export const learningCollectionPolicy = definePolicy<CommitteeScope, 'read' | 'list' | 'create' | 'mine'>('learning', '学习', {
  read: [{ roles: ['staff', 'admin', 'member', 'leader'] }],
  list: [{ roles: ['staff', 'admin', 'member', 'leader'] }],
  create: [{ roles: ['staff', 'admin'], when: (a) => keepsLearning(a) }],
  mine: [{ roles: ['member', 'leader'], when: member }],
});
