/**
 * When a notice may reach a person: China time of day (UTC+8 all year, no daylight saving), quiet
 * hours that may span midnight (22:00–07:00), and the daily digest's hour. Pure, for the tests.
 */
const CHINA_OFFSET_MIN = 8 * 60;
const DAY_MIN = 24 * 60;

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const chinaMinute = (at: Date) => (Math.floor(at.getTime() / 60_000) + CHINA_OFFSET_MIN) % DAY_MIN;

/** The first instant at or after `at` whose China time is `hhmm`. */
export function nextAt(at: Date, hhmm: string): Date {
  const wait = (minutesOf(hhmm) - chinaMinute(at) + DAY_MIN) % DAY_MIN;
  if (wait === 0) return at;
  return new Date(Math.floor(at.getTime() / 60_000) * 60_000 + wait * 60_000);
}

/** Whether `at` falls in the quiet hours [from, to), China time; an empty span (from = to) keeps none. */
export function isQuiet(at: Date, from: string | null, to: string | null): boolean {
  if (!from || !to) return false;
  const m = chinaMinute(at);
  const [f, t] = [minutesOf(from), minutesOf(to)];
  if (f === t) return false;
  return f < t ? m >= f && m < t : m >= f || m < t;
}

/** `at`, or the end of the quiet hours it falls in. */
export const afterQuiet = (at: Date, from: string | null, to: string | null): Date => (isQuiet(at, from, to) ? nextAt(at, to!) : at);

/** When a notice made at `at` goes to a person: at once or at the digest's next hour, never in their quiet hours. */
export function dueFor(at: Date, p: { digest: string; digestAt: string; quietFrom: string | null; quietTo: string | null }): Date {
  return afterQuiet(p.digest === 'daily' ? nextAt(at, p.digestAt) : at, p.quietFrom, p.quietTo);
}
