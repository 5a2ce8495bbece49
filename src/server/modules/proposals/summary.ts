import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { SummarySource } from '../../platform/modules/manifest.js';
import { amount, percent } from '../../../shared/summary/report.js';
import { plenarySessions } from '../org/schema.js';
import { proposals } from './schema.js';
import { filedStates } from './workflow.js';

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
  const list = sessions.length === 1 ? `/proposals/all?session=${sessions[0].id}` : '/proposals/all?session=all';
  const figures = [
    { key: 'received', label: '收到提案', value: r.received, unit: '件', link: list },
    { key: 'filed', label: '审查立案', value: r.filed, unit: '件', link: '/proposals/stats' },
    { key: 'replied', label: '已办复', value: r.replied, unit: '件', link: '/proposals/stats' },
    { key: 'closed', label: '已办结', value: r.closed, unit: '件', link: `${list}&status=closed` },
    { key: 'key', label: '重点提案', value: r.key, unit: '件', link: '/proposals/stats' },
  ];
  const [received, filed, replied, , key] = figures;
  return {
    key: 'proposals', title: '提案工作', order: 10, figures,
    text: `共收到提案${amount(received)}，经审查立案${amount(filed)}，已办复${amount(replied)}，办复率${percent(replied.value, filed.value)}；确定重点提案${amount(key)}。`,
  };
};
