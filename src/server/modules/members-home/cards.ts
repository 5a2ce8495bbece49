import type { CardSource } from '../../platform/modules/manifest.js';
import { chinaToday } from '../../platform/calendar/workdays.js';
import { dutiesOfMember } from './queries.js';

/**
 * 今日值班 on the home page of the member on duty at the Members' Home today: the visits logged so
 * far, opening the page where they log the next one. Nobody else sees a card.
 */
export const homeCards: CardSource = async (db, actor, now) => {
  if (!actor.memberId) return [];
  const { today } = await dutiesOfMember(db, actor, chinaToday(now));
  if (!today) return [];
  return [{ key: 'homeDutyToday', label: '今日委员之家值班', section: 'todo', link: '/members-home/today', value: today.visitCount, note: `已接待${today.visitCount}人次，点击登记接待` }];
};
