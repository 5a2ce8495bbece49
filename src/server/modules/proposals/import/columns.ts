import { z } from 'zod';

/**
 * The columns of a past year's proposal list, as a provincial committee publishes it (the
 * Jiangsu 2019 list: personnel_name, proposal_number, reason, type, year, content, plus the
 * source system's pkid and publish_time). Each column carries its Chinese name, so a bad row is
 * reported as “第12行 提案号（proposal_number）：…”.
 */
export const importColumns = {
  proposal_number: '提案号',
  personnel_name: '提案人',
  reason: '案由',
  type: '类别',
  year: '年度',
  content: '提案内容',
  pkid: '原系统编号',
  publish_time: '公布时间',
  committee_name: '来源政协',
} as const;
export type ImportColumn = keyof typeof importColumns;

export const requiredColumns: ImportColumn[] = ['proposal_number', 'personnel_name', 'reason', 'type', 'year', 'content'];

const label = (c: ImportColumn) => `${importColumns[c]}（${c}）`;

/** One row of the list, checked and converted; `thisYear` (of the app's clock) is the latest year a row may carry. */
export const importRowOf = (thisYear: number) =>
  z.object({
    proposal_number: z
      .string()
      .trim()
      .regex(/^\d{1,6}$/, '应为1至6位数字')
      .transform(Number)
      .pipe(z.number().int().min(1, '应大于0'))
      .describe(label('proposal_number')),
    personnel_name: z.string().trim().min(1).max(100).describe(label('personnel_name')),
    reason: z.string().trim().min(2).max(200).describe(label('reason')),
    type: z.string().trim().min(1).max(20).describe(label('type')),
    year: z
      .string()
      .trim()
      .regex(/^\d{4}$/, '应为四位年份')
      .transform(Number)
      .pipe(z.number().int().min(1949, '不能早于1949年').max(thisYear, `不能晚于${thisYear}年`))
      .describe(label('year')),
    content: z.string().trim().min(1).max(100_000).describe(label('content')),
    pkid: z.string().trim().max(64).optional().describe(label('pkid')),
    publish_time: z
      .string()
      .trim()
      .regex(/^(\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2})?)?)?$/, '应为日期，如 2019-01-12 16:04:48')
      .optional()
      .describe(label('publish_time')),
    committee_name: z.string().trim().max(100).optional().describe(label('committee_name')),
  });
export type ImportRow = z.output<ReturnType<typeof importRowOf>>;
