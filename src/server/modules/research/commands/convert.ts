import type { z } from 'zod';
import type { CommandContext } from '../../../platform/commands/context.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { audit } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/errors.js';
import type { UnitOfWork } from '../../../platform/jobs/after-commit.js';
import { parseInput } from '../../../platform/http/validation.js';
import { authorize, can } from '../../../platform/policy/policy.js';
import { loadLookups } from '../../org/lookups.js';
import { createProposal } from '../../proposals/commands/draft-proposal.js';
import { createOpinion } from '../../opinions/commands/draft-opinion.js';
import { proposalDraft } from '../../../../shared/proposals/inputs.js';
import { opinionDraft } from '../../../../shared/opinions/inputs.js';
import { conversionKinds, type ConversionKind } from '../../../../shared/research/labels.js';
import type { convertBody } from '../../../../shared/research/inputs.js';
import { loadTopic } from '../load.js';
import { notifyGroup } from '../notices.js';
import { topicPolicy } from '../policy.js';
import { researchConversions } from '../schema.js';
import type { TopicSubject } from '../workflow.js';

type Convert = z.output<typeof convertBody>;

/**
 * Who converts what: the office turns a finished report into a collective proposal or a 社情民意
 * report in the special committee's name; a member of the group into a proposal or report of their own.
 */
function checkConverter(actor: Actor, t: TopicSubject, kind: ConversionKind) {
  if (kind === 'collectiveProposal') return authorize(topicPolicy, 'convertCollective', actor, t);
  if (kind === 'memberProposal') return authorize(topicPolicy, 'convert', actor, t);
  if (!can(topicPolicy, 'convert', actor, t)) authorize(topicPolicy, 'convertCollective', actor, t);
}

/**
 * 成果转化: with one action the finished report becomes a draft proposal (collective or a member's)
 * or a 社情民意 report, created by the proposals or opinions module's own command; the link is
 * written in the same transaction on the report's side, and the group is told.
 */
export async function convertReport(ctx: CommandContext, id: string, c: Convert) {
  const { database, actor, today } = ctx;
  const t = await loadTopic(database.db, actor, id);
  checkConverter(actor, t, c.kind);
  const lookups = await loadLookups(database.db, t.committeeId);
  const body = c.collectiveBody || (t.specialCommitteeId ? lookups['special-committees'].byId.get(t.specialCommitteeId) : null) || null;
  const link = (targetType: 'proposal' | 'opinion', authorText: string) => async (target: { id: string; title: string }, uow: UnitOfWork) => {
    await uow.tx.insert(researchConversions).values({ committeeId: t.committeeId, topicId: t.id, kind: c.kind, targetType, targetId: target.id, title: target.title, authorText, createdByUserId: actor.userId, createdOn: today });
    await audit(uow.tx, actor, { action: 'researchTopic.convert', subjectType: 'researchTopic', subjectId: t.id, after: { kind: c.kind, targetType, targetId: target.id }, note: `${conversionKinds[c.kind]}《${target.title}》` });
    await notifyGroup(uow.tx, t.committeeId, t.id, `调研报告已转化为${conversionKinds[c.kind]}：${target.title}`);
  };
  if (c.kind === 'opinion') {
    const asMember = can(topicPolicy, 'convert', actor, t);
    if (!asMember && !body) throw AppError.field('collectiveBody', '报送单位', '请填写报送的专委会');
    const draft = parseInput(opinionDraft, {
      title: c.title, category: c.category, body: c.body || [t.problems, t.suggestions].filter(Boolean).join('\n'),
      authorType: asMember ? 'member' : 'specialCommittee', authorBody: asMember ? null : body,
    });
    return { targetType: 'opinion' as const, target: await createOpinion(database, actor, draft, today, link('opinion', asMember ? actor.name : body!)) };
  }
  const collective = c.kind === 'collectiveProposal';
  if (collective && !body) throw AppError.field('collectiveBody', '集体提案单位', '集体提案须填写提案单位');
  const draft = parseInput(proposalDraft, {
    title: c.title, category: c.category, background: t.background, analysis: t.problems, suggestions: t.suggestions,
    authorType: collective ? 'collective' : 'individual', collectiveBody: collective ? body : null,
  });
  return { targetType: 'proposal' as const, target: await createProposal(database, actor, draft, today, link('proposal', collective ? body! : actor.name)) };
}
