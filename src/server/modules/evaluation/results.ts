import type { BallotChoice, ResultGrade } from '../../../shared/evaluation/labels.js';
import type { Indicator } from '../../../shared/evaluation/inputs.js';

export interface ScoringRules {
  satisfiedPoints: number;
  basicPoints: number;
  unsatisfiedPoints: number;
  quorumShare: number;
  satisfactoryCount: number;
  focusCount: number;
}

export interface Tally {
  unitId: string;
  indicatorKey: string;
  choice: string;
  count: number;
}

export type Counts = Record<BallotChoice, number>;

export interface DepartmentResult {
  unitId: string;
  name: string;
  respondents: number;
  quorumMet: boolean;
  indicators: { key: string; label: string; weight: number; counts: Counts; score: number | null }[];
  /** weighted score out of 100; null until the department has its quorum */
  score: number | null;
  rank: number | null;
  grade: ResultGrade | null;
}

export interface CampaignResults {
  invited: number;
  /** respondents needed per department: more than quorumShare of the invited */
  quorum: number;
  departments: DepartmentResult[];
  /** every department has its quorum: the ranking can be computed and published */
  complete: boolean;
}

const round2 = (n: number) => Math.round(n * 100) / 100;
/** the smallest whole number of respondents that is more than `share` of `invited` */
export const quorumOf = (invited: number, share: number) => Math.floor(invited * share) + 1;

/**
 * The results of a campaign from the counts alone. Per indicator: the points of each known answer
 * (满意, 基本满意, 不满意 — 不了解 is left out of the average), averaged; per department: the
 * indicators' scores weighted by their weights. Departments short of the quorum get no score; when
 * all have it they are ranked, the top `satisfactoryCount` named 满意单位 and the bottom
 * `focusCount` (not already among the top) 重点跟踪整改; tied departments share rank and grade.
 *
 * @example 10 invited, quorum 0.5 → 6 respondents needed per department
 */
export function computeResults(o: {
  indicators: Indicator[];
  units: { id: string; name: string }[];
  invited: number;
  respondents: Map<string, number>;
  tallies: Tally[];
  rules: ScoringRules;
}): CampaignResults {
  const { rules } = o;
  const quorum = quorumOf(o.invited, rules.quorumShare);
  const points: Record<Exclude<BallotChoice, 'unknown'>, number> = { satisfied: rules.satisfiedPoints, basic: rules.basicPoints, unsatisfied: rules.unsatisfiedPoints };
  const departments: DepartmentResult[] = o.units.map((u) => {
    const respondents = o.respondents.get(u.id) ?? 0;
    const quorumMet = respondents >= quorum;
    const indicators = o.indicators.map((i) => {
      const counts: Counts = { satisfied: 0, basic: 0, unsatisfied: 0, unknown: 0 };
      for (const t of o.tallies) if (t.unitId === u.id && t.indicatorKey === i.key && t.choice in counts) counts[t.choice as BallotChoice] += t.count;
      const known = counts.satisfied + counts.basic + counts.unsatisfied;
      const score = quorumMet && known > 0 ? round2((counts.satisfied * points.satisfied + counts.basic * points.basic + counts.unsatisfied * points.unsatisfied) / known) : null;
      return { key: i.key, label: i.label, weight: i.weight, counts, score };
    });
    const scored = indicators.filter((i) => i.score !== null);
    const weights = scored.reduce((s, i) => s + i.weight, 0);
    const score = quorumMet && weights > 0 ? round2(scored.reduce((s, i) => s + i.weight * i.score!, 0) / weights) : null;
    return { unitId: u.id, name: u.name, respondents, quorumMet, indicators, score, rank: null, grade: null };
  });
  const complete = departments.length > 0 && departments.every((d) => d.score !== null);
  if (complete) {
    const ranked = [...departments].sort((a, b) => b.score! - a.score! || a.name.localeCompare(b.name, 'zh'));
    ranked.forEach((d, n) => {
      // equal scores share a rank and a grade: a tie across the line of the top or bottom N puts
      // every tied department on the named side (并列), so two departments with one score never differ
      d.rank = n > 0 && ranked[n - 1].score === d.score ? ranked[n - 1].rank : n + 1;
      const lower = ranked.filter((x) => x.score! < d.score!).length;
      d.grade = d.rank! <= rules.satisfactoryCount ? 'satisfactory' : lower < rules.focusCount ? 'focus' : 'ranked';
    });
    departments.sort((a, b) => a.rank! - b.rank! || a.name.localeCompare(b.name, 'zh'));
  }
  return { invited: o.invited, quorum, departments, complete };
}
