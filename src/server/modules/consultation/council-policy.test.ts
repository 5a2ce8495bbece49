import { describe, expect, it } from 'vitest';
import type { Actor, Office, Role } from '../../platform/auth/actor.js';
import { allowedActions, can, committeeSubject } from '../../platform/policy/policy.js';
import { councilCollectionPolicy, councilPolicy, type CouncilSubject } from './council-policy.js';

const C = 'c1';
const actor = (roles: Role[], o: { memberId?: string; office?: Office; committeeId?: string } = {}): Actor => ({
  userId: 'u', committeeId: o.committeeId ?? C, name: 'x', roles, office: o.office ?? null, memberId: o.memberId ?? null, unitId: null,
});
const who = {
  participant: actor(['member'], { memberId: 'm1' }), other: actor(['member'], { memberId: 'm2' }), office: actor(['staff'], { office: 'general' }), info: actor(['staff'], { office: 'info' }),
  admin: actor(['admin']), leader: actor(['leader']), unit: actor(['unit']), foreign: actor(['staff'], { office: 'general', committeeId: 'c2' }),
};
const council = (status: string) => ({ committeeId: C, memberIds: ['m1'], status }) as CouncilSubject;

describe('grassroots council policies', () => {
  it('the general office keeps a council until it is done or voided; every staff member and leaders read it; a member reads the councils they sit at', () => {
    const actions = (status: string) => Object.fromEntries(Object.entries(who).map(([k, a]) => [k, allowedActions(councilPolicy, a, council(status))]));
    expect(actions('researching')).toEqual({ participant: ['read'], other: [], office: ['read', 'update'], info: ['read'], admin: ['read', 'update'], leader: ['read'], unit: [], foreign: [] });
    expect(actions('done').office).toEqual(['read']);
    expect(actions('voided').admin).toEqual(['read']);
  });
  it('only the general office and admins open one; members, leaders and staff list them', () => {
    const may = (a: Actor) => [can(councilCollectionPolicy, 'read', a, committeeSubject(a)), can(councilCollectionPolicy, 'create', a, committeeSubject(a))];
    expect(Object.values(who).map(may)).toEqual([[true, false], [true, false], [true, true], [true, false], [true, true], [true, false], [false, false], [true, true]]);
  });
});
