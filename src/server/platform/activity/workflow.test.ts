import { describe, expect, it } from 'vitest';
import type { Office } from '../auth/actor.js';
import { personOf, transitionCases } from '../workflow/cases.js';
import { activityWorkflow, type Activity } from './workflow.js';

const C = 'committee-a';
const person = personOf(C);
const people = {
  organiser: person(['staff'], { office: 'general' as Office }),
  otherOffice: person(['staff'], { office: 'proposal' as Office }),
  admin: person(['admin']),
  leader: person(['leader']),
  member: person(['member'], { memberId: 'm-1' }),
  unit: person(['unit'], { unitId: 'unit-1' }),
  otherCommitteeOrganiser: person(['staff'], { office: 'general' as Office, committeeId: 'committee-b' }),
};
const activity = (status: string, o: Partial<Activity> = {}) => ({ id: 'e', committeeId: C, status, organiserOffice: 'general', ...o }) as Activity;

/** The expected lifecycle, written out independently of the table: the organising office (or an admin) runs the event. */
const cases = transitionCases(activityWorkflow, people, activity, {
  close: { from: ['scheduled'], who: ['organiser', 'admin'] },
  reopen: { from: ['closed'], who: ['organiser', 'admin'] },
  cancel: { from: ['scheduled'], who: ['organiser', 'admin'] },
});

describe('activity workflow table (会议活动)', () => {
  it.each(cases)('$who $action from $state → allowed=$allowed', ({ allowed, verdict }) => {
    const v = verdict();
    expect(v.ok).toBe(allowed);
    if (!allowed) expect(v.ok === false && v.message).toMatch(/[\u4e00-\u9fa5]/);
  });
});
