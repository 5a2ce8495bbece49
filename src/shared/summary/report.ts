import { z } from 'zod';

/**
 * 年度工作报告: the figures a committee prints in its yearly work report ("共收到提案116件、审查立案
 * 87件"), each counted from the records by the module that keeps them and linking to the list it counts.
 */
const figure = z.object({
  key: z.string(),
  label: z.string(),
  value: z.number().int(),
  /** 件, 次, 篇, 人次… */
  unit: z.string(),
  /** the list this figure counts, where one can be filtered to it */
  link: z.string().optional(),
});
export type SummaryFigure = z.infer<typeof figure>;

/** One part of the report (提案工作, 社情民意信息工作 …), with the sentence that reads its figures out. */
export const summarySection = z.object({
  key: z.string(),
  /** the heading as the report prints it, without its ordinal */
  title: z.string(),
  /** where it stands in the report (lower first) */
  order: z.number(),
  figures: z.array(figure),
  /** the figures written out as the report's sentence */
  text: z.string(),
});
export type SummarySection = z.infer<typeof summarySection>;

/** A saved version of a year's report: its number, who saved it and when (GET /api/summary/versions). */
export const summaryVersionRow = z.object({ id: z.string(), number: z.number(), createdByName: z.string(), createdAt: z.string() });
export type SummaryVersionRow = z.infer<typeof summaryVersionRow>;

/**
 * GET /api/summary?year= (the figures counted now) or ?version= (a saved version: its figures as
 * they were counted and the office's words around them).
 */
export const summaryReport = z.object({
  year: z.number(),
  committeeName: z.string(),
  title: z.string(),
  /** the saved version shown, or null for the figures as counted now */
  version: summaryVersionRow.nullable(),
  intro: z.string(),
  /** section key → the office's paragraph under its figures */
  narratives: z.record(z.string(), z.string()),
  sections: z.array(summarySection),
  /** the year's saved versions, newest first */
  versions: z.array(summaryVersionRow),
  /** `document`; `save` for who may save a version */
  actions: z.array(z.string()),
});
export type SummaryReport = z.infer<typeof summaryReport>;

export const summaryQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().describe('年度'),
  version: z.uuid().optional().describe('版本'),
  format: z.enum(['docx', 'pdf']).optional().describe('格式'),
});

/** Saving a version: the figures are counted by the server at that moment; the words are the office's. */
export const versionInput = z.object({
  year: z.number().int().min(2000).max(2100).describe('年度'),
  intro: z.string().trim().max(5000).default('').describe('开头说明'),
  narratives: z.record(z.string().max(40), z.string().trim().max(5000).describe('说明文字')).default({}).describe('各部分说明文字'),
});

export const summaryPaths = {
  report: '/api/summary',
  document: '/api/summary/document',
  versions: '/api/summary/versions',
} as const;

/** "116件" for a figure, as the report's sentences print them. */
export const amount = (f: Pick<SummaryFigure, 'value' | 'unit'>) => `${f.value}${f.unit}`;

/** The share of `part` in `whole` as the report prints it (办复率100%); "—" when there is none. */
export const percent = (part: number, whole: number) => (whole > 0 ? `${Math.round((part / whole) * 1000) / 10}%` : '—');
