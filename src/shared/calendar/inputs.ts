import { z } from 'zod';

/** What the web sends about the holiday calendar; the server validates every request with the same schemas. */

const year = z.coerce.number().int().min(2000).max(2100).describe('年度');
export const yearQuery = z.object({ year });

/** One row of an official notice: a holiday or a make-up working day. */
export const noticeDay = z.object({
  day: z.iso.date().describe('日期'),
  name: z.string().trim().min(1).max(20).describe('节日名称'),
  isOffDay: z.boolean().describe('放假或调休上班'),
});

/** 录入放假安排: the rows of a year's notice (国务院办公厅关于…放假安排的通知). */
export const noticeBody = z.object({ year, days: z.array(noticeDay).min(1).max(60).describe('日期列表') });

/** N个工作日后是哪天 */
export const addWorkdaysQuery = z.object({
  from: z.iso.date().describe('起始日期'),
  n: z.coerce.number().int().min(-1000).max(1000).describe('工作日数'),
});
