import { describe, expect, it } from 'vitest';
import type { Actor, Office, Role } from '../../platform/auth/actor.js';
import { decide } from '../../platform/workflow/workflow.js';
import { proposalStates, proposalWorkflow, type Proposal, type ProposalAction, type ProposalState } from './workflow.js';

const C = 'committee-a';
const actor = (roles: Role[], o: Partial<Actor> = {}): Actor => ({ userId: 'u-' + roles.join(), committeeId: C, name: 'x', roles, office: null, memberId: null, unitId: null, ...o });
const people = {
  author: actor(['member'], { userId: 'u-author', memberId: 'm-author' }),
  otherMember: actor(['member'], { memberId: 'm-other' }),
  proposalStaff: actor(['staff'], { office: 'proposal' as Office }),
  infoStaff: actor(['staff'], { office: 'info' as Office }),
  admin: actor(['admin']),
  leader: actor(['leader']),
  unit: actor(['unit'], { unitId: 'unit-1' }),
  otherCommitteeStaff: actor(['staff'], { office: 'proposal' as Office, committeeId: 'committee-b' }),
};
type Who = keyof typeof people;

const proposal = (status: ProposalState, o: Partial<Proposal> = {}) =>
  ({ id: 'p', committeeId: C, status, leadMemberId: 'm-author', authorType: 'individual', createdByUserId: 'u-author', reviewSteps: ['preReview', 'reReview'], handlingRound: 1, ...o }) as Proposal;

/**
 * The expected lifecycle, written out independently of the table: which people may take each
 * action from which states. Everything not listed must be refused.
 */
const undecided: ProposalState[] = ['submitted', 'reviewing', 'deciding'];
const staffish: Who[] = ['proposalStaff', 'admin'];
const expected: Record<Exclude<ProposalAction, 'allReplied'>, { from: ProposalState[]; who: Who[] }> = {
  submit: { from: ['draft', 'returned'], who: ['author'] },
  withdraw: { from: ['draft', 'returned', ...undecided], who: ['author'] },
  preReview: { from: ['submitted'], who: staffish },
  reReview: { from: ['reviewing'], who: staffish },
  file: { from: undecided, who: staffish },
  reject: { from: undecided, who: staffish },
  convert: { from: undecided, who: staffish },
  return: { from: undecided, who: staffish },
  merge: { from: undecided, who: staffish },
  assign: { from: ['filed'], who: staffish },
  rateSatisfied: { from: ['replied'], who: ['author'] },
  rateUnsatisfied: { from: ['replied'], who: ['author'] },
  close: { from: ['replied'], who: staffish },
};

const states = Object.keys(proposalStates) as ProposalState[];
const cases = Object.entries(expected).flatMap(([action, rule]) =>
  states.flatMap((state) => (Object.keys(people) as Who[]).map((who) => ({ action: action as ProposalAction, state, who, allowed: rule.from.includes(state) && rule.who.includes(who) }))),
);

describe('proposal workflow table', () => {
  it.each(cases)('$who $action from $state → allowed=$allowed', ({ action, state, who, allowed }) => {
    const verdict = decide(proposalWorkflow, action, people[who], proposal(state));
    expect(verdict.ok).toBe(allowed);
    if (!allowed) expect(verdict.ok === false && verdict.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('submission follows the review steps copied onto the proposal', () => {
    const to = (steps: string[]) => {
      const v = decide(proposalWorkflow, 'submit', people.author, proposal('draft', { reviewSteps: steps }));
      return v.ok ? (typeof v.transition.to === 'function' ? v.transition.to(proposal('draft', { reviewSteps: steps })) : v.transition.to) : null;
    };
    expect(to(['preReview', 'reReview'])).toBe('submitted');
    expect(to(['reReview'])).toBe('reviewing');
    expect(to([])).toBe('deciding');
  });

  it('a collective proposal is submitted by the staff member who created it, not by a member', () => {
    const collective = proposal('draft', { authorType: 'collective', leadMemberId: null, createdByUserId: 'u-staff' });
    expect(decide(proposalWorkflow, 'submit', actor(['staff'], { userId: 'u-staff', office: 'general' as Office }), collective).ok).toBe(true);
    expect(decide(proposalWorkflow, 'submit', people.author, collective).ok).toBe(false);
  });

  it('refusals say why in Chinese: wrong state names the state', () => {
    const v = decide(proposalWorkflow, 'file', people.proposalStaff, proposal('draft'));
    expect(v).toMatchObject({ ok: false, reason: 'wrong_state', message: '当前状态为“草稿”，不能执行“立案”' });
  });
});
