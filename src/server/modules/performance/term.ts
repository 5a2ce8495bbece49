import type { Executor } from '../../db/client.js';
import { loadEntries, termRange } from './entries.js';
import type { Actor } from '../../platform/auth/actor.js';
import { kindLabel, noteLabel } from './kinds.js';
import { sourceRefs } from './sources.js';
import { memberRecord } from './queries.js';

/** The activity categories of the record file (一届一人一档), by the first part of the ledger kind. */
const categories: [prefix: string, label: string][] = [
  ['activity', '会议活动'],
  ['proposal', '提案'],
  ['opinion', '社情民意信息'],
  ['speech', '大会发言'],
  ['consultation', '协商议政'],
  ['outreach', '联系群众'],
];
const categoryOf = (kind: string) => categories.find(([p]) => kind.startsWith(`${p}.`))?.[1] ?? '其他';

/**
 * 一届一人一档: one member's file for the whole term around `year` — each year's score and grade
 * (as far as the term has run), and every entry of the term, grouped by activity category, each
 * linked to the record that earned it.
 */
export async function termRecord(db: Executor, viewer: Actor, committeeId: string, memberId: string, year: number, today: string) {
  const range = await termRange(db, committeeId, year);
  const lastDay = range.to < today ? range.to : today;
  const firstYear = Number(range.from.slice(0, 4));
  const lastYear = Math.max(firstYear, Number(lastDay.slice(0, 4)));
  const years = [];
  let member: Awaited<ReturnType<typeof memberRecord>>['member'] | null = null;
  for (let y = firstYear; y <= lastYear; y++) {
    const r = await memberRecord(db, committeeId, memberId, y);
    member = r.member;
    years.push({ year: y, total: r.total, grade: r.grade, lacking: r.lacking, sanctions: r.sanctions, rulesName: r.rulesName, entries: r.entries.length });
  }
  const entries = (await loadEntries(db, committeeId, range.from, range.to, { memberIds: [memberId] })).sort((a, b) => (a.day < b.day ? 1 : a.day > b.day ? -1 : (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0) || (a.id < b.id ? -1 : 1)));
  const grouped = new Map<string, { kindLabel: string; day: string; link: string | null; note: string | null; part: string; id: string }[]>(categories.map(([, label]) => [label, []]));
  // links only to what the viewer may open (sources.ts)
  for (const e of await sourceRefs(db, viewer, entries)) {
    const label = categoryOf(e.kind);
    grouped.set(label, [...(grouped.get(label) ?? []), { id: e.id, day: e.day, kindLabel: kindLabel(e.kind), part: e.part, note: noteLabel(e.kind, e.note), link: e.link }]);
  }
  return {
    term: { name: range.name, from: range.from, to: range.to === '9999-12-31' ? null : range.to },
    member,
    years,
    categories: [...grouped].map(([label, items]) => ({ label, count: items.length, items })),
  };
}
