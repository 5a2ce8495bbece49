import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { and, asc, desc, eq } from 'drizzle-orm';
import { actorOf, contextOf } from '../../platform/http/context.js';
import { parseInput } from '../../platform/http/validation.js';
import { authorize, can, committeeSubject } from '../../platform/policy/policy.js';
import { getSettings } from '../../platform/settings/settings.js';
import { chinaToday } from '../../platform/calendar/workdays.js';
import { ratingLabels } from '../../../shared/handling/labels.js';
import {
  activityBody, assignBody, followUpBody, groupInput, groupPatch, idParams, rateBody, suggestionActionBodies, suggestionActionParams, suggestionDraft, suggestionPatch,
  registerQuery, suggestionQuery, supervisorInput, supervisorPatch, topicInput, yearQuery,
} from '../../../shared/supervision/inputs.js';
import { suggestionStates, topicSources } from '../../../shared/supervision/labels.js';
import { supervisionPaths as paths } from '../../../shared/supervision/paths.js';
import {
  frequentTopics as frequentAnswer, specialSupervisor, specialSupervisorList, suggestionDetail, suggestionList, supervisionGroup, supervisionGroupList, supervisionOptions,
  supervisionStats, supervisionTopic, supervisionTopicList,
} from '../../../shared/supervision/responses.js';
import { AppError } from '../../platform/errors.js';
import { proposalFinderFor } from '../proposals/similar/finder.js';
import { createGroup, createSupervisor, updateGroup, updateSupervisor } from './commands/groups.js';
import { createTopic } from './commands/topics.js';
import { scheduleGroupActivity } from './commands/activities.js';
import { addFollowUp, assignSuggestion, createSuggestion, decideSuggestion, rateSuggestion, updateSuggestion } from './commands/suggestions.js';
import { frequentTopics } from './frequent.js';
import { loadGroup, loadSuggestion, withMembers } from './load.js';
import { groupCollectionPolicy, groupPolicy, suggestionCollectionPolicy, supervisorCollectionPolicy, topicCollectionPolicy, topicPolicy } from './policy.js';
import { presentGroups, presentSuggestion, presentSuggestions, presentSupervisor, presentTopics } from './presenter.js';
import { listSuggestions } from './queries.js';
import { specialSupervisors, supervisionGroups, supervisionTopics } from './schema.js';
import { supervisionSettings } from './settings.js';
import { suggestionStats } from './stats.js';
import { registerWorkbook } from './register.js';
import { replyLetter, suggestionLetter } from './document.js';
import { replyFacts, suggestionFacts } from './document-facts.js';
import { contentDisposition } from '../../../shared/http/content-disposition.js';
import { formatQuery, sendDocument } from '../../platform/documents/send.js';

const tags = ['supervision'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const documentQuery = formatQuery.extend({ replyId: z.uuid().optional().describe('单位反馈') });

/** 民主监督: groups, special supervisors, topics (and the frequent proposal topics), suggestions. */
export async function supervisionRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database } = app.services;
  // read the clock on each request (tests move it)
  const now = () => app.services.now();
  const { db } = database;
  const today = () => chinaToday(now());
  const thisYear = () => Number(today().slice(0, 4));
  const finder = proposalFinderFor(db);
  const detail = async (req: FastifyRequest, id: string) => {
    const actor = actorOf(req);
    return presentSuggestion(db, actor, await loadSuggestion(db, actor, id), today());
  };
  const groupDetail = async (req: FastifyRequest, id: string) => {
    const actor = actorOf(req);
    return (await presentGroups(db, actor, [await loadGroup(db, actor, id)]))[0];
  };
  const here = (req: FastifyRequest) => committeeSubject(actorOf(req));

  r.get(paths.options, { config: { answers: { supervisionOptions } }, schema: { tags, summary: '民主监督表单选项（反馈类别、议题来源、状态）' } }, async (req) => {
    const actor = actorOf(req);
    const s = await getSettings(db, supervisionSettings, actor.committeeId, thisYear());
    return { answerClasses: s.answerClasses, replyPeriod: s.replyPeriod, topicSources, suggestionStates, ratingLabels };
  });

  // ── groups ──
  r.get(paths.groups, { config: { answers: { supervisionGroupList } }, schema: { tags, summary: '民主监督小组' } }, async (req) => {
    const actor = actorOf(req);
    const rows = await withMembers(db, await db.select().from(supervisionGroups).where(eq(supervisionGroups.committeeId, actor.committeeId)).orderBy(asc(supervisionGroups.name)));
    const mine = rows.filter((g) => can(groupPolicy, 'read', actor, g));
    return { items: await presentGroups(db, actor, mine), actions: can(groupCollectionPolicy, 'create', actor, here(req)) ? ['create'] : [] };
  });
  r.post(paths.groups, { config: { answers: { supervisionGroup } }, schema: { body: groupInput, tags, summary: '新建民主监督小组' } }, async (req) => {
    const g = await createGroup(contextOf(req), req.body);
    return groupDetail(req, g.id);
  });
  r.get(paths.group, { config: { answers: { supervisionGroup } }, schema: { params: idParams, tags, summary: '民主监督小组详情' } }, async (req) => groupDetail(req, req.params.id));
  r.patch(paths.group, { config: { answers: { supervisionGroup } }, schema: { params: idParams, body: groupPatch, tags, summary: '修改民主监督小组' } }, async (req) => {
    await updateGroup(contextOf(req), { id: req.params.id, ...req.body });
    return groupDetail(req, req.params.id);
  });

  r.post(paths.groupActivities, { config: { answers: { supervisionGroup } }, schema: { params: idParams, body: activityBody, tags, summary: '安排监督活动（视察、调研、座谈，经会议活动邀请小组成员）' } }, async (req) => {
    await scheduleGroupActivity(contextOf(req), { groupId: req.params.id, ...req.body });
    return groupDetail(req, req.params.id);
  });

  // ── special supervisors ──
  r.get(paths.supervisors, { config: { answers: { specialSupervisorList } }, schema: { tags, summary: '特约监督员' } }, async (req) => {
    const actor = actorOf(req);
    authorize(supervisorCollectionPolicy, 'read', actor, here(req));
    const rows = await db.select().from(specialSupervisors).where(eq(specialSupervisors.committeeId, actor.committeeId)).orderBy(asc(specialSupervisors.name));
    return { items: rows.map(presentSupervisor), actions: can(supervisorCollectionPolicy, 'create', actor, here(req)) ? ['create', 'update'] : [] };
  });
  r.post(paths.supervisors, { config: { answers: { specialSupervisor } }, schema: { body: supervisorInput, tags, summary: '新增特约监督员' } }, async (req) => presentSupervisor(await createSupervisor(contextOf(req), req.body)));
  r.patch(paths.supervisor, { config: { answers: { specialSupervisor } }, schema: { params: idParams, body: supervisorPatch, tags, summary: '修改特约监督员' } }, async (req) => presentSupervisor(await updateSupervisor(contextOf(req), { id: req.params.id, ...req.body })));

  // ── topics ──
  r.get(paths.topics, { config: { answers: { supervisionTopicList } }, schema: { querystring: yearQuery, tags, summary: '监督议题' } }, async (req) => {
    const actor = actorOf(req);
    authorize(topicCollectionPolicy, 'read', actor, here(req));
    const where = req.query.year ? and(eq(supervisionTopics.committeeId, actor.committeeId), eq(supervisionTopics.year, req.query.year)) : eq(supervisionTopics.committeeId, actor.committeeId);
    const rows = await db.select().from(supervisionTopics).where(where).orderBy(desc(supervisionTopics.year), asc(supervisionTopics.createdAt));
    return { items: await presentTopics(db, actor, rows), actions: (['create', 'frequent'] as const).filter((a) => can(topicCollectionPolicy, a, actor, here(req))) };
  });
  r.post(paths.topics, { config: { answers: { supervisionTopic } }, schema: { body: topicInput, tags, summary: '新建监督议题' } }, async (req) => {
    const t = await createTopic(contextOf(req), req.body);
    return (await presentTopics(db, actorOf(req), [t]))[0];
  });
  r.get(paths.frequentTopics, { config: { answers: { frequentTopics: frequentAnswer } }, schema: { querystring: yearQuery, tags, summary: '本年度高频提案议题（按类别、按相似问题）' } }, async (req) => {
    const actor = actorOf(req);
    authorize(topicCollectionPolicy, 'frequent', actor, here(req));
    const year = req.query.year ?? thisYear();
    const s = await getSettings(db, supervisionSettings, actor.committeeId, year);
    return frequentTopics(db, finder, actor, year, s.frequentTopics);
  });
  r.get(paths.topic, { config: { answers: { supervisionTopic } }, schema: { params: idParams, tags, summary: '监督议题详情' } }, async (req) => {
    const actor = actorOf(req);
    const [t] = await db.select().from(supervisionTopics).where(eq(supervisionTopics.id, req.params.id));
    if (!t) throw AppError.notFound('监督议题');
    authorize(topicPolicy, 'read', actor, t);
    return (await presentTopics(db, actorOf(req), [t]))[0];
  });

  // ── suggestions ──
  r.get(paths.suggestions, { config: { answers: { suggestionList } }, schema: { querystring: suggestionQuery, tags, summary: '监督建议列表' } }, async (req) => {
    const actor = actorOf(req);
    const rows = await listSuggestions(db, actor, req.query, today());
    return { items: await presentSuggestions(db, actor, rows, today()), total: rows.length, actions: (['create', 'stats'] as const).filter((a) => can(suggestionCollectionPolicy, a, actor, committeeSubject(actor))) };
  });
  r.post(paths.suggestions, { config: { answers: { suggestionDetail } }, schema: { body: suggestionDraft, tags, summary: '起草监督建议' } }, async (req) => {
    const s = await createSuggestion(contextOf(req), req.body);
    return detail(req, s.id);
  });
  r.get(paths.stats, { config: { answers: { supervisionStats } }, schema: { querystring: yearQuery, tags, summary: '监督建议统计（按单位、按状态，10个工作日内反馈率）' } }, async (req) => {
    const actor = actorOf(req);
    authorize(suggestionCollectionPolicy, 'stats', actor, committeeSubject(actor));
    return suggestionStats(db, actor.committeeId, req.query.year ?? thisYear(), today());
  });
  r.get(paths.register, { config: { answers: 'xlsx' }, schema: { querystring: registerQuery, tags, summary: '导出民主监督台账 (.xlsx：议题、建议、单位、期限、反馈、评价)' } }, async (req, reply) => {
    const actor = actorOf(req);
    authorize(suggestionCollectionPolicy, 'stats', actor, committeeSubject(actor));
    const year = req.query.year ?? thisYear();
    return reply.header('content-type', XLSX).header('content-disposition', contentDisposition(`${year}年度民主监督台账.xlsx`, `supervision-register-${year}`)).send(await registerWorkbook(db, actor, year, today()));
  });
  r.get(paths.document, { config: { answers: 'document' }, schema: { params: idParams, querystring: documentQuery, tags, summary: '下载监督建议书或单位书面反馈 (.docx，?format=pdf 为 PDF)' } }, async (req, reply) => {
    const actor = actorOf(req);
    const loaded = await suggestionFacts(db, actor, req.params.id);
    const doc = req.query.replyId ? replyLetter(loaded.facts, await replyFacts(db, actor, loaded, req.query.replyId)) : suggestionLetter(loaded.facts);
    return sendDocument(reply, doc, req.query.format ?? 'docx', doc.title, req.query.replyId ? 'supervision-reply' : 'supervision-suggestion');
  });
  r.get(paths.detail, { config: { answers: { suggestionDetail } }, schema: { params: idParams, tags, summary: '监督建议详情' } }, async (req) => detail(req, req.params.id));
  r.patch(paths.detail, { config: { answers: { suggestionDetail } }, schema: { params: idParams, body: suggestionPatch, tags, summary: '修改监督建议' } }, async (req) => {
    await updateSuggestion(contextOf(req), { id: req.params.id, ...req.body });
    return detail(req, req.params.id);
  });
  r.post(paths.action, { config: { answers: { suggestionDetail } }, schema: { params: suggestionActionParams, tags, summary: '报送审核、退回修改、审核签发、标记办结' } }, async (req) => {
    const { id, action } = req.params;
    const input = parseInput(suggestionActionBodies[action], req.body);
    await decideSuggestion(contextOf(req), { id, action, input: input as never });
    return detail(req, id);
  });
  r.post(paths.assign, { config: { answers: { suggestionDetail } }, schema: { params: idParams, body: assignBody, tags, summary: '发送被监督单位' } }, async (req) => {
    await assignSuggestion(contextOf(req), { id: req.params.id, version: req.body.version, assignments: req.body.assignments });
    return detail(req, req.params.id);
  });
  r.post(paths.rate, { config: { answers: { suggestionDetail } }, schema: { params: idParams, body: rateBody, tags, summary: '监督小组评价单位答复' } }, async (req) => {
    await rateSuggestion(contextOf(req), { id: req.params.id, ...req.body });
    return detail(req, req.params.id);
  });
  r.post(paths.followUps, { config: { answers: { suggestionDetail } }, schema: { params: idParams, body: followUpBody, tags, summary: '记录跟踪落实情况' } }, async (req) => {
    await addFollowUp(contextOf(req), { id: req.params.id, ...req.body });
    return detail(req, req.params.id);
  });
}
