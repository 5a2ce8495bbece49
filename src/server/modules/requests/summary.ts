import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { SummarySource } from '../../platform/modules/manifest.js';
import { amount, percent } from '../../../shared/summary/report.js';
import { livelihoodRequests } from './schema.js';

/**
 * 民生诉求 of a year (seed 002: "跟踪办理民生诉求3850件"): received through the portal, finished by
 * members, declined with a reason, turned into proposals or reports, and how the senders rated them.
 */
export const requestSummary: SummarySource = async (db: Executor, committeeId, year) => {
  const count = (cond: ReturnType<typeof sql>) => sql<number>`count(*) filter (where ${cond})::int`;
  const [r] = await db
    .select({
      received: sql<number>`count(*)::int`,
      done: count(sql`${livelihoodRequests.status} = 'done'`),
      declined: count(sql`${livelihoodRequests.status} = 'declined'`),
      converted: count(sql`${livelihoodRequests.proposalId} is not null or ${livelihoodRequests.opinionId} is not null`),
      rated: count(sql`${livelihoodRequests.rating} is not null`),
      pleased: count(sql`${livelihoodRequests.rating} in ('satisfied', 'basic')`),
    })
    .from(livelihoodRequests)
    .where(and(eq(livelihoodRequests.committeeId, committeeId), eq(livelihoodRequests.year, year)));
  const figures = [
    { key: 'received', label: '受理群众民生诉求', value: r.received, unit: '件', link: '/requests?scope=all' },
    { key: 'done', label: '委员跟进办结', value: r.done, unit: '件', link: '/requests?scope=closed' },
    { key: 'declined', label: '不予办理并说明理由', value: r.declined, unit: '件', link: '/requests?scope=closed' },
    { key: 'converted', label: '转化为提案和社情民意信息', value: r.converted, unit: '件', link: '/requests?scope=all' },
  ];
  const [received, done, declined, converted] = figures;
  return {
    key: 'requests', title: '民生诉求', order: 65, figures,
    text: `通过公开门户受理群众民生诉求${amount(received)}，转委员工作室和委员跟进办结${amount(done)}，不予办理并说明理由${amount(declined)}，转化为提案和社情民意信息${amount(converted)}；来信群众评价满意和基本满意率${percent(r.pleased, r.rated)}。`,
  };
};
