import { z } from 'zod';
import { activityKindList } from './labels.js';

/** What the web sends about meetings and speeches; the server validates every request with the same schemas. */

const version = z.number().int().min(1).describe('版本');
const text = (label: string, max = 20000) => z.string().trim().max(max).describe(label);

export const invitationScope = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('everyone') }),
    z.object({ type: z.literal('specialCommittee'), id: z.uuid().describe('专委会') }),
    z.object({ type: z.literal('sector'), id: z.uuid().describe('界别') }),
    z.object({ type: z.literal('studio'), id: z.uuid().describe('委员工作室') }),
    z.object({ type: z.literal('members'), ids: z.array(z.uuid().describe('委员')).min(1).max(2000).describe('指定委员') }),
  ])
  .describe('邀请对象');

export const meetingInput = z.object({
  kind: z.enum(activityKindList).describe('类型'),
  title: z.string().trim().min(2).max(100).describe('名称'),
  startsAt: z.coerce.date().describe('开始时间'),
  endsAt: z.coerce.date().describe('结束时间'),
  location: text('地点', 200).optional(),
  mandatory: z.boolean().default(true).describe('须出席'),
  sessionId: z.uuid().nullish().describe('所属大会'),
  agenda: text('议程').optional(),
  materials: text('会议材料').optional(),
  invitations: z.array(invitationScope).min(1).max(20).describe('邀请对象'),
});

/** 全体会议: one event per half-day (the same title, place and invitees). */
export const halfDaysInput = meetingInput.omit({ kind: true, startsAt: true, endsAt: true }).extend({
  halfDays: z
    .array(z.object({ startsAt: z.coerce.date().describe('开始时间'), endsAt: z.coerce.date().describe('结束时间') }).describe('半天'))
    .min(1)
    .max(20)
    .describe('会期（半天）'),
});

export const meetingPatch = z.object({
  version,
  title: z.string().trim().min(2).max(100).optional().describe('名称'),
  startsAt: z.coerce.date().optional().describe('开始时间'),
  endsAt: z.coerce.date().optional().describe('结束时间'),
  location: text('地点', 200).optional(),
  mandatory: z.boolean().optional().describe('须出席'),
  agenda: text('议程').optional(),
  materials: text('会议材料').optional(),
  minutes: text('会议纪要').optional(),
});

export const meetingQuery = z.object({
  scope: z.enum(['mine', 'all']).default('all').describe('范围'),
  year: z.coerce.number().int().min(2000).max(2100).optional().describe('年度'),
  kind: z.enum(activityKindList).optional().describe('类型'),
  status: z.enum(['scheduled', 'closed', 'cancelled']).optional().describe('状态'),
  page: z.coerce.number().int().min(1).max(10000).default(1).describe('页码'),
  pageSize: z.coerce.number().int().min(1).max(200).default(50).describe('每页条数'),
});

export const inviteBody = z.object({ version, invitations: z.array(invitationScope).min(1).max(20).describe('邀请对象') });
export const actionParams = z.object({ id: z.uuid().describe('活动编号'), action: z.enum(['close', 'reopen', 'cancel']).describe('操作') });
export const actionBody = z.object({ version, reason: z.string().trim().max(500).optional().describe('说明') });
export const replyBody = z.object({ attend: z.boolean().describe('是否出席') });
export const leaveBody = z.object({ reason: z.string().trim().min(2).max(500).describe('请假事由') });
export const decideLeaveBody = z.object({ version, approve: z.boolean().describe('是否批准'), note: z.string().trim().max(500).optional().describe('审批意见') });
export const withdrawBody = z.object({ version });
export const checkInBody = z.object({ token: z.string().trim().min(10).max(400).describe('签到码') });
export const attendanceBody = z.object({
  version,
  checkedInAt: z.coerce.date().meta({ type: 'string', format: 'date-time' }).nullable().optional().describe('签到时间'),
  leftAt: z.coerce.date().meta({ type: 'string', format: 'date-time' }).nullable().optional().describe('离会时间'),
  note: z.string().trim().max(200).nullable().optional().describe('备注'),
});
export const leaveQuery = z.object({ status: z.enum(['pending', 'approved', 'refused', 'withdrawn']).optional().describe('状态') });
export const yearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional().describe('年度') });

export const speechInput = z.object({
  title: z.string().trim().min(4).max(100).describe('发言题目'),
  body: z.string().trim().min(20).max(20000).describe('发言内容'),
  sessionId: z.uuid().nullish().describe('所属大会'),
});
export const speechQuery = z.object({
  scope: z.enum(['mine', 'all']).default('all').describe('范围'),
  year: z.coerce.number().int().min(2000).max(2100).optional().describe('年度'),
});
export const speechSelectBody = z.object({
  version,
  status: z.enum(['oral', 'written', 'notUsed']).describe('采用方式'),
  note: z.string().trim().max(500).optional().describe('说明'),
});
export const idParams = z.object({ id: z.uuid().describe('编号') });
