import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { SummarySource } from '../../platform/modules/manifest.js';
import { amount, percent } from '../../../shared/summary/report.js';
import { plenarySessions } from '../org/schema.js';
import { proposals } from './schema.js';
import { filedStates } from './workflow.js';
import { topicUptake } from './topics/stats.js';

const count = (where?: ReturnType<typeof sql>) => (where ? sql<number>`count(*) filter (where ${where})::int` : sql<number>`count(*)::int`);

/**
 * 提案工作 of a year: what the year's plenary session received (submitted, not withdrawn; imported
 * history left out), filed, replied to, closed, and the key proposals. The lists open on that session.
 */
export const proposalSummary: SummarySource = async (db: Executor, committeeId, year) => {
  const sessions = await db.select({ id: plenarySessions.id }).from(plenarySessions).where(and(eq(plenarySessions.committeeId, committeeId), eq(plenarySessions.year, year)));
  const [r] = await db
    .select({
      received: count(),
      filed: count(inArray(proposals.status, filedStates)),
      replied: count(inArray(proposals.status, ['replied', 'rehandling', 'closed'])),
      closed: count(eq(proposals.status, 'closed')),
      key: count(eq(proposals.isKey, true)),
    })
    .from(proposals)
    .where(and(eq(proposals.committeeId, committeeId), eq(proposals.year, year), eq(proposals.historical, false), sql`${proposals.submittedAt} is not null`, sql`${proposals.status} not in ('draft', 'withdrawn')`));
  const topics = await topicUptake(db, committeeId, year);
  const list = sessions.length === 1 ? `/proposals/all?session=${sessions[0].id}` : '/proposals/all?session=all';
  const figures = [
    { key: 'received', label: '收到提案', value: r.received, unit: '件', link: list },
    { key: 'filed', label: '审查立案', value: r.filed, unit: '件', link: '/proposals/stats' },
    { key: 'replied', label: '已办复', value: r.replied, unit: '件', link: '/proposals/stats' },
    { key: 'closed', label: '已办结', value: r.closed, unit: '件', link: `${list}&status=closed` },
    { key: 'key', label: '重点提案', value: r.key, unit: '件', link: '/proposals/stats' },
  ];
  const [received, filed, replied, , key] = figures;
  // 提案参考选题: figures and their sentence only where the office published a list that year
  const published = { key: 'topics', label: '发布参考选题', value: topics.published, unit: '个', link: `/proposals/topics?year=${year}` };
  const taken = { key: 'topicsTaken', label: '参考选题被提案选用', value: topics.taken, unit: '个', link: `/proposals/topics?year=${year}` };
  if (published.value) figures.push(published, taken);
  const topicText = published.value ? `发布提案参考选题${amount(published)}，其中${amount(taken)}有提案选用。` : '';
  return {
    key: 'proposals', title: '提案工作', order: 10, figures,
    text: `共收到提案${amount(received)}，经审查立案${amount(filed)}，已办复${amount(replied)}，办复率${percent(replied.value, filed.value)}；确定重点提案${amount(key)}。${topicText}`,
  };
};
