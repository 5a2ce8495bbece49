import { describe, expect, it } from 'vitest';
import type { Actor, Office, Role } from '../../platform/auth/actor.js';
import { allowedActions } from '../../platform/policy/policy.js';
import { councilPolicy, deedPolicy, partnerPolicy } from './policy.js';

const C = 'c1';
const actor = (roles: Role[], o: { memberId?: string; office?: Office; committeeId?: string } = {}): Actor => ({
  userId: 'u', committeeId: o.committeeId ?? C, name: 'x', roles, office: o.office ?? null, memberId: o.memberId ?? null, unitId: null,
});
const owner = actor(['member'], { memberId: 'm1' });
const other = actor(['member'], { memberId: 'm2' });
const office = actor(['staff'], { office: 'general' });
const info = actor(['staff'], { office: 'info' });
const leader = actor(['leader']);
const unit = actor(['unit']);
const foreign = actor(['staff'], { office: 'general', committeeId: 'c2' });
const deed = (status: string) => ({ committeeId: C, memberId: 'm1', status });

/** Who may do what to a member's deed, per state: the buttons the client shows. */
describe('outreach policies', () => {
  it.each([
    ['owner, in progress', owner, 'inProgress', ['read', 'create', 'update', 'complete']],
    ['owner, done', owner, 'done', ['read', 'create', 'update']],
    ['owner, voided', owner, 'voided', ['read', 'create']],
    ['another member', other, 'inProgress', ['create']],
    ['general office', office, 'inProgress', ['read', 'create', 'update', 'void', 'complete']],
    ['any office (信息科)', info, 'done', ['read', 'create', 'update', 'void']],
    ['staff, voided', office, 'voided', ['read', 'create']],
    ['leader', leader, 'done', ['read']],
    ['unit', unit, 'done', []],
    ['another committee', foreign, 'inProgress', []],
  ] as const)('deed: %s', (_label, who, status, expected) => {
    expect(allowedActions(deedPolicy, who, deed(status))).toEqual(expected);
  });

  it('a paired contact may be ended by its member or staff while active; only staff void', () => {
    expect(allowedActions(partnerPolicy, owner, deed('active'))).toEqual(['read', 'create', 'update', 'end']);
    expect(allowedActions(partnerPolicy, owner, deed('ended'))).toEqual(['read', 'create']);
    expect(allowedActions(partnerPolicy, office, deed('active'))).toEqual(['read', 'create', 'update', 'void', 'end']);
  });

  it('councils: staff record and void; a participant and leaders read; other members do not', () => {
    const council = { committeeId: C, memberIds: ['m1'], status: 'active' };
    expect(allowedActions(councilPolicy, office, council)).toEqual(['read', 'create', 'update', 'void']);
    expect(allowedActions(councilPolicy, owner, council)).toEqual(['read']);
    expect(allowedActions(councilPolicy, other, council)).toEqual([]);
    expect(allowedActions(councilPolicy, leader, council)).toEqual(['read']);
    expect(allowedActions(councilPolicy, foreign, council)).toEqual([]);
  });
});
