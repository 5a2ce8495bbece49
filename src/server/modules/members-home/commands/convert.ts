import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { audit } from '../../../platform/audit/audit.js';
import type { CommandContext } from '../../../platform/commands/context.js';
import { AppError } from '../../../platform/errors.js';
import type { UnitOfWork } from '../../../platform/jobs/after-commit.js';
import { authorize } from '../../../platform/policy/policy.js';
import { members } from '../../members/schema.js';
import { convertInto, type ConversionTarget } from '../../requests/conversion.js';
import type { convertSuggestionInput } from '../../../../shared/members-home/inputs.js';
import { loadSuggestion } from '../load.js';
import { settleDuty } from '../ledger.js';
import { suggestionPolicy } from '../policy.js';
import { homeDuties, homeSuggestions, homeVisits } from '../schema.js';

const clip = (s: string, n: number) => ([...s].length > n ? `${[...s].slice(0, n).join('')}……` : s);

/**
 * 转化: a suggestion collected on a duty becomes, with one action, a proposal draft or an opinion
 * report — of the member who made it (when a member made it) or of the member on duty — through the
 * platform's one conversion mechanism (`requests/conversion.ts`). The suggestion keeps the new
 * record's id (the visit log shows what became of it), the record's page links back to the duty,
 * and the duty's ledger entries gain the conversion, all in the record's transaction.
 */
export async function convertSuggestion(ctx: CommandContext, { id, ...c }: { id: string } & z.output<typeof convertSuggestionInput>) {
  const { database, actor } = ctx;
  const { db } = database;
  const s = await loadSuggestion(db, actor, id);
  authorize(suggestionPolicy, 'convert', actor, s);
  if (s.version !== c.version) throw AppError.versionConflict();
  if (c.author === 'visitor' && !s.visitorMemberId) throw AppError.field('author', '署名委员', '来访人不是本会委员，只能由值班委员署名');
  if (c.author === 'duty' && actor.memberId !== s.dutyMemberId) throw AppError.field('author', '署名委员', '只有值班委员可以以本人名义转化');
  const authorId = c.author === 'visitor' ? s.visitorMemberId! : s.dutyMemberId;
  const [[author], [visit], [duty]] = await Promise.all([
    db.select({ id: members.id, name: members.name }).from(members).where(eq(members.id, authorId)),
    db.select().from(homeVisits).where(eq(homeVisits.id, s.visitId)),
    db.select({ memberId: homeDuties.memberId }).from(homeDuties).where(eq(homeDuties.id, s.dutyId)),
  ]);
  const [dutyMember] = await db.select({ name: members.name }).from(members).where(eq(members.id, duty!.memberId));
  const link = async (into: ConversionTarget, recordId: string, { tx }: UnitOfWork) => {
    const [updated] = await tx
      .update(homeSuggestions)
      .set({ [into === 'proposal' ? 'proposalId' : 'opinionId']: recordId, convertedAt: ctx.now, convertedByName: actor.name, version: s.version + 1, updatedAt: new Date() })
      .where(and(eq(homeSuggestions.id, s.id), eq(homeSuggestions.version, s.version)))
      .returning();
    if (!updated) throw AppError.versionConflict();
    await audit(tx, actor, { action: into === 'proposal' ? 'homeSuggestion.toProposal' : 'homeSuggestion.toOpinion', subjectType: 'homeSuggestion', subjectId: s.id, after: { [`${into}Id`]: recordId, authorMemberId: author!.id }, note: c.title });
    await settleDuty(tx, s.dutyId, ctx.now);
  };
  const who = `${visit!.visitorName}${visit!.visitorNote ? `（${visit!.visitorNote}）` : ''}`;
  const source = `委员之家接待（${s.day}，${dutyMember?.name ?? ''}值班）：${who}就“${visit!.topic}”来访。${clip(visit!.said, 800)}`;
  const converted = await convertInto(ctx, {
    into: c.into, title: c.title, category: '', fallback: { proposal: '社会事业', opinion: '其他' },
    proposal: { background: source, analysis: '', suggestions: s.body },
    opinion: { body: `${source}\n建议：${s.body}` },
    author: author!.id === actor.memberId ? undefined : { memberId: author!.id, name: author!.name },
    link,
  });
  return { ...converted, dutyId: s.dutyId };
}
