import { z } from 'zod';

/** The audit trail's filters. */
export const auditQuery = z.object({
  subjectType: z.string().max(40).optional().describe('对象类型'),
  subjectId: z.string().max(80).optional().describe('对象编号'),
  actorId: z.uuid().optional().describe('操作人'),
  action: z.string().max(60).optional().describe('操作'),
  q: z.string().trim().max(60).optional().describe('记录标题或编号'),
  from: z.iso.date().optional().describe('开始日期'),
  to: z.iso.date().optional().describe('结束日期'),
  page: z.coerce.number().int().min(1).max(100000).default(1).describe('页码'),
  pageSize: z.coerce.number().int().min(1).max(200).default(50).describe('每页条数'),
});
