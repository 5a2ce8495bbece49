import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { portalHomeQuery, portalIdParams, portalListQuery, portalSearchQuery } from '../../../shared/portal/inputs.js';
import { portalPaths as paths } from '../../../shared/portal/paths.js';
import * as answer from '../../../shared/portal/responses.js';
import { portalHome, portalList, portalSearchResult } from '../../../shared/portal/responses.js';
import { portalCommittees, portalProposal, portalProposals } from './proposals.js';
import { publicSearch } from './search.js';
import { challengeQuery, portalTopicSubmission } from '../../../shared/requests/inputs.js';
import { challenge } from '../../../shared/requests/responses.js';
import { publicFormReceived } from '../../../shared/http/responses.js';
import { issueChallenge, admitPublicSubmission } from '../../platform/public-forms/guard.js';
import { chinaToday } from '../../platform/calendar/workdays.js';
import { suggestPublicTopic } from '../consultation/commands/topics.js';
import { checkCommittee } from '../../platform/tenancy/committee.js';

const tags = ['portal'];
/** Public and unauthenticated: answered to anyone, so limited per address like the login. */
const open = { public: true, rateLimit: { max: 120, timeWindow: '1 minute' } };

/** 公开门户: what committees publish for the public: a home of every module's published work, proposals with their replies, the public forms. */
export async function portalRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { database } = app.services;
  const now = () => app.services.now(); // read at each request: a test may move the clock after registration
  const { db } = database;

  r.get(paths.committees, { config: { ...open, answers: { portalCommittees: answer.portalCommittees } }, schema: { tags, summary: '公开门户：政协列表' } }, async () => ({ items: await portalCommittees(db) }));

  // each module's section of what it published (manifest `portal`)
  r.get(paths.home, { config: { ...open, answers: { portalHome } }, schema: { querystring: portalHomeQuery, tags, summary: '公开门户：政协首页（公开提案、协商计划、民生诉求办理、民主评议结果、委员工作室）' } }, async (req) => {
    const committee = await checkCommittee(database, req.query.committeeId);
    const today = chinaToday(now());
    return { committee, sections: await Promise.all(app.services.modules.portalSections.map((s) => s.load(db, committee.id, today))) };
  });

  const search = publicSearch(app.services.modules.publicSearch);
  r.get(paths.search, { config: { ...open, answers: { portalSearchResult } }, schema: { querystring: portalSearchQuery, tags, summary: '公开门户：搜索已公开的提案、新闻公告等' } }, async (req) => {
    await checkCommittee(database, req.query.committeeId);
    return search(db, req.query);
  });

  r.get(paths.proposals, { config: { ...open, answers: { portalList } }, schema: { querystring: portalListQuery, tags, summary: '公开门户：已公开的提案' } }, async (req) => portalProposals(db, req.query));

  r.get(paths.proposal, { config: { ...open, answers: { portalProposal: answer.portalProposal } }, schema: { params: portalIdParams, tags, summary: '公开门户：提案与答复' } }, async (req) => portalProposal(db, req.params.id));

  r.get(paths.challenge, { config: { public: true, rateLimit: { max: 30, timeWindow: '1 minute' }, answers: { challenge } }, schema: { querystring: challengeQuery, tags, summary: '公开门户：获取算术验证题（提交表单前）' } }, async (req) => {
    await checkCommittee(database, req.query.committeeId);
    return issueChallenge(db, req.query.committeeId, req.ip, now());
  });

  // 群众出题: held for the office's moderation queue; nothing of it is public until published
  r.post(paths.topics, { config: { public: true, rateLimit: { max: 20, timeWindow: '1 minute' }, answers: { publicFormReceived } }, schema: { body: portalTopicSubmission, tags, summary: '公开门户：群众出题（协商选题建议）' } }, async (req) => {
    const { challengeId, challengeAnswer, committeeId, ...draft } = req.body;
    await checkCommittee(database, committeeId);
    await admitPublicSubmission(db, { committeeId, form: 'topic', address: req.ip, challengeId, challengeAnswer, now: now() });
    await suggestPublicTopic(database, committeeId, draft, chinaToday(now()));
    return { message: '感谢您的建议！政协办公室审核后将纳入协商选题征集。' };
  });
}
