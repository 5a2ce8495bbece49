import { describe, expect, it } from 'vitest';
import { decide } from '../../platform/workflow/workflow.js';
import { can } from '../../platform/policy/policy.js';
import type { ReportAction } from '../../../shared/research/inputs.js';
import { reportWorkflow, type Topic, type TopicSubject } from './workflow.js';
import { topicPolicy } from './policy.js';
import { actorAs, committeeCast } from '../../../../test/support/actors.js';

const committeeId = 'c1';
const everyone = {
  ...committeeCast,
  unit: actorAs(['unit'], { unitId: 'unit1' }),
  groupMember: actorAs(['member'], { memberId: 'm1' }),
  otherMember: actorAs(['member'], { memberId: 'm2' }),
};
const context = { groupMemberIds: ['m1'] };
const topic = (status: string, filled = true) => ({ id: 't', committeeId, status, version: 1, reportTitle: filled ? '关于老旧小区加装电梯的调研报告' : '', suggestions: filled ? '一是简化审批。' : '' }) as Topic;
const subject = (status: string, sentToUnitIds: string[] = []) => ({ ...topic(status), groupMemberIds: ['m1'], sentToUnitIds }) as TopicSubject;

/** Who may take each step of the report's review, by role: 起草中 → 专委会审核 → 办公室审核 → 已定稿. */
const cases: [string, ReportAction, string[], string | null][] = [
  ['drafting', 'submit', ['office', 'admin', 'groupMember'], 'committeeReview'],
  ['committeeReview', 'passCommittee', ['office', 'admin'], 'officeReview'],
  ['officeReview', 'passOffice', ['office', 'admin'], 'final'],
  ['committeeReview', 'return', ['office', 'admin'], 'drafting'],
  ['officeReview', 'return', ['office', 'admin'], 'drafting'],
  ['final', 'return', [], null],
  ['drafting', 'passCommittee', [], null],
  ['committeeReview', 'passOffice', [], null],
];

describe('research report: the review by role', () => {
  for (const [from, action, allowed, to] of cases) {
    for (const [name, who] of Object.entries(everyone)) {
      const ok = allowed.includes(name);
      it(`${name} ${ok ? 'may' : 'may not'} ${action} from ${from}`, () => {
        const v = decide(reportWorkflow, action, who, topic(from), context);
        expect(v.ok).toBe(ok);
        if (v.ok) expect(v.to).toBe(to);
      });
    }
  }

  it('an empty draft cannot be submitted, and says what is missing', () => {
    const v = decide(reportWorkflow, 'submit', everyone.groupMember, topic('drafting', false), context);
    expect(v).toMatchObject({ ok: false, reason: 'precondition', message: '请先填写报告标题和对策建议' });
  });
});

describe('research topic: who may do what', () => {
  const may = (action: Parameters<typeof can>[1], status: string, sent: string[] = []) =>
    Object.entries(everyone).filter(([, a]) => can(topicPolicy, action as any, a, subject(status, sent))).map(([n]) => n).sort();

  it('every member, leader and staff member reads a topic; a department only one whose items were sent to it', () => {
    expect(may('read', 'drafting')).toEqual(['admin', 'groupMember', 'leader', 'office', 'otherMember', 'proposalStaff', 'roster']);
    expect(may('read', 'final', ['unit1'])).toContain('unit');
  });
  it('members volunteer while the report is drafted; the group and the office write it; the office manages', () => {
    expect(may('volunteer', 'drafting')).toEqual(['groupMember', 'leader', 'otherMember']);
    expect(may('volunteer', 'final')).toEqual([]);
    expect(may('update', 'drafting')).toEqual(['admin', 'groupMember', 'office']);
    expect(may('update', 'committeeReview')).toEqual([]);
    expect(may('manage', 'drafting')).toEqual(['admin', 'office']);
  });
  it('a final report is converted by the group (their own) and the office (collective); instructed by the office or a leader', () => {
    expect(may('convert', 'final')).toEqual(['groupMember']);
    expect(may('convertCollective', 'final')).toEqual(['admin', 'office']);
    expect(may('convert', 'officeReview')).toEqual([]);
    expect(may('instruct', 'final')).toEqual(['admin', 'leader', 'office']);
    expect(may('assign', 'final')).toEqual(['admin', 'office']);
  });
});
