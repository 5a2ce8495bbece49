import { z } from 'zod';

/** What the web sends about performance records; the server validates every request with the same schemas. */

export const yearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional().describe('年度') });
export const memberParams = z.object({ memberId: z.uuid().describe('委员') });
export const rankingQuery = yearQuery.extend({ belowQuota: z.enum(['0', '1']).optional().describe('仅未完成基本要求') });
/** 履职提醒: every member below the yearly minimum, or the chosen ones. */
export const remindBody = z.object({ year: z.number().int().min(2000).max(2100).describe('年度'), memberIds: z.array(z.uuid().describe('委员')).max(5000).optional().describe('委员') });
