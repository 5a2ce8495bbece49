import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { desc, eq, sql } from 'drizzle-orm';
import { hasRole } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';
import { actorOf, contextOf } from '../../platform/http/context.js';
import { parseInput } from '../../platform/http/validation.js';
import { authorize, can, committeeSubject } from '../../platform/policy/policy.js';
import { chinaToday } from '../../platform/calendar/workdays.js';
import { formatQuery, sendDocument, type DocumentFormat } from '../../platform/documents/send.js';
import { checkCommittee } from '../../platform/tenancy/committee.js';
import { loadLookups } from '../org/lookups.js';
import { committeeOf } from '../opinions/committees.js';
import {
  idParams, itemParams, planActionBodies, planActionParams, planCreate, planItemInput, planItemPatch, similarQuery, topicActionBodies, topicActionParams,
  portalPlanDocumentQuery, portalPlanQuery, topicDraft, topicQuery, versionBody, keyProposalsBody, scheduleBody, participantBody, participantParams, speechBody, holdBody, ratingBody, reportBody, assignBody, instructionBody,
} from '../../../shared/consultation/inputs.js';
import { consultationForms, topicSources } from '../../../shared/consultation/labels.js';
import { consultationPaths as paths } from '../../../shared/consultation/paths.js';
import * as answer from '../../../shared/consultation/responses.js';
import { consultationPolicy, planCollectionPolicy, planPolicy, topicCollectionPolicy, topicPolicy } from './policy.js';
import { planItems, presentPlan, presentPlanSummary, presentTopic, presentTopicDetail } from './presenter.js';
import { listTopics } from './queries.js';
import { consultationPlans, consultationRecommendations, consultations, consultationTopics } from './schema.js';
import { similarToTopic, TopicFinders } from './similar.js';
import { planLayout } from './document.js';
import { presentPublicPlan, publicPlan } from './portal.js';
import type { Plan, Topic } from './workflow.js';
import { decideTopic, suggestTopic } from './commands/topics.js';
import { addPlanItem, createPlan, planAction, removePlanItem, updatePlanItem } from './commands/plan.js';
import { addParticipant, assignRecommendations, checkInParticipant, holdConsultation, instructConsultation, recordSpeech, reportOutcome, scheduleConsultation } from './commands/held.js';
import { setKeyProposals } from './commands/key-proposals.js';
import { consultationSubjectOf, loadConsultation } from './load.js';
import { rateConsultation } from './commands/quality.js';
import { presentConsultation, presentRecommendation } from './present-consultation.js';
import { getSettings } from '../../platform/settings/settings.js';
import { consultationSettings } from './settings.js';

const tags = ['consultation'];

/** 协商议政: topic suggestions from four sources, the year's plan through the four reviews, its document. */
export async function consultationRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database } = app.services;
  const now = () => app.services.now(); // read at each request: a test may move the clock after registration
  const { db } = database;
  const today = () => chinaToday(now());
  const thisYear = () => Number(today().slice(0, 4));
  const finders = new TopicFinders(db);

  const loadTopic = async (req: FastifyRequest, id: string): Promise<Topic> => {
    const [t] = await db.select().from(consultationTopics).where(eq(consultationTopics.id, id));
    if (!t) throw AppError.notFound(topicPolicy.label);
    authorize(topicPolicy, 'read', actorOf(req), t);
    return t;
  };
  const topicDetail = async (req: FastifyRequest, id: string) => {
    const actor = actorOf(req);
    const t = await loadTopic(req, id);
    return presentTopicDetail(db, actor, t, await similarToTopic(db, finders, actor, `${t.title}\n${t.reason}`, 5, today(), t.id));
  };
  const loadPlan = async (req: FastifyRequest, id: string): Promise<Plan> => {
    const [p] = await db.select().from(consultationPlans).where(eq(consultationPlans.id, id));
    if (!p) throw AppError.notFound(planPolicy.label);
    authorize(planPolicy, 'read', actorOf(req), p);
    return p;
  };
  const planDetail = async (req: FastifyRequest, id: string) => presentPlan(db, actorOf(req), await loadPlan(req, id));

  r.get(paths.options, { config: { answers: { consultationOptions: answer.consultationOptions } }, schema: { tags, summary: '协商选题与计划的选项（来源、形式、专委会、部门）' } }, async (req) => {
    const actor = actorOf(req);
    const lookups = await loadLookups(db, actor.committeeId);
    const list = (l: { byId: Map<string, string> }) => [...l.byId].map(([id, name]) => ({ id, name }));
    return {
      // the sources this person may enter: a member suggests, the office enters the others
      sources: Object.entries(topicSources)
        .filter(([k]) => (k === 'member' ? !!actor.memberId : can(topicCollectionPolicy, 'enterForBody', actor, committeeSubject(actor))))
        .map(([key, label]) => ({ key, label })),
      forms: Object.entries(consultationForms).map(([key, label]) => ({ key, label })),
      specialCommittees: list(lookups['special-committees']),
      units: list(lookups.units),
      year: thisYear(),
      answerClasses: (await getSettings(db, consultationSettings, actor.committeeId, thisYear())).answerClasses,
    };
  });

  r.get(paths.similar, { config: { answers: { consultationSimilar: answer.similarAnswer } }, schema: { querystring: similarQuery, tags, summary: '相似的往年议题与提案（提出选题时参考）' } }, async (req) => {
    const actor = actorOf(req);
    if (!hasRole(actor, 'member', 'staff', 'admin', 'leader')) throw AppError.forbidden('只有委员和工作人员可以查询相似议题');
    return similarToTopic(db, finders, actor, req.query.text, req.query.limit, today(), req.query.exclude);
  });

  // ── topic suggestions ──
  r.get(paths.topics, { config: { answers: { consultationTopicList: answer.topicList } }, schema: { querystring: topicQuery, tags, summary: '协商选题列表' } }, async (req) => {
    const actor = actorOf(req);
    const rows = await listTopics(db, actor, req.query, req.query.year ?? thisYear());
    return { items: rows.map((t) => presentTopic(actor, t)), actions: can(topicCollectionPolicy, 'create', actor, committeeSubject(actor)) ? ['create'] : [] };
  });
  r.post(paths.topics, { config: { answers: { consultationTopic: answer.topicDetail } }, schema: { body: topicDraft, tags, summary: '提出协商选题' } }, async (req) => {
    const t = await suggestTopic(contextOf(req), req.body);
    return topicDetail(req, t.id);
  });
  r.get(paths.topic, { config: { answers: { consultationTopic: answer.topicDetail } }, schema: { params: idParams, tags, summary: '协商选题详情（含相似议题与提案）' } }, async (req) => topicDetail(req, req.params.id));
  r.post(paths.topicAction, { config: { answers: { consultationTopic: answer.topicDetail } }, schema: { params: topicActionParams, tags, summary: '审核群众出题、不予采纳、撤回' } }, async (req) => {
    const { id, action } = req.params;
    await decideTopic(contextOf(req), { id, action, input: parseInput(topicActionBodies[action], req.body) as any });
    return topicDetail(req, id);
  });

  // ── the year's plan ──
  r.get(paths.plans, { config: { answers: { consultationPlanList: answer.planList } }, schema: { tags, summary: '年度协商计划列表' } }, async (req) => {
    const actor = actorOf(req);
    const rows = await db.select().from(consultationPlans).where(eq(consultationPlans.committeeId, actor.committeeId)).orderBy(desc(consultationPlans.year));
    const counts = await db.select({ planId: consultations.planId, n: sql<number>`count(*)::int` }).from(consultations).where(eq(consultations.committeeId, actor.committeeId)).groupBy(consultations.planId);
    const readable = rows.filter((p) => can(planPolicy, 'read', actor, p));
    return {
      items: readable.map((p) => presentPlanSummary(actor, p, counts.find((c) => c.planId === p.id)?.n ?? 0)),
      actions: can(planCollectionPolicy, 'create', actor, committeeSubject(actor)) ? ['create'] : [],
    };
  });
  r.post(paths.plans, { config: { answers: { consultationPlan: answer.planDetail } }, schema: { body: planCreate, tags, summary: '新建年度协商计划' } }, async (req) => {
    const ctx = contextOf(req);
    const committee = await committeeOf(db, ctx.actor.committeeId);
    const p = await createPlan(ctx, { year: req.body.year, committeeName: committee.shortName });
    return planDetail(req, p.id);
  });
  r.get(paths.plan, { config: { answers: { consultationPlan: answer.planDetail } }, schema: { params: idParams, tags, summary: '年度协商计划详情' } }, async (req) => planDetail(req, req.params.id));
  r.post(paths.planAction, { config: { answers: { consultationPlan: answer.planDetail } }, schema: { params: planActionParams, tags, summary: '提交审查、四审通过、退回修改、调整计划' } }, async (req) => {
    const { id, action } = req.params;
    const input = parseInput(planActionBodies[action], req.body);
    await planAction(contextOf(req), { id, action, version: input.version, note: input.note });
    return planDetail(req, id);
  });
  r.post(paths.planItems, { config: { answers: { consultationPlan: answer.planDetail } }, schema: { params: idParams, body: planItemInput, tags, summary: '列入协商议题' } }, async (req) => {
    await addPlanItem(contextOf(req), { planId: req.params.id, ...req.body });
    return planDetail(req, req.params.id);
  });
  r.patch(paths.planItem, { config: { answers: { consultationPlan: answer.planDetail } }, schema: { params: itemParams, body: planItemPatch, tags, summary: '调整协商议题' } }, async (req) => {
    await updatePlanItem(contextOf(req), { planId: req.params.id, itemId: req.params.itemId, ...req.body });
    return planDetail(req, req.params.id);
  });
  r.post(paths.removePlanItem, { config: { answers: { consultationPlan: answer.planDetail } }, schema: { params: itemParams, body: versionBody, tags, summary: '移出协商议题' } }, async (req) => {
    await removePlanItem(contextOf(req), { planId: req.params.id, itemId: req.params.itemId, version: req.body.version });
    return planDetail(req, req.params.id);
  });
  r.get(paths.planDocument, { config: { answers: 'document' }, schema: { params: idParams, querystring: formatQuery, tags, summary: '下载年度协商计划 (.docx，?format=pdf 为 PDF)' } }, async (req, reply) => {
    const actor = actorOf(req);
    const plan = await loadPlan(req, req.params.id);
    authorize(planPolicy, 'document', actor, plan);
    const committee = await committeeOf(db, actor.committeeId);
    return sendPlan(reply, committee.name, plan, req.query.format ?? 'docx');
  });
  /** The plan as the printed document, the office's download and the portal's alike. */
  async function sendPlan(reply: FastifyReply, committeeName: string, plan: Plan, format: DocumentFormat) {
    const items = await planItems(db, plan);
    return sendDocument(
      reply,
      planLayout({
        committeeName, title: plan.title, year: plan.year, revision: plan.revision, approvedOn: plan.approvedOn,
        items: items.map((i) => ({ title: i.title, formLabel: i.formLabel, lead: i.leadName, units: i.unitNames.join('、'), month: i.month, researchFirst: i.researchFirst, source: i.topicSourceLabel ?? '' })),
      }),
      format,
      plan.title,
      `consultation-plan-${plan.year}`,
    );
  }

  // ── the public: the approved plan and its document (what the party committee approved is published) ──
  const open = { public: true, rateLimit: { max: 60, timeWindow: '1 minute' } };
  r.get(paths.portalPlan, { config: { ...open, answers: { portalPlan: answer.portalPlan } }, schema: { querystring: portalPlanQuery, tags, summary: '公开门户：年度协商计划' } }, async (req) => {
    await checkCommittee(database, req.query.committeeId);
    return presentPublicPlan(db, req.query.committeeId, req.query.year);
  });
  r.get(paths.portalPlanDocument, { config: { ...open, answers: 'document' }, schema: { querystring: portalPlanDocumentQuery, tags, summary: '公开门户：下载年度协商计划 (.docx，?format=pdf 为 PDF)' } }, async (req, reply) => {
    const committee = await checkCommittee(database, req.query.committeeId);
    const { plan } = await publicPlan(db, committee.id, req.query.year);
    if (!plan) throw AppError.notFound('年度协商计划');
    return sendPlan(reply, committee.name, plan, req.query.format);
  });

  // ── consultations held ──
  const consultationDetail = async (req: FastifyRequest, id: string) => {
    const actor = actorOf(req);
    return presentConsultation(db, actor, await loadConsultation(db, actor, id), today(), now());
  };
  r.get(paths.consultation, { config: { answers: { consultationDetail: answer.consultationDetail } }, schema: { params: idParams, tags, summary: '协商活动详情（参加人员、发言、成果、批示、落实）' } }, async (req) => consultationDetail(req, req.params.id));
  r.get(paths.item, { config: { answers: { consultationRecommendation: answer.consultationRecommendation } }, schema: { params: idParams, tags, summary: '协商建议所属的协商活动' } }, async (req) => {
    const [row] = await db.select().from(consultationRecommendations).where(eq(consultationRecommendations.id, req.params.id));
    const actor = actorOf(req);
    // a recommendation of a consultation the actor may not read is one that does not exist
    const [c] = row ? await db.select().from(consultations).where(eq(consultations.id, row.consultationId)) : [];
    if (!c || !can(consultationPolicy, 'read', actor, await consultationSubjectOf(db, c))) throw AppError.notFound('协商建议');
    return presentRecommendation(db, actor, row, c.title, today());
  });
  r.post(paths.schedule, { config: { answers: { consultationDetail: answer.consultationDetail } }, schema: { params: idParams, body: scheduleBody, tags, summary: '安排协商活动（经会议活动邀请委员）' } }, async (req) => {
    await scheduleConsultation(contextOf(req), { id: req.params.id, ...req.body });
    return consultationDetail(req, req.params.id);
  });
  r.post(paths.keyProposals, { config: { answers: { consultationDetail: answer.consultationDetail } }, schema: { params: idParams, body: keyProposalsBody, tags, summary: '选定提案办理协商所议的重点提案' } }, async (req) => {
    await setKeyProposals(contextOf(req), { id: req.params.id, ...req.body });
    return consultationDetail(req, req.params.id);
  });
  r.post(paths.participants, { config: { answers: { consultationDetail: answer.consultationDetail } }, schema: { params: idParams, body: participantBody, tags, summary: '邀请专家、群众代表、部门代表' } }, async (req) => {
    await addParticipant(contextOf(req), { id: req.params.id, ...req.body });
    return consultationDetail(req, req.params.id);
  });
  r.post(paths.checkIn, { config: { answers: { consultationDetail: answer.consultationDetail } }, schema: { params: participantParams, tags, summary: '参加人员签到' } }, async (req) => {
    await checkInParticipant(contextOf(req), { id: req.params.id, participantId: req.params.participantId });
    return consultationDetail(req, req.params.id);
  });
  r.post(paths.speeches, { config: { answers: { consultationDetail: answer.consultationDetail } }, schema: { params: idParams, body: speechBody, tags, summary: '记录发言或提交书面意见' } }, async (req) => {
    await recordSpeech(contextOf(req), { id: req.params.id, ...req.body });
    return consultationDetail(req, req.params.id);
  });
  r.post(paths.rating, { config: { answers: { consultationDetail: answer.consultationDetail } }, schema: { params: idParams, body: ratingBody, tags, summary: '协商质量评价（参加协商的委员）' } }, async (req) => {
    await rateConsultation(contextOf(req), { id: req.params.id, ...req.body });
    return consultationDetail(req, req.params.id);
  });
  r.post(paths.hold, { config: { answers: { consultationDetail: answer.consultationDetail } }, schema: { params: idParams, body: holdBody, tags, summary: '记录召开情况与纪要' } }, async (req) => {
    await holdConsultation(contextOf(req), { id: req.params.id, ...req.body });
    return consultationDetail(req, req.params.id);
  });
  r.post(paths.report, { config: { answers: { consultationDetail: answer.consultationDetail } }, schema: { params: idParams, body: reportBody, tags, summary: '报送协商成果' } }, async (req) => {
    await reportOutcome(contextOf(req), { id: req.params.id, ...req.body });
    return consultationDetail(req, req.params.id);
  });
  r.post(paths.assign, { config: { answers: { consultationDetail: answer.consultationDetail } }, schema: { params: idParams, body: assignBody, tags, summary: '协商建议交部门办理' } }, async (req) => {
    await assignRecommendations(contextOf(req), { id: req.params.id, ...req.body });
    return consultationDetail(req, req.params.id);
  });
  r.post(paths.instructions, { config: { answers: { consultationDetail: answer.consultationDetail } }, schema: { params: idParams, body: instructionBody, tags, summary: '记录领导批示' } }, async (req) => {
    await instructConsultation(contextOf(req), { id: req.params.id, ...req.body });
    return consultationDetail(req, req.params.id);
  });

}
