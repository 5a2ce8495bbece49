import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { eq } from 'drizzle-orm';
import { sessionQuery as statsQuery } from '../../../../shared/proposals/inputs.js';
import { proposalPaths as paths } from '../../../../shared/proposals/paths.js';
import * as answer from '../../../../shared/proposals/stats.js';
import { contentDisposition } from '../../../../shared/http/content-disposition.js';
import { actorOf } from '../../../platform/http/context.js';
import { authorize, committeeSubject } from '../../../platform/policy/policy.js';
import { chinaToday } from '../../../platform/calendar/workdays.js';
import { committees } from '../../../platform/tenancy/schema.js';
import { proposalStatsPolicy } from './policy.js';
import { proposalStats } from './report.js';
import { statsWorkbook } from './workbook.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const tags = ['proposals'];

/** 提案统计 of a plenary session, as JSON for the page and as an .xlsx workbook. */
export async function proposalStatsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database } = app.services;
  const now = () => app.services.now(); // read at each request: a test may move the clock after registration
  const { db } = database;

  r.get(paths.stats, { config: { answers: { proposalStats: answer.proposalStats } }, schema: { querystring: statsQuery, tags, summary: '提案统计（按会议）' } }, async (req) => {
    const actor = actorOf(req);
    authorize(proposalStatsPolicy, 'view', actor, committeeSubject(actor));
    return proposalStats(db, actor.committeeId, req.query.sessionId, chinaToday(now()));
  });

  r.get(paths.statsWorkbook, { config: { answers: 'xlsx' }, schema: { querystring: statsQuery, tags, summary: '导出提案统计 (.xlsx)' } }, async (req, reply) => {
    const actor = actorOf(req);
    authorize(proposalStatsPolicy, 'view', actor, committeeSubject(actor));
    const stats = await proposalStats(db, actor.committeeId, req.query.sessionId, chinaToday(now()));
    const [committee] = await db.select({ shortName: committees.shortName }).from(committees).where(eq(committees.id, actor.committeeId));
    const file = await statsWorkbook(stats, committee?.shortName ?? '');
    return reply.header('content-type', XLSX).header('content-disposition', contentDisposition(`提案统计-${stats.session?.name ?? '无会议'}.xlsx`, 'proposal-stats')).send(file);
  });
}
