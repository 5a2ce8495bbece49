import { z } from 'zod';
import type { Wire } from '../http/responses.js';
import { draftingChecks, type DraftingCheck } from './labels.js';

/**
 * What the drafting help answers (提交前检查 and 审查辅助). Each check of the server's drafting module
 * (modules/proposals/drafting) fills the part of `detail` its one-click action needs.
 */

/** One subject group of a draft's suggestions (一事一案): the suggestions' numbers and texts, the words naming it. */
export const subjectGroup = z.object({
  items: z.array(z.number()),
  /** whether the title names this group's subject */
  onTitle: z.boolean(),
  texts: z.array(z.string()),
  words: z.array(z.string()),
  category: z.string().nullable(),
});
export type SubjectGroup = Wire<typeof subjectGroup>;

/** An earlier proposal of the same author on the same issue (本人提过的相同问题), closest first. */
const earlierProposal = z.object({
  id: z.string(),
  title: z.string(),
  year: z.number(),
  numberText: z.string().nullable(),
  status: z.string(),
  statusLabel: z.string(),
  /** how close its issue is to the draft's, 0..1 */
  score: z.number(),
});

/** One piece of advice on a draft, and what it found (a check's `detail`). */
export const advice = z.object({
  check: z.enum(Object.keys(draftingChecks) as [DraftingCheck, ...DraftingCheck[]]),
  label: z.string(),
  message: z.string(),
  because: z.string(),
  detail: z
    .object({
      /** 一事一案: the groups a split makes */
      groups: z.array(subjectGroup).optional(),
      /** 案由格式: the usual title */
      suggested: z.string().optional(),
      /** 情况、分析、建议齐全: the parts too short */
      parts: z.array(z.string()).optional(),
      /** 建议具体可行: the suggestions, and how many of them are concrete */
      count: z.number().optional(),
      concrete: z.number().optional(),
      /** 本人提过的相同问题 */
      proposals: z.array(earlierProposal).optional(),
      /** 宜走其他渠道: the words that point elsewhere */
      words: z.array(z.string()).optional(),
      /** 社情民意: one click makes a report draft of it */
      opinion: z.boolean().optional(),
      /** 民生诉求: the portal's form opens with the draft's text carried over */
      request: z.boolean().optional(),
    })
    .optional(),
});
export type Advice = Wire<typeof advice>;

/** POST /api/proposals/drafting/advice: the advice on a draft. */
export const draftAdvice = z.object({ advice: z.array(advice) });
export type DraftAdvice = Wire<typeof draftAdvice>;

/** GET /api/proposals/:id/advice: the advice, and why similar proposals were not filed. */
export const reviewAdvice = z.object({
  advice: z.array(advice),
  notFiled: z.array(z.object({ id: z.string(), title: z.string(), year: z.number(), score: z.number(), stage: z.string(), summary: z.string(), reason: z.string().nullable() })),
});
export type ReviewAdvice = Wire<typeof reviewAdvice>;
