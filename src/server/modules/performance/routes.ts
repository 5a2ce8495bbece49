import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { eq } from 'drizzle-orm';
import { memberParams, rankingQuery, remindBody, yearQuery } from '../../../shared/performance/inputs.js';
import { performancePaths as paths } from '../../../shared/performance/paths.js';
import * as answer from '../../../shared/performance/responses.js';
import type { Lists, PerformanceRecord, Rankings, RemindAnswer, RulesAnswer, TermFile } from '../../../shared/performance/responses.js';
import { actorOf, contextOf } from '../../platform/http/context.js';
import { AppError } from '../../platform/errors.js';
import { allowedActions, authorize } from '../../platform/policy/policy.js';
import { chinaToday } from '../../platform/calendar/workdays.js';
import { committees } from '../../platform/tenancy/schema.js';
import { ledgerKindLabels } from './kinds.js';
import { performancePolicy } from './policy.js';
import { presets } from './presets.js';
import { unitLabels } from '../../../shared/performance/rules.js';
import { committeeScores, memberRecord, performanceLists, recordFor } from './queries.js';
import { rulesFor } from './settings.js';
import { sendReminders } from './commands/send-reminders.js';
import { reportLayout } from './report.js';
import { attachmentHeader, contentTypes, formatQuery, renderDocument } from '../../platform/documents/send.js';
import { termRecord } from './term.js';

const tags = ['performance'];

/**
 * 履职档案与考核. A member's record is scored on request from the ledger with the pure scoring
 * function (deterministic); rankings and lists read stored scores that are brought up to date
 * incrementally — only the members new or voided entries touched (recompute.ts). The same rules
 * compile to one SQL aggregate for a full recompute at city scale (score-sql.ts, bench/performance-recompute.ts).
 */
export async function performanceRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database } = app.services;
  // read the clock on each request (tests move it)
  const now = () => app.services.now();
  const { db } = database;
  const thisYear = () => Number(chinaToday(now()).slice(0, 4));

  r.get(paths.me, { config: { answers: { performanceRecord: answer.performanceRecord } }, schema: { querystring: yearQuery, tags, summary: '我的履职' } }, async (req): Promise<PerformanceRecord> => {
    const actor = actorOf(req);
    if (!actor.memberId) throw AppError.notFound('履职档案');
    const subject = { committeeId: actor.committeeId, memberId: actor.memberId };
    authorize(performancePolicy, 'read', actor, subject);
    return { ...(await recordFor(db, actor, actor.committeeId, actor.memberId, req.query.year ?? thisYear())), actions: allowedActions(performancePolicy, actor, subject) };
  });

  r.get(paths.member, { config: { answers: { performanceRecord: answer.performanceRecord } }, schema: { params: memberParams, querystring: yearQuery, tags, summary: '委员履职档案' } }, async (req): Promise<PerformanceRecord> => {
    const actor = actorOf(req);
    const subject = { committeeId: actor.committeeId, memberId: req.params.memberId };
    authorize(performancePolicy, 'read', actor, subject);
    return { ...(await recordFor(db, actor, actor.committeeId, req.params.memberId, req.query.year ?? thisYear())), actions: allowedActions(performancePolicy, actor, subject) };
  });

  r.get(paths.term, { config: { answers: { termFile: answer.termFile } }, schema: { params: memberParams, querystring: yearQuery, tags, summary: '委员本届履职档案（一届一人一档）' } }, async (req): Promise<TermFile> => {
    const actor = actorOf(req);
    authorize(performancePolicy, 'read', actor, { committeeId: actor.committeeId, memberId: req.params.memberId });
    return termRecord(db, actor, actor.committeeId, req.params.memberId, req.query.year ?? thisYear(), chinaToday(now()));
  });

  r.get(paths.report, { config: { answers: 'document' }, schema: { params: memberParams, querystring: yearQuery.extend(formatQuery.shape), tags, summary: '年度履职报告 (.docx，?format=pdf 为 PDF)' } }, async (req, reply) => {
    const actor = actorOf(req);
    authorize(performancePolicy, 'export', actor, { committeeId: actor.committeeId, memberId: req.params.memberId });
    const year = req.query.year ?? thisYear();
    const record = await memberRecord(db, actor.committeeId, req.params.memberId, year);
    const [c] = await db.select({ name: committees.name }).from(committees).where(eq(committees.id, actor.committeeId));
    const format = req.query.format ?? 'docx';
    const file = await renderDocument(reportLayout(c?.name ?? '', record), format);
    return reply.header('content-type', contentTypes[format]).header('content-disposition', attachmentHeader(`${record.member.name}-${year}年度履职报告.${format}`, `performance-report-${year}`)).send(file);
  });

  r.get(paths.rankings, { config: { answers: { rankings: answer.rankings } }, schema: { querystring: rankingQuery, tags, summary: '履职排名' } }, async (req): Promise<Rankings> => {
    const actor = actorOf(req);
    const subject = { committeeId: actor.committeeId, memberId: null };
    authorize(performancePolicy, 'readAll', actor, subject);
    const year = req.query.year ?? thisYear();
    const { rules, rows } = await committeeScores(db, actor.committeeId, year, now());
    const items = req.query.belowQuota === '1' ? rows.filter((x) => x.lacking.length > 0) : rows;
    return { year, rulesName: rules.name, graded: rules.grades.length > 0, categories: rules.categories.map((c) => ({ key: c.key, label: c.label })), items, total: items.length, actions: allowedActions(performancePolicy, actor, subject) };
  });

  r.get(paths.lists, { config: { answers: { lists: answer.lists } }, schema: { querystring: yearQuery, tags, summary: '表彰、约谈与未完成基本要求名单' } }, async (req): Promise<Lists> => {
    const actor = actorOf(req);
    const subject = { committeeId: actor.committeeId, memberId: null };
    authorize(performancePolicy, 'readAll', actor, subject);
    return { ...(await performanceLists(db, actor.committeeId, req.query.year ?? thisYear(), now())), actions: allowedActions(performancePolicy, actor, subject) };
  });

  r.post(paths.reminders, { config: { answers: { remindAnswer: answer.remindAnswer } }, schema: { body: remindBody, tags, summary: '发送履职提醒' } }, async (req): Promise<RemindAnswer> => {
    const actor = actorOf(req);
    authorize(performancePolicy, 'remind', actor, { committeeId: actor.committeeId, memberId: null });
    return sendReminders(contextOf(req), req.body);
  });

  r.get(paths.rules, { config: { answers: { rulesAnswer: answer.rulesAnswer } }, schema: { querystring: yearQuery, tags, summary: '考核办法（在用规则、预设方案、记录类型）' } }, async (req): Promise<RulesAnswer> => {
    const actor = actorOf(req);
    const year = req.query.year ?? thisYear();
    return {
      year,
      rules: await rulesFor(db, actor.committeeId, year),
      presets: Object.entries(presets).map(([key, rules]) => ({ key, name: rules.name, source: rules.source, rules })),
      kinds: ledgerKindLabels,
      units: unitLabels,
    };
  });
}
