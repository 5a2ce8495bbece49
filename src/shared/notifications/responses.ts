import { z } from 'zod';
import { instant, type Wire } from '../http/responses.js';

/** One in-app notice; `link` is a page of the app or an outside address. */
export const notice = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string().nullable(),
  link: z.string().nullable(),
  readAt: instant.nullable(),
  createdAt: instant,
});
export type Notice = Wire<typeof notice>;

/** The latest notices (at most 100) and how many are unread in all. */
export const noticeList = z.object({ items: z.array(notice), unread: z.number() });
export type NoticeList = Wire<typeof noticeList>;

/** How many notices a mark-read changed. */
export const readAnswer = z.object({ updated: z.number() });

/** A notice sent (or to be sent) to the person outside the app. */
export const delivery = z.object({
  channel: z.string(),
  channelLabel: z.string(),
  title: z.string(),
  digest: z.boolean(),
  dueAt: instant,
  sentAt: instant.nullable(),
  failedAt: instant.nullable(),
});

/**
 * 消息接收设置 as stored (defaults before the first save: the app only, the member's e-mail offered),
 * which channels this server can send through, the phone SMS would go to, and the latest deliveries.
 */
export const notificationPrefs = z.object({
  version: z.number(),
  emailOn: z.boolean(),
  email: z.string().nullable(),
  smsOn: z.boolean(),
  phone: z.string().nullable(),
  digest: z.enum(['instant', 'daily']),
  digestAt: z.string(),
  quietFrom: z.string().nullable(),
  quietTo: z.string().nullable(),
  available: z.object({ email: z.boolean(), sms: z.boolean() }),
  recent: z.array(delivery),
});
export type NotificationPrefs = Wire<typeof notificationPrefs>;
