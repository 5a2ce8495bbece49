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
