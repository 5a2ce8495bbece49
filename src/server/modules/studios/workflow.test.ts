import { describe, expect, it } from 'vitest';
import { decide } from '../../platform/workflow/workflow.js';
import { questionWorkflow, type QuestionFacts, type QuestionTransition, type StudioQuestion } from './workflow.js';
import { actorAs, committeeCast } from '../../../../test/support/actors.js';

const committeeId = 'c1';
const everyone = {
  ...committeeCast,
  studioMember: actorAs(['member'], { memberId: 'm1' }),
  otherMember: actorAs(['member'], { memberId: 'm9' }),
};
const facts: QuestionFacts = { studioMemberIds: ['m1'] };
const question = (status: string, o: Partial<StudioQuestion> = {}) => ({ id: 'q', committeeId, status, version: 1, studioId: 's1', publishedAt: null, ...o }) as StudioQuestion;

/** Who may take each step: the studio's members answer; they or the staff publish; only staff hide. */
const cases: [string, QuestionTransition, string[], Partial<StudioQuestion>?][] = [
  ['asked', 'answer', ['studioMember']],
  ['answered', 'publish', ['studioMember', 'roster', 'office', 'admin']],
  ['answered', 'unpublish', ['roster', 'office', 'admin'], { publishedAt: new Date() }],
];

describe('studio questions by role', () => {
  for (const [from, action, allowed, extra] of cases) {
    for (const [name, who] of Object.entries(everyone)) {
      const ok = allowed.includes(name);
      it(`${name} ${ok ? 'may' : 'may not'} ${action} an ${from} question`, () => {
        const v = decide(questionWorkflow, action, who, question(from, extra), facts);
        expect(v.ok).toBe(ok);
        if (v.ok) expect(v.to).toBe('answered');
      });
    }
  }

  it('an unanswered question is never published; nothing is answered twice, published twice or hidden unpublished', () => {
    expect(decide(questionWorkflow, 'publish', everyone.admin, question('asked'), facts)).toMatchObject({ ok: false, reason: 'wrong_state' });
    expect(decide(questionWorkflow, 'answer', everyone.studioMember, question('answered'), facts)).toMatchObject({ ok: false, reason: 'wrong_state' });
    expect(decide(questionWorkflow, 'publish', everyone.roster, question('answered', { publishedAt: new Date() }), facts).ok).toBe(false);
    expect(decide(questionWorkflow, 'unpublish', everyone.roster, question('answered'), facts).ok).toBe(false);
  });
});
