import chineseDays from 'chinese-days';

/**
 * The days off fixed by law (《全国年节及纪念日放假办法》, as revised in 2024, in force from 2025),
 * for a year whose State Council notice is not loaded yet: 元旦 1 day, 春节 4 (除夕 to 初三), 清明 1
 * (the solar term's day), 劳动节 2, 端午 1 (五月初五), 中秋 1 (八月十五), 国庆 3 — and, as the law's
 * Article 6 asks, a holiday that falls on a Saturday or Sunday is made up (补假) on the next working
 * day. The notice's own arrangement (调休: weekends worked to bridge holidays) cannot be foreseen and
 * is left out, so deadlines reckoned on these days are provisional until the notice is loaded.
 * Lunar dates and the solar term come from chinese-days' tables (offline).
 */
export function statutoryHolidays(year: number): { day: string; name: string }[] {
  const iso = (m: number, d: number) => `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const lunar = (m: number, d: number) => chineseDays.getSolarDateFromLunar(`${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`).date;
  const shift = (day: string, n: number) => {
    const t = new Date(`${day}T00:00:00Z`);
    t.setUTCDate(t.getUTCDate() + n);
    return t.toISOString().slice(0, 10);
  };
  const springFestival = lunar(1, 1);
  const days: { day: string; name: string }[] = [
    { day: iso(1, 1), name: '元旦' },
    ...[-1, 0, 1, 2].map((n) => ({ day: shift(springFestival, n), name: '春节' })),
    { day: chineseDays.getSolarTermDate(year, 4, 'pure_brightness'), name: '清明节' },
    { day: iso(5, 1), name: '劳动节' },
    { day: iso(5, 2), name: '劳动节' },
    { day: lunar(5, 5), name: '端午节' },
    { day: lunar(8, 15), name: '中秋节' },
    ...[1, 2, 3].map((d) => ({ day: iso(10, d), name: '国庆节' })),
  ];
  const off = new Set(days.map((d) => d.day));
  const weekend = (day: string) => [0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay());
  const madeUp: { day: string; name: string }[] = [];
  for (const h of days) {
    if (!weekend(h.day)) continue;
    let d = shift(h.day, 1);
    while (weekend(d) || off.has(d)) d = shift(d, 1);
    off.add(d);
    madeUp.push({ day: d, name: `${h.name}补假` });
  }
  return [...days, ...madeUp].sort((a, b) => a.day.localeCompare(b.day));
}

const cache = new Map<number, ReadonlySet<string>>();
/** The statutory days off of a year, as a set (computed once per year). */
export function statutoryDaysOff(year: number): ReadonlySet<string> {
  let set = cache.get(year);
  if (!set) cache.set(year, (set = new Set(statutoryHolidays(year).map((d) => d.day))));
  return set;
}
