import { describe, expect, it } from 'vitest';
import { decide } from '../../platform/workflow/workflow.js';
import { campaignStates, campaignWorkflow, findingStates, findingWorkflow, type Campaign, type CampaignAction, type CampaignFacts, type CampaignState, type Finding, type FindingAction, type FindingState } from './workflow.js';
import { actorAs, TABLE_COMMITTEE } from '../../../../test/support/actors.js';

const C = TABLE_COMMITTEE;
const people = {
  office: actorAs(['staff'], { office: 'general' }),
  proposalStaff: actorAs(['staff'], { office: 'proposal' }),
  admin: actorAs(['admin']),
  chair: actorAs(['leader', 'member'], { memberId: 'm-chair' }),
  invitedMember: actorAs(['member'], { memberId: 'm-1' }),
  unit: actorAs(['unit'], { unitId: 'unit-1' }),
  otherCommitteeOffice: actorAs(['staff'], { office: 'general', committeeId: 'other' }),
};
type Who = keyof typeof people;
const office: Who[] = ['office', 'admin'];

const campaign = (status: CampaignState) => ({ id: 'c', committeeId: C, status, unitIds: ['unit-1'], invitedMemberIds: ['m-1'] }) as unknown as Campaign;
const ready: CampaignFacts = { quorumShort: null, openFindings: 0 };

/**
 * The expected lifecycle, written out independently of the table: who may take each action from
 * which state. Everything not listed is refused, including every other committee.
 */
const expected: Record<CampaignAction, { from: CampaignState[]; who: Who[] }> = {
  propose: { from: ['draft'], who: office },
  reject: { from: ['proposed'], who: office },
  approve: { from: ['proposed'], who: office },
  startSurvey: { from: ['preparing'], who: office },
  startDeliberation: { from: ['surveying'], who: office },
  publish: { from: ['deliberating'], who: office },
  startRecheck: { from: ['rectifying'], who: office },
  finish: { from: ['rechecking'], who: office },
};

const states = Object.keys(campaignStates) as CampaignState[];
const cases = Object.entries(expected).flatMap(([action, rule]) =>
  states.flatMap((state) => (Object.keys(people) as Who[]).map((who) => ({ action: action as CampaignAction, state, who, allowed: rule.from.includes(state) && rule.who.includes(who) }))),
);

describe('evaluation campaign workflow table', () => {
  it.each(cases)('$who $action from $state → allowed=$allowed', ({ action, state, who, allowed }) => {
    const verdict = decide(campaignWorkflow, action, people[who], campaign(state), ready);
    expect(verdict.ok).toBe(allowed);
    if (!allowed) expect(verdict.ok === false && verdict.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('the phases follow each other: 准备 → 调查走访 → 评议审议 → 整改总结 → 回头看', () => {
    const path: [CampaignAction, CampaignState][] = [['propose', 'proposed'], ['approve', 'preparing'], ['startSurvey', 'surveying'], ['startDeliberation', 'deliberating'], ['publish', 'rectifying'], ['startRecheck', 'rechecking'], ['finish', 'done']];
    let state: CampaignState = 'draft';
    for (const [action, to] of path) {
      expect(decide(campaignWorkflow, action, people.office, campaign(state), ready)).toMatchObject({ ok: true, to });
      state = to;
    }
  });

  it('results are published only when every department has its quorum; the campaign ends when every item passed the look-back', () => {
    const short = { quorumShort: '区教育局参评人数不足', openFindings: 0 };
    expect(decide(campaignWorkflow, 'publish', people.office, campaign('deliberating'), short)).toMatchObject({ ok: false, reason: 'precondition', message: '区教育局参评人数不足' });
    expect(decide(campaignWorkflow, 'finish', people.office, campaign('rechecking'), { quorumShort: null, openFindings: 2 })).toMatchObject({ ok: false, message: '还有2项整改事项未通过回头看' });
  });
});

const finding = (status: FindingState, handlingRound = 1) => ({ id: 'f', committeeId: C, status, unitId: 'unit-1', handlingRound }) as unknown as Finding;
const findingExpected: Record<FindingAction, { from: FindingState[]; who: Who[] }> = {
  allReplied: { from: ['handling', 'rehandling'], who: [...office, 'proposalStaff', 'unit'] },
  recheckPassed: { from: ['replied'], who: office },
  recheckFailed: { from: ['replied'], who: office },
};
const findingCases = Object.entries(findingExpected).flatMap(([action, rule]) =>
  (Object.keys(findingStates) as FindingState[]).flatMap((state) => (Object.keys(people) as Who[]).map((who) => ({ action: action as FindingAction, state, who, allowed: rule.from.includes(state) && rule.who.includes(who) }))),
);

describe('rectification item workflow table', () => {
  it.each(findingCases)('$who $action from $state → allowed=$allowed', ({ action, state, who, allowed }) => {
    expect(decide(findingWorkflow, action, people[who], finding(state)).ok).toBe(allowed);
  });
  it('a failed look-back sends it back once; after that only a pass is left', () => {
    expect(decide(findingWorkflow, 'recheckFailed', people.office, finding('replied', 2))).toMatchObject({ ok: false, message: '已经再次整改过一次' });
    expect(decide(findingWorkflow, 'recheckPassed', people.office, finding('replied', 2)).ok).toBe(true);
  });
});
