import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { CommandContext } from '../../../platform/commands/context.js';
import { audit } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/errors.js';
import type { UnitOfWork } from '../../../platform/jobs/after-commit.js';
import { authorize } from '../../../platform/policy/policy.js';
import { convertInto, type ConversionTarget } from '../conversion.js';
import type { convertInput } from '../../../../shared/requests/inputs.js';
import { loadRequest } from '../load.js';
import { requestPolicy } from '../policy.js';
import { livelihoodRequestNotes, livelihoodRequests } from '../schema.js';


/**
 * 转化: the member in charge turns a request into their own proposal draft or opinion report with
 * one action, through the platform's one conversion mechanism (`../conversion.ts`). The request keeps the
 * new record's id, written in the same transaction as the record with its audit row, and the
 * version check keeps two conversions from both happening; the new record's page links back.
 */
export async function convertRequest(ctx: CommandContext, { id, ...c }: { id: string } & z.output<typeof convertInput>) {
  const { database, actor } = ctx;
  const r = await loadRequest(database.db, actor, id);
  authorize(requestPolicy, 'convert', actor, r);
  if (r.version !== c.version) throw AppError.versionConflict();
  const notes = await database.db.select().from(livelihoodRequestNotes).where(eq(livelihoodRequestNotes.requestId, r.id));
  const handled = notes.map((n) => `${n.day} ${n.body}`).join('\n');
  const link = async (into: ConversionTarget, recordId: string, { tx }: UnitOfWork) => {
    const [updated] = await tx
      .update(livelihoodRequests)
      .set({ [into === 'proposal' ? 'proposalId' : 'opinionId']: recordId, version: r.version + 1, updatedAt: new Date() })
      .where(and(eq(livelihoodRequests.id, r.id), eq(livelihoodRequests.version, r.version)))
      .returning();
    if (!updated) throw AppError.versionConflict();
    await audit(tx, actor, { action: into === 'proposal' ? 'livelihoodRequest.toProposal' : 'livelihoodRequest.toOpinion', subjectType: 'livelihoodRequest', subjectId: r.id, after: { [`${into}Id`]: recordId }, note: c.title });
  };
  const source = `群众反映（${r.place}，${r.receivedOn}）：${r.body}`;
  return convertInto(ctx, {
    into: c.into, title: c.title, category: r.category, fallback: { proposal: '社会事业', opinion: '其他' },
    proposal: { background: source, analysis: handled ? `委员了解和办理情况：\n${handled}` : '', suggestions: r.outcome ?? '' },
    opinion: { body: [source, handled && `委员了解和办理情况：${handled}`].filter(Boolean).join('\n') },
    link,
  });
}

