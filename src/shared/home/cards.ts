import { z } from 'zod';

/**
 * The home page's sections, in the order a person reads them: what needs me now, where I stand on
 * the year's quotas, how my items are going, and — for units and staff — the queues they work from.
 */
export const cardSections = {
  todo: '待我处理',
  year: '年度履职',
  progress: '我的事项进度',
  handling: '办理期限',
  queue: '本部门工作队列',
  overview: '概览',
} as const;
export type CardSection = keyof typeof cardSections;

const part = z.object({
  key: z.string(),
  label: z.string(),
  value: z.number().int(),
  /** the list this part counts */
  link: z.string().optional(),
});

/** One home-page figure: a count, the list it counts, and what it is made of (`value` = sum of `parts`). */
export const homeCard = z.object({
  key: z.string(),
  label: z.string(),
  value: z.number().int(),
  link: z.string().optional(),
  section: z.enum(Object.keys(cardSections) as [CardSection, ...CardSection[]]).optional(),
  parts: z.array(part).optional(),
  /** a short line under the figure, e.g. 要求4次，尚缺1次 */
  note: z.string().optional(),
  /** wants attention: overdue, or a quota still lacking */
  alert: z.boolean().optional(),
});
export type HomeCard = z.infer<typeof homeCard>;
export type HomeCardPart = z.infer<typeof part>;

/** GET /api/dashboard */
export const dashboard = z.object({ cards: z.array(homeCard) });
export const homePaths = { dashboard: '/api/dashboard' } as const;

/** A figure whose value is the sum of its parts (so the two can never disagree). */
export const summed = (card: Omit<HomeCard, 'value'> & { parts: HomeCardPart[] }): HomeCard => ({ ...card, value: card.parts.reduce((s, p) => s + p.value, 0) });
