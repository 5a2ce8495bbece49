import { z } from 'zod';
import type { Wire } from '../http/responses.js';
import { summarySection } from '../summary/report.js';

/**
 * 驾驶舱: the leaders' charts of a year across every module. Each chart is a total made of its parts
 * (`total` is always their sum — `chartOf` builds it so the two cannot disagree), and the total and
 * every part name the list that shows exactly the records they count (`link`), where one exists.
 */
export const cockpitSections = {
  proposals: '提案工作',
  opinions: '社情民意信息',
  meetings: '会议活动',
  performance: '委员履职',
  supervision: '民主监督与民主评议',
  research: '调研视察',
  progress: '协商、民生诉求与联系群众',
  districts: '各区政协',
} as const;
export type CockpitSection = keyof typeof cockpitSections;

const part = z.object({
  key: z.string(),
  label: z.string(),
  value: z.number().int(),
  /** the list of exactly the records this part counts */
  link: z.string().optional(),
});
export type CockpitPart = z.infer<typeof part>;

export const cockpitChart = z.object({
  key: z.string(),
  section: z.enum(Object.keys(cockpitSections) as [CockpitSection, ...CockpitSection[]]),
  title: z.string(),
  /** bar: one bar per part; pie: shares of the total; rate: `good` parts over the total */
  kind: z.enum(['bar', 'pie', 'rate']),
  /** 件, 篇, 人次 … */
  unit: z.string(),
  total: z.number().int(),
  link: z.string().optional(),
  parts: z.array(part),
  /** rate charts: the parts counted as the good outcome (已办复; 满意 and 基本满意) */
  good: z.array(z.string()).optional(),
  /** rate charts: good over total in percent with one decimal, null with nothing to divide by */
  rate: z.number().nullable().optional(),
  /** a short line under the chart, e.g. how the figure is counted */
  note: z.string().optional(),
});
export type CockpitChart = z.infer<typeof cockpitChart>;

/** A district's (下级政协) totals of the year, as counted from its records' sums — no record of it is read here. */
export const districtTotals = z.object({
  committeeId: z.string(),
  name: z.string(),
  figures: z.array(z.object({ key: z.string(), label: z.string(), value: z.number().int(), unit: z.string() })),
});
export type DistrictTotals = z.infer<typeof districtTotals>;

/** GET /api/cockpit?year= */
export const cockpit = z.object({
  year: z.number(),
  committeeName: z.string(),
  /** the years one may choose, newest first: the last five and every plenary session's year (next year's, once open) */
  years: z.array(z.number()),
  charts: z.array(cockpitChart),
  /**
   * 协商、监督、民生诉求、联系群众: the yearly work report's own sections (each module's `summary`,
   * figures linking to their lists) — the cockpit shows them as they are, not counted again
   */
  progress: z.array(summarySection),
  /** a city's (or province's) committees below it, side by side from their totals; empty for a district */
  districts: z.array(districtTotals),
});
export type Cockpit = Wire<typeof cockpit>;

export const cockpitQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional().describe('年度') });

export const cockpitPaths = { cockpit: '/api/cockpit' } as const;

/** A chart whose total is the sum of its parts; a rate chart also gets its rate from its `good` parts. */
export function chartOf(c: Omit<CockpitChart, 'total' | 'rate'>): CockpitChart {
  const total = c.parts.reduce((s, p) => s + p.value, 0);
  if (c.kind !== 'rate') return { ...c, total };
  const good = c.parts.filter((p) => c.good?.includes(p.key)).reduce((s, p) => s + p.value, 0);
  return { ...c, total, rate: total > 0 ? Math.round((good / total) * 1000) / 10 : null };
}

/** A link with its query, leaving out what is not set: `listLink('/proposals/all', { year: 2024, unit })`. */
export function listLink(path: string, query: Record<string, string | number | undefined>): string {
  const q = Object.entries(query).filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`);
  return q.length ? `${path}?${q.join('&')}` : path;
}
