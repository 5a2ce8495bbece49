import { describe, expect, it } from 'vitest';
import { decide } from '../../platform/workflow/workflow.js';
import { councilWorkflow, stepOf, type Council, type CouncilAction, type CouncilFacts } from './council-workflow.js';
import { actorAs } from '../../../../test/support/actors.js';

const committeeId = 'c1';
const everyone = { office: actorAs(['staff'], { office: 'general' }), proposalStaff: actorAs(['staff'], { office: 'proposal' }), leader: actorAs(['leader']), member: actorAs(['member'], { memberId: 'm1' }), unit: actorAs(['unit']), admin: actorAs(['admin']) };
const allowed = (status: string, action: CouncilAction, facts: CouncilFacts = { items: 1, itemsOpen: 0 }) =>
  Object.entries(everyone).filter(([, a]) => decide(councilWorkflow, action, a, { id: 'x', committeeId, status, version: 1 } as Council, facts).ok).map(([k]) => k);

describe('the six steps of a grassroots council (五方六步)', () => {
  const cases: [string, CouncilAction, string | null][] = [
    ['collecting', 'setTopic', 'topicSet'], ['topicSet', 'research', 'researching'], ['researching', 'deliberate', 'deliberating'],
    ['deliberating', 'publish', 'published'], ['published', 'follow', 'following'], ['following', 'finish', 'done'],
    // no step is skipped, none taken twice, nothing after done or voided
    ['collecting', 'research', null], ['topicSet', 'deliberate', null], ['researching', 'publish', null], ['deliberating', 'follow', null],
    ['published', 'finish', null], ['done', 'void', null], ['voided', 'setTopic', null], ['done', 'publish', null],
    ['collecting', 'void', 'voided'], ['following', 'void', 'voided'],
  ];
  it.each(cases)('a council at %s: %s → %s, by the general office and admins only', (status, action, to) => {
    expect(allowed(status, action)).toEqual(to ? ['office', 'admin'] : []);
    if (to) expect(decide(councilWorkflow, action, everyone.office, { committeeId, status } as Council, { items: 1, itemsOpen: 0 })).toMatchObject({ ok: true, to });
  });
  it('follow-up needs an agreed item, and it is done only when every item is done', () => {
    expect(decide(councilWorkflow, 'follow', everyone.office, { committeeId, status: 'published' } as Council, { items: 0, itemsOpen: 0 })).toMatchObject({ ok: false, reason: 'precondition', message: '请先添加议定事项' });
    expect(decide(councilWorkflow, 'finish', everyone.office, { committeeId, status: 'following' } as Council, { items: 3, itemsOpen: 2 })).toMatchObject({ ok: false, reason: 'precondition', message: '还有2项议定事项未落实' });
  });
  it('counts the steps reached', () => {
    expect(['collecting', 'topicSet', 'researching', 'deliberating', 'published', 'following', 'done', 'voided'].map(stepOf)).toEqual([1, 2, 3, 4, 5, 6, 7, 0]);
  });
});
