import { z } from 'zod';

export const noticeQuery = z.object({ unread: z.enum(['0', '1']).optional().describe('仅未读') });
export const noticeParams = z.object({ id: z.uuid().describe('消息编号') });
