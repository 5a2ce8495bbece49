import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { SummarySource } from '../../platform/modules/manifest.js';
import { instructions } from '../../platform/handling/schema.js';
import { amount } from '../../../shared/summary/report.js';
import { opinionAdoptions, opinions } from './schema.js';

/**
 * 社情民意信息工作 of a year: the reports received (submitted, not withdrawn), adopted, the adoptions
 * by higher levels, and the leaders' instructions on them.
 */
export const opinionSummary: SummarySource = async (db: Executor, committeeId, year) => {
  const ofYear = and(eq(opinions.committeeId, committeeId), eq(opinions.year, year), sql`${opinions.status} not in ('draft', 'withdrawn')`);
  const [r] = await db
    .select({ received: sql<number>`count(*)::int`, adopted: sql<number>`count(*) filter (where ${opinions.status} = 'adopted')::int` })
    .from(opinions)
    .where(ofYear);
  const ids = db.select({ id: opinions.id }).from(opinions).where(ofYear);
  const [up] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(opinionAdoptions)
    .where(and(inArray(opinionAdoptions.opinionId, ids), sql`${opinionAdoptions.level} <> 'district'`));
  const [ins] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(instructions)
    .where(and(eq(instructions.subjectType, 'opinion'), inArray(instructions.subjectId, ids)));
  const figures = [
    { key: 'received', label: '收到社情民意信息', value: r.received, unit: '篇', link: `/opinions/queue?scope=all&year=${year}` },
    { key: 'adopted', label: '编发采用', value: r.adopted, unit: '篇', link: `/opinions/queue?scope=all&year=${year}&status=adopted` },
    { key: 'adoptedAbove', label: '被上级采用', value: up.n, unit: '次', link: '/opinions/stats' },
    { key: 'instructed', label: '获领导批示', value: ins.n, unit: '次', link: '/opinions/stats' },
  ];
  const [received, adopted, above, instructed] = figures;
  return {
    key: 'opinions', title: '社情民意信息工作', order: 20, figures,
    text: `共收到社情民意信息${amount(received)}，编发采用${amount(adopted)}，被上级政协和党委政府采用${amount(above)}，获领导批示${amount(instructed)}。`,
  };
};
