import { describe, expect, it } from 'vitest';
import type { Office } from '../../platform/auth/actor.js';
import { personOf, transitionCases } from '../../platform/workflow/cases.js';
import type { Speech } from './schema.js';
import { speechWorkflow } from './workflow.js';

const C = 'committee-a';
const person = personOf(C);
const people = {
  author: person(['member'], { memberId: 'm-author' }),
  otherMember: person(['member'], { memberId: 'm-other' }),
  generalStaff: person(['staff'], { office: 'general' as Office }),
  proposalStaff: person(['staff'], { office: 'proposal' as Office }),
  admin: person(['admin']),
  leader: person(['leader', 'member'], { memberId: 'm-leader' }),
  unit: person(['unit'], { unitId: 'unit-1' }),
  otherCommitteeStaff: person(['staff'], { office: 'general' as Office, committeeId: 'committee-b' }),
};
const speech = (status: string, o: Partial<Speech> = {}) => ({ id: 's', committeeId: C, status, memberId: 'm-author', ...o }) as Speech;

/**
 * The expected lifecycle, written out independently of the table: the office (办公室) chooses oral,
 * written or not used, and may revise its choice; the author withdraws before any choice.
 */
const decidable = ['submitted', 'oral', 'written', 'notUsed'] as const;
const office = ['generalStaff', 'admin'] as const;
const cases = transitionCases(speechWorkflow, people, speech, {
  selectOral: { from: decidable, who: office },
  selectWritten: { from: decidable, who: office },
  notUse: { from: decidable, who: office },
  withdraw: { from: ['submitted'], who: ['author'] },
});

describe('plenary speech workflow table (大会发言)', () => {
  it.each(cases)('$who $action from $state → allowed=$allowed', ({ allowed, verdict }) => {
    const v = verdict();
    expect(v.ok).toBe(allowed);
    if (!allowed) expect(v.ok === false && v.message).toMatch(/[\u4e00-\u9fa5]/);
  });
});
