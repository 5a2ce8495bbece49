import type { Member } from '../members/schema.js';
import { positionLabels, type Position } from '../../../shared/members/labels.js';
import { kindLabel, noteLabel, sourceLink } from './kinds.js';
import type { ScoringRules } from '../../../shared/performance/rules.js';
import type { MemberScore } from './score.js';

/** The ledger entries of one member, as scoring reads them. */
export type RecordEntry = { id: string; kind: string; day: string; sourceType: string; sourceId: string; part: string; note?: string | null; createdAt?: Date };

/** One member's record for the client: the score and each entry with the points it earned, newest first. */
export function presentRecord({ rules, member: m, score, entries: mine, sectorName, year }: { rules: ScoringRules; member: Member; score: MemberScore; entries: RecordEntry[]; sectorName: string | null; year: number }) {
  const itemLabel = new Map(rules.items.map((i) => [i.key, i.label]));
  const earned = new Map<string, { points: number; items: string[]; reasons: string[] }>();
  for (const l of score.lines) {
    const cur = earned.get(l.entryId) ?? { points: 0, items: [], reasons: [] };
    cur.points += l.points;
    cur.items.push(itemLabel.get(l.itemKey) ?? l.itemKey);
    if (l.reason) cur.reasons.push(l.reason);
    earned.set(l.entryId, cur);
  }
  const entries = [...mine]
    // newest first: by day, then by when it was written
    .sort((a, b) => (a.day < b.day ? 1 : a.day > b.day ? -1 : (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0) || (a.id < b.id ? -1 : 1)))
    .map((e) => {
      const x = earned.get(e.id);
      return {
        id: e.id, day: e.day, kind: e.kind, kindLabel: kindLabel(e.kind), part: e.part, note: noteLabel(e.kind, e.note),
        sourceType: e.sourceType, sourceId: e.sourceId, link: sourceLink(e.sourceType, e.sourceId),
        points: x ? Math.round(x.points * 100) / 100 : 0, items: x?.items ?? [], reason: x?.reasons.join('；') || (x ? null : '本办法不计分'),
      };
    });
  return {
    year, rulesName: rules.name, rulesSource: rules.source,
    member: { id: m.id, name: m.name, code: m.code, position: m.position, positionLabel: positionLabels[m.position as Position] ?? m.position, sectorName },
    total: score.total, base: score.base, grade: score.grade,
    items: score.items.filter((i) => i.units > 0),
    categories: score.categories,
    quotas: score.quotas, lacking: score.lacking, sanctions: score.sanctions,
    entries,
  };
}
