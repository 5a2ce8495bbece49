import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/actor.js';
import { allowedActions, can, committeeSubject } from '../../platform/policy/policy.js';
import { councilCollectionPolicy, councilPolicy, type CouncilSubject } from './council-policy.js';
import { actorAs, TABLE_COMMITTEE } from '../../../../test/support/actors.js';

const C = TABLE_COMMITTEE;
const who = {
  participant: actorAs(['member'], { memberId: 'm1' }), other: actorAs(['member'], { memberId: 'm2' }), office: actorAs(['staff'], { office: 'general' }), info: actorAs(['staff'], { office: 'info' }),
  admin: actorAs(['admin']), leader: actorAs(['leader']), unit: actorAs(['unit']), foreign: actorAs(['staff'], { office: 'general', committeeId: 'c2' }),
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
