import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf, contextOf } from '../../../platform/http/context.js';
import { chinaToday } from '../../../platform/calendar/workdays.js';
import { publishYearBody, publishedTopicsQuery, topicIdParams, topicInput, topicListQuery, topicPatch, topicPaths as paths, topicVersion } from '../../../../shared/proposals/topics.js';
import { publishedTopics, topicDetail, topicList, topicsPublished } from '../../../../shared/proposals/topics.js';
import { createTopic, loadTopic, publishTopic, publishYear, updateTopic, withdrawTopic } from './commands.js';
import { listTopics, publishedTopicsFor, topicDetailOf } from './queries.js';
import type { ProposalTopic } from './policy.js';

const tags = ['proposals'];

/** 提案参考选题: the office writes and publishes the year's list; the proposal form reads the published topics. */
export async function proposalTopicRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database } = app.services;
  const { db } = database;
  const today = () => chinaToday(app.services.now());
  const detail = (req: FastifyRequest, t: ProposalTopic) => topicDetailOf(db, actorOf(req), t);

  r.get(paths.list, { config: { answers: { topicList } }, schema: { querystring: topicListQuery, tags, summary: '提案参考选题（提案委、领导）' } }, async (req) => listTopics(db, actorOf(req), req.query, today()));
  r.get(paths.published, { config: { answers: { publishedTopics } }, schema: { querystring: publishedTopicsQuery, tags, summary: '本年度已发布的参考选题（撰写提案时，按与内容的相似度排序）' } }, async (req) =>
    publishedTopicsFor(db, actorOf(req), req.query, today()));
  r.post(paths.list, { config: { answers: { topicDetail } }, schema: { body: topicInput, tags, summary: '拟定参考选题（草稿）' } }, async (req) => detail(req, await createTopic(contextOf(req), req.body)));
  r.post(paths.publishYear, { config: { answers: { topicsPublished } }, schema: { body: publishYearBody, tags, summary: '发布本年度提案参考选题' } }, async (req) => {
    const published = await publishYear(contextOf(req), req.body);
    return { published, list: await listTopics(db, actorOf(req), { year: req.body.year }, today()) };
  });
  r.get(paths.topic, { config: { answers: { topicDetail } }, schema: { params: topicIdParams, tags, summary: '参考选题及引用它的提案' } }, async (req) => detail(req, await loadTopic(db, actorOf(req), req.params.id)));
  r.patch(paths.topic, { config: { answers: { topicDetail } }, schema: { params: topicIdParams, body: topicPatch, tags, summary: '修改参考选题' } }, async (req) =>
    detail(req, await updateTopic(contextOf(req), { id: req.params.id, ...req.body })));
  r.post(paths.publish, { config: { answers: { topicDetail } }, schema: { params: topicIdParams, body: topicVersion, tags, summary: '发布参考选题' } }, async (req) =>
    detail(req, await publishTopic(contextOf(req), { id: req.params.id, ...req.body })));
  r.post(paths.withdraw, { config: { answers: { topicDetail } }, schema: { params: topicIdParams, body: topicVersion, tags, summary: '撤回参考选题' } }, async (req) =>
    detail(req, await withdrawTopic(contextOf(req), { id: req.params.id, ...req.body })));
}
