import { hasRole } from '../../platform/auth/actor.js';
import { chinaToday } from '../../platform/calendar/workdays.js';
import type { CardSource } from '../../platform/modules/manifest.js';
import { memberRecord } from './queries.js';

/**
 * A member's year against the quotas (年度基本要求): one figure per quota, what they have and what
 * they still lack, from the same record 我的履职 shows (memberRecord) — nothing counted twice.
 */
export const performanceCards: CardSource = async (db, actor, now) => {
  if (!hasRole(actor, 'member') || !actor.memberId) return [];
  const year = Number(chinaToday(now).slice(0, 4));
  const record = await memberRecord(db, actor.committeeId, actor.memberId, year);
  return record.quotas.map((q) => ({
    key: `quota-${q.key}`,
    label: q.label,
    value: q.have,
    section: 'year' as const,
    link: `/performance/me?year=${year}`,
    note: q.met ? `要求${q.need}，已完成` : `要求${q.need}，尚缺${q.need - q.have}`,
    alert: !q.met,
  }));
};
