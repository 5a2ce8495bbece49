import { z } from 'zod';
import type { Wire } from '../http/responses.js';
import type { ScoringRules } from './rules.js';

/**
 * What the performance API answers, as zod schemas. Scores are computed by the server's pure
 * scoring function (modules/performance/score.ts); the routes are typed against the inferred types.
 */

const rulesAnswerRules = z.custom<ScoringRules>();

export const grade = z.object({ key: z.string(), label: z.string(), commend: z.boolean(), talk: z.boolean(), escalateAfterYears: z.number().nullable() });
export type Grade = Wire<typeof grade>;
export const quota = z.object({ key: z.string(), label: z.string(), have: z.number(), need: z.number(), met: z.boolean() });
export type Quota = Wire<typeof quota>;
export const sanction = z.object({ key: z.string(), label: z.string(), action: z.enum(['talk', 'resign']), count: z.number(), threshold: z.number() });
export type Sanction = Wire<typeof sanction>;

export const recordEntry = z.object({
  id: z.string(),
  day: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  part: z.string(),
  note: z.string().nullable(),
  sourceType: z.string(),
  /** null with link: the viewer may not open the source record (社情民意, for offices that do not read them) */
  sourceId: z.string().nullable(),
  link: z.string().nullable(),
  points: z.number(),
  items: z.array(z.string()),
  reason: z.string().nullable(),
});
export type RecordEntry = Wire<typeof recordEntry>;

export const recordMember = z.object({ id: z.string(), name: z.string(), code: z.string(), position: z.string(), positionLabel: z.string(), sectorName: z.string().nullable() });
export type RecordMember = Wire<typeof recordMember>;

export const performanceRecord = z.object({
  year: z.number(),
  rulesName: z.string(),
  rulesSource: z.string(),
  member: recordMember,
  total: z.number(),
  base: z.number(),
  grade: grade.nullable(),
  items: z.array(z.object({ key: z.string(), label: z.string(), category: z.string().nullable(), units: z.number(), points: z.number(), capped: z.boolean() })),
  categories: z.array(z.object({ key: z.string(), label: z.string(), raw: z.number(), points: z.number(), capped: z.boolean(), tier: z.string().nullable() })),
  quotas: z.array(quota),
  lacking: z.array(quota),
  sanctions: z.array(sanction),
  entries: z.array(recordEntry),
  actions: z.array(z.string()),
});
export type PerformanceRecord = Wire<typeof performanceRecord>;

export const rankedRow = z.object({
  memberId: z.string(),
  name: z.string(),
  code: z.string(),
  positionLabel: z.string(),
  sectorName: z.string().nullable(),
  rank: z.number(),
  total: z.number(),
  grade: grade.nullable(),
  categories: z.array(z.object({ key: z.string(), label: z.string(), points: z.number() })),
  lacking: z.array(quota),
  sanctions: z.array(sanction),
});
export type RankedRow = Wire<typeof rankedRow>;

export const rankings = z.object({
  year: z.number(),
  rulesName: z.string(),
  /** whether the scheme grades at all (no grade column otherwise) */
  graded: z.boolean(),
  categories: z.array(z.object({ key: z.string(), label: z.string() })),
  items: z.array(rankedRow),
  total: z.number(),
  actions: z.array(z.string()),
});
export type Rankings = Wire<typeof rankings>;

export const lists = z.object({
  year: z.number(),
  rulesName: z.string(),
  rulesSource: z.string(),
  /** 表彰名额 (0: no limit) and, when members tied across it, the tie left to the chairs' meeting */
  commendQuota: z.number(),
  commendCut: z.object({ total: z.number(), tied: z.number(), places: z.number() }).nullable(),
  grades: z.array(z.object({ key: z.string(), label: z.string(), commend: z.boolean(), talk: z.boolean(), count: z.number() })),
  commend: z.array(rankedRow),
  talk: z.array(rankedRow.extend({ escalated: z.boolean(), reasons: z.array(z.string()) })),
  belowQuota: z.array(rankedRow),
  actions: z.array(z.string()),
});
export type Lists = Wire<typeof lists>;

/** 考核办法: the rules in force for the year, the presets an admin may start from, and the names of ledger kinds and units. */
export const rulesAnswer = z.object({
  year: z.number(),
  rules: rulesAnswerRules,
  presets: z.array(z.object({ key: z.string(), name: z.string(), source: z.string(), rules: rulesAnswerRules })),
  kinds: z.record(z.string(), z.string()),
  units: z.record(z.string(), z.string()),
});
export type RulesAnswer = Wire<typeof rulesAnswer>;

/** 一届一人一档: each year of the term, and every entry grouped by activity category. */
export const termFile = z.object({
  term: z.object({ name: z.string().nullable(), from: z.string(), to: z.string().nullable() }),
  member: recordMember.nullable(),
  years: z.array(z.object({ year: z.number(), total: z.number(), grade: grade.nullable(), lacking: z.array(quota), sanctions: z.array(sanction), rulesName: z.string(), entries: z.number() })),
  categories: z.array(
    z.object({
      label: z.string(),
      count: z.number(),
      items: z.array(z.object({ id: z.string(), day: z.string(), kindLabel: z.string(), part: z.string(), note: z.string().nullable(), link: z.string().nullable() })),
    }),
  ),
});
export type TermFile = Wire<typeof termFile>;

export const remindAnswer = z.object({ reminded: z.number(), withoutAccount: z.number() });
export type RemindAnswer = Wire<typeof remindAnswer>;
