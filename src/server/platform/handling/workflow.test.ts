import { describe, expect, it } from 'vitest';
import type { Office } from '../auth/actor.js';
import { decide, offeredActions } from '../workflow/workflow.js';
import { personOf, transitionCases } from '../workflow/cases.js';
import { assignmentActions } from './assignments.js';
import { assignmentContext, assignmentWorkflow, promiseWorkflow, replyWorkflow, type Assignment, type AssignmentContext, type Reply } from './workflow.js';

const C = 'committee-a';
const person = personOf(C);
const people = {
  ownUnit: person(['unit'], { unitId: 'unit-1' }),
  otherUnit: person(['unit'], { unitId: 'unit-2' }),
  proposalStaff: person(['staff'], { office: 'proposal' as Office }),
  infoStaff: person(['staff'], { office: 'info' as Office }),
  admin: person(['admin']),
  leader: person(['leader']),
  member: person(['member'], { memberId: 'm-1' }),
  otherCommitteeStaff: person(['staff'], { office: 'proposal' as Office, committeeId: 'committee-b' }),
};
type Who = keyof typeof people;

const assignment = (status: string, o: Partial<Assignment> = {}) =>
  ({ id: 'a', committeeId: C, subjectType: 'proposal', subjectId: 'p', unitId: 'unit-1', role: 'lead', round: 1, status, objectionDeadline: '2026-03-10', extensionStatus: null, extendedDays: 0, ...o }) as Assignment;
/** a proposal assignment being handled, inside the objection window, no views awaited */
const context = (o: Partial<AssignmentContext> = {}): AssignmentContext => ({ today: '2026-03-05', office: 'proposal', subjectOpen: true, viewsPending: 0, ...o });

const overseers: Who[] = ['proposalStaff', 'admin'];
const live = ['assigned', 'signed', 'objected', 'done'] as const;
const cases = transitionCases(assignmentWorkflow, people, assignment, {
  sign: { from: ['assigned'], who: ['ownUnit'] },
  object: { from: ['assigned', 'signed'], who: ['ownUnit'] },
  acceptObjection: { from: ['objected'], who: overseers },
  refuseObjection: { from: ['objected'], who: overseers },
  requestExtension: { from: ['signed'], who: ['ownUnit'] },
  approveExtension: { from: live, who: overseers, record: { extensionStatus: 'pending' } },
  refuseExtension: { from: live, who: overseers, record: { extensionStatus: 'pending' } },
  sendOpinion: { from: ['signed'], who: ['ownUnit'], record: { role: 'assisting' } },
  sendReply: { from: ['signed'], who: ['ownUnit'] },
}, context());

describe('assignment workflow table (交办)', () => {
  it.each(cases)('$who $action from $state → allowed=$allowed', ({ allowed, verdict }) => {
    const v = verdict();
    expect(v.ok).toBe(allowed);
    if (!allowed) expect(v.ok === false && v.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('the unit objects only within the objection window on the app clock; the button stays with the reason', () => {
    const x = assignment('signed');
    expect(decide(assignmentWorkflow, 'object', people.ownUnit, x, context({ today: '2026-03-10' })).ok).toBe(true);
    const late = context({ today: '2026-03-11' });
    expect(decide(assignmentWorkflow, 'object', people.ownUnit, x, late)).toMatchObject({ ok: false, reason: 'precondition', message: expect.stringContaining('2026-03-10') });
    expect(offeredActions(assignmentWorkflow, people.ownUnit, x, late).blocked.object).toContain('已超过异议期限');
  });

  it('nothing moves while the subject is not being handled', () => {
    const closed = context({ subjectOpen: false });
    for (const [who, action, x] of [['ownUnit', 'sign', assignment('assigned')], ['proposalStaff', 'acceptObjection', assignment('objected')], ['ownUnit', 'sendReply', assignment('signed')]] as const) {
      expect(decide(assignmentWorkflow, action, people[who], x, closed)).toMatchObject({ ok: false, reason: 'precondition', message: '该事项当前不在办理阶段' });
    }
  });

  it('a lead unit sends its reply only after its assisting and joint units sent their views', () => {
    const lead = assignment('signed', { role: 'lead' });
    expect(decide(assignmentWorkflow, 'sendReply', people.ownUnit, lead, context({ viewsPending: 2 }))).toMatchObject({ ok: false, reason: 'precondition', message: '尚有2个协办/会办单位未提交意见，主办单位暂不能答复' });
    // a sole or split unit waits for no one
    expect(decide(assignmentWorkflow, 'sendReply', people.ownUnit, assignment('signed', { role: 'split' }), context({ viewsPending: 2 })).ok).toBe(true);
    const round = [lead, assignment('signed', { id: 'b', role: 'assisting', unitId: 'unit-2' }), assignment('done', { id: 'c', role: 'joint', unitId: 'unit-3' }), assignment('signed', { id: 'd', role: 'assisting', round: 2 })];
    expect(assignmentContext(lead, round, { office: 'proposal', open: true, today: '2026-03-05' }).viewsPending).toBe(1);
  });

  it('replying and supporting units each do their own part, and one extension request waits at a time', () => {
    expect(decide(assignmentWorkflow, 'sendOpinion', people.ownUnit, assignment('signed', { role: 'lead' }), context())).toMatchObject({ ok: false, reason: 'guard' });
    expect(decide(assignmentWorkflow, 'sendReply', people.ownUnit, assignment('signed', { role: 'joint' }), context())).toMatchObject({ ok: false, reason: 'guard' });
    expect(decide(assignmentWorkflow, 'requestExtension', people.ownUnit, assignment('signed', { role: 'assisting' }), context()).ok).toBe(false);
    expect(decide(assignmentWorkflow, 'requestExtension', people.ownUnit, assignment('signed', { extensionStatus: 'pending' }), context()).ok).toBe(false);
    expect(decide(assignmentWorkflow, 'approveExtension', people.proposalStaff, assignment('signed', { extensionStatus: 'approved' }), context()).ok).toBe(false);
  });

  it('the office that oversees the subject type decides: the information office for 社情民意', () => {
    const objected = assignment('objected', { subjectType: 'opinion' });
    expect(decide(assignmentWorkflow, 'acceptObjection', people.infoStaff, objected, context({ office: 'info' })).ok).toBe(true);
    expect(decide(assignmentWorkflow, 'acceptObjection', people.proposalStaff, objected, context({ office: 'info' }))).toMatchObject({ ok: false, reason: 'guard' });
  });

  it('the page shows one button per decision, and the reply form while the lead still waits for views', () => {
    const lead = assignment('signed', { role: 'lead' });
    const round = [lead, assignment('signed', { id: 'b', role: 'assisting', unitId: 'unit-2' })];
    const subject = { office: 'proposal', open: true, today: '2026-03-05' };
    expect(assignmentActions(people.ownUnit, lead, round, subject).sort()).toEqual(['object', 'reply', 'requestExtension']);
    expect(assignmentActions(people.proposalStaff, assignment('objected', { extensionStatus: 'pending' }), round, subject).sort()).toEqual(['decideExtension', 'decideObjection']);
    expect(assignmentActions(people.otherUnit, lead, round, subject)).toEqual([]);
  });
});

const reply = (status: string, o: Partial<Reply> = {}) => ({ id: 'r', committeeId: C, unitId: 'unit-1', status, ...o }) as Reply;

describe('reply workflow table (答复)', () => {
  const replyCases = transitionCases(replyWorkflow, people, reply, {
    redraft: { from: ['draft', 'signed'], who: ['ownUnit'] },
    sign: { from: ['draft'], who: ['ownUnit'] },
    send: { from: ['signed'], who: ['ownUnit'] },
  });
  it.each(replyCases)('$who $action from $state → allowed=$allowed', ({ allowed, verdict }) => {
    expect(verdict().ok).toBe(allowed);
  });
});

describe('promise table (承诺兑现)', () => {
  const promised = (status: string, o: Partial<Reply> = {}) => reply(status, { promisedBy: '2026-06-30', promiseOutcome: null, ...o });
  const due = { today: '2026-07-01', office: 'proposal' };
  const promiseCases = transitionCases(promiseWorkflow, people, promised, { record: { from: ['sent'], who: ['ownUnit', 'proposalStaff', 'admin'] } }, due);
  it.each(promiseCases)('$who $action from $state → allowed=$allowed', ({ allowed, verdict }) => {
    expect(verdict().ok).toBe(allowed);
  });

  it('waits for the promised day, says so, and needs a promise at all', () => {
    expect(decide(promiseWorkflow, 'record', people.ownUnit, promised('sent'), { ...due, today: '2026-06-30' }).ok).toBe(true);
    const early = offeredActions(promiseWorkflow, people.ownUnit, promised('sent'), { ...due, today: '2026-06-29' });
    expect(early).toEqual({ actions: [], blocked: { record: '承诺期限（2026-06-30）未到，到期后登记兑现情况' } });
    expect(decide(promiseWorkflow, 'record', people.proposalStaff, promised('sent', { promisedBy: null }), due)).toMatchObject({ ok: false, message: '该答复没有承诺事项' });
    expect(decide(promiseWorkflow, 'record', people.infoStaff, promised('sent'), due)).toMatchObject({ ok: false, reason: 'guard' });
  });
});
