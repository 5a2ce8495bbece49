import { z } from 'zod';

export const noticeQuery = z.object({ unread: z.enum(['0', '1']).optional().describe('仅未读') });
export const noticeParams = z.object({ id: z.uuid().describe('消息编号') });

/** 'HH:MM' on a 24-hour clock. */
const timeOfDay = (label: string) => z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '应为 24 小时制时间，如 22:00').describe(label);

/**
 * 消息接收设置: the outside channels a person chooses, digest or at once, and quiet hours (both ends
 * or neither). `version` is the row's (0 before the first save).
 */
export const notificationPrefsBody = z
  .object({
    version: z.number().int().min(0).describe('版本'),
    emailOn: z.boolean().describe('邮件通知'),
    email: z.email().describe('电子邮箱').nullish().or(z.literal('').transform(() => null)),
    smsOn: z.boolean().describe('短信通知'),
    digest: z.enum(['instant', 'daily']).describe('发送方式'),
    digestAt: timeOfDay('每日汇总时间'),
    quietFrom: timeOfDay('免打扰开始').nullish().or(z.literal('').transform(() => null)),
    quietTo: timeOfDay('免打扰结束').nullish().or(z.literal('').transform(() => null)),
  })
  .strict()
  .refine((p) => !p.emailOn || !!p.email, { message: '开启邮件通知须填写电子邮箱', path: ['email'] })
  .refine((p) => !p.quietFrom === !p.quietTo, { message: '免打扰时段须同时填写开始和结束', path: ['quietTo'] });
export type NotificationPrefsBody = z.input<typeof notificationPrefsBody>;
