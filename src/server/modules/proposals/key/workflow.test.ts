import { describe, expect, it } from 'vitest';
import { decide } from '../../../platform/workflow/workflow.js';
import type { ExcellentAction, KeyAction } from '../../../../shared/proposals/key.js';
import { excellentWorkflow, keyWorkflow, type KeyProposal, type Nomination } from './workflow.js';
import { actorAs } from '../../../../../test/support/actors.js';

const committeeId = 'c1';
const everyone = {
  office: actorAs(['staff'], { office: 'proposal' }),
  otherStaff: actorAs(['staff'], { office: 'general' }),
  admin: actorAs(['admin']),
  chair: actorAs(['leader', 'member'], { userId: 'chair' }),
  otherLeader: actorAs(['leader'], { userId: 'other' }),
  member: actorAs(['member']),
  unit: actorAs(['unit']),
};
const key = (status: string, committee = committeeId) => ({ id: 'k', committeeId: committee, status, version: 1, chairUserId: 'chair' }) as KeyProposal;
const nomination = (status: string) => ({ id: 'n', committeeId, status, version: 1 }) as Nomination;

/** Who may take each step of a key proposal, in which state of the key proposal and of the proposal. */
const keyCases: [string, KeyAction, string, string[], string | null][] = [
  ['shortlisted', 'select', 'filed', ['office', 'admin'], 'selected'],
  ['shortlisted', 'decline', 'filed', ['office', 'admin'], 'declined'],
  ['selected', 'review', 'filed', ['chair'], 'reviewed'],
  ['selected', 'review', 'handling', ['chair'], 'reviewed'],
  ['reviewed', 'schedule', 'handling', ['chair', 'office', 'admin'], 'reviewed'],
  ['reviewed', 'signOff', 'replied', ['chair'], 'signedOff'],
  ['reviewed', 'signOff', 'closed', ['chair'], 'signedOff'],
  // the order of the steps
  ['shortlisted', 'review', 'filed', [], null],
  ['selected', 'schedule', 'handling', [], null],
  ['selected', 'signOff', 'replied', [], null],
  ['declined', 'select', 'filed', [], null],
  ['signedOff', 'review', 'closed', [], null],
  ['signedOff', 'schedule', 'closed', [], null],
];

describe('key proposal workflow: the steps by role and order', () => {
  for (const [from, action, proposalStatus, allowed, to] of keyCases) {
    for (const [name, who] of Object.entries(everyone)) {
      const ok = allowed.includes(name);
      it(`${name} ${ok ? 'may' : 'may not'} ${action} from ${from} (proposal ${proposalStatus})`, () => {
        const v = decide(keyWorkflow, action, who, key(from), { proposalStatus });
        expect(v.ok).toBe(ok);
        if (v.ok) expect(v.to).toBe(to);
        else expect(v.message).toMatch(/[\u4e00-\u9fa5]/);
      });
    }
  }

  it('阅批 comes before the reply, 调度 only while units handle it, 阅签 only after the reply', () => {
    const chair = everyone.chair;
    expect(decide(keyWorkflow, 'review', chair, key('selected'), { proposalStatus: 'replied' })).toMatchObject({ ok: false, reason: 'precondition', message: '办前阅批须在承办单位答复之前' });
    expect(decide(keyWorkflow, 'schedule', chair, key('reviewed'), { proposalStatus: 'filed' })).toMatchObject({ ok: false, reason: 'precondition', message: '提案交办后、办理中方可调度' });
    expect(decide(keyWorkflow, 'signOff', chair, key('reviewed'), { proposalStatus: 'handling' })).toMatchObject({ ok: false, reason: 'precondition', message: '承办单位答复后方可阅签' });
  });

  it('another committee\'s office may not decide', () => {
    expect(decide(keyWorkflow, 'select', everyone.office, key('shortlisted', 'c2'), { proposalStatus: 'filed' }).ok).toBe(false);
  });
});

const excellentCases: [string, ExcellentAction, string[], string | null][] = [
  ['nominated', 'review', ['office', 'admin'], 'reviewed'],
  ['reviewed', 'decide', ['office', 'admin'], 'decided'],
  ['decided', 'publish', ['office', 'admin'], 'published'],
  ['nominated', 'reject', ['office', 'admin'], 'notSelected'],
  ['reviewed', 'reject', ['office', 'admin'], 'notSelected'],
  ['nominated', 'decide', [], null],
  ['reviewed', 'publish', [], null],
  ['decided', 'reject', [], null],
  ['published', 'publish', [], null],
];

describe('excellent proposals: nomination → review → decision → published', () => {
  for (const [from, action, allowed, to] of excellentCases) {
    for (const [name, who] of Object.entries(everyone)) {
      const ok = allowed.includes(name);
      it(`${name} ${ok ? 'may' : 'may not'} ${action} from ${from}`, () => {
        const v = decide(excellentWorkflow, action, who, nomination(from));
        expect(v.ok).toBe(ok);
        if (v.ok) expect(v.to).toBe(to);
      });
    }
  }
});
