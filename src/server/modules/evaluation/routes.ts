import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { eq } from 'drizzle-orm';
import { actorOf, contextOf } from '../../platform/http/context.js';
import { AppError } from '../../platform/errors.js';
import { parseInput } from '../../platform/http/validation.js';
import { authorize, can, committeeSubject } from '../../platform/policy/policy.js';
import { getSettings } from '../../platform/settings/settings.js';
import { chinaToday } from '../../platform/calendar/workdays.js';
import { formatQuery, sendDocument } from '../../platform/documents/send.js';
import { contentDisposition } from '../../../shared/http/content-disposition.js';
import {
  campaignActionBodies, campaignActionParams, campaignInput, campaignPatch, findingInput, idParams, invitationParams, portalEvaluationQuery, recheckBody,
  representativeActionBody, representativeActionParams, representativeInput, responseInput, yearQuery,
} from '../../../shared/evaluation/inputs.js';
import { ballotChoices, campaignPhases, campaignStates, findingStates } from '../../../shared/evaluation/labels.js';
import { evaluationPaths as paths } from '../../../shared/evaluation/paths.js';
import {
  ballotCounted, campaignDetail, campaignList, campaignResults, evaluationOptions, findingDetail as findingAnswer, publicQuestionnaire, publicQuestionnaireList, questionnaireList, representativeLink,
  representativeList,
} from '../../../shared/evaluation/responses.js';
import { committeeOf } from '../opinions/committees.js';
import { createCampaign, decideCampaign, updateCampaign } from './commands/campaigns.js';
import { addFinding, recheckFinding } from './commands/findings.js';
import { respond } from './commands/responses.js';
import { addRepresentative, changeRepresentativeLink, listRepresentatives, presentRepresentative } from './commands/representatives.js';
import { deviceCookie, invitationQuestionnaire, newDeviceId, portalQuestionnaires, respondByInvitation, respondPublic } from './commands/public.js';
import { checkCommittee } from '../../platform/tenancy/committee.js';
import { reportLayout, resultsWorkbook } from './document.js';
import { loadCampaign, loadFinding, resultsOf } from './load.js';
import { campaignCollectionPolicy, campaignPolicy } from './policy.js';
import { presentCampaign, presentCampaignRow, presentFinding, presentResults } from './presenter.js';
import { listCampaigns, myQuestionnaires } from './queries.js';
import { evaluationCampaigns } from './schema.js';
import { evaluationSettings } from './settings.js';

const tags = ['evaluation'];
/** Public and unauthenticated (a representative's link, the portal): limited per address like the portal's forms. */
const open = (max: number) => ({ public: true, rateLimit: { max, timeWindow: '1 minute' } });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 民主评议: campaigns, the members' questionnaire, results (page, .xlsx, .docx), rectification items. */
export async function evaluationRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database } = app.services;
  // read the clock on each request (tests move it)
  const now = () => app.services.now();
  const { db } = database;
  const today = () => chinaToday(now());
  const thisYear = () => Number(today().slice(0, 4));
  const detail = async (req: FastifyRequest, id: string) => {
    const actor = actorOf(req);
    return presentCampaign(db, actor, await loadCampaign(db, actor, id), today());
  };
  /** a campaign whose results the actor may read (else not-found, like a made-up id) */
  const withResults = async (req: FastifyRequest, id: string) => {
    const actor = actorOf(req);
    const c = await loadCampaign(db, actor, id);
    authorize(campaignPolicy, 'results', actor, c);
    return { c, results: await resultsOf(db, c) };
  };
  const findingDetail = async (req: FastifyRequest, id: string) => {
    const actor = actorOf(req);
    const f = await loadFinding(db, actor, id);
    const [c] = await db.select().from(evaluationCampaigns).where(eq(evaluationCampaigns.id, f.campaignId));
    return presentFinding(db, actor, f, c, today());
  };

  r.get(paths.options, { config: { answers: { evaluationOptions } }, schema: { tags, summary: '民主评议选项（指标、评议意见、阶段、状态、整改反馈类别）' } }, async (req) => {
    const actor = actorOf(req);
    const s = await getSettings(db, evaluationSettings, actor.committeeId, thisYear());
    return { indicators: s.indicators, answerClasses: s.answerClasses, replyPeriod: s.replyPeriod, quorumShare: s.quorumShare, choices: ballotChoices, phases: campaignPhases, campaignStates, findingStates };
  });

  r.get(paths.campaigns, { config: { answers: { campaignList } }, schema: { querystring: yearQuery, tags, summary: '民主评议活动' } }, async (req) => {
    const actor = actorOf(req);
    const rows = await listCampaigns(db, actor, req.query.year);
    return { items: rows.map(presentCampaignRow), actions: can(campaignCollectionPolicy, 'create', actor, committeeSubject(actor)) ? ['create'] : [] };
  });
  r.post(paths.campaigns, { config: { answers: { campaignDetail } }, schema: { body: campaignInput, tags, summary: '新建民主评议活动' } }, async (req) => {
    const c = await createCampaign(contextOf(req), req.body);
    return detail(req, c.id);
  });
  r.get(paths.campaign, { config: { answers: { campaignDetail } }, schema: { params: idParams, tags, summary: '民主评议活动详情（阶段、部门、指标、整改事项）' } }, async (req) => detail(req, req.params.id));
  r.patch(paths.campaign, { config: { answers: { campaignDetail } }, schema: { params: idParams, body: campaignPatch, tags, summary: '修改民主评议活动' } }, async (req) => {
    await updateCampaign(contextOf(req), { id: req.params.id, ...req.body });
    return detail(req, req.params.id);
  });
  r.post(paths.action, { config: { answers: { campaignDetail } }, schema: { params: campaignActionParams, tags, summary: '主席会议提出、党委批准、进入各阶段、公布结果' } }, async (req) => {
    const { id, action } = req.params;
    const input = parseInput(campaignActionBodies[action], req.body);
    await decideCampaign(contextOf(req), { id, action, input: input as never });
    return detail(req, id);
  });

  r.get(paths.questionnaires, { config: { answers: { questionnaireList } }, schema: { tags, summary: '我的评议问卷' } }, async (req) => myQuestionnaires(db, actorOf(req)));
  r.post(paths.responses, { config: { answers: { ballotCounted } }, schema: { params: idParams, body: responseInput, tags, summary: '提交对一个部门的评议问卷（无记名）' } }, async (req) =>
    respond(contextOf(req), { campaignId: req.params.id, ...req.body }),
  );

  // ── 特邀群众代表: the office invites them; each answers by a personal link, without an account ──
  r.get(paths.representatives, { config: { answers: { representativeList } }, schema: { params: idParams, tags, summary: '特邀群众代表名单（姓名、单位、电话，已评议部门数）' } }, async (req) => {
    const actor = actorOf(req);
    return { items: await listRepresentatives(db, actor, await loadCampaign(db, actor, req.params.id)) };
  });
  r.post(paths.representatives, { config: { answers: { representativeLink } }, schema: { params: idParams, body: representativeInput, tags, summary: '邀请特邀群众代表（返回其专属评议链接，仅此一次）' } }, async (req) => {
    const { representative, link } = await addRepresentative(contextOf(req), { campaignId: req.params.id, ...req.body });
    return { item: presentRepresentative(representative, 0, 0), link };
  });
  r.post(paths.representativeAction, { config: { answers: { representativeLink } }, schema: { params: representativeActionParams, body: representativeActionBody, tags, summary: '收回或重新生成特邀群众代表的评议链接' } }, async (req) => {
    const { representative, link } = await changeRepresentativeLink(contextOf(req), { id: req.params.id, action: req.params.action, version: req.body.version });
    return { item: presentRepresentative(representative, 0, 0), link };
  });
  r.get(paths.invitation, { config: { ...open(60), answers: { publicQuestionnaire } }, schema: { params: invitationParams, tags, summary: '特邀群众代表凭专属链接查看评议问卷' } }, async (req) => invitationQuestionnaire(db, req.params.token));
  r.post(paths.invitationResponses, { config: { ...open(30), answers: { ballotCounted } }, schema: { params: invitationParams, body: responseInput, tags, summary: '特邀群众代表凭专属链接提交对一个部门的评议（无记名）' } }, async (req) =>
    respondByInvitation(database, req.params.token, req.body, today()),
  );

  // ── the public through the portal, where a campaign opens it: one ballot per department per browser ──
  const deviceOf = (req: FastifyRequest, reply: FastifyReply) => {
    const known = req.cookies[deviceCookie];
    if (known && /^[A-Za-z0-9_-]{24}$/.test(known)) return known;
    const id = newDeviceId();
    reply.setCookie(deviceCookie, id, { path: '/api/portal/evaluation', httpOnly: true, sameSite: 'lax', secure: app.services.config.secureCookies, maxAge: 400 * 24 * 3600 });
    return id;
  };
  r.get(paths.portalQuestionnaires, { config: { ...open(60), answers: { publicQuestionnaireList } }, schema: { querystring: portalEvaluationQuery, tags, summary: '公开门户：向社会公众开放的民主评议问卷' } }, async (req, reply) => {
    await checkCommittee(database, req.query.committeeId);
    return portalQuestionnaires(db, req.query.committeeId, deviceOf(req, reply), today());
  });
  r.post(paths.portalResponses, { config: { ...open(30), answers: { ballotCounted } }, schema: { params: idParams, body: responseInput, tags, summary: '公开门户：社会公众提交对一个部门的评议（无记名，每台设备每个部门一次）' } }, async (req, reply) =>
    respondPublic(database, req.params.id, req.body, deviceOf(req, reply), req.ip, now()),
  );

  r.get(paths.results, { config: { answers: { campaignResults } }, schema: { params: idParams, tags, summary: '评议结果（排名、分项得分、参评人数）' } }, async (req) => {
    const { c, results } = await withResults(req, req.params.id);
    return presentResults(c, results);
  });
  r.get(paths.resultsExport, { config: { answers: 'xlsx' }, schema: { params: idParams, tags, summary: '导出评议结果 (.xlsx)' } }, async (req, reply) => {
    const { c, results } = await withResults(req, req.params.id);
    if (c.status === 'surveying') throw AppError.invalidState('问卷尚未关闭，评议审议阶段才能导出结果');
    return reply.header('content-type', XLSX).header('content-disposition', contentDisposition(`${c.year}年度民主评议结果.xlsx`, `evaluation-results-${c.year}`)).send(await resultsWorkbook(c, results));
  });
  r.get(paths.report, { config: { answers: 'document' }, schema: { params: idParams, querystring: formatQuery, tags, summary: '评议结果报告 (.docx，?format=pdf 为 PDF)' } }, async (req, reply) => {
    const { c, results } = await withResults(req, req.params.id);
    if (c.status === 'surveying') throw AppError.invalidState('问卷尚未关闭，评议审议阶段才能生成报告');
    const committee = await committeeOf(db, c.committeeId);
    const doc = reportLayout(c, results, committee.name);
    return sendDocument(reply, doc, req.query.format ?? 'docx', doc.title, `evaluation-report-${c.year}`);
  });

  r.post(paths.findings, { config: { answers: { campaignDetail } }, schema: { params: idParams, body: findingInput, tags, summary: '提出整改事项并交评议部门办理' } }, async (req) => {
    await addFinding(contextOf(req), { campaignId: req.params.id, ...req.body });
    return detail(req, req.params.id);
  });
  r.get(paths.finding, { config: { answers: { findingDetail: findingAnswer } }, schema: { params: idParams, tags, summary: '整改事项（办理情况）' } }, async (req) => findingDetail(req, req.params.id));
  r.post(paths.recheck, { config: { answers: { findingDetail: findingAnswer } }, schema: { params: idParams, body: recheckBody, tags, summary: '回头看：通过或再次整改' } }, async (req) => {
    await recheckFinding(contextOf(req), { id: req.params.id, ...req.body });
    return findingDetail(req, req.params.id);
  });
}
