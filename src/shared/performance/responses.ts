import type { ScoringRules } from './rules.js';

/**
 * What the performance API answers. Scores are computed by the server's pure scoring function
 * (modules/performance/score.ts); the routes are typed against these shapes.
 */

export interface Grade {
  key: string;
  label: string;
  commend: boolean;
  talk: boolean;
  escalateAfterYears: number | null;
}
export interface Quota {
  key: string;
  label: string;
  have: number;
  need: number;
  met: boolean;
}
export interface Sanction {
  key: string;
  label: string;
  action: 'talk' | 'resign';
  count: number;
  threshold: number;
}

export interface RecordEntry {
  id: string;
  day: string;
  kind: string;
  kindLabel: string;
  part: string;
  note: string | null;
  sourceType: string;
  /** null with link: the viewer may not open the source record (社情民意, for offices that do not read them) */
  sourceId: string | null;
  link: string | null;
  points: number;
  items: string[];
  reason: string | null;
}

export interface RecordMember {
  id: string;
  name: string;
  code: string;
  position: string;
  positionLabel: string;
  sectorName: string | null;
}

export interface PerformanceRecord {
  year: number;
  rulesName: string;
  rulesSource: string;
  member: RecordMember;
  total: number;
  base: number;
  grade: Grade | null;
  items: { key: string; label: string; category: string | null; units: number; points: number; capped: boolean }[];
  categories: { key: string; label: string; raw: number; points: number; capped: boolean; tier: string | null }[];
  quotas: Quota[];
  lacking: Quota[];
  sanctions: Sanction[];
  entries: RecordEntry[];
  actions: string[];
}

export interface RankedRow {
  memberId: string;
  name: string;
  code: string;
  positionLabel: string;
  sectorName: string | null;
  rank: number;
  total: number;
  grade: Grade | null;
  categories: { key: string; label: string; points: number }[];
  lacking: Quota[];
  sanctions: Sanction[];
}

export interface Rankings {
  year: number;
  rulesName: string;
  /** whether the scheme grades at all (no grade column otherwise) */
  graded: boolean;
  categories: { key: string; label: string }[];
  items: RankedRow[];
  total: number;
  actions: string[];
}

export interface Lists {
  year: number;
  rulesName: string;
  rulesSource: string;
  /** 表彰名额 (0: no limit) and, when members tied across it, the tie left to the chairs' meeting */
  commendQuota: number;
  commendCut: { total: number; tied: number; places: number } | null;
  grades: { key: string; label: string; commend: boolean; talk: boolean; count: number }[];
  commend: RankedRow[];
  talk: (RankedRow & { escalated: boolean; reasons: string[] })[];
  belowQuota: RankedRow[];
  actions: string[];
}

/** 考核办法: the rules in force for the year, the presets an admin may start from, and the names of ledger kinds and units. */
export interface RulesAnswer {
  year: number;
  rules: ScoringRules;
  presets: { key: string; name: string; source: string; rules: ScoringRules }[];
  kinds: Record<string, string>;
  units: Record<string, string>;
}

/** 一届一人一档: each year of the term, and every entry grouped by activity category. */
export interface TermFile {
  term: { name: string | null; from: string; to: string | null };
  member: RecordMember | null;
  years: { year: number; total: number; grade: Grade | null; lacking: Quota[]; sanctions: Sanction[]; rulesName: string; entries: number }[];
  categories: { label: string; count: number; items: { id: string; day: string; kindLabel: string; part: string; note: string | null; link: string | null }[] }[];
}

export interface RemindAnswer {
  reminded: number;
  withoutAccount: number;
}
