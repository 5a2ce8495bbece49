import { z } from 'zod';
import { dutyCapacityList } from './labels.js';

/** What the web sends about 委员之家; the server validates every request with the same schemas. */

const version = z.number().int().min(1).describe('版本');
const text = (label: string, min: number, max: number) => z.string().trim().min(min).max(max).describe(label);
const optionalText = (label: string, max: number) => z.string().trim().max(max).nullish().transform((s) => s || null).describe(label);

export const idParams = z.object({ id: z.uuid().describe('编号') });

/** Staff put a member on duty on a day the Home is open. */
export const dutyInput = z.object({
  day: z.iso.date().describe('值班日期'),
  memberId: z.uuid().describe('值班委员'),
  capacity: z.enum(dutyCapacityList).describe('值班身份'),
  specialCommitteeId: z.uuid().nullish().transform((s) => s ?? null).describe('专委会'),
  note: optionalText('备注', 200),
});

export const cancelDutyBody = z.object({ version, reason: text('取消原因', 2, 200) });

/** The rota of a month (YYYY-MM; this month when omitted). */
export const rotaQuery = z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '应为年-月，如2026-03').optional().describe('月份') });
export const yearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional().describe('年度') });

/**
 * One visit received on a duty: a member of the committee picked from the roster, or a named
 * person who is not one (with a note of who they are); what it was about, what was said, and the
 * work suggestions it brought (each may later become a proposal or an opinion report).
 */
export const visitInput = z.object({
  visitorMemberId: z.uuid().nullish().transform((s) => s ?? null).describe('来访委员'),
  visitorName: optionalText('来访人姓名', 20),
  visitorNote: optionalText('来访人身份', 100),
  topic: text('接待事由', 2, 60),
  said: text('交流内容', 2, 2000),
  suggestions: z.array(text('工作建议', 5, 500)).max(10).default([]).describe('工作建议'),
});

/** 转化: one suggestion becomes a proposal draft or an opinion report, of the member who made it or of the member on duty. */
export const convertSuggestionInput = z.object({
  version,
  into: z.enum(['proposal', 'opinion']).describe('转化为'),
  title: text('标题', 4, 100),
  author: z.enum(['visitor', 'duty']).default('duty').describe('署名委员'),
});
