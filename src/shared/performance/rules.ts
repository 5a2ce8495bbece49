import { z } from 'zod';
import { schemeProblems } from './scheme.js';

/**
 * Scoring rules, as configuration per committee and year (履职考核办法). Every ledger entry a
 * module writes (member, kind, day, source) is matched against `items`; each match earns the
 * item's points per unit, so every point traces back to the record that earned it.
 */
const kinds = z.array(z.string().min(1).max(80)).min(1).max(60);

export const scoreItemSchema = z.object({
  key: z.string().min(1).max(40).describe('编号'),
  label: z.string().min(1).max(60).describe('名称'),
  /** the ledger kinds this item counts, e.g. proposal.filed, activity.plenary.attended */
  kinds: kinds.describe('履职记录类型'),
  /** whose entries count: any, the first proposer/lead only, or contributors only */
  part: z.enum(['any', 'lead', 'contributor']).default('any').describe('角色'),
  /** points per unit; negative for a deduction */
  points: z.number().min(-1000).max(1000).describe('分值'),
  /** 半天 / 次 / 项 / 件 — what one entry stands for */
  unit: z.enum(['halfDay', 'time', 'item', 'piece']).describe('计分单位'),
  /** the most (absolute) points this item can give in a year */
  cap: z.number().min(0).max(10000).nullish().describe('上限'),
  /** the first n units are the required minimum and earn nothing ("each extra filed proposal") */
  skipFirst: z.number().int().min(0).max(100).default(0).describe('不计分的前几项'),
  /** joint work: the lead takes this share, the contributors share the rest equally (alone: all) */
  split: z.object({ leadShare: z.number().min(0).max(1).describe('第一提案人份额') }).nullish().describe('联名分配'),
  category: z.string().max(40).nullish().describe('分类'),
});

export const categorySchema = z.object({
  key: z.string().min(1).max(40).describe('编号'),
  label: z.string().min(1).max(60).describe('名称'),
  /** the most (absolute) points the category's items can give together */
  cap: z.number().min(0).max(10000).nullish().describe('上限'),
  /**
   * A category scored by the worst thing that happened instead of by items, e.g. Tongcheng's
   * meetings: any unexcused absence 0, else any excused absence 30, else attended 50. The first
   * tier whose kinds the member has wins; none → `otherwise`.
   */
  tiers: z.array(z.object({ label: z.string().min(1).max(60).describe('名称'), anyOf: kinds.describe('履职记录类型'), score: z.number().min(-1000).max(1000).describe('得分') })).max(10).nullish().describe('分档'),
  otherwise: z.number().min(-1000).max(1000).default(0).describe('其他情况得分'),
});

export const gradeSchema = z.object({
  key: z.string().min(1).max(40).describe('编号'),
  label: z.string().min(1).max(20).describe('等次'),
  /** lowest total of the band (bands are tried from the highest min down) */
  min: z.number().min(-10000).max(10000).describe('最低分'),
  commend: z.boolean().default(false).describe('列入表彰名单'),
  talk: z.boolean().default(false).describe('列入约谈名单'),
  /**
   * Only for members who met every yearly requirement (年度基本要求) and reached no sanction: the
   * others fall to the next band down, so a member who missed the minimum is never graded (or
   * commended) above one who met it.
   */
  requiresQuotas: z.boolean().default(false).describe('须完成年度基本要求'),
  /** talk by the committee itself when in this band this many years running (Jinan: two) */
  escalateAfterYears: z.number().int().min(2).max(5).nullish().describe('连续几年升级约谈'),
});

export const quotaSchema = z.object({
  key: z.string().min(1).max(40).describe('编号'),
  label: z.string().min(1).max(60).describe('名称'),
  kinds: kinds.describe('履职记录类型'),
  /** counted as distinct source records (a proposal submitted and filed counts once) */
  min: z.number().int().min(1).max(100).describe('每年至少'),
  /** only for these positions (empty: everyone) */
  positions: z.array(z.string()).max(5).default([]).describe('适用职务'),
});

export const sanctionSchema = z.object({
  key: z.string().min(1).max(40).describe('编号'),
  label: z.string().min(1).max(80).describe('名称'),
  kinds: kinds.describe('履职记录类型'),
  count: z.number().int().min(1).max(100).describe('达到次数'),
  scope: z.enum(['year', 'term']).describe('统计范围'),
  positions: z.array(z.string()).max(5).default([]).describe('适用职务'),
  /** talk 约谈 | resign 劝其辞去委员 */
  action: z.enum(['talk', 'resign']).describe('处理'),
});

const rulesShape = z.object({
  name: z.string().min(1).max(60).describe('办法名称'),
  source: z.string().max(200).default('').describe('依据'),
  base: z.number().min(0).max(1000).default(0).describe('基础分'),
  minTotal: z.number().min(-10000).max(10000).nullish().describe('最低总分'),
  maxTotal: z.number().min(0).max(10000).nullish().describe('最高总分'),
  items: z.array(scoreItemSchema).max(80).describe('计分项目'),
  categories: z.array(categorySchema).max(20).default([]).describe('分类'),
  grades: z.array(gradeSchema).max(8).default([]).describe('等次'),
  quotas: z.array(quotaSchema).max(20).default([]).describe('年度基本要求'),
  sanctions: z.array(sanctionSchema).max(10).default([]).describe('约谈与劝辞'),
  /**
   * 表彰名额: the most members the commendation list may hold (0: no limit). With a commendation
   * band, the band's members by rank up to this many; without one, the top n of those who met the
   * yearly requirements.
   */
  commendTop: z.number().int().min(0).max(1000).default(0).describe('表彰名额'),
});

/** A scheme whose lists, grades and yearly requirements agree with each other (scheme.ts says how). */
export const rulesSchema = rulesShape.superRefine((rules, ctx) => {
  for (const p of schemeProblems(rules)) ctx.addIssue({ code: 'custom', path: p.path, message: p.message });
});

export type ScoringRules = z.output<typeof rulesShape>;
export type ScoreItem = z.output<typeof scoreItemSchema>;
export type Category = z.output<typeof categorySchema>;

export const unitLabels = { halfDay: '半天', time: '次', item: '项', piece: '件' } as const;
