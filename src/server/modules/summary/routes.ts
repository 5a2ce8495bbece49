import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Actor } from '../../platform/auth/actor.js';
import { actorOf, contextOf } from '../../platform/http/context.js';
import { allowedActions, authorize, committeeSubject } from '../../platform/policy/policy.js';
import { chinaToday } from '../../platform/calendar/workdays.js';
import { chineseDate } from '../../platform/documents/model.js';
import { sendDocument } from '../../platform/documents/send.js';
import { committeeOf } from '../opinions/committees.js';
import { summaryPaths as paths, summaryQuery, summaryReport, versionInput, type SummaryReport, type SummarySection } from '../../../shared/summary/report.js';
import { summaryLayout } from './document.js';
import { summaryPolicy } from './policy.js';
import { findVersion, saveVersion, versionRow, versionsOf } from './versions.js';

const tags = ['summary'];

/**
 * 年度工作报告: every module's section of the year (`defineModule({ summary })`), counted from the
 * records on request in the report's order, or a version the general office saved with its own
 * words; and either as .docx or PDF.
 */
export async function summaryRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database, modules } = app.services;
  const now = () => app.services.now(); // read at each request: a test may move the clock after registration
  const { db } = database;
  const thisYear = () => Number(chinaToday(now()).slice(0, 4));

  /** The year's figures as counted now. */
  const counted = async (committeeId: string, year: number): Promise<SummarySection[]> =>
    (await Promise.all(modules.summaries.map((source) => source(db, committeeId, year)))).sort((a, b) => a.order - b.order);

  const report = async (actor: Actor, q: { year?: number; version?: string }): Promise<SummaryReport> => {
    authorize(summaryPolicy, 'read', actor, committeeSubject(actor));
    const saved = q.version ? await findVersion(db, actor.committeeId, q.version) : null;
    const year = saved?.year ?? q.year ?? thisYear();
    const committee = await committeeOf(db, actor.committeeId);
    const versions = await versionsOf(db, actor.committeeId, year);
    return {
      year, committeeName: committee.name, title: `${committee.name}${year}年度工作报告（数据）`,
      version: saved ? versionRow(saved) : null,
      intro: saved?.intro ?? '',
      narratives: saved?.narratives ?? {},
      sections: saved?.sections ?? (await counted(actor.committeeId, year)),
      versions: versions.map(versionRow),
      actions: ['document', ...allowedActions(summaryPolicy, actor, committeeSubject(actor)).filter((a) => a === 'save')],
    };
  };

  r.get(paths.report, { config: { answers: { summaryReport } }, schema: { querystring: summaryQuery, tags, summary: '年度工作报告（当前数据或已保存的版本）' } }, async (req) => report(actorOf(req), req.query));
  r.post(paths.versions, { config: { answers: { summaryReport } }, schema: { body: versionInput, tags, summary: '保存年度工作报告的新版本（数据按当前统计，附说明文字）' } }, async (req) => {
    const actor = actorOf(req);
    authorize(summaryPolicy, 'save', actor, committeeSubject(actor));
    const saved = await saveVersion(contextOf(req), req.body, await counted(actor.committeeId, req.body.year));
    return report(actor, { version: saved.id });
  });
  r.get(paths.document, { config: { answers: 'document' }, schema: { querystring: summaryQuery, tags, summary: '下载年度工作报告 (.docx，?format=pdf 为 PDF)' } }, async (req, reply) => {
    const data = await report(actorOf(req), req.query);
    const suffix = data.version ? `（第${data.version.number}版）` : '';
    return sendDocument(reply, summaryLayout(data, chineseDate(chinaToday(now()))), req.query.format ?? 'docx', `${data.title}${suffix}`, `work-report-${data.year}`);
  });
}
