import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { hasRole } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';
import { actorOf, contextOf } from '../../platform/http/context.js';
import { parseInput } from '../../platform/http/validation.js';
import { onlyDeclared } from '../../platform/http/answers.js';
import { authorize, can, committeeSubject } from '../../platform/policy/policy.js';
import { getSettings } from '../../platform/settings/settings.js';
import { chinaToday } from '../../platform/calendar/workdays.js';
import { and, desc, eq } from 'drizzle-orm';
import {
  actionBodies, actionParams, adoptionBody, assignBody, combineBody, editBody, followUpBody, incomingAdoptBody, incomingDeclineBody, instructionBody,
  issueActionBody, issueActionParams, issueCreate, issueOrderBody, opinionDraft, opinionPatch, opinionQuery, sendBody, similarQuery, yearQuery,
  attachmentParams, idParams, issueParams, followUpParams,
} from '../../../shared/opinions/inputs.js';
import { opinionPaths as paths } from '../../../shared/opinions/paths.js';
import * as answer from '../../../shared/opinions/responses.js';
import { credit, issue, issueList, opinionDetail, opinionList, opinionOptions } from '../../../shared/opinions/responses.js';
import { contentDisposition } from '../../../shared/http/content-disposition.js';
import { loadOpinion } from './load.js';
import { issueCollectionPolicy, opinionCollectionPolicy } from './policy.js';
import { committeeNames, presentDetail, presentIssue, presentIssueRow, presentList } from './presenter.js';
import { listOpinions, opinionYears } from './queries.js';
import { opinionIssues } from './schema.js';
import { opinionSettings } from './settings.js';
import { memberCredit, opinionStats, statsWorkbook } from './stats.js';
import { OpinionFinder, similarOpinions } from './similar.js';
import { createOpinion, updateOpinion } from './commands/draft-opinion.js';
import { decideOpinion } from './commands/decide-opinion.js';
import { editOpinion } from './commands/edit-opinion.js';
import { combineOpinions } from './commands/combine-opinions.js';
import { instructOpinion, recordAdoption, recordFollowUp, recordSend } from './commands/record-facts.js';
import { decideIncoming } from './commands/incoming.js';
import { assignOpinion } from './commands/assign-opinion.js';
import { createIssue, issueAction, issueDocument, issueItems, loadIssue, reorderIssue } from './commands/issues.js';
import { opinionFiles } from './commands/attachments.js';
import { sendAttachment, uploadedFile } from '../../platform/attachments/http.js';
import { committeeOf } from './committees.js';
import { attachmentHeader, contentTypes, formatQuery } from '../../platform/documents/send.js';

const tags = ['opinions'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 社情民意: reports, editing and combining, adoption into issues, sending up, instructions, statistics. */
export async function opinionRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database } = app.services;
  const now = () => app.services.now(); // read at each request: a test may move the clock after registration
  const { db } = database;
  const today = () => chinaToday(now());
  const thisYear = () => Number(today().slice(0, 4));
  const finder = new OpinionFinder();
  const detail = async (req: FastifyRequest, id: string) => {
    const actor = actorOf(req);
    return presentDetail(db, actor, await loadOpinion(db, actor, id), today());
  };
  const issueDetail = async (req: FastifyRequest, id: string) => {
    const actor = actorOf(req);
    const issue = await loadIssue(db, actor, id);
    return presentIssue(actor, issue, await issueItems(db, id), await committeeNames(db));
  };

  r.get(paths.list, { config: { answers: { opinionList } }, schema: { querystring: opinionQuery, tags, summary: '社情民意信息列表' } }, async (req) => {
    const actor = actorOf(req);
    const { items, total } = await listOpinions(db, actor, req.query, thisYear());
    return { items: await presentList(db, actor, items), total, actions: (['create', 'stats'] as const).filter((a) => can(opinionCollectionPolicy, a, actor, committeeSubject(actor))) };
  });

  r.get(paths.options, { config: { answers: { opinionOptions } }, schema: { tags, summary: '表单选项（字数上限、类别、层级）' } }, async (req) => {
    const actor = actorOf(req);
    const s = await getSettings(db, opinionSettings, actor.committeeId, thisYear());
    const committee = await committeeOf(db, actor.committeeId);
    return {
      maxLength: s.maxLength, categories: s.categories, periodical: s.periodical, yearlyQuota: s.yearlyQuota, answerClasses: s.answerClasses,
      committeeLevel: committee.level, hasParent: committee.parentId !== null,
      years: await opinionYears(db, actor.committeeId, thisYear()), thisYear: thisYear(),
    };
  });

  r.get(paths.similar, { config: { answers: { similarOpinions: answer.similarOpinions } }, schema: { querystring: similarQuery, tags, summary: '相似的往期信息（撰写和编辑时参考）' } }, async (req) => {
    const actor = actorOf(req);
    if (!hasRole(actor, 'member', 'staff', 'admin', 'leader')) throw AppError.forbidden('只有委员和工作人员可以查询相似信息');
    return similarOpinions(db, finder, actor, req.query.text, req.query.limit, req.query.exclude);
  });

  r.get(paths.credit, { config: { answers: { credit } }, schema: { querystring: yearQuery, tags, summary: '我的社情民意积分依据（报送、采用、批示）' } }, async (req) => {
    const actor = actorOf(req);
    if (!actor.memberId) throw AppError.forbidden('只有委员有履职记录');
    return memberCredit(db, actor.committeeId, actor.memberId, req.query.year ?? thisYear());
  });

  r.get(paths.stats, { config: { answers: { opinionStats: answer.opinionStats } }, schema: { querystring: yearQuery, tags, summary: '社情民意统计' } }, async (req) => {
    const actor = actorOf(req);
    authorize(opinionCollectionPolicy, 'stats', actor, committeeSubject(actor));
    // the reports' rows are the workbook's last sheet, not the page's
    return onlyDeclared(answer.opinionStats, await opinionStats(db, actor.committeeId, req.query.year ?? thisYear()));
  });

  r.get(paths.statsExport, { config: { answers: 'xlsx' }, schema: { querystring: yearQuery, tags, summary: '导出社情民意统计 (.xlsx)' } }, async (req, reply) => {
    const actor = actorOf(req);
    authorize(opinionCollectionPolicy, 'stats', actor, committeeSubject(actor));
    const year = req.query.year ?? thisYear();
    const committee = await committeeOf(db, actor.committeeId);
    const file = await statsWorkbook(await opinionStats(db, actor.committeeId, year), committee.shortName);
    return reply.header('content-type', XLSX).header('content-disposition', contentDisposition(`社情民意统计${year}.xlsx`, `opinion-stats-${year}`)).send(file);
  });

  // ── issues (期) ──
  r.get(paths.issues, { config: { answers: { issueList } }, schema: { querystring: yearQuery, tags, summary: '《社情民意》期刊列表' } }, async (req) => {
    const actor = actorOf(req);
    authorize(issueCollectionPolicy, 'read', actor, committeeSubject(actor));
    const where = req.query.year ? and(eq(opinionIssues.committeeId, actor.committeeId), eq(opinionIssues.year, req.query.year)) : eq(opinionIssues.committeeId, actor.committeeId);
    const rows = await db.select().from(opinionIssues).where(where).orderBy(desc(opinionIssues.year), desc(opinionIssues.number));
    return { items: rows.map((i) => presentIssueRow(actor, i)), actions: can(issueCollectionPolicy, 'create', actor, committeeSubject(actor)) ? ['create'] : [] };
  });
  r.post(paths.issues, { config: { answers: { issue } }, schema: { body: issueCreate, tags, summary: '新建一期' } }, async (req) => {
    const issue = await createIssue(contextOf(req), { title: req.body.title });
    return issueDetail(req, issue.id);
  });
  r.get(paths.issue, { config: { answers: { issue } }, schema: { params: issueParams, tags, summary: '期刊详情' } }, async (req) => issueDetail(req, req.params.id));
  r.post(paths.issueAction, { config: { answers: { issue } }, schema: { params: issueActionParams, body: issueActionBody, tags, summary: '审核、签发、印发、退回编辑' } }, async (req) => {
    await issueAction(contextOf(req), { action: req.params.action, id: req.params.id, ...req.body });
    return issueDetail(req, req.params.id);
  });
  r.post(paths.issueOrder, { config: { answers: { issue } }, schema: { params: issueParams, body: issueOrderBody, tags, summary: '调整本期信息顺序' } }, async (req) => {
    await reorderIssue(contextOf(req), { id: req.params.id, version: req.body.version, opinionIds: req.body.opinionIds });
    return issueDetail(req, req.params.id);
  });
  r.get(paths.issueDocument, { config: { answers: 'document' }, schema: { params: issueParams, querystring: formatQuery, tags, summary: '下载本期 (.docx，?format=pdf 为 PDF)' } }, async (req, reply) => {
    const format = req.query.format ?? 'docx';
    const { file, filename } = await issueDocument(contextOf(req), { id: req.params.id, format });
    return reply.header('content-type', contentTypes[format]).header('content-disposition', attachmentHeader(filename, 'opinion-issue')).send(file);
  });

  // ── reports ──
  r.post(paths.combine, { config: { answers: { opinionDetail } }, schema: { body: combineBody, tags, summary: '综合多篇信息' } }, async (req) => {
    const b = req.body;
    const row = await combineOpinions(contextOf(req), { ids: b.ids, versions: b.versions, title: b.title, body: b.body, category: b.category });
    return detail(req, row.id);
  });

  r.get(paths.detail, { config: { answers: { opinionDetail } }, schema: { params: idParams, tags, summary: '信息详情' } }, async (req) => detail(req, req.params.id));

  r.post(paths.list, { config: { answers: { opinionDetail } }, schema: { body: opinionDraft, tags, summary: '新建信息草稿' } }, async (req) => {
    const o = await createOpinion(contextOf(req), { draft: req.body });
    return detail(req, o.id);
  });

  r.patch(paths.detail, { config: { answers: { opinionDetail } }, schema: { params: idParams, body: opinionPatch, tags, summary: '修改草稿' } }, async (req) => {
    await updateOpinion(contextOf(req), { id: req.params.id, ...req.body });
    return detail(req, req.params.id);
  });

  r.post(paths.action, { config: { answers: { opinionDetail } }, schema: { params: actionParams, tags, summary: '报送、撤回、不予采用、采用编入刊物、报送上级政协' } }, async (req) => {
    const { id, action } = req.params;
    const input = parseInput(actionBodies[action], req.body);
    await decideOpinion(contextOf(req), { id, action, input: input as any });
    return detail(req, id);
  });

  r.post(paths.attachments, { config: { answers: { opinionDetail } }, schema: { params: idParams, tags, summary: '上传附件（草稿）', consumes: ['multipart/form-data'] } }, async (req) => {
    await opinionFiles.attach(contextOf(req), { id: req.params.id, file: await uploadedFile(req) });
    return detail(req, req.params.id);
  });
  r.get(paths.attachment, { config: { answers: 'file' }, schema: { params: attachmentParams, tags, summary: '下载附件' } }, async (req, reply) => {
    return sendAttachment(reply, await opinionFiles.file(db, actorOf(req), req.params.id, req.params.attachmentId));
  });
  r.post(paths.removeAttachment, { config: { answers: { opinionDetail } }, schema: { params: attachmentParams, tags, summary: '删除附件（草稿）' } }, async (req) => {
    await opinionFiles.remove(contextOf(req), { id: req.params.id, attachmentId: req.params.attachmentId });
    return detail(req, req.params.id);
  });

  r.post(paths.edit, { config: { answers: { opinionDetail } }, schema: { params: idParams, body: editBody, tags, summary: '编辑（保留原稿和每次修改）' } }, async (req) => {
    await editOpinion(contextOf(req), { id: req.params.id, ...req.body });
    return detail(req, req.params.id);
  });

  r.post(paths.sends, { config: { answers: { opinionDetail } }, schema: { params: idParams, body: sendBody, tags, summary: '记录报送去向' } }, async (req) => {
    await recordSend(contextOf(req), { id: req.params.id, ...req.body });
    return detail(req, req.params.id);
  });

  r.post(paths.adoptions, { config: { answers: { opinionDetail } }, schema: { params: idParams, body: adoptionBody, tags, summary: '记录采用情况' } }, async (req) => {
    await recordAdoption(contextOf(req), { id: req.params.id, ...req.body });
    return detail(req, req.params.id);
  });

  r.post(paths.instructions, { config: { answers: { opinionDetail } }, schema: { params: idParams, body: instructionBody, tags, summary: '记录领导批示' } }, async (req) => {
    await instructOpinion(contextOf(req), { id: req.params.id, ...req.body });
    return detail(req, req.params.id);
  });

  r.post(paths.followUp, { config: { answers: { opinionDetail } }, schema: { params: followUpParams, body: followUpBody, tags, summary: '记录批示落实情况' } }, async (req) => {
    await recordFollowUp(contextOf(req), { id: req.params.id, instructionId: req.params.instructionId, followUp: req.body.followUp });
    return detail(req, req.params.id);
  });

  r.post(paths.assign, { config: { answers: { opinionDetail } }, schema: { params: idParams, body: assignBody, tags, summary: '转部门办理' } }, async (req) => {
    await assignOpinion(contextOf(req), { id: req.params.id, ...req.body });
    return detail(req, req.params.id);
  });

  r.post(paths.adoptIncoming, { config: { answers: { opinionDetail } }, schema: { params: idParams, body: incomingAdoptBody, tags, summary: '上级政协采用下级报送的信息' } }, async (req) => {
    await decideIncoming(contextOf(req), { id: req.params.id, adopt: true, ...req.body });
    return detail(req, req.params.id);
  });

  r.post(paths.declineIncoming, { config: { answers: { opinionDetail } }, schema: { params: idParams, body: incomingDeclineBody, tags, summary: '上级政协不予采用下级报送的信息' } }, async (req) => {
    await decideIncoming(contextOf(req), { id: req.params.id, version: req.body.version, adopt: false, feedback: req.body.feedback });
    return detail(req, req.params.id);
  });
}
