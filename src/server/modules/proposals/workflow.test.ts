import { describe, expect, it } from 'vitest';
import { decide } from '../../platform/workflow/workflow.js';
import { offeredActions } from '../../platform/workflow/workflow.js';
import { proposalStates, proposalWorkflow, type Proposal, type ProposalAction, type ProposalContext, type ProposalState } from './workflow.js';
import { actorAs, TABLE_COMMITTEE } from '../../../../test/support/actors.js';

const C = TABLE_COMMITTEE;
const people = {
  author: actorAs(['member'], { userId: 'u-author', memberId: 'm-author' }),
  otherMember: actorAs(['member'], { memberId: 'm-other' }),
  proposalStaff: actorAs(['staff'], { office: 'proposal' }),
  infoStaff: actorAs(['staff'], { office: 'info' }),
  admin: actorAs(['admin']),
  leader: actorAs(['leader']),
  unit: actorAs(['unit'], { unitId: 'unit-1' }),
  otherCommitteeStaff: actorAs(['staff'], { office: 'proposal', committeeId: 'committee-b' }),
};
type Who = keyof typeof people;

const proposal = (status: ProposalState, o: Partial<Proposal> = {}) =>
  ({ id: 'p', committeeId: C, status, leadMemberId: 'm-author', authorType: 'individual', createdByUserId: 'u-author', reviewSteps: ['preReview', 'reReview'], handlingRound: 1, rateDeadline: '2026-03-10', ...o }) as Proposal;
/** the app's today, after the rating deadline above; no co-signing facts to wait for */
const ctx = (o: Partial<ProposalContext> = {}): ProposalContext => ({ today: '2026-03-20', cosigning: { invited: 0, confirmed: 0, minimum: 1 }, ...o });

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
  file: { from: ['deciding'], who: staffish },
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
    const verdict = decide(proposalWorkflow, action, people[who], proposal(state), ctx());
    expect(verdict.ok).toBe(allowed);
    if (!allowed) expect(verdict.ok === false && verdict.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('submission follows the review steps copied onto the proposal', () => {
    const to = (steps: string[]) => {
      const v = decide(proposalWorkflow, 'submit', people.author, proposal('draft', { reviewSteps: steps }), ctx());
      return v.ok ? (typeof v.transition.to === 'function' ? v.transition.to(proposal('draft', { reviewSteps: steps })) : v.transition.to) : null;
    };
    expect(to(['preReview', 'reReview'])).toBe('submitted');
    expect(to(['reReview'])).toBe('reviewing');
    expect(to([])).toBe('deciding');
  });

  it('a collective proposal is submitted by the staff member who created it, not by a member', () => {
    const collective = proposal('draft', { authorType: 'collective', leadMemberId: null, createdByUserId: 'u-staff' });
    expect(decide(proposalWorkflow, 'submit', actorAs(['staff'], { userId: 'u-staff', office: 'general' }), collective, ctx()).ok).toBe(true);
    expect(decide(proposalWorkflow, 'submit', people.author, collective, ctx()).ok).toBe(false);
  });

  it('refusals say why in Chinese: wrong state names the state', () => {
    const v = decide(proposalWorkflow, 'file', people.proposalStaff, proposal('draft'), ctx());
    expect(v).toMatchObject({ ok: false, reason: 'wrong_state', message: '当前状态为“草稿”，不能执行“立案”' });
  });

  it('a joint proposal is submitted only once every invitation is answered and enough members confirmed', () => {
    const joint = proposal('draft', { authorType: 'joint' });
    const cosigning = (invited: number, confirmed: number, minimum = 2) => ctx({ cosigning: { invited, confirmed, minimum } });
    expect(decide(proposalWorkflow, 'submit', people.author, joint, cosigning(1, 2))).toMatchObject({ ok: false, reason: 'precondition', message: '尚有受邀委员未确认联名，请等待确认或取消邀请' });
    expect(decide(proposalWorkflow, 'submit', people.author, joint, cosigning(0, 1))).toMatchObject({ ok: false, reason: 'precondition', message: '联名提案至少需要2位委员确认联名' });
    expect(decide(proposalWorkflow, 'submit', people.author, joint, cosigning(0, 2)).ok).toBe(true);
    // the author still sees 提交, with what is missing; nobody else sees it at all
    expect(offeredActions(proposalWorkflow, people.author, joint, cosigning(1, 0))).toMatchObject({ blocked: { submit: '尚有受邀委员未确认联名，请等待确认或取消邀请' } });
    expect(offeredActions(proposalWorkflow, people.author, joint, cosigning(1, 0)).actions).not.toContain('submit');
    expect(offeredActions(proposalWorkflow, people.otherMember, joint, cosigning(1, 0)).blocked).toEqual({});
  });

  it('staff close a replied proposal only after the rating period on the app clock, or after a second round', () => {
    const replied = proposal('replied', { rateDeadline: '2026-03-10' });
    expect(decide(proposalWorkflow, 'close', people.proposalStaff, replied, ctx({ today: '2026-03-10' }))).toMatchObject({ ok: false, reason: 'precondition', message: '提案人可在2026-03-10前评价，期限届满后方可办结' });
    expect(decide(proposalWorkflow, 'close', people.proposalStaff, replied, ctx({ today: '2026-03-11' })).ok).toBe(true);
    expect(decide(proposalWorkflow, 'close', people.proposalStaff, proposal('replied', { handlingRound: 2, rateDeadline: null }), ctx({ today: '2026-01-01' })).ok).toBe(true);
    // who may comes before what is missing: a member is refused outright, never told to wait
    expect(decide(proposalWorkflow, 'close', people.author, replied, ctx({ today: '2026-03-10' }))).toMatchObject({ ok: false, reason: 'forbidden' });
  });
});
