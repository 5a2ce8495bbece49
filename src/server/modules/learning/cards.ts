import { and, eq, lte, notExists } from 'drizzle-orm';
import type { CardSource } from '../../platform/modules/manifest.js';
import { chinaToday } from '../../platform/calendar/workdays.js';
import { summed } from '../../../shared/home/cards.js';
import { learningItems, learningMarks } from './schema.js';

/**
 * 今日学习 on a member's home page: the published 每日一学 items up to today they have not marked
 * learned (today's and earlier ones), opening 我的学习. Nobody without a member record sees it.
 */
export const learningCards: CardSource = async (db, actor, now) => {
  if (!actor.memberId) return [];
  const today = chinaToday(now);
  const rows = await db
    .select({ forDate: learningItems.forDate })
    .from(learningItems)
    .where(and(
      eq(learningItems.committeeId, actor.committeeId), eq(learningItems.status, 'published'), lte(learningItems.forDate, today),
      notExists(db.select({ x: learningMarks.itemId }).from(learningMarks).where(and(eq(learningMarks.itemId, learningItems.id), eq(learningMarks.memberId, actor.memberId)))),
    ));
  const todays = rows.filter((r) => r.forDate === today).length;
  return [
    summed({
      key: 'learningToday', label: '今日学习', section: 'todo', link: '/learning/mine',
      parts: [
        { key: 'today', label: '今日一学未学', value: todays, link: '/learning/mine' },
        { key: 'earlier', label: '往期未学', value: rows.length - todays, link: '/learning/mine' },
      ],
    }),
  ];
};
