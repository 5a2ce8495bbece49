import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { CommandContext } from '../../../platform/commands/context.js';
import { audit } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/errors.js';
import { inTransaction, type UnitOfWork } from '../../../platform/jobs/after-commit.js';
import { recordLedger, voidLedger } from '../../../platform/ledger/ledger.js';
import { authorize, committeeSubject } from '../../../platform/policy/policy.js';
import { getSettings } from '../../../platform/settings/settings.js';
import { bumpVersion } from '../../../platform/workflow/apply.js';
import { assertOwned } from '../../org/lookups.js';
import { members } from '../../members/schema.js';
import type { decideBody, leadBody, planBody, topicDraft, volunteerBody } from '../../../../shared/research/inputs.js';
import { loadTopic } from '../load.js';
import { notifyMembers, notifyOffice } from '../notices.js';
import { topicCollectionPolicy, topicPolicy } from '../policy.js';
import { researchMembers, researchTopics } from '../schema.js';
import { researchSettings } from '../settings.js';
import type { Topic, TopicSubject } from '../workflow.js';

/** 调研课题: entered by the office, or from a special committee's work plan (which names the committee). */
export async function createTopic({ database, actor, today }: CommandContext, d: z.output<typeof topicDraft>): Promise<Topic> {
  authorize(topicCollectionPolicy, 'create', actor, committeeSubject(actor));
  if (d.source === 'specialCommittee' && !d.specialCommitteeId) throw AppError.field('specialCommitteeId', '牵头专委会', '来自专委会工作计划的课题须选择专委会');
  await assertOwned(database.db, 'special-committees', [d.specialCommitteeId], actor.committeeId, 'specialCommitteeId', '牵头专委会');
  return inTransaction(database, async ({ tx }) => {
    const [row] = await tx
      .insert(researchTopics)
      .values({ committeeId: actor.committeeId, year: d.year ?? Number(today.slice(0, 4)), source: d.source, form: d.form, title: d.title, reason: d.reason, specialCommitteeId: d.specialCommitteeId ?? null, createdByUserId: actor.userId })
      .returning();
    await audit(tx, actor, { action: 'researchTopic.create', subjectType: 'researchTopic', subjectId: row.id, after: row });
    return row;
  });
}

/**
 * Changes a topic's row if the editor saw its current version, with its audit row, in the
 * caller's transaction (the plan, the lead).
 */
async function changeTopic(uow: UnitOfWork, ctx: CommandContext, t: TopicSubject, version: number, action: string, changes: Partial<Topic>, note?: string) {
  const [row] = await uow.tx
    .update(researchTopics)
    .set({ ...changes, version: bumpVersion(researchTopics), updatedAt: new Date() } as any)
    .where(and(eq(researchTopics.id, t.id), eq(researchTopics.version, version)))
    .returning();
  if (!row) throw AppError.versionConflict();
  await audit(uow.tx, ctx.actor, { action, subjectType: 'researchTopic', subjectId: t.id, before: Object.fromEntries(Object.keys(changes).map((k) => [k, (t as any)[k]])), after: changes, note });
  return row;
}

/** 调研方案: the questions, places, departments and dates, kept by the office until the report is final. */
export async function updatePlan(ctx: CommandContext, { id, ...p }: { id: string } & z.output<typeof planBody>) {
  const t = await loadTopic(ctx.database.db, ctx.actor, id);
  authorize(topicPolicy, 'manage', ctx.actor, t);
  if (p.startsOn && p.endsOn && p.endsOn < p.startsOn) throw AppError.field('endsOn', '结束日期', '不能早于开始日期');
  await assertOwned(ctx.database.db, 'units', p.unitIds, ctx.actor.committeeId, 'unitIds', '相关部门');
  if (t.version !== p.version) throw AppError.versionConflict();
  return inTransaction(ctx.database, (uow) =>
    changeTopic(uow, ctx, t, p.version, 'researchTopic.plan', { questions: p.questions, places: p.places, unitIds: p.unitIds, startsOn: p.startsOn ?? null, endsOn: p.endsOn ?? null }),
  );
}

/** How many places the group has now, under the row lock of the topic (two confirmations at once cannot both pass the limit). */
async function confirmedCount(uow: UnitOfWork, topicId: string) {
  await uow.tx.select({ id: researchTopics.id }).from(researchTopics).where(eq(researchTopics.id, topicId)).for('update');
  return (await uow.tx.select({ id: researchMembers.id }).from(researchMembers).where(and(eq(researchMembers.topicId, topicId), eq(researchMembers.state, 'confirmed')))).length;
}

/** 报名: a member volunteers from the browser; the office is told and confirms or declines. */
export async function volunteer(ctx: CommandContext, { id, ...v }: { id: string } & z.output<typeof volunteerBody>) {
  const { database, actor } = ctx;
  const t = await loadTopic(database.db, actor, id);
  authorize(topicPolicy, 'volunteer', actor, t);
  const limit = (await getSettings(database.db, researchSettings, t.committeeId, t.year)).maxGroupMembers;
  return inTransaction(database, async (uow) => {
    const [existing] = await uow.tx.select().from(researchMembers).where(and(eq(researchMembers.topicId, t.id), eq(researchMembers.memberId, actor.memberId!)));
    if (existing) throw AppError.invalidState(existing.state === 'declined' ? '您的报名未被确认' : '您已报名本课题');
    if ((await confirmedCount(uow, t.id)) >= limit) throw AppError.invalidState(`调研组已满（不超过${limit}人）`);
    await uow.tx.insert(researchMembers).values({ committeeId: t.committeeId, topicId: t.id, memberId: actor.memberId!, state: 'volunteered', note: v.note });
    await audit(uow.tx, actor, { action: 'researchTopic.volunteer', subjectType: 'researchTopic', subjectId: t.id, note: v.note || undefined });
    await notifyOffice(uow.tx, t.committeeId, `委员报名参加调研：${t.title}`, t.id, actor.name);
  });
}

/** Places a member in the group (ledger `research.member` from the day confirmed); refused past the limit. */
async function confirmInto(uow: UnitOfWork, t: TopicSubject, memberId: string, today: string, limit: number) {
  if ((await confirmedCount(uow, t.id)) >= limit) throw AppError.invalidState(`调研组已满（不超过${limit}人）`);
  await recordLedger(uow.tx, [{ committeeId: t.committeeId, memberId, kind: 'research.member', day: today, sourceType: 'researchTopic', sourceId: t.id, note: t.title }]);
}

/**
 * 确认或不确认报名: the office decides a volunteer's place, or names a member directly (confirm of
 * one who did not volunteer). Declining a confirmed member takes the place and its ledger entry back.
 */
export async function decideMember(ctx: CommandContext, { id, ...d }: { id: string } & z.output<typeof decideBody>) {
  const { database, actor, today, now } = ctx;
  const t = await loadTopic(database.db, actor, id);
  authorize(topicPolicy, 'manage', actor, t);
  const [m] = await database.db.select({ id: members.id, name: members.name }).from(members).where(and(eq(members.id, d.memberId), eq(members.committeeId, actor.committeeId), eq(members.status, 'active')));
  if (!m) throw AppError.field('memberId', '委员', '不存在或已离任');
  const limit = (await getSettings(database.db, researchSettings, t.committeeId, t.year)).maxGroupMembers;
  return inTransaction(database, async (uow) => {
    const [row] = await uow.tx.select().from(researchMembers).where(and(eq(researchMembers.topicId, t.id), eq(researchMembers.memberId, m.id)));
    const state = d.decision === 'confirm' ? 'confirmed' : 'declined';
    if (row?.state === state) throw AppError.invalidState(state === 'confirmed' ? '该委员已在调研组' : '已不予确认');
    if (state === 'confirmed') await confirmInto(uow, t, m.id, today, limit);
    else if (!row) throw AppError.field('memberId', '委员', '未报名本课题');
    else if (row.state === 'confirmed') {
      if (row.role === 'lead') throw AppError.invalidState('请先另定组长');
      await voidLedger(uow.tx, { sourceType: 'researchTopic', sourceId: t.id, kind: 'research.member', memberId: m.id, at: now });
    }
    if (row) await uow.tx.update(researchMembers).set({ state, decidedOn: today, note: d.note || row.note }).where(eq(researchMembers.id, row.id));
    else await uow.tx.insert(researchMembers).values({ committeeId: t.committeeId, topicId: t.id, memberId: m.id, state, decidedOn: today, note: d.note });
    await audit(uow.tx, actor, { action: d.decision === 'confirm' ? 'researchTopic.confirmMember' : 'researchTopic.declineMember', subjectType: 'researchTopic', subjectId: t.id, note: m.name });
    await notifyMembers(uow.tx, t.committeeId, [m.id], state === 'confirmed' ? `您已加入调研组：${t.title}` : `您的调研报名未被确认：${t.title}`, t.id, d.note);
  });
}

/** 组长: one confirmed member leads the group (the ledger note says so). */
export async function setLead(ctx: CommandContext, { id, ...d }: { id: string } & z.output<typeof leadBody>) {
  const { database, actor } = ctx;
  const t = await loadTopic(database.db, actor, id);
  authorize(topicPolicy, 'manage', actor, t);
  if (!t.groupMemberIds.includes(d.memberId)) throw AppError.field('memberId', '组长', '须是已确认的调研组成员');
  if (t.version !== d.version) throw AppError.versionConflict();
  return inTransaction(database, async (uow) => {
    await uow.tx.update(researchMembers).set({ role: 'member' }).where(eq(researchMembers.topicId, t.id));
    await uow.tx.update(researchMembers).set({ role: 'lead' }).where(and(eq(researchMembers.topicId, t.id), eq(researchMembers.memberId, d.memberId)));
    const [m] = await uow.tx.select({ name: members.name }).from(members).where(eq(members.id, d.memberId));
    return changeTopic(uow, ctx, t, d.version, 'researchTopic.lead', {}, m?.name);
  });
}

