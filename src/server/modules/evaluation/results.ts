import { respondentKinds, type BallotChoice, type RespondentKind, type ResultGrade } from '../../../shared/evaluation/labels.js';
import type { Indicator } from '../../../shared/evaluation/inputs.js';

export interface ScoringRules {
  satisfiedPoints: number;
  basicPoints: number;
  unsatisfiedPoints: number;
  quorumShare: number;
  satisfactoryCount: number;
  focusCount: number;
  memberWeight: number;
  representativeWeight: number;
  publicWeight: number;
}

export interface Tally {
  unitId: string;
  /** member when left out */
  respondentKind?: string;
  indicatorKey: string;
  choice: string;
  count: number;
}

export type Counts = Record<BallotChoice, number>;
export type KindCounts = Record<RespondentKind, number>;
const kinds = Object.keys(respondentKinds) as RespondentKind[];
export const noRespondents = (): KindCounts => ({ member: 0, representative: 0, public: 0 });

/** One kind of respondent on one department: how many answered, its own score, its weight. */
export interface KindResult {
  kind: RespondentKind;
  label: string;
  respondents: number;
  /** the setting's weight (%) */
  weight: number;
  /** this kind's weighted score out of 100, or null (no known answer, or members short of the quorum) */
  score: number | null;
}

export interface DepartmentResult {
  unitId: string;
  name: string;
  /** every kind together: the sum of byKind's respondents */
  respondents: number;
  /** invited members who answered: the quorum counts these only */
  memberRespondents: number;
  quorumMet: boolean;
  byKind: KindResult[];
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

/** The points of a set of counts: each known answer's points averaged (不了解 left out), or null. */
function average(counts: Counts, points: Record<Exclude<BallotChoice, 'unknown'>, number>): number | null {
  const known = counts.satisfied + counts.basic + counts.unsatisfied;
  return known > 0 ? (counts.satisfied * points.satisfied + counts.basic * points.basic + counts.unsatisfied * points.unsatisfied) / known : null;
}

/** Σ weight × value over the values present, divided by the weights present (null when none is). */
function weighted(parts: { weight: number; value: number | null }[]): number | null {
  const present = parts.filter((p) => p.value !== null && p.weight > 0);
  const total = present.reduce((s, p) => s + p.weight, 0);
  return total > 0 ? present.reduce((s, p) => s + p.weight * p.value!, 0) / total : null;
}

/**
 * The results of a campaign from the counts alone. Members, invited representatives and the
 * public are counted apart. Per kind and indicator: the points of each known answer (满意, 基本满意,
 * 不满意 — 不了解 is left out of the average), averaged; a kind's indicator scores combine with the
 * kinds' weights (a setting, e.g. members 60, representatives 30, public 10 — a kind with no known
 * answer leaves its weight to the others); a department's score is its indicators' combined scores
 * weighted by the indicators' weights, and each kind's own score is shown beside it. The counts
 * shown are every kind's together (the sum of the parts). The quorum counts invited members only:
 * departments short of it get no score; when
 * all have it they are ranked, the top `satisfactoryCount` named 满意单位 and the bottom
 * `focusCount` (not already among the top) 重点跟踪整改; tied departments share rank and grade.
 *
 * @example 10 invited, quorum 0.5 → 6 respondents needed per department
 */
export function computeResults(o: {
  indicators: Indicator[];
  units: { id: string; name: string }[];
  invited: number;
  /** per department, how many of each kind answered */
  respondents: Map<string, Partial<KindCounts>>;
  tallies: Tally[];
  rules: ScoringRules;
}): CampaignResults {
  const { rules } = o;
  const quorum = quorumOf(o.invited, rules.quorumShare);
  const points: Record<Exclude<BallotChoice, 'unknown'>, number> = { satisfied: rules.satisfiedPoints, basic: rules.basicPoints, unsatisfied: rules.unsatisfiedPoints };
  const kindWeight: KindCounts = { member: rules.memberWeight, representative: rules.representativeWeight, public: rules.publicWeight };
  const departments: DepartmentResult[] = o.units.map((u) => {
    const answered = { ...noRespondents(), ...o.respondents.get(u.id) };
    const quorumMet = answered.member >= quorum;
    const countsOf = (key: string, kind?: RespondentKind) => {
      const counts: Counts = { satisfied: 0, basic: 0, unsatisfied: 0, unknown: 0 };
      for (const t of o.tallies) {
        if (t.unitId !== u.id || t.indicatorKey !== key || !(t.choice in counts)) continue;
        if (kind && (t.respondentKind ?? 'member') !== kind) continue;
        counts[t.choice as BallotChoice] += t.count;
      }
      return counts;
    };
    // per kind and indicator, unrounded; members' answers count only once the quorum is met
    const kindScores = Object.fromEntries(kinds.map((k) => [k, o.indicators.map((i) => (k === 'member' && !quorumMet ? null : average(countsOf(i.key, k), points)))])) as Record<RespondentKind, (number | null)[]>;
    const indicators = o.indicators.map((i, n) => {
      const combined = quorumMet ? weighted(kinds.map((k) => ({ weight: kindWeight[k], value: kindScores[k][n] }))) : null;
      return { key: i.key, label: i.label, weight: i.weight, counts: countsOf(i.key), score: combined === null ? null : round2(combined) };
    });
    const overall = quorumMet ? weighted(indicators.map((i) => ({ weight: i.weight, value: i.score }))) : null;
    const byKind: KindResult[] = kinds.map((k) => {
      const own = weighted(o.indicators.map((i, n) => ({ weight: i.weight, value: kindScores[k][n] })));
      return { kind: k, label: respondentKinds[k], respondents: answered[k], weight: kindWeight[k], score: own === null ? null : round2(own) };
    });
    const respondents = kinds.reduce((s, k) => s + answered[k], 0);
    return { unitId: u.id, name: u.name, respondents, memberRespondents: answered.member, quorumMet, byKind, indicators, score: overall === null ? null : round2(overall), rank: null, grade: null };
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
