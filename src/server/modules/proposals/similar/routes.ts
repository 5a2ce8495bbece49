import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../../platform/errors.js';
import { actorOf } from '../../../platform/http/context.js';
import { hasRole } from '../../../platform/auth/actor.js';
import { isProposalStaff } from '../policy.js';
import { loadProposal } from '../load.js';
import { ProposalFinder } from './finder.js';
import { sameIssueGroups } from './groups.js';
import { similarProposals, suggestUnits } from './suggestions.js';

const tags = ['proposals'];

/**
 * 相似提案: while writing, while reviewing (groups to merge) and while assigning (likely units).
 * GET /api/proposals/similar is a stable interface: [{ id, number, title, score }] best first.
 */
export async function similarRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.services.database;
  const finder = new ProposalFinder();

  r.get(
    '/api/proposals/similar',
    {
      schema: {
        querystring: z.object({
          text: z.string().trim().min(2).max(20000).describe('标题或正文'),
          limit: z.coerce.number().int().min(1).max(50).default(10).describe('条数'),
          exclude: z.uuid().optional().describe('排除的提案'),
        }),
        tags,
        summary: '相似提案（本届与往年）',
      },
    },
    async (req) => {
      const actor = actorOf(req);
      if (!hasRole(actor, 'staff', 'admin', 'member', 'leader')) throw AppError.forbidden('只有委员和工作人员可以查询相似提案');
      return similarProposals(db, finder, actor, req.query.text, req.query.limit, req.query.exclude);
    },
  );

  r.get('/api/proposals/similar-groups', { schema: { querystring: z.object({ sessionId: z.uuid().optional().describe('会议') }), tags, summary: '审查队列中反映同一问题的提案组' } }, async (req) => {
    const actor = actorOf(req);
    if (!isProposalStaff(actor)) throw AppError.forbidden('只有提案委工作人员可以查看');
    return { groups: await sameIssueGroups(db, finder, actor, req.query.sessionId) };
  });

  r.get('/api/proposals/:id/unit-suggestions', { schema: { params: z.object({ id: z.uuid().describe('提案编号') }), tags, summary: '建议承办单位' } }, async (req) => {
    const actor = actorOf(req);
    // a proposal the actor may not read is not found, for every role alike; one they may read is refused by role
    const proposal = await loadProposal(db, actor, req.params.id);
    if (!isProposalStaff(actor)) throw AppError.forbidden('只有提案委工作人员可以查看');
    return { suggestions: await suggestUnits(db, finder, actor, proposal) };
  });
}
