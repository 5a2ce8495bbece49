import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { CommandContext } from '../../../platform/commands/context.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { audit } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/errors.js';
import { inTransaction, type UnitOfWork } from '../../../platform/jobs/after-commit.js';
import { parseInput } from '../../../platform/http/validation.js';
import { authorize, can } from '../../../platform/policy/policy.js';
import { loadLookups } from '../../org/lookups.js';
import { members } from '../../members/schema.js';
import { createProposal } from '../../proposals/commands/draft-proposal.js';
import { createOpinion, checkText } from '../../opinions/commands/draft-opinion.js';
import { opinionFromRecord } from '../../opinions/commands/from-proposal.js';
import { speechFor } from '../../meetings/commands/submit-speech.js';
import { proposalDraft } from '../../../../shared/proposals/inputs.js';
import { opinionDraft } from '../../../../shared/opinions/inputs.js';
import { conversionKinds, type ConversionKind } from '../../../../shared/research/labels.js';
import type { convertBody } from '../../../../shared/research/inputs.js';
import { loadTopic } from '../load.js';
import { notifyGroup } from '../notices.js';
import { topicPolicy } from '../policy.js';
import { researchConversions, researchMembers, researchTopics } from '../schema.js';
import type { TopicSubject } from '../workflow.js';

type Convert = z.output<typeof convertBody>;
export type ConversionTargetType = 'proposal' | 'opinion' | 'speech';

/**
 * Who converts what: the office turns a finished report into a collective proposal, a 社情民意 report in
 * the special committee's name, a plenary speech or a 直通车 report; a member of the group into a
 * proposal or report of their own.
 */
function checkConverter(actor: Actor, t: TopicSubject, kind: ConversionKind) {
  if (kind === 'memberProposal') return authorize(topicPolicy, 'convert', actor, t);
  if (kind === 'opinion' && can(topicPolicy, 'convert', actor, t)) return;
  authorize(topicPolicy, 'convertCollective', actor, t);
}

/** The confirmed group, the lead first. */
async function groupOf(database: CommandContext['database'], t: TopicSubject) {
  const rows = await database.db.select({ memberId: researchMembers.memberId, role: researchMembers.role, name: members.name }).from(researchMembers)
    .innerJoin(members, eq(members.id, researchMembers.memberId))
    .where(and(eq(researchMembers.topicId, t.id), eq(researchMembers.state, 'confirmed'))).orderBy(asc(researchMembers.createdAt));
  return [...rows.filter((r) => r.role === 'lead'), ...rows.filter((r) => r.role !== 'lead')];
}

/**
 * 成果转化: with one action the finished report becomes a draft proposal (collective or a member's),
 * a 社情民意 report, a plenary speech (大会发言) or a 直通车 report, each made by its own module's
 * command — `createProposal` / `createOpinion` (the shape of `requests/conversion.ts`), or, for what
 * the office sends on in the group's name, `opinionFromRecord` / `speechFor` inside this transaction
 * (the shape of the proposal review's 转社情民意). The link is written in the new record's
 * transaction on the report's side, version-checked (a second click on the same page is a 409), with
 * its audit row; the group is told. The new record credits the group the way its module credits its
 * own: a 直通车 report on submission (and adoption, instruction), a speech on its selection.
 */
export async function convertReport(ctx: CommandContext, { id, ...c }: { id: string } & Convert) {
  const { database, actor, today } = ctx;
  const t = await loadTopic(database.db, actor, id);
  checkConverter(actor, t, c.kind);
  if (t.version !== c.version) throw AppError.versionConflict();
  const lookups = await loadLookups(database.db, t.committeeId);
  const body = c.collectiveBody || (t.specialCommitteeId ? lookups['special-committees'].byId.get(t.specialCommitteeId) : null) || null;
  const link = (targetType: ConversionTargetType, authorText: string) => async (target: { id: string; title: string }, uow: UnitOfWork) => {
    const [updated] = await uow.tx.update(researchTopics).set({ version: t.version + 1, updatedAt: new Date() })
      .where(and(eq(researchTopics.id, t.id), eq(researchTopics.version, t.version))).returning({ id: researchTopics.id });
    if (!updated) throw AppError.versionConflict();
    await uow.tx.insert(researchConversions).values({ committeeId: t.committeeId, topicId: t.id, kind: c.kind, targetType, targetId: target.id, title: target.title, authorText, createdByUserId: actor.userId, createdOn: today });
    await audit(uow.tx, actor, { action: 'researchTopic.convert', subjectType: 'researchTopic', subjectId: t.id, after: { kind: c.kind, targetType, targetId: target.id }, note: `${conversionKinds[c.kind]}《${target.title}》` });
    await notifyGroup(uow.tx, t.committeeId, t.id, `调研报告已转化为${conversionKinds[c.kind]}：${target.title}`);
  };
  const reportText = [t.background, t.problems, t.suggestions].filter(Boolean).join('\n');

  if (c.kind === 'speech' || c.kind === 'direct') {
    const group = await groupOf(database, t);
    if (c.kind === 'speech') {
      const lead = group.find((g) => g.role === 'lead');
      if (!lead) throw AppError.invalidState('调研组尚未确定组长：大会发言以组长名义提交');
      const text = c.body || reportText;
      if ([...text].length < 20) throw AppError.field('body', '发言内容', '发言内容不少于20个字');
      const authorText = group.length > 1 ? `${lead.name}等${group.length}人` : lead.name;
      const target = await inTransaction(database, async (uow) => {
        const s = await speechFor(uow, { actor, today, memberId: lead.memberId, contributorMemberIds: group.filter((g) => g !== lead).map((g) => g.memberId), title: c.title, body: text });
        await link('speech', authorText)(s, uow);
        return s;
      });
      return { targetType: 'speech' as const, target };
    }
    if (!body) throw AppError.field('collectiveBody', '报送单位', '请填写报送的专委会');
    if (!c.category) throw AppError.field('category', '类别', '请选择类别');
    await checkText(database.db, t.committeeId, Number(today.slice(0, 4)), { category: c.category });
    const target = await inTransaction(database, async (uow) => {
      const o = await opinionFromRecord(uow, {
        actor,
        now: ctx.now,
        record: {
          from: { research: true }, committeeId: t.committeeId, title: c.title, category: c.category!, body: c.body || [t.problems, t.suggestions].filter(Boolean).join('\n'),
          leadMemberId: null, authorText: body, collectiveBody: body, contributorMemberIds: group.map((g) => g.memberId), direct: true,
        },
      });
      await link('opinion', body)(o, uow);
      return o;
    });
    return { targetType: 'opinion' as const, target };
  }

  if (c.kind === 'opinion') {
    const asMember = can(topicPolicy, 'convert', actor, t);
    if (!asMember && !body) throw AppError.field('collectiveBody', '报送单位', '请填写报送的专委会');
    const draft = parseInput(opinionDraft, {
      title: c.title, category: c.category, body: c.body || [t.problems, t.suggestions].filter(Boolean).join('\n'),
      authorType: asMember ? 'member' : 'specialCommittee', authorBody: asMember ? null : body,
    });
    return { targetType: 'opinion' as const, target: await createOpinion(ctx, { draft, alsoDo: link('opinion', asMember ? actor.name : body!) }) };
  }
  const collective = c.kind === 'collectiveProposal';
  if (collective && !body) throw AppError.field('collectiveBody', '集体提案单位', '集体提案须填写提案单位');
  const draft = parseInput(proposalDraft, {
    title: c.title, category: c.category, background: t.background, analysis: t.problems, suggestions: t.suggestions,
    authorType: collective ? 'collective' : 'individual', collectiveBody: collective ? body : null,
  });
  return { targetType: 'proposal' as const, target: await createProposal(ctx, { draft, alsoDo: link('proposal', collective ? body! : actor.name) }) };
}
