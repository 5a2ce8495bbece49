import { z } from 'zod';
import { defineSettings } from '../settings/settings.js';
import { offices } from '../auth/actor.js';

/**
 * Meeting and activity rules (RULES.md "Member performance"): at most 2 leave requests per event,
 * attending under 2/3 of a meeting counts as absent, leave approved by the designated office
 * (on the secretary-general's behalf). An admin can change each per committee and year.
 */
export const activitySettings = defineSettings({
  module: 'activities',
  label: '会议活动',
  schema: z.object({
    maxLeaveRequests: z.number().int().min(1).max(10).describe('每次活动最多请假申请次数'),
    minAttendanceShare: z.number().min(0).max(1).describe('出席时长不足此比例按缺席计'),
    leaveApproverOffices: z.array(z.enum(offices)).min(1).max(4).describe('审批请假的科室'),
    checkInOpensMinutesBefore: z.number().int().min(0).max(720).describe('会前多少分钟开放签到'),
    lateAfterMinutes: z.number().int().min(0).max(240).describe('开始后多少分钟签到记为迟到'),
    qrTokenSeconds: z.number().int().min(30).max(600).describe('签到二维码有效期（秒）'),
  }),
  defaults: {
    maxLeaveRequests: 2,
    minAttendanceShare: 2 / 3,
    leaveApproverOffices: ['general'],
    checkInOpensMinutesBefore: 60,
    lateAfterMinutes: 15,
    // the venue screen shows a new code every minute; a code stays good a little longer for slow phones
    qrTokenSeconds: 90,
  },
});
export type ActivitySettings = typeof activitySettings.defaults;
