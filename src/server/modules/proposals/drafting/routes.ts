import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { proposalPaths } from '../../../../shared/proposals/paths.js';
import { draftAdvice as draftAdviceAnswer, reviewAdvice as reviewAdviceAnswer } from '../../../../shared/proposals/drafting.js';
import type { Presented } from '../../../../shared/http/responses.js';
import { hasRole } from '../../../platform/auth/actor.js';
import { chinaToday } from '../../../platform/calendar/workdays.js';
import { AppError } from '../../../platform/errors.js';
import { actorOf } from '../../../platform/http/context.js';
import { loadProposal } from '../load.js';
import type { ProposalFinder } from '../similar/finder.js';
import { draftAdvice, reviewAdvice, type Author } from './service.js';

const text = (label: string, max = 20000) => z.string().trim().max(max).default('').describe(label);

/** A draft as the form holds it, saved or not. */
export const draftText = z.object({
  title: text('案由（标题）', 100),
  background: text('情况'),
  analysis: text('分析'),
  suggestions: text('建议'),
  category: z.string().trim().max(20).optional().describe('类别'),
  collectiveBody: z.string().trim().max(60).nullish().describe('集体提案单位'),
  excludeId: z.uuid().optional().describe('正在修改的提案'),
});

const tags = ['proposals'];
const mayAsk = (actor: Parameters<typeof hasRole>[0]) => hasRole(actor, 'staff', 'admin', 'member', 'leader');

/**
 * 撰写辅助: advice on a draft while it is written (POST, the text is not stored) and on a submitted
 * proposal for its reviewers (GET, with why similar proposals were not filed). Never a block.
 */
export async function draftingRoutes(app: FastifyInstance, finder: ProposalFinder) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.services.database;
  const today = () => chinaToday(app.services.now());

  r.post(proposalPaths.draftingAdvice, { config: { answers: { draftAdvice: draftAdviceAnswer } }, schema: { body: draftText, tags, summary: '提交前检查（撰写辅助）' } }, async (req): Promise<Presented<typeof draftAdviceAnswer>> => {
    const actor = actorOf(req);
    if (!mayAsk(actor)) throw AppError.forbidden('只有委员和工作人员可以使用撰写辅助');
    const { excludeId, collectiveBody, ...draft } = req.body;
    const author: Author | null = collectiveBody ? { collectiveBody } : actor.memberId ? { memberId: actor.memberId } : null;
    return draftAdvice(db, actor, draft, author, today(), excludeId);
  });

  r.get(proposalPaths.advice, { config: { answers: { reviewAdvice: reviewAdviceAnswer } }, schema: { params: z.object({ id: z.uuid().describe('提案编号') }), tags, summary: '提案审查辅助：检查结果与相似提案的不予立案理由' } }, async (req): Promise<Presented<typeof reviewAdviceAnswer>> => {
    const actor = actorOf(req);
    // a proposal the actor may not read is not found, whatever the role; one they may read is refused by role
    const p = await loadProposal(db, actor, req.params.id);
    if (!mayAsk(actor)) throw AppError.forbidden('只有委员和工作人员可以使用撰写辅助');
    return reviewAdvice(db, finder, actor, p, today());
  });
}
