/** What the performance API sends (src/server/modules/performance/service.ts). */

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

export interface PerformanceRecord {
  year: number;
  rulesName: string;
  rulesSource: string;
  member: { id: string; name: string; code: string; position: string; positionLabel: string; sectorName: string | null };
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
  categories: { key: string; label: string }[];
  items: RankedRow[];
  total: number;
  actions: string[];
}

export interface Lists {
  year: number;
  rulesName: string;
  commend: RankedRow[];
  talk: (RankedRow & { escalated: boolean; reasons: string[] })[];
  belowQuota: RankedRow[];
  actions: string[];
}

export interface ScoreItem {
  key: string;
  label: string;
  kinds: string[];
  part: 'any' | 'lead' | 'contributor';
  points: number;
  unit: 'halfDay' | 'time' | 'item' | 'piece';
  cap?: number | null;
  skipFirst: number;
  split?: { leadShare: number } | null;
  category?: string | null;
}

export interface ScoringRules {
  name: string;
  source: string;
  base: number;
  minTotal?: number | null;
  maxTotal?: number | null;
  items: ScoreItem[];
  categories: { key: string; label: string; cap?: number | null; tiers?: { label: string; anyOf: string[]; score: number }[] | null; otherwise: number }[];
  grades: { key: string; label: string; min: number; commend: boolean; talk: boolean; escalateAfterYears?: number | null }[];
  quotas: { key: string; label: string; kinds: string[]; min: number; positions: string[] }[];
  sanctions: { key: string; label: string; kinds: string[]; count: number; scope: 'year' | 'term'; positions: string[]; action: 'talk' | 'resign' }[];
  commendTop: number;
}

export interface RulesAnswer {
  year: number;
  rules: ScoringRules;
  presets: { key: string; name: string; source: string; rules: ScoringRules }[];
  kinds: Record<string, string>;
  units: Record<string, string>;
}

export const yearOptions = (now: number) => [0, 1, 2, 3, 4].map((d) => ({ value: now - d, label: `${now - d}年度` }));

export interface TermFile {
  term: { name: string | null; from: string; to: string | null };
  member: PerformanceRecord['member'] | null;
  years: { year: number; total: number; grade: Grade | null; lacking: Quota[]; sanctions: Sanction[]; rulesName: string; entries: number }[];
  categories: { label: string; count: number; items: { id: string; day: string; kindLabel: string; part: string; note: string | null; link: string | null }[] }[];
}
