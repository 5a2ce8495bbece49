import { and, count, eq, isNull } from 'drizzle-orm';
import type { CardSource } from '../modules/manifest.js';
import { notifications } from './schema.js';

/** Everyone's unread messages. */
export const inboxCards: CardSource = async (db, actor) => {
  const [{ n }] = await db.select({ n: count() }).from(notifications).where(and(eq(notifications.userId, actor.userId), isNull(notifications.readAt)));
  return [{ key: 'unread', label: '未读消息', value: n, link: '/messages', section: 'overview' }];
};
