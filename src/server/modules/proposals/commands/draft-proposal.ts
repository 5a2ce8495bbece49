import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Executor } from '../../../db/client.js';
import type { Actor } from '../../../platform/auth/actor.js';
import type { CommandContext } from '../../../platform/commands/context.js';
import { AppError } from '../../../platform/errors.js';
import { audit } from '../../../platform/audit/audit.js';
import { assertOwnedIds } from '../../../platform/tenancy/owned.js';
import { authorize, committeeSubject } from '../../../platform/policy/policy.js';
import { createRecord, updateRecord } from '../../../platform/records/records.js';
import { getSettings } from '../../../platform/settings/settings.js';
import { notify } from '../../../platform/notifications/notify.js';
import type { UnitOfWork } from '../../../platform/jobs/after-commit.js';
import { users } from '../../../platform/auth/schema.js';
import { members } from '../../members/schema.js';
import type { proposalDraft } from '../../../../shared/proposals/inputs.js';
import { loadProposal, proposalSubjectOf } from '../load.js';
import { isProposalStaff, proposalCollectionPolicy, proposalPolicy, type ProposalSubject } from '../policy.js';
import { cosigners, proposals } from '../schema.js';
import { proposalTopics } from '../topics/schema.js';
import { sessionFor } from '../sessions.js';
import { proposalSettings } from '../settings.js';
import type { Proposal } from '../workflow.js';

type Draft = z.output<typeof proposalDraft>;

/**
 * The bodies whose collective proposals the actor may enter: any for the proposal office and
 * admins (they register what arrives on paper), otherwise those named on the account (集体提案经办).
 */
export async function collectiveBodiesOf(db: Executor, actor: Actor): Promise<string[] | 'any'> {
  if (isProposalStaff(actor)) return 'any';
  if (!actor.roles.includes('staff')) return [];
  const [u] = await db.select({ actsFor: users.actsFor }).from(users).where(eq(users.id, actor.userId));
  return u?.actsFor ?? [];
}

/**
 * A cited reference topic must be one of the committee's published topics of the proposal's year;
 * a citation kept unchanged stays valid even if the topic was withdrawn since.
 */
async function checkTopic(db: Executor, actor: Actor, topicId: string | null | undefined, year: number) {
  if (!topicId) return;
  const [t] = await db.select().from(proposalTopics).where(and(eq(proposalTopics.id, topicId), eq(proposalTopics.committeeId, actor.committeeId)));
  if (!t) throw AppError.field('topicId', '参考选题', '不存在');
  if (t.status !== 'published' || t.year !== year) throw AppError.field('topicId', '参考选题', `应为${year}年度已发布的参考选题`);
}

/** `topic`: the year the proposal belongs to (its session's) and the topic it cites now, if any. */
async function checkDraft(db: Executor, actor: Actor, d: Partial<Draft>, year: number, topic: { year: number; current: string | null }) {
  if (d.topicId !== undefined && d.topicId !== topic.current) await checkTopic(db, actor, d.topicId, topic.year);
  const settings = await getSettings(db, proposalSettings, actor.committeeId, year);
  // named co-signers are the committee's members whatever the proposal's kind (a non-joint one invites no one)
  await assertOwnedIds(db, members, d.cosignerIds ?? [], actor.committeeId, 'cosignerIds', '联名委员');
  if (d.category !== undefined && !settings.categories.includes(d.category)) throw AppError.field('category', '类别', `应为：${settings.categories.join('、')}`);
  if (d.authorType === 'collective') {
    const bodies = await collectiveBodiesOf(db, actor);
    if (bodies !== 'any' && bodies.length === 0) throw AppError.field('authorType', '提案方式', '集体提案由党派、专委会或界别的经办人员提交');
    if (!d.collectiveBody) throw AppError.field('collectiveBody', '集体提案单位', '集体提案须填写提案单位');
    if (bodies !== 'any' && !bodies.includes(d.collectiveBody)) throw AppError.field('collectiveBody', '集体提案单位', `您经办的单位为：${bodies.join('、')}`);
  }
  if ((d.authorType === 'individual' || d.authorType === 'joint') && !actor.memberId) throw AppError.field('authorType', '提案方式', '只有委员可以提交个人或联名提案');
}

/** The member a draft is written for, when not the actor (a suggestion made at the Members' Home, converted by the member on duty). */
export interface DraftAuthor {
  memberId: string;
  name: string;
}

/**
 * Creates a draft for the current session; a joint draft may invite co-signers right away.
 * `alsoDo` runs in the same transaction (a livelihood request converted into this draft links it);
 * `author` makes another member of the committee its first proposer (the draft is then theirs to edit and submit).
 * `createProposal(ctx, { draft, alsoDo, author })`
 */
export async function createProposal(
  { database, actor, today }: CommandContext,
  { draft: d, alsoDo, author }: { draft: Draft; alsoDo?: (p: Proposal, uow: UnitOfWork) => Promise<void>; author?: DraftAuthor },
): Promise<Proposal> {
  authorize(proposalCollectionPolicy, 'create', actor, committeeSubject(actor));
  const year = Number(today.slice(0, 4));
  const session = await sessionFor(database.db, actor.committeeId, today);
  await checkDraft(database.db, actor, d, year, { year: session?.year ?? year, current: null });
  const { cosignerIds = [], ...fields } = d;
  const row = await createRecord<Proposal>(database, {
    table: proposals,
    policy: proposalPolicy,
    collection: proposalCollectionPolicy,
    actor,
    values: {
      ...fields,
      sessionId: session?.id ?? null,
      year: session?.year ?? year,
      leadMemberId: d.authorType === 'collective' ? null : (author?.memberId ?? actor.memberId),
      createdByUserId: actor.userId,
      proposerText: d.authorType === 'collective' ? d.collectiveBody : (author?.name ?? actor.name),
    },
    alsoDo: async (p, uow) => {
      const { tx } = uow;
      // only a joint proposal invites co-signers, and only those replaceInvitations found in the committee
      if (d.authorType === 'joint' && cosignerIds.length) await inviteNotice(tx, p, await replaceInvitations(tx, actor, p, cosignerIds));
      await alsoDo?.(p, uow);
    },
  });
  return row;
}

/** Changes a draft (or a returned proposal): `updateProposal(ctx, { id, version, ...changes })`; a joint one's co-signer list is replaced. */
export async function updateProposal({ database, actor }: CommandContext, { id, version, ...d }: { id: string; version: number } & Partial<Draft>): Promise<Proposal> {
  const current = await loadProposal(database.db, actor, id);
  authorize(proposalPolicy, 'update', actor, current);
  await checkDraft(database.db, actor, { ...d, authorType: d.authorType ?? (current.authorType as Draft['authorType']), collectiveBody: d.collectiveBody ?? current.collectiveBody }, current.year, { year: current.year, current: current.topicId });
  const { cosignerIds, ...changes } = d;
  return updateRecord<Proposal, ProposalSubject>(database, {
    table: proposals, policy: proposalPolicy, subjectOf: proposalSubjectOf, actor, id, version, changes,
    alsoDo: async (p, _before, { tx }) => {
      if (cosignerIds && p.authorType === 'joint') {
        const added = await replaceInvitations(tx, actor, p, cosignerIds);
        if (added.length) await inviteNotice(tx, p, added);
      }
    },
  });
}

/**
 * Sets the invited co-signers: keeps those already answered, drops those no longer wanted, adds new
 * ones as invited. Returns the newly invited. The first proposer cannot co-sign their own proposal.
 * A change of the list is audited with the co-signers before and after (the proposal row's own
 * update row does not carry them).
 */
async function replaceInvitations(tx: Executor, actor: Actor, p: Proposal, memberIds: string[]): Promise<string[]> {
  const wanted = [...new Set(memberIds)].filter((m) => m !== p.leadMemberId);
  if (wanted.length) {
    const found = await tx.select({ id: members.id }).from(members).where(and(eq(members.committeeId, p.committeeId), inArray(members.id, wanted), eq(members.status, 'active')));
    if (found.length !== wanted.length) throw AppError.field('cosignerIds', '联名委员', '包含不存在或已离任的委员');
  }
  const existing = await tx.select().from(cosigners).where(eq(cosigners.proposalId, p.id));
  const gone = existing.filter((c) => !wanted.includes(c.memberId)).map((c) => c.memberId);
  if (gone.length) await tx.delete(cosigners).where(and(eq(cosigners.proposalId, p.id), inArray(cosigners.memberId, gone)));
  const added = wanted.filter((m) => !existing.some((c) => c.memberId === m));
  const start = existing.length + 1;
  if (added.length) await tx.insert(cosigners).values(added.map((memberId, i) => ({ proposalId: p.id, memberId, committeeId: p.committeeId, position: start + i })));
  if (gone.length || added.length) {
    const kept = existing.filter((c) => !gone.includes(c.memberId));
    await audit(tx, actor, {
      action: 'proposal.cosigners', subjectType: 'proposal', subjectId: p.id,
      before: { cosigners: existing.map((c) => ({ memberId: c.memberId, status: c.status })) },
      after: { cosigners: [...kept.map((c) => ({ memberId: c.memberId, status: c.status })), ...added.map((memberId) => ({ memberId, status: 'invited' }))] },
    });
  }
  return added;
}

async function inviteNotice(tx: Executor, p: Proposal, memberIds: string[]) {
  if (memberIds.length === 0) return;
  const accounts = await tx.select({ id: users.id }).from(users).where(and(eq(users.committeeId, p.committeeId), inArray(users.memberId, memberIds)));
  await notify(tx, { committeeId: p.committeeId, userIds: accounts.map((a) => a.id), title: `联名邀请：${p.title}`, body: `${p.proposerText ?? ''}邀请您联名提交提案，请确认或谢绝`, link: `/proposals/${p.id}` });
}
