import { z } from 'zod';

export const portalListQuery = z.object({
  committeeId: z.uuid().describe('政协'),
  q: z.string().trim().max(50).optional().describe('关键词'),
  category: z.string().max(50).optional().describe('类别'),
  year: z.coerce.number().int().min(1949).max(2100).optional().describe('年度'),
  page: z.coerce.number().int().min(1).max(10000).default(1).describe('页码'),
  pageSize: z.coerce.number().int().min(1).max(50).default(20).describe('每页条数'),
});

export const portalIdParams = z.object({ id: z.uuid().describe('提案') });

export const portalHomeQuery = z.object({ committeeId: z.uuid().describe('政协') });

/** 公开门户搜索: words, then what the found records are narrowed by. */
export const portalSearchQuery = z.object({
  committeeId: z.uuid().describe('政协'),
  q: z.string().trim().min(1, '请输入要搜索的内容').max(50, '搜索内容不能超过50个字').describe('搜索内容'),
  kind: z.string().max(30).optional().describe('类型'),
  year: z.coerce.number().int().min(1949).max(2100).optional().describe('年度'),
  category: z.string().max(50).optional().describe('类别'),
  unit: z.string().max(100).optional().describe('承办单位'),
  sector: z.string().max(50).optional().describe('界别'),
  page: z.coerce.number().int().min(1).max(100).default(1).describe('页码'),
  pageSize: z.coerce.number().int().min(1).max(50).default(10).describe('每页条数'),
});
