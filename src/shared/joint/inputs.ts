import { z } from 'zod';

/** What the web sends about joint inspections and research (上下联动); the server validates with the same schemas. */

const version = z.number().int().min(1).describe('版本');

/** The kinds a joint event of a parent committee with its districts may be. */
export const jointKinds = { inspection: '联合视察', research: '联合调研' } as const;
export type JointKind = keyof typeof jointKinds;

/** One district taking part, with the members of it who are invited. */
export const jointDistrict = z.object({
  committeeId: z.uuid().describe('参加的区政协'),
  memberIds: z.array(z.uuid().describe('委员')).min(1).max(500).describe('邀请的委员'),
});

/** How the districts' members take part (上下联动): 自愿报名 (replying 不出席 costs nothing) or 指定参加 (mandatory: absence needs leave). */
export const jointParticipations = { voluntary: '自愿报名', assigned: '指定参加' } as const;
export type JointParticipation = keyof typeof jointParticipations;
const participation = z.enum(['voluntary', 'assigned']).describe('参加方式');

export const jointInput = z.object({
  kind: z.enum(['inspection', 'research']).describe('类型'),
  title: z.string().trim().min(2).max(100).describe('名称'),
  startsAt: z.coerce.date().describe('开始时间'),
  endsAt: z.coerce.date().describe('结束时间'),
  location: z.string().trim().max(200).optional().describe('地点'),
  agenda: z.string().trim().max(20000).optional().describe('活动安排'),
  /** without it, the default of the organiser's 上下联动 settings */
  participation: participation.optional(),
  districts: z.array(jointDistrict).min(1).max(50).describe('参加的区政协'),
});

/** More districts invited to a scheduled joint event (each new; a cancelled part is reopened instead). */
export const jointInviteBody = z.object({ version, districts: z.array(jointDistrict).min(1).max(50).describe('参加的区政协') });
/** A district's part called off (its members told why), or reopened. */
export const jointCancelPartBody = z.object({ version, reason: z.string().trim().min(2).max(500).describe('取消原因') });
export const jointReopenPartBody = z.object({ version });
export const jointPartParams = z.object({ id: z.uuid().describe('联合活动编号'), committeeId: z.uuid().describe('区政协') });

export const jointAttendanceBody = z.object({ version, present: z.boolean().describe('是否到场') });
export const jointCloseBody = z.object({ version });
export const jointIdParams = z.object({ id: z.uuid().describe('联合活动编号') });
export const jointMemberParams = z.object({ id: z.uuid().describe('联合活动编号'), memberId: z.uuid().describe('委员') });
export const districtParams = z.object({ committeeId: z.uuid().describe('区政协') });
export const jointYearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional().describe('年度') });
