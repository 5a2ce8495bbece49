import { describe, expect, it } from 'vitest';
import { decide } from '../../platform/workflow/workflow.js';
import { planWorkflow, topicWorkflow, type Plan, type PlanAction, type Topic, type TopicAction } from './workflow.js';
import { actorAs } from '../../../../test/support/actors.js';

const committeeId = 'c1';
const office = actorAs(['staff'], { office: 'general' });
const proposalStaff = actorAs(['staff'], { office: 'proposal' });
const leader = actorAs(['leader', 'member'], { memberId: 'chair' });
const member = actorAs(['member'], { memberId: 'm1' });
const otherMember = actorAs(['member'], { memberId: 'm2' });
const unit = actorAs(['unit']);
const everyone = { office, proposalStaff, leader, member, otherMember, unit, admin: actorAs(['admin']) };

const plan = (status: string) => ({ id: 'p', committeeId, status, version: 1 }) as Plan;
const topic = (status: string, authorMemberId: string | null = 'm1') => ({ id: 't', committeeId, status, version: 1, authorMemberId, createdByUserId: 'someone' }) as Topic;

/** Who may take each plan step, by role: the table as the office would describe it. */
const planCases: [string, PlanAction, string[], string | null][] = [
  ['draft', 'submit', ['office', 'admin'], 'committeeReview'],
  ['committeeReview', 'passCommittee', ['office', 'admin'], 'officeReview'],
  ['officeReview', 'passOffice', ['office', 'admin'], 'chairsReview'],
  ['chairsReview', 'passChairs', ['leader'], 'partyReview'],
  ['partyReview', 'approve', ['office', 'admin'], 'approved'],
  ['committeeReview', 'return', ['office', 'admin'], 'draft'],
  ['chairsReview', 'return', ['leader'], 'draft'],
  ['partyReview', 'return', ['office', 'admin'], 'draft'],
  ['approved', 'revise', ['office', 'admin'], 'draft'],
];

describe('consultation plan: the four reviews by role', () => {
  for (const [from, action, allowed, to] of planCases) {
    for (const [name, who] of Object.entries(everyone)) {
      const ok = allowed.includes(name);
      it(`${name} ${ok ? 'may' : 'may not'} ${action} from ${from}`, () => {
        const v = decide(planWorkflow, action, who, plan(from));
        expect(v.ok).toBe(ok);
        if (v.ok) expect(v.to).toBe(to);
      });
    }
  }

  it('no step can be skipped: approving from any earlier state is refused as the wrong state', () => {
    for (const s of ['draft', 'committeeReview', 'officeReview', 'chairsReview', 'approved']) {
      const v = decide(planWorkflow, 'approve', office, plan(s));
      expect(v).toMatchObject({ ok: false, reason: 'wrong_state' });
    }
  });

  it('another committee’s plan is refused', () => {
    expect(decide(planWorkflow, 'submit', office, { ...plan('draft'), committeeId: 'c2' }).ok).toBe(false);
  });
});

describe('consultation topics by role', () => {
  const cases: [string, TopicAction, string[], Topic][] = [
    ['pending', 'publish', ['office', 'admin'], topic('pending', null)],
    ['pending', 'reject', ['office', 'admin'], topic('pending', null)],
    ['submitted', 'decline', ['office', 'admin'], topic('submitted')],
    ['submitted', 'adopt', ['office', 'admin'], topic('submitted')],
    ['adopted', 'unadopt', ['office', 'admin'], topic('adopted')],
    ['submitted', 'withdraw', ['member'], topic('submitted')],
  ];
  for (const [from, action, allowed, t] of cases) {
    for (const [name, who] of Object.entries(everyone)) {
      const ok = allowed.includes(name);
      it(`${name} ${ok ? 'may' : 'may not'} ${action} a ${from} topic`, () => expect(decide(topicWorkflow, action, who, t).ok).toBe(ok));
    }
  }
  it('a member may not adopt nor withdraw after adoption', () => {
    expect(decide(topicWorkflow, 'withdraw', member, topic('adopted')).ok).toBe(false);
  });
});
