import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/actor.js';
import { allowedActions, can, committeeSubject } from '../../platform/policy/policy.js';
import { deedPolicy, ownedCollectionPolicy, partnerPolicy } from './policy.js';
import { actorAs, TABLE_COMMITTEE } from '../../../../test/support/actors.js';

const C = TABLE_COMMITTEE;
const owner = actorAs(['member'], { memberId: 'm1' });
const other = actorAs(['member'], { memberId: 'm2' });
const office = actorAs(['staff'], { office: 'general' });
const info = actorAs(['staff'], { office: 'info' });
const leader = actorAs(['leader']);
const unit = actorAs(['unit']);
const foreign = actorAs(['staff'], { office: 'general', committeeId: 'c2' });
const deed = (status: string) => ({ committeeId: C, memberId: 'm1', status });

/** Who may do what to a member's deed, per state: the buttons the client shows. */
describe('outreach policies', () => {
  it.each([
    ['owner, in progress', owner, 'inProgress', ['read', 'update', 'complete']],
    ['owner, done', owner, 'done', ['read', 'update']],
    ['owner, voided', owner, 'voided', ['read']],
    ['another member', other, 'inProgress', []],
    ['general office', office, 'inProgress', ['read', 'update', 'void', 'complete']],
    ['any office (信息科)', info, 'done', ['read', 'update', 'void']],
    ['staff, voided', office, 'voided', ['read']],
    ['leader', leader, 'done', ['read']],
    ['unit', unit, 'done', []],
    ['another committee', foreign, 'inProgress', []],
  ] as const)('deed: %s', (_label, who, status, expected) => {
    expect(allowedActions(deedPolicy, who, deed(status))).toEqual(expected);
  });

  it('a paired contact may be ended by its member or staff while active; only staff void', () => {
    expect(allowedActions(partnerPolicy, owner, deed('active'))).toEqual(['read', 'update', 'end']);
    expect(allowedActions(partnerPolicy, owner, deed('ended'))).toEqual(['read']);
    expect(allowedActions(partnerPolicy, office, deed('active'))).toEqual(['read', 'update', 'void', 'end']);
  });

  it('members record their own items and staff for anyone (rights on the committee, not a record)', () => {
    const may = (who: Actor) => can(ownedCollectionPolicy, 'create', who, committeeSubject(owner));
    expect([owner, office, info, leader, unit, foreign].map(may)).toEqual([true, true, true, false, false, false]);
  });
});
