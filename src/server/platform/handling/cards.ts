import { hasRole } from '../auth/actor.js';
import { chinaToday } from '../calendar/workdays.js';
import type { CardSource } from '../modules/manifest.js';
import { summed } from '../../../shared/home/cards.js';
import { unitWorklist } from './worklist.js';
import { listPromises } from './promises.js';

/**
 * A unit's deadlines on the home page, read from its 待办事项 (the same worklist, so the figures
 * equal the list): what waits by type, and what is past its reply deadline by type, with the
 * working days left on the soonest one; and its promises (列入计划) whose date has come with no
 * outcome recorded, by type (the same list as the page's, so the figures equal it).
 */
export const handlingCards: CardSource = async (db, actor, now) => {
  if (!hasRole(actor, 'unit') || !actor.unitId) return [];
  const list = await unitWorklist(db, actor, chinaToday(now));
  const due = (await listPromises(db, actor, chinaToday(now), { state: 'due' })).items;
  const open = list.items.filter((i) => !i.overdue);
  const soonest = open.reduce<number | null>((min, i) => (min === null || i.daysLeft < min ? i.daysLeft : min), null);
  return [
    summed({
      key: 'worklist', label: '待办理事项', section: 'handling', link: '/handling',
      parts: list.counts.map((c) => ({ key: c.type, label: c.label, value: c.count, link: `/handling?type=${c.type}` })),
      note: soonest === null ? undefined : `最近一件剩${soonest}个工作日`,
    }),
    summed({
      key: 'worklistOverdue', label: '已超过答复期限', section: 'handling', link: '/handling?overdue=1', alert: list.overdue > 0,
      parts: list.counts.map((c) => ({ key: c.type, label: c.label, value: list.items.filter((i) => i.type === c.type && i.overdue).length, link: `/handling?type=${c.type}&overdue=1` })),
    }),
    summed({
      key: 'promisesDue', label: '承诺到期待登记', section: 'handling', link: '/handling', alert: due.length > 0,
      parts: list.counts.map((c) => ({ key: c.type, label: c.label, value: due.filter((i) => i.type === c.type).length, link: '/handling' })),
    }),
  ];
};
