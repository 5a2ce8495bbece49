import { describe, expect, it } from 'vitest';
import { decide } from '../../platform/workflow/workflow.js';
import { can } from '../../platform/policy/policy.js';
import { opinionPolicy, type OpinionSubject } from './policy.js';
import {
  issueStates, issueWorkflow, opinionStates, opinionWorkflow,
  type IssueAction, type IssueState, type Opinion, type OpinionAction, type OpinionIssue, type OpinionState,
} from './workflow.js';
import { actorAs, TABLE_COMMITTEE } from '../../../../test/support/actors.js';

const C = TABLE_COMMITTEE;
const PARENT = 'city';
const people = {
  author: actorAs(['member'], { userId: 'u-author', memberId: 'm-author' }),
  bodyClerk: actorAs(['staff'], { userId: 'u-clerk', office: 'general' }),
  otherMember: actorAs(['member'], { memberId: 'm-other' }),
  infoStaff: actorAs(['staff'], { office: 'info' }),
  proposalStaff: actorAs(['staff'], { office: 'proposal' }),
  admin: actorAs(['admin']),
  leader: actorAs(['leader', 'member'], { memberId: 'm-leader' }),
  unit: actorAs(['unit'], { unitId: 'unit-1' }),
  parentInfo: actorAs(['staff'], { office: 'info', committeeId: PARENT }),
  otherDistrictInfo: actorAs(['staff'], { office: 'info', committeeId: 'other-district' }),
};
type Who = keyof typeof people;

const opinion = (status: OpinionState, o: Partial<Opinion> = {}) =>
  ({ id: 'o', committeeId: C, status, authorType: 'member', authorMemberId: 'm-author', createdByUserId: 'u-author', sentUpToCommitteeId: null, handlingStatus: null, contributorMemberIds: [], ...o }) as Opinion;

/**
 * The expected lifecycle, written out independently of the table: who may take each action from
 * which states. Everything not listed must be refused, including every other committee.
 */
const info: Who[] = ['infoStaff', 'admin'];
const expected: Record<Exclude<OpinionAction, 'allReplied'>, { from: OpinionState[]; who: Who[] }> = {
  submit: { from: ['draft'], who: ['author'] },
  withdraw: { from: ['draft', 'submitted'], who: ['author'] },
  decline: { from: ['submitted'], who: info },
  combine: { from: ['submitted'], who: info },
  adopt: { from: ['submitted'], who: info },
  sendUp: { from: ['submitted', 'adopted'], who: info },
  assign: { from: ['submitted', 'adopted'], who: info },
};

const states = Object.keys(opinionStates) as OpinionState[];
const cases = Object.entries(expected).flatMap(([action, rule]) =>
  states.flatMap((state) => (Object.keys(people) as Who[]).map((who) => ({ action: action as OpinionAction, state, who, allowed: rule.from.includes(state) && rule.who.includes(who) }))),
);

describe('opinion workflow table', () => {
  it.each(cases)('$who $action from $state → allowed=$allowed', ({ action, state, who, allowed }) => {
    const verdict = decide(opinionWorkflow, action, people[who], opinion(state));
    expect(verdict.ok).toBe(allowed);
    if (!allowed) expect(verdict.ok === false && verdict.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('sending up and passing to departments keep the state, and happen once', () => {
    const v = decide(opinionWorkflow, 'sendUp', people.infoStaff, opinion('adopted'));
    expect(v.ok && (typeof v.transition.to === 'function' ? v.transition.to(opinion('adopted')) : v.transition.to)).toBe('adopted');
    expect(decide(opinionWorkflow, 'sendUp', people.infoStaff, opinion('adopted', { sentUpToCommitteeId: PARENT }))).toMatchObject({ ok: false, message: '已报送上级政协' });
    expect(decide(opinionWorkflow, 'assign', people.infoStaff, opinion('submitted', { handlingStatus: 'handling' }))).toMatchObject({ ok: false, message: '已转部门办理' });
  });

  it('a report staff submitted for a party is the clerk’s to submit, not a member’s', () => {
    const forParty = opinion('draft', { authorType: 'party', authorMemberId: null, createdByUserId: 'u-clerk' });
    expect(decide(opinionWorkflow, 'submit', people.bodyClerk, forParty).ok).toBe(true);
    expect(decide(opinionWorkflow, 'submit', people.author, forParty).ok).toBe(false);
  });

  it('refusals say why in Chinese: wrong state names the state', () => {
    expect(decide(opinionWorkflow, 'adopt', people.infoStaff, opinion('declined'))).toMatchObject({ ok: false, reason: 'wrong_state', message: '当前状态为“未采用”，不能执行“采用编入刊物”' });
  });
});

const issue = (status: IssueState) => ({ id: 'i', committeeId: C, status }) as OpinionIssue;
const issueExpected: Record<IssueAction, { from: IssueState[]; who: Who[] }> = {
  approve: { from: ['draft'], who: info },
  sign: { from: ['approved'], who: [...info, 'leader'] },
  publish: { from: ['signed'], who: info },
  reopen: { from: ['approved', 'signed'], who: info },
};
const issueCases = Object.entries(issueExpected).flatMap(([action, rule]) =>
  (Object.keys(issueStates) as IssueState[]).flatMap((state) => (Object.keys(people) as Who[]).map((who) => ({ action: action as IssueAction, state, who, allowed: rule.from.includes(state) && rule.who.includes(who) }))),
);

describe('issue (期) workflow table', () => {
  it.each(issueCases)('$who $action from $state → allowed=$allowed', ({ action, state, who, allowed }) => {
    expect(decide(issueWorkflow, action, people[who], issue(state)).ok).toBe(allowed);
  });
});

describe('opinion policy: who reads a report', () => {
  const subject = (o: Partial<OpinionSubject> = {}) => ({ ...opinion('submitted'), sourceAuthorIds: [], unitIds: [], issueStatus: null, incomingStatus: null, ...o }) as OpinionSubject;
  it('the parent committee’s information office reads only what was sent up to it, and decides it once', () => {
    const sentUp = subject({ sentUpToCommitteeId: PARENT, incomingStatus: 'sent' });
    expect(can(opinionPolicy, 'read', people.parentInfo, subject())).toBe(false);
    expect(can(opinionPolicy, 'read', people.parentInfo, sentUp)).toBe(true);
    expect(can(opinionPolicy, 'decideIncoming', people.parentInfo, sentUp)).toBe(true);
    expect(can(opinionPolicy, 'decideIncoming', people.parentInfo, { ...sentUp, incomingStatus: 'adopted' })).toBe(false);
    expect(can(opinionPolicy, 'decideIncoming', people.infoStaff, sentUp)).toBe(false);
    expect(can(opinionPolicy, 'read', people.otherDistrictInfo, sentUp)).toBe(false);
  });
  it('other members never read someone else’s report; combined authors do', () => {
    expect(can(opinionPolicy, 'read', people.otherMember, subject({ status: 'adopted' }))).toBe(false);
    expect(can(opinionPolicy, 'read', people.otherMember, subject({ authorType: 'combined', authorMemberId: null, sourceAuthorIds: ['m-other'] }))).toBe(true);
    expect(can(opinionPolicy, 'read', people.infoStaff, subject({ status: 'draft' }))).toBe(false);
  });
  it('the office edits only while the report’s issue is still being composed', () => {
    expect(can(opinionPolicy, 'edit', people.infoStaff, subject({ status: 'adopted', issueStatus: 'draft' }))).toBe(true);
    expect(can(opinionPolicy, 'edit', people.infoStaff, subject({ status: 'adopted', issueStatus: 'signed' }))).toBe(false);
    expect(can(opinionPolicy, 'edit', people.proposalStaff, subject())).toBe(false);
  });
});
