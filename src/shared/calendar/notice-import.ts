/**
 * Reading a year's holiday notice as it is published, so the platform's admin pastes it instead of
 * typing forty dates: the State Council's text (国务院办公厅关于YYYY年部分节假日安排的通知) or a
 * calendar file (.ics). Both only fill the form's rows; the admin checks them against the notice
 * and saves, and the server validates them as it validates typed rows.
 */
export interface NoticeRow {
  day: string;
  name: string;
  isOffDay: boolean;
}

/** What was read, and the items of the text it could not read (shown, so nothing is dropped silently). */
export interface NoticeReading {
  days: NoticeRow[];
  unread: string[];
}

const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** Every day from `from` to `to` inclusive (ISO dates). */
function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`) && out.length < 40; t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

/** `[年]月日` dates of a clause in order; a date without its month takes the previous one's (「1月1日至3日」). */
function datesOf(clause: string, year: number): string[] {
  const out: string[] = [];
  let month = 0;
  let y = year;
  for (const m of clause.matchAll(/(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日/g)) {
    if (m[1]) y = Number(m[1]);
    if (m[2]) month = Number(m[2]);
    if (month === 0) continue;
    out.push(iso(y, month, Number(m[3])));
  }
  return out;
}

/**
 * A pasted text as the patterns expect it: full-width digits made plain, spaces gone (line breaks
 * kept: an item starts a line), and the bracketed weekdays and lunar dates dropped — 「（农历腊月二十八、周日）」
 * would otherwise read as an item of its own.
 */
const normalised = (text: string) =>
  text
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[ \t\u3000]+/g, '')
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/:/g, '：');

/**
 * The notice's text: items 「一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。」.
 * The days off run from the first date of the 放假 clause to the second when joined by 至; every
 * date of a clause ending in 上班 is a make-up working day.
 */
export function readNoticeText(text: string, year: number): NoticeReading {
  const days: NoticeRow[] = [];
  const unread: string[] = [];
  const items = normalised(text).split(/(?:^|\n|[。；;])[一二三四五六七八九十]+、/).slice(1);
  for (const raw of items) {
    const item = raw.replace(/\n+/g, '').replace(/[。；;]+$/, '');
    const colon = item.indexOf('：');
    const name = colon > 0 ? item.slice(0, colon) : '';
    const body = item.slice(colon + 1);
    const off = body.match(/^(.*?)放假/);
    const offDates = off ? datesOf(off[1], year) : [];
    if (!name || name.length > 20 || offDates.length === 0) {
      unread.push(item.slice(0, 40));
      continue;
    }
    const range = /至/.test(off![1]) && offDates.length >= 2 ? daysBetween(offDates[0], offDates[1]) : offDates;
    for (const day of range) days.push({ day, name, isOffDay: true });
    for (const sentence of body.slice(off![0].length).split(/[。；]/)) {
      if (!/上班$/.test(sentence)) continue;
      for (const day of datesOf(sentence, year)) days.push({ day, name, isOffDay: false });
    }
  }
  return { days: days.sort((a, b) => a.day.localeCompare(b.day)), unread };
}

/** An .ics value unfolded (RFC 5545 continues long lines with a leading space) and unescaped. */
const unfold = (ics: string) => ics.replace(/\r?\n[ \t]/g, '');
const unescape = (v: string) => v.replace(/\\([,;\\])/g, '$1').replace(/\\n/gi, ' ');
const icsDate = (v: string) => (/^(\d{4})(\d{2})(\d{2})/.exec(v) ? v.replace(/^(\d{4})(\d{2})(\d{2}).*$/, '$1-$2-$3') : null);

/**
 * A holiday calendar file: each all-day event is a holiday (its days DTSTART to DTEND, exclusive), or
 * a make-up working day when its summary says so (班, 上班, 补班, 调休上班 — the usual marks of
 * Chinese holiday feeds). Only the year asked for is kept.
 */
export function readIcs(ics: string, year: number): NoticeReading {
  const days: NoticeRow[] = [];
  const unread: string[] = [];
  for (const event of unfold(ics).split('BEGIN:VEVENT').slice(1)) {
    const field = (key: string) => event.match(new RegExp(`^${key}(?:;[^:\\r\\n]*)?:(.*)$`, 'm'))?.[1]?.trim() ?? '';
    const summary = unescape(field('SUMMARY'));
    const start = icsDate(field('DTSTART'));
    if (!start || !summary) {
      unread.push(summary || event.slice(0, 40).trim());
      continue;
    }
    const endExclusive = icsDate(field('DTEND'));
    const last = endExclusive && endExclusive > start ? new Date(Date.parse(`${endExclusive}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10) : start;
    const working = /(补班|上班|调休上班|[（(]班[）)]|^班|班$)/.test(summary);
    const name = summary.replace(/[（(]?(补班|调休上班|上班|休息|放假|休|班)[）)]?/g, '').replace(/[\s·-]+$/, '').trim() || summary;
    for (const day of daysBetween(start, last)) if (day.startsWith(`${year}-`)) days.push({ day, name: name.slice(0, 20), isOffDay: !working });
  }
  return { days: days.sort((a, b) => a.day.localeCompare(b.day)), unread };
}
