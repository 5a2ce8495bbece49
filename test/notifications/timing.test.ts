import { describe, expect, it } from 'vitest';
import { afterQuiet, dueFor, isQuiet, nextAt } from '../../src/server/platform/notifications/timing.js';

/** China time is UTC+8 all year: 22:30 in Beijing is 14:30 UTC. */
const beijing = (iso: string) => new Date(`${iso}+08:00`);

describe('when a notice may reach a person', () => {
  it('finds the next China-time hour, today or tomorrow', () => {
    expect(nextAt(beijing('2026-12-04T09:15:30'), '18:00')).toEqual(beijing('2026-12-04T18:00:00'));
    expect(nextAt(beijing('2026-12-04T19:00:00'), '18:00')).toEqual(beijing('2026-12-05T18:00:00'));
    expect(nextAt(beijing('2026-12-04T18:00:20'), '18:00')).toEqual(beijing('2026-12-04T18:00:20'));
  });

  it('keeps quiet hours that span midnight, and ones within a day', () => {
    expect(isQuiet(beijing('2026-12-04T23:10:00'), '22:00', '07:00')).toBe(true);
    expect(isQuiet(beijing('2026-12-05T06:59:00'), '22:00', '07:00')).toBe(true);
    expect(isQuiet(beijing('2026-12-05T07:00:00'), '22:00', '07:00')).toBe(false);
    expect(isQuiet(beijing('2026-12-04T12:30:00'), '12:00', '14:00')).toBe(true);
    expect(isQuiet(beijing('2026-12-04T14:00:00'), '12:00', '14:00')).toBe(false);
    expect(isQuiet(beijing('2026-12-04T23:10:00'), null, null)).toBe(false);
    expect(isQuiet(beijing('2026-12-04T23:10:00'), '22:00', '22:00')).toBe(false);
    expect(afterQuiet(beijing('2026-12-04T23:10:00'), '22:00', '07:00')).toEqual(beijing('2026-12-05T07:00:00'));
    expect(afterQuiet(beijing('2026-12-04T21:59:00'), '22:00', '07:00')).toEqual(beijing('2026-12-04T21:59:00'));
  });

  it('sends at once, or at the digest hour, never in the quiet hours', () => {
    const at = beijing('2026-12-04T23:10:00');
    expect(dueFor(at, { digest: 'instant', digestAt: '18:00', quietFrom: null, quietTo: null })).toEqual(at);
    expect(dueFor(at, { digest: 'instant', digestAt: '18:00', quietFrom: '22:00', quietTo: '07:30' })).toEqual(beijing('2026-12-05T07:30:00'));
    expect(dueFor(at, { digest: 'daily', digestAt: '18:00', quietFrom: '22:00', quietTo: '07:00' })).toEqual(beijing('2026-12-05T18:00:00'));
    // a digest hour inside the quiet hours waits for their end
    expect(dueFor(beijing('2026-12-04T10:00:00'), { digest: 'daily', digestAt: '23:00', quietFrom: '22:00', quietTo: '07:00' })).toEqual(beijing('2026-12-05T07:00:00'));
  });
});
