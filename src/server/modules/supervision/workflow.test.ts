import { describe, expect, it } from 'vitest';
import { decide } from '../../platform/workflow/workflow.js';
import { suggestionStates, suggestionWorkflow, type Suggestion, type SuggestionAction, type SuggestionState } from './workflow.js';
import { actorAs, TABLE_COMMITTEE } from '../../../../test/support/actors.js';

const C = TABLE_COMMITTEE;
const people = {
  groupLeader: actorAs(['member'], { memberId: 'm-leader' }),
  groupMember: actorAs(['member'], { memberId: 'm-member' }),
  otherMember: actorAs(['member'], { memberId: 'm-other' }),
  office: actorAs(['staff'], { office: 'general' }),
  proposalStaff: actorAs(['staff'], { office: 'proposal' }),
  admin: actorAs(['admin']),
  chair: actorAs(['leader', 'member'], { memberId: 'm-chair' }),
  unit: actorAs(['unit'], { unitId: 'unit-1' }),
  otherCommitteeOffice: actorAs(['staff'], { office: 'general', committeeId: 'other' }),
};
type Who = keyof typeof people;

const suggestion = (status: SuggestionState, o: Partial<Suggestion> = {}) =>
  ({ id: 's', committeeId: C, status, leaderMemberId: 'm-leader', groupMemberIds: ['m-leader', 'm-member'], handlingRound: 1, ...o }) as Suggestion;

/**
 * The expected lifecycle, written out independently of the table: who may take each action from
 * which states. Everything not listed is refused, including every other committee.
 */
const office: Who[] = ['office', 'admin'];
const expected: Record<Exclude<SuggestionAction, 'allReplied'>, { from: SuggestionState[]; who: Who[] }> = {
  submit: { from: ['draft'], who: ['groupLeader', 'groupMember', ...office] },
  return: { from: ['reviewing'], who: office },
  approve: { from: ['reviewing'], who: office },
  assign: { from: ['approved'], who: office },
  rateSatisfied: { from: ['replied'], who: ['groupLeader', ...office] },
  rateUnsatisfied: { from: ['replied'], who: ['groupLeader', ...office] },
  complete: { from: ['following'], who: ['groupLeader', ...office] },
};

const states = Object.keys(suggestionStates) as SuggestionState[];
const cases = Object.entries(expected).flatMap(([action, rule]) =>
  states.flatMap((state) => (Object.keys(people) as Who[]).map((who) => ({ action: action as SuggestionAction, state, who, allowed: rule.from.includes(state) && rule.who.includes(who) }))),
);

describe('supervision suggestion workflow table', () => {
  it.each(cases)('$who $action from $state → allowed=$allowed', ({ action, state, who, allowed }) => {
    const verdict = decide(suggestionWorkflow, action, people[who], suggestion(state));
    expect(verdict.ok).toBe(allowed);
    if (!allowed) expect(verdict.ok === false && verdict.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('不满意 opens a second round once: after it, only the closing rating is left', () => {
    expect(decide(suggestionWorkflow, 'rateUnsatisfied', people.groupLeader, suggestion('replied', { handlingRound: 2 }))).toMatchObject({ ok: false, message: '已经再次办理过一次' });
    expect(decide(suggestionWorkflow, 'rateSatisfied', people.groupLeader, suggestion('replied', { handlingRound: 2 })).ok).toBe(true);
  });

  it('the handling primitive reports replies from both rounds', () => {
    for (const from of ['handling', 'rehandling'] as const) expect(decide(suggestionWorkflow, 'allReplied', people.unit, suggestion(from))).toMatchObject({ ok: true, to: 'replied' });
  });
});
