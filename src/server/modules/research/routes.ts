import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, eq } from 'drizzle-orm';
import { AppError } from '../../platform/errors.js';
import { actorOf, contextOf } from '../../platform/http/context.js';
import { parseInput } from '../../platform/http/validation.js';
import { can, committeeSubject } from '../../platform/policy/policy.js';
import { chinaToday } from '../../platform/calendar/workdays.js';
import { formatQuery, sendDocument } from '../../platform/documents/send.js';
import { sendAttachment, uploadedFile } from '../../platform/attachments/http.js';
import { presentAssignments, presentReplies } from '../../platform/handling/presenter.js';
import { contactActionsOf } from '../../platform/handling/contacts.js';
import { assignments, replies } from '../../platform/handling/schema.js';
import { loadCalendar } from '../../platform/calendar/store.js';
import { loadLookups } from '../org/lookups.js';
import { committeeOf } from '../opinions/committees.js';
import { members } from '../members/schema.js';
import { loadProposal } from '../proposals/load.js';
import { loadOpinion } from '../opinions/load.js';
import { loadSpeech } from '../meetings/queries.js';
import {
  assignBody, attachmentParams, convertBody, decideBody, idParams, instructionBody, leadBody, originQuery, planBody, reportActionBodies, reportActionParams, reportBody, topicDraft, topicQuery, visitBody, volunteerBody,
} from '../../../shared/research/inputs.js';
import { researchForms, researchSources, conversionKinds } from '../../../shared/research/labels.js';
import { researchPaths as paths } from '../../../shared/research/paths.js';
import * as answer from '../../../shared/research/responses.js';
import { getSettings } from '../../platform/settings/settings.js';
import { proposalSettings } from '../proposals/settings.js';
import { opinionSettings } from '../opinions/settings.js';
import { collectiveBodiesOf } from '../proposals/commands/draft-proposal.js';
import { topicCollectionPolicy, topicPolicy } from './policy.js';
import { loadTopic, topicSubjectOf } from './load.js';
import { presentRows, presentTopic } from './presenter.js';
import { listTopics, myTopics } from './queries.js';
import { reportLayout } from './document.js';
import { researchItemPort } from './port.js';
import { researchConversions, researchItems, researchMembers, researchTopics } from './schema.js';
import { researchSettings } from './settings.js';
import { createTopic, decideMember, setLead, updatePlan, volunteer } from './commands/topics.js';
import { scheduleVisit } from './commands/visits.js';
import { reportAction, reportFiles, saveReport } from './commands/report.js';
import { convertReport } from './commands/convert.js';
import { assignItems, instructReport } from './commands/follow-up.js';

const tags = ['research'];
const options = (labels: Record<string, string>) => Object.entries(labels).map(([key, label]) => ({ key, label }));

/** 调研视察: topics, groups, visits, the report through its reviews, its conversions and follow-up. */
export async function researchRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database } = app.services;
  const now = () => app.services.now(); // read at each request: a test may move the clock after registration
  const { db } = database;
  const today = () => chinaToday(now());
  const thisYear = () => Number(today().slice(0, 4));
  const detail = async (req: FastifyRequest, id: string) => {
    const actor = actorOf(req);
    return presentTopic(db, actor, await loadTopic(db, actor, id), today());
  };

  r.get(paths.options, { config: { answers: { researchOptions: answer.researchOptions } }, schema: { tags, summary: '调研视察的选项（来源、形式、专委会、部门、类别）' } }, async (req) => {
    const actor = actorOf(req);
    const lookups = await loadLookups(db, actor.committeeId);
    const list = (l: { byId: Map<string, string> }) => [...l.byId].map(([id, name]) => ({ id, name }));
    const bodies = await collectiveBodiesOf(db, actor);
    return {
      sources: options(researchSources), forms: options(researchForms), conversionKinds: options(conversionKinds),
      specialCommittees: list(lookups['special-committees']), units: list(lookups.units), year: thisYear(),
      proposalCategories: (await getSettings(db, proposalSettings, actor.committeeId, thisYear())).categories,
      opinionCategories: (await getSettings(db, opinionSettings, actor.committeeId, thisYear())).categories,
      collectiveBodies: bodies === 'any' ? list(lookups['special-committees']).map((c) => c.name) : bodies,
      maxGroupMembers: (await getSettings(db, researchSettings, actor.committeeId, thisYear())).maxGroupMembers,
    };
  });

  r.get(paths.topics, { config: { answers: { researchTopicList: answer.topicList } }, schema: { querystring: topicQuery, tags, summary: '调研课题列表' } }, async (req) => {
    const actor = actorOf(req);
    const { year = thisYear(), status, form } = req.query;
    const rows = await listTopics(db, actor, year, { status, form });
    return { items: await presentRows(db, actor, rows, today()), actions: can(topicCollectionPolicy, 'create', actor, committeeSubject(actor)) ? ['create'] : [] };
  });
  r.post(paths.topics, { config: { answers: { researchTopic: answer.topicDetail } }, schema: { body: topicDraft, tags, summary: '新建调研课题' } }, async (req) => {
    const t = await createTopic(contextOf(req), req.body);
    return detail(req, t.id);
  });
  r.get(paths.mine, { config: { answers: { researchMine: answer.mine } }, schema: { tags, summary: '我的调研：可报名的课题与我参加的调研组' } }, async (req) => {
    const actor = actorOf(req);
    const { open, groups } = await myTopics(db, actor, thisYear());
    return { open: await presentRows(db, actor, open, today()), groups: await presentRows(db, actor, groups, today()) };
  });
  r.get(paths.topic, { config: { answers: { researchTopic: answer.topicDetail } }, schema: { params: idParams, tags, summary: '调研课题详情（调研组、方案、实地调研、报告、转化、落实）' } }, async (req) => detail(req, req.params.id));
  r.patch(paths.plan, { config: { answers: { researchTopic: answer.topicDetail } }, schema: { params: idParams, body: planBody, tags, summary: '修改调研方案' } }, async (req) => {
    await updatePlan(contextOf(req), { id: req.params.id, ...req.body });
    return detail(req, req.params.id);
  });
  r.post(paths.volunteer, { config: { answers: { researchTopic: answer.topicDetail } }, schema: { params: idParams, body: volunteerBody, tags, summary: '委员报名参加调研组' } }, async (req) => {
    await volunteer(contextOf(req), { id: req.params.id, ...req.body });
    return detail(req, req.params.id);
  });
  r.post(paths.decide, { config: { answers: { researchTopic: answer.topicDetail } }, schema: { params: idParams, body: decideBody, tags, summary: '确认或不确认调研组成员' } }, async (req) => {
    await decideMember(contextOf(req), { id: req.params.id, ...req.body });
    return detail(req, req.params.id);
  });
  r.post(paths.lead, { config: { answers: { researchTopic: answer.topicDetail } }, schema: { params: idParams, body: leadBody, tags, summary: '确定组长' } }, async (req) => {
    await setLead(contextOf(req), { id: req.params.id, ...req.body });
    return detail(req, req.params.id);
  });
  r.post(paths.visits, { config: { answers: { researchTopic: answer.topicDetail } }, schema: { params: idParams, body: visitBody, tags, summary: '安排实地调研视察（经会议活动邀请调研组）' } }, async (req) => {
    await scheduleVisit(contextOf(req), { id: req.params.id, ...req.body });
    return detail(req, req.params.id);
  });

  // ── the report ──
  r.patch(paths.report, { config: { answers: { researchTopic: answer.topicDetail } }, schema: { params: idParams, body: reportBody, tags, summary: '撰写调研报告' } }, async (req) => {
    await saveReport(contextOf(req), { id: req.params.id, ...req.body });
    return detail(req, req.params.id);
  });
  r.post(paths.reportAction, { config: { answers: { researchTopic: answer.topicDetail } }, schema: { params: reportActionParams, tags, summary: '提交审核、专委会审核、办公室审核、退回修改' } }, async (req) => {
    const { id, action } = req.params;
    await reportAction(contextOf(req), { id, action, input: parseInput(reportActionBodies[action], req.body) as any });
    return detail(req, id);
  });
  r.get(paths.document, { config: { answers: 'document' }, schema: { params: idParams, querystring: formatQuery, tags, summary: '下载调研报告 (.docx，?format=pdf 为 PDF)' } }, async (req, reply) => {
    const actor = actorOf(req);
    const t = await loadTopic(db, actor, req.params.id);
    const committee = await committeeOf(db, actor.committeeId);
    const group = await db.select({ name: members.name, role: researchMembers.role }).from(researchMembers).innerJoin(members, eq(members.id, researchMembers.memberId)).where(and(eq(researchMembers.topicId, t.id), eq(researchMembers.state, 'confirmed')));
    const lead = group.filter((g) => g.role === 'lead').map((g) => g.name);
    const groupText = `${t.title}调研组（${[...lead.map((n) => `组长：${n}`), `成员：${group.filter((g) => g.role !== 'lead').map((g) => g.name).join('、') || '—'}`].join('；')}）`;
    const title = t.reportTitle || `关于${t.title}的调研报告`;
    return sendDocument(reply, reportLayout({ committeeName: committee.name, title, groupText, background: t.background, problems: t.problems, suggestions: t.suggestions, finalizedOn: t.finalizedOn }), req.query.format ?? 'docx', title, 'research-report');
  });
  r.post(paths.attachments, { config: { answers: { researchTopic: answer.topicDetail } }, schema: { params: idParams, tags, summary: '上传报告附件（起草中）', consumes: ['multipart/form-data'] } }, async (req) => {
    await reportFiles.attach(contextOf(req), { id: req.params.id, file: await uploadedFile(req) });
    return detail(req, req.params.id);
  });
  r.get(paths.attachment, { config: { answers: 'file' }, schema: { params: attachmentParams, tags, summary: '下载报告附件' } }, async (req, reply) => {
    return sendAttachment(reply, await reportFiles.file(db, actorOf(req), req.params.id, req.params.attachmentId));
  });
  r.post(paths.removeAttachment, { config: { answers: { researchTopic: answer.topicDetail } }, schema: { params: attachmentParams, tags, summary: '删除报告附件（起草中）' } }, async (req) => {
    await reportFiles.remove(contextOf(req), { id: req.params.id, attachmentId: req.params.attachmentId });
    return detail(req, req.params.id);
  });

  // ── conversion and follow-up ──
  r.post(paths.convert, { config: { answers: { researchTopic: answer.topicDetail } }, schema: { params: idParams, body: convertBody, tags, summary: '成果转化：转为提案、社情民意信息、大会发言或直通车' } }, async (req) => {
    await convertReport(contextOf(req), { id: req.params.id, ...req.body });
    return detail(req, req.params.id);
  });
  r.post(paths.instructions, { config: { answers: { researchTopic: answer.topicDetail } }, schema: { params: idParams, body: instructionBody, tags, summary: '记录领导批示' } }, async (req) => {
    await instructReport(contextOf(req), { id: req.params.id, ...req.body });
    return detail(req, req.params.id);
  });
  r.post(paths.assign, { config: { answers: { researchTopic: answer.topicDetail } }, schema: { params: idParams, body: assignBody, tags, summary: '调研建议交部门落实' } }, async (req) => {
    await assignItems(contextOf(req), { id: req.params.id, ...req.body });
    return detail(req, req.params.id);
  });
  r.get(paths.item, { config: { answers: { researchItem: answer.researchItem } }, schema: { params: idParams, tags, summary: '调研建议（交部门落实的事项）及所属课题' } }, async (req) => {
    const actor = actorOf(req);
    const [row] = await db.select().from(researchItems).where(eq(researchItems.id, req.params.id));
    // an item of a topic the actor may not read is one that does not exist
    const [t] = row ? await db.select().from(researchTopics).where(eq(researchTopics.id, row.topicId)) : [];
    if (!t || t.committeeId !== actor.committeeId || !can(topicPolicy, 'read', actor, await topicSubjectOf(db, t))) throw AppError.notFound('调研建议');
    const [live, rs, lookups] = await Promise.all([
      db.select().from(assignments).where(and(eq(assignments.subjectType, 'researchItem'), eq(assignments.subjectId, row.id))),
      db.select().from(replies).where(and(eq(replies.subjectType, 'researchItem'), eq(replies.subjectId, row.id))),
      loadLookups(db, row.committeeId),
    ]);
    const unitName = (id: string | null) => (id ? lookups.units.byId.get(id) ?? '' : '');
    return {
      id: row.id, version: row.version, status: row.handlingStatus, actions: await contactActionsOf(db, actor, researchItemPort.type, row.id), handlingRound: row.handlingRound, topicId: row.topicId, text: row.text,
      assignments: presentAssignments(actor, researchItemPort, live, unitName, { today: today(), calendar: await loadCalendar(db) }, row.handlingStatus === 'handling'),
      replies: presentReplies(actor, rs, unitName),
    };
  });
  r.get(paths.origin, { config: { answers: { researchOrigin: answer.origin } }, schema: { querystring: originQuery, tags, summary: '提案、社情民意信息或大会发言来自哪篇调研报告' } }, async (req) => {
    const actor = actorOf(req);
    const { type, id } = req.query;
    // only for a record the viewer may read (the loaders answer 404 otherwise)
    if (type === 'proposal') await loadProposal(db, actor, id);
    else if (type === 'speech') await loadSpeech(db, actor, id);
    else await loadOpinion(db, actor, id);
    const [c] = await db.select().from(researchConversions).where(and(eq(researchConversions.targetType, type), eq(researchConversions.targetId, id)));
    const [t] = c ? await db.select().from(researchTopics).where(eq(researchTopics.id, c.topicId)) : [];
    const readable = t && can(topicPolicy, 'read', actor, await topicSubjectOf(db, t));
    return { topicId: readable ? t.id : null, reportTitle: readable ? t.reportTitle || t.title : null };
  });
}
