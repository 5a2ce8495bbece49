import { describe, expect, it } from 'vitest';
import { decide } from '../../platform/workflow/workflow.js';
import { requestWorkflow, type LivelihoodRequest, type RequestFacts, type RequestTransition } from './workflow.js';
import { actorAs, committeeCast } from '../../../../test/support/actors.js';

const committeeId = 'c1';
const everyone = {
  ...committeeCast,
  handler: actorAs(['member'], { memberId: 'm1' }),
  studioMember: actorAs(['member'], { memberId: 'm2' }),
  otherMember: actorAs(['member'], { memberId: 'm3' }),
};
const facts: RequestFacts = { studioMemberIds: ['m2'] };
const request = (status: string, o: Partial<LivelihoodRequest> = {}) => ({ id: 'r', committeeId, status, version: 1, memberId: 'm1', studioId: 's1', publishedAt: null, ...o }) as LivelihoodRequest;

/** Who may take each step, by role: the table as the office would describe it. */
const cases: [string, RequestTransition, string[], string, Partial<LivelihoodRequest>?][] = [
  ['received', 'route', ['roster', 'office', 'admin'], 'routed', { memberId: null, studioId: null }],
  ['routed', 'route', ['roster', 'office', 'admin'], 'routed'],
  ['routed', 'start', ['handler'], 'handling'],
  // routed to a studio only: any of its members may take it on
  ['routed', 'start', ['studioMember'], 'handling', { memberId: null }],
  ['handling', 'record', ['handler', 'roster', 'office', 'admin'], 'handling'],
  ['handling', 'finish', ['handler'], 'done'],
  ['received', 'decline', ['roster', 'office', 'admin'], 'declined'],
  ['routed', 'decline', ['roster', 'office', 'admin'], 'declined'],
  ['handling', 'decline', ['roster', 'office', 'admin'], 'declined'],
  ['done', 'publish', ['roster', 'office', 'admin'], 'done'],
  ['done', 'unpublish', ['roster', 'office', 'admin'], 'done', { publishedAt: new Date() }],
];

describe('livelihood requests by role', () => {
  for (const [from, action, allowed, to, extra] of cases) {
    for (const [name, who] of Object.entries(everyone)) {
      const ok = allowed.includes(name);
      it(`${name} ${ok ? 'may' : 'may not'} ${action} a ${from} request${extra ? ` (${JSON.stringify(extra)})` : ''}`, () => {
        const v = decide(requestWorkflow, action, who, request(from, extra), facts);
        expect(v.ok).toBe(ok);
        if (v.ok) expect(v.to).toBe(to);
      });
    }
  }

  it('nothing is finished twice, nor declined once done; a declined request stays declined', () => {
    for (const action of ['finish', 'decline', 'route', 'record'] as const) {
      expect(decide(requestWorkflow, action, everyone.admin, request('done'), facts)).toMatchObject({ ok: false });
      expect(decide(requestWorkflow, action, everyone.handler, request('declined'), facts)).toMatchObject({ ok: false, reason: 'wrong_state' });
    }
  });

  it('a request taken on by one studio member is no longer the others’', () => {
    expect(decide(requestWorkflow, 'start', everyone.studioMember, request('routed', { memberId: 'm1' }), facts).ok).toBe(false);
  });

  it('publishing twice is refused with the reason; another committee’s request is refused', () => {
    expect(decide(requestWorkflow, 'publish', everyone.roster, request('done', { publishedAt: new Date() }), facts)).toMatchObject({ ok: false, message: '已经公开' });
    expect(decide(requestWorkflow, 'route', everyone.roster, { ...request('received'), committeeId: 'c2' }, facts).ok).toBe(false);
  });
});
