import { and, eq, inArray } from 'drizzle-orm';
import type { CardSource } from '../../platform/modules/manifest.js';
import { chinaToday } from '../../platform/calendar/workdays.js';
import { summed } from '../../../shared/home/cards.js';
import { listTopics } from './queries.js';
import { rowFacts } from './presenter.js';
import { researchMembers, researchTopics } from './schema.js';
import { topicSubjectsOf } from './load.js';
import { isResearchStaff } from './workflow.js';

/**
 * 调研视察 on the home page: for the office, the volunteers waiting for confirmation and the reports
 * waiting for review this year; for a member, the reports of their groups still being drafted and
 * the items departments have let run past the deadline ("谁调研、谁跟踪") — each the count of the list it opens.
 */
export const researchCards: CardSource = async (db, actor, now) => {
  const today = chinaToday(now);
  if (isResearchStaff(actor)) {
    const topics = await listTopics(db, actor, Number(today.slice(0, 4)));
    const ids = topics.map((t) => t.id);
    const waiting = ids.length ? await db.select({ id: researchMembers.id }).from(researchMembers).where(and(inArray(researchMembers.topicId, ids), eq(researchMembers.state, 'volunteered'))) : [];
    return [
      summed({
        key: 'researchQueue', label: '调研视察', section: 'queue', link: '/research/topics',
        parts: [
          { key: 'volunteers', label: '报名待确认', value: waiting.length, link: '/research/topics' },
          { key: 'review', label: '调研报告待审核', value: topics.filter((t) => t.status === 'committeeReview' || t.status === 'officeReview').length, link: '/research/topics' },
        ],
      }),
    ];
  }
  if (!actor.memberId) return [];
  const mine = await db.select({ topicId: researchMembers.topicId }).from(researchMembers).where(and(eq(researchMembers.memberId, actor.memberId), eq(researchMembers.state, 'confirmed')));
  if (!mine.length) return [];
  const groups = await topicSubjectsOf(db, await db.select().from(researchTopics).where(inArray(researchTopics.id, mine.map((m) => m.topicId))));
  const { overdue } = await rowFacts(db, groups, today);
  const late = [...overdue.values()].reduce((s, n) => s + n, 0);
  const drafting = groups.filter((t) => t.status === 'drafting').length;
  if (!late && !drafting) return [];
  return [
    {
      ...summed({
        key: 'researchMine', label: '我的调研', section: 'todo', link: '/research/mine',
        parts: [
          { key: 'drafting', label: '调研报告起草中', value: drafting, link: '/research/mine' },
          { key: 'overdue', label: '建议逾期未答复', value: late, link: '/research/mine' },
        ],
      }),
      alert: late > 0,
    },
  ];
};
