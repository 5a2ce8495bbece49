import { describe, expect, it } from 'vitest';
import { attendanceOutcome, attendedShare, countOutcomes, isLate } from './attendance.js';
import { signCheckInToken, verifyCheckInToken } from './checkin-token.js';
import { leavePolicy, type ActivitySubject } from './policy.js';
import { can } from '../policy/policy.js';
import type { Actor, Role } from '../auth/actor.js';
import { actorAs, TABLE_COMMITTEE } from '../../../../test/support/actors.js';

const secret = 'a'.repeat(64);
const event = '11111111-2222-4333-8444-555555555555';
const at = (hhmm: string) => new Date(`2026-01-10T${hhmm}:00+08:00`);

describe('check-in token', () => {
  it('is valid inside its window for its event only', () => {
    const { token } = signCheckInToken(secret, event, at('08:50'), 90);
    expect(verifyCheckInToken(secret, token, at('08:51'))).toEqual({ ok: true, claim: expect.objectContaining({ activityId: event }) });
    expect(verifyCheckInToken(secret, token, new Date(at('08:50').getTime() + 91_000))).toEqual({ ok: false, problem: 'expired' });
    expect(verifyCheckInToken('b'.repeat(64), token, at('08:51'))).toEqual({ ok: false, problem: 'signature' });
  });

  it('cannot be re-pointed at another event or stretched without breaking the signature', () => {
    const { token } = signCheckInToken(secret, event, at('08:50'), 90);
    const parts = token.split('.');
    const otherEvent = [parts[0], '99999999-2222-4333-8444-555555555555', ...parts.slice(2)].join('.');
    const longer = [...parts.slice(0, 3), String(Number(parts[3]) + 86400), parts[4]].join('.');
    expect(verifyCheckInToken(secret, otherEvent, at('08:51'))).toEqual({ ok: false, problem: 'signature' });
    expect(verifyCheckInToken(secret, longer, at('08:51'))).toEqual({ ok: false, problem: 'signature' });
    expect(verifyCheckInToken(secret, 'garbage', at('08:51'))).toEqual({ ok: false, problem: 'malformed' });
  });
});

describe('attendance', () => {
  const t = { startsAt: at('09:00'), endsAt: at('12:00'), mandatory: true };
  it('counts under 2/3 of the meeting as absent, exactly 2/3 as attended', () => {
    expect(attendedShare(t, { checkedInAt: at('08:55'), leftAt: null })).toBe(1);
    expect(attendanceOutcome(t, { checkedInAt: at('10:00'), leftAt: null }, null, 2 / 3)).toBe('attended'); // 2h of 3h
    expect(attendanceOutcome(t, { checkedInAt: at('10:01'), leftAt: null }, null, 2 / 3)).toBe('absent');
    expect(attendanceOutcome(t, { checkedInAt: at('09:00'), leftAt: at('10:30') }, null, 2 / 3)).toBe('absent'); // left early, 1.5h
    expect(isLate(t, { checkedInAt: at('09:20'), leftAt: null }, 15)).toBe(true);
  });
  it('approved leave excuses, refused leave on a mandatory event is its own absence, optional events cost nothing', () => {
    expect(attendanceOutcome(t, { checkedInAt: null, leftAt: null }, 'approved', 2 / 3)).toBe('excused');
    expect(attendanceOutcome(t, { checkedInAt: null, leftAt: null }, 'refused', 2 / 3)).toBe('leaveRefused');
    expect(attendanceOutcome({ ...t, mandatory: false }, { checkedInAt: null, leftAt: null }, 'refused', 2 / 3)).toBe('none');
    expect(countOutcomes([{ outcome: 'attended', late: true, leftEarly: false }, { outcome: 'excused', late: false, leftEarly: false }])).toMatchObject({ invited: 2, attended: 1, excused: 1, late: 1, rate: 50 });
  });
});

describe('who sees a leave request', () => {
  const C = TABLE_COMMITTEE;
  const event = { committeeId: C, status: 'scheduled', organiserOffice: 'general', mine: null, approverOffices: ['general'] } as unknown as ActivitySubject;
  const request = { committeeId: C, memberId: 'm-asked', event };
  const reads = (a: Actor, e: ActivitySubject = event) => can(leavePolicy, 'read', a, { ...request, event: e });
  it('the member who asked, the organising and approving offices and leaders; no one else', () => {
    expect(reads(actorAs(['member'], { memberId: 'm-asked' }))).toBe(true);
    expect(reads(actorAs(['member'], { memberId: 'm-other' }))).toBe(false);
    expect(reads(actorAs(['staff'], { office: 'general' }))).toBe(true);
    expect(reads(actorAs(['staff'], { office: 'proposal' }))).toBe(false);
    expect(reads(actorAs(['staff'], { office: 'members' }), { ...event, approverOffices: ['general', 'members'] })).toBe(true);
    expect(reads(actorAs(['leader', 'member'], { memberId: 'm-leader' }))).toBe(true);
    expect(reads(actorAs(['admin']))).toBe(true);
    expect(reads(actorAs(['unit'], { unitId: 'unit-1' }))).toBe(false);
    expect(reads(actorAs(['admin'], { committeeId: 'other' }))).toBe(false);
  });
});
