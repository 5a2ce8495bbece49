import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams, sessionQuery, similarQuery } from '../../../../shared/proposals/inputs.js';
import { proposalPaths as paths } from '../../../../shared/proposals/paths.js';
import * as answer from '../../../../shared/proposals/responses.js';
import { AppError } from '../../../platform/errors.js';
import { actorOf } from '../../../platform/http/context.js';
import { hasRole } from '../../../platform/auth/actor.js';
import { isProposalStaff } from '../policy.js';
import { loadProposal } from '../load.js';
import { proposalFinderFor } from './finder.js';
import { sameIssueGroups } from './groups.js';
import { similarProposals, suggestUnits } from './suggestions.js';
import { draftingRoutes } from '../drafting/routes.js';
import { chinaToday } from '../../../platform/calendar/workdays.js';

const tags = ['proposals'];

/**
 * 相似提案: while writing, while reviewing (groups to merge) and while assigning (likely units).
 * GET /api/proposals/similar is a stable interface: [{ id, number, title, score, rank, year, historical, committee, … }]
 * best first; `score` is the estimated probability of the same issue (calibration.ts), as on 社情民意;
 * only proposals the viewer may read, each with how it ended (`outcome`, drafting/outcomes.ts).
 */
export async function similarRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.services.database;
  const finder = proposalFinderFor(db);

  r.get(
    paths.similar,
    {
      config: { answers: { similarProposals: answer.similarProposals } }, schema: {
        querystring: similarQuery,
        tags,
        summary: '相似提案（本届与往年）',
      },
    },
    async (req) => {
      const actor = actorOf(req);
      if (!hasRole(actor, 'staff', 'admin', 'member', 'leader')) throw AppError.forbidden('只有委员和工作人员可以查询相似提案');
      const { text, title, category } = req.query;
      // with a title given, `text` is the body: the title is matched against titles too
      return similarProposals(db, finder, actor, title ? { title, body: text, category } : text, req.query.limit, chinaToday(app.services.now()), req.query.exclude);
    },
  );

  r.get(paths.similarGroups, { config: { answers: { sameIssueGroups: answer.sameIssueGroups } }, schema: { querystring: sessionQuery, tags, summary: '审查队列中反映同一问题的提案组' } }, async (req) => {
    const actor = actorOf(req);
    if (!isProposalStaff(actor)) throw AppError.forbidden('只有提案委工作人员可以查看');
    return { groups: await sameIssueGroups(db, finder, actor, req.query.sessionId) };
  });

  r.get(paths.unitSuggestions, { config: { answers: { unitSuggestions: answer.unitSuggestions } }, schema: { params: idParams, tags, summary: '建议承办单位' } }, async (req) => {
    const actor = actorOf(req);
    // a proposal the actor may not read is not found, for every role alike; one they may read is refused by role
    const proposal = await loadProposal(db, actor, req.params.id);
    if (!isProposalStaff(actor)) throw AppError.forbidden('只有提案委工作人员可以查看');
    return { suggestions: await suggestUnits(db, finder, actor, proposal) };
  });

  // the drafting help shares this finder (one index per process)
  await draftingRoutes(app, finder);
}
