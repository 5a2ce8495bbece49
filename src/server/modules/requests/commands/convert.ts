import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { CommandContext } from '../../../platform/commands/context.js';
import { audit } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/errors.js';
import type { UnitOfWork } from '../../../platform/jobs/after-commit.js';
import { authorize } from '../../../platform/policy/policy.js';
import { getSettings } from '../../../platform/settings/settings.js';
import { createProposal } from '../../proposals/commands/draft-proposal.js';
import { proposalSettings } from '../../proposals/settings.js';
import { createOpinion } from '../../opinions/commands/draft-opinion.js';
import { opinionSettings } from '../../opinions/settings.js';
import type { convertInput } from '../../../../shared/requests/inputs.js';
import { loadRequest } from '../load.js';
import { requestPolicy } from '../policy.js';
import { livelihoodRequestNotes, livelihoodRequests } from '../schema.js';


const pickCategory = (wanted: string, allowed: string[], fallback: string) => (allowed.includes(wanted) ? wanted : allowed.includes(fallback) ? fallback : allowed[0]);

/**
 * 转化: the member in charge turns a request into their own proposal draft or opinion report with
 * one action, through the proposal's and the report's own create commands. The request keeps the
 * new record's id, written in the same transaction as the record with its audit row, and the
 * version check keeps two conversions from both happening; the new record's page links back.
 */
export async function convertRequest(ctx: CommandContext, { id, ...c }: { id: string } & z.output<typeof convertInput>) {
  const { database, actor, today } = ctx;
  const r = await loadRequest(database.db, actor, id);
  authorize(requestPolicy, 'convert', actor, r);
  if (r.version !== c.version) throw AppError.versionConflict();
  const notes = await database.db.select().from(livelihoodRequestNotes).where(eq(livelihoodRequestNotes.requestId, r.id));
  const handled = notes.map((n) => `${n.day} ${n.body}`).join('\n');
  const year = Number(today.slice(0, 4));
  const link = async (into: 'proposal' | 'opinion', recordId: string, { tx }: UnitOfWork) => {
    const [updated] = await tx
      .update(livelihoodRequests)
      .set({ [into === 'proposal' ? 'proposalId' : 'opinionId']: recordId, version: r.version + 1, updatedAt: new Date() })
      .where(and(eq(livelihoodRequests.id, r.id), eq(livelihoodRequests.version, r.version)))
      .returning();
    if (!updated) throw AppError.versionConflict();
    await audit(tx, actor, { action: into === 'proposal' ? 'livelihoodRequest.toProposal' : 'livelihoodRequest.toOpinion', subjectType: 'livelihoodRequest', subjectId: r.id, after: { [`${into}Id`]: recordId }, note: c.title });
  };
  const source = `群众反映（${r.place}，${r.receivedOn}）：${r.body}`;
  if (c.into === 'proposal') {
    const { categories } = await getSettings(database.db, proposalSettings, actor.committeeId, year);
    const p = await createProposal(database, actor, {
      title: c.title, authorType: 'individual', category: pickCategory(r.category, categories, '社会事业'),
      background: source, analysis: handled ? `委员了解和办理情况：\n${handled}` : '', suggestions: r.outcome ?? '',
    }, today, (p, uow) => link('proposal', p.id, uow));
    return { into: 'proposal' as const, id: p.id };
  }
  const { categories } = await getSettings(database.db, opinionSettings, actor.committeeId, year);
  const o = await createOpinion(database, actor, {
    title: c.title, authorType: 'member', authorBody: null, category: pickCategory(r.category, categories, '其他'),
    body: [source, handled && `委员了解和办理情况：${handled}`].filter(Boolean).join('\n'),
  }, today, (o, uow) => link('opinion', o.id, uow));
  return { into: 'opinion' as const, id: o.id };
}

