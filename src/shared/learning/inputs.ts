import { z } from 'zod';
import { learningLimits as L } from './labels.js';

/** What staff and members send about 学习; the server validates every request with these. */

const version = z.number().int().min(1).describe('版本');
const text = (label: string, min: number, max: number) => z.string().trim().min(min, `${label}不能为空`).max(max).describe(label);
const optionalText = (label: string, max: number) => z.string().trim().max(max).nullish().transform((s) => s || null).describe(label);
const day = (label: string) => z.iso.date().describe(label);

export const idParams = z.object({ id: z.uuid().describe('编号') });
export const yearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional().describe('年度') });

/** 每日一学: a title, the text, where it comes from (出处), an optional link, the day it is for. */
export const itemInput = z.object({
  title: text('标题', 1, L.title),
  body: text('正文', 1, L.body),
  source: text('出处', 1, L.source),
  link: z.string().trim().max(L.link).regex(/^(https?:\/\/[^\s<>"]+)?$/, '应为 http(s):// 开头的网址').nullish().transform((s) => s || null).describe('链接'),
  forDate: day('学习日期'),
});
export const itemUpdate = itemInput.partial().extend({ version });

/** Publish or withdraw an item (POST /api/learning/items/:id/actions/:action). */
export const itemActionBodies = {
  publish: z.object({ version }),
  withdraw: z.object({ version }),
} as const;
export type ItemAction = keyof typeof itemActionBodies;
export const itemActionParams = z.object({
  id: z.uuid().describe('每日一学'),
  action: z.enum(Object.keys(itemActionBodies) as [ItemAction, ...ItemAction[]]).describe('操作'),
});

/** 书香政协: a group reading one book over a period, its members picked from the roster. */
const groupFields = {
  name: text('读书小组名称', 1, L.name),
  bookTitle: text('书名', 1, L.book),
  description: optionalText('简介', L.description),
  startsOn: day('开始日期'),
  endsOn: day('结束日期'),
  memberIds: z.array(z.uuid()).min(1, '请至少选择一位委员').max(L.groupMembers).describe('小组成员'),
};
export const groupInput = z.object(groupFields).refine((g) => g.endsOn >= g.startsOn, { path: ['endsOn'], message: '结束日期不能早于开始日期' });
export const groupUpdate = z.object(groupFields).partial().extend({ version });
export const closeGroupBody = z.object({ version });

/** 打卡: the day (today when omitted), what was read, and a reading note (心得, optional). */
export const checkinInput = z.object({
  day: day('打卡日期').optional(),
  reading: text('阅读内容', 1, L.reading),
  note: optionalText('读书心得', L.note),
});

/** Mark (or unmark) a check-in's note as 优秀. */
export const featureBody = z.object({ version, featured: z.boolean().describe('优秀心得') });
