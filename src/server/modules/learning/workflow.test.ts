import { describe, expect, it } from 'vitest';
import { can } from '../../platform/policy/policy.js';
import { decide } from '../../platform/workflow/workflow.js';
import { checkinPolicy, groupPolicy, itemPolicy, learningCollectionPolicy, type GroupSubject } from './policy.js';
import type { LearningItemRow, ReadingCheckinRow } from './schema.js';
import { itemWorkflow, type ItemTransition } from './workflow.js';
import { actorAs, committeeCast } from '../../../../test/support/actors.js';

const committeeId = 'c1';
const everyone = {
  ...committeeCast,
  groupMember: actorAs(['member'], { memberId: 'm1' }),
  otherMember: actorAs(['member'], { memberId: 'm9' }),
  auditor: actorAs(['auditor']),
};
type Who = keyof typeof everyone;
const item = (status: string) => ({ id: 'i', committeeId, status, version: 1, publishedAt: null }) as unknown as LearningItemRow;
const group = (status: string): GroupSubject => ({ id: 'g', committeeId, status, version: 1, memberIds: ['m1'] }) as unknown as GroupSubject;
const keepers: Who[] = ['roster', 'office', 'admin'];

/** Who may publish and withdraw: only the offices that keep learning (办公室, 委员科) and admins. */
const transitions: [string, ItemTransition, string][] = [
  ['draft', 'publish', 'published'],
  ['withdrawn', 'publish', 'published'],
  ['published', 'withdraw', 'withdrawn'],
];

describe('每日一学 by role', () => {
  for (const [from, action, to] of transitions) {
    for (const [name, who] of Object.entries(everyone)) {
      const ok = keepers.includes(name as Who);
      it(`${name} ${ok ? 'may' : 'may not'} ${action} a ${from} item`, () => {
        const v = decide(itemWorkflow, action, who, item(from));
        expect(v.ok).toBe(ok);
        if (v.ok) expect(v.to).toBe(to);
      });
    }
  }
  it('nothing is published twice or withdrawn as a draft', () => {
    expect(decide(itemWorkflow, 'publish', everyone.admin, item('published'))).toMatchObject({ ok: false, reason: 'wrong_state' });
    expect(decide(itemWorkflow, 'withdraw', everyone.admin, item('draft'))).toMatchObject({ ok: false, reason: 'wrong_state' });
  });
});

/** The policies' table: each action on each state, the roles it is granted to. */
const policyCases: [string, () => boolean[], Who[]][] = [
  ['read a draft item', () => Object.values(everyone).map((a) => can(itemPolicy, 'read', a, item('draft'))), keepers],
  ['read a published item', () => Object.values(everyone).map((a) => can(itemPolicy, 'read', a, item('published'))), [...keepers, 'proposalStaff', 'groupMember', 'otherMember', 'leader']],
  ['mark a published item learned', () => Object.values(everyone).map((a) => can(itemPolicy, 'learn', a, item('published'))), ['groupMember', 'otherMember', 'leader']],
  ['mark a withdrawn item learned', () => Object.values(everyone).map((a) => can(itemPolicy, 'learn', a, item('withdrawn'))), []],
  ['edit a draft', () => Object.values(everyone).map((a) => can(itemPolicy, 'update', a, item('draft'))), keepers],
  ['edit a published item', () => Object.values(everyone).map((a) => can(itemPolicy, 'update', a, item('published'))), []],
  ['read a group', () => Object.values(everyone).map((a) => can(groupPolicy, 'read', a, group('open'))), [...keepers, 'groupMember']],
  ['check in to an open group', () => Object.values(everyone).map((a) => can(groupPolicy, 'checkin', a, group('open'))), ['groupMember']],
  ['check in to a closed group', () => Object.values(everyone).map((a) => can(groupPolicy, 'checkin', a, group('closed'))), []],
  ['close an open group', () => Object.values(everyone).map((a) => can(groupPolicy, 'close', a, group('open'))), keepers],
  ['feature a note', () => Object.values(everyone).map((a) => can(checkinPolicy, 'feature', a, { committeeId, group: group('open') } as unknown as ReadingCheckinRow & { group: GroupSubject })), keepers],
  ['create items and groups', () => Object.values(everyone).map((a) => can(learningCollectionPolicy, 'create', a, { committeeId })), keepers],
  ['open 我的学习', () => Object.values(everyone).map((a) => can(learningCollectionPolicy, 'mine', a, { committeeId })), ['groupMember', 'otherMember', 'leader']],
];

describe('学习 policies by role', () => {
  for (const [what, answers, allowed] of policyCases) {
    it(`${what}: ${allowed.join('、') || 'nobody'}`, () => {
      const names = Object.keys(everyone);
      expect(answers().map((ok, i) => (ok ? names[i] : null)).filter(Boolean)).toEqual(names.filter((n) => allowed.includes(n as Who)));
    });
  }
  it('nobody of another committee reads anything', () => {
    const stranger = { ...everyone.admin, committeeId: 'c2' };
    expect(can(itemPolicy, 'read', stranger, item('published'))).toBe(false);
    expect(can(groupPolicy, 'read', { ...everyone.groupMember, committeeId: 'c2' }, group('open'))).toBe(false);
  });
});
