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
