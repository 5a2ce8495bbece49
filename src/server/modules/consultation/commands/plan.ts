import { and, eq, inArray, isNull, max } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../../../db/client.js';
import type { Actor } from '../../../platform/auth/actor.js';
import type { CommandContext } from '../../../platform/commands/context.js';
import { audit } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/errors.js';
import { inTransaction, type UnitOfWork } from '../../../platform/jobs/after-commit.js';
import { recordLedger } from '../../../platform/ledger/ledger.js';
import { ledgerEntries } from '../../../platform/ledger/schema.js';
import { authorize, can } from '../../../platform/policy/policy.js';
import { createRecord } from '../../../platform/records/records.js';
import { applyTransition, transitionWithin } from '../../../platform/workflow/apply.js';
import { specialCommittees, units } from '../../org/schema.js';
import type { PlanDecision, planItemInput, planItemPatch } from '../../../../shared/consultation/inputs.js';
import { planStates, type PlanState } from '../../../../shared/consultation/labels.js';
import { notifyTopicAuthor } from '../notices.js';
import { consultationPolicy, planCollectionPolicy, planPolicy, topicPolicy } from '../policy.js';
import { consultationSubjectOf } from '../load.js';
import { consultationPlanReviews, consultationPlans, consultations, consultationTopics } from '../schema.js';
import { planWorkflow, topicWorkflow, type Plan } from '../workflow.js';

export type Consultation = typeof consultations.$inferSelect;

/** The year's plan, created empty by the office (one per committee and year). */
export function createPlan({ database, actor }: CommandContext, { year, committeeName }: { year: number; committeeName: string }): Promise<Plan> {
  return createRecord<Plan>(database, {
    table: consultationPlans, policy: planPolicy, collection: planCollectionPolicy, actor,
    values: { year, title: `${committeeName}${year}年度协商计划`, createdByUserId: actor.userId },
    uniqueFields: { consultation_plans_year_uq: { field: 'year', label: '年度' } },
  });
}

/**
 * Locks the plan for an edit of its topics: it must be drafting, seen at its current version. With
 * `itemId`, the topic must be the plan's and one the actor may open — checked before the plan's
 * state, so a consultation the actor may not read is answered as one that does not exist.
 */
async function lockForEdit(tx: Tx, actor: Actor, planId: string, version: number, itemId?: string): Promise<Plan> {
  const [plan] = await tx.select().from(consultationPlans).where(eq(consultationPlans.id, planId)).for('update');
  if (!plan) throw AppError.notFound(planPolicy.label);
  authorize(planPolicy, 'read', actor, plan);
  if (itemId) {
    const [item] = await tx.select().from(consultations).where(and(eq(consultations.id, itemId), eq(consultations.planId, planId)));
    if (!item || !can(consultationPolicy, 'read', actor, await consultationSubjectOf(tx, item))) throw AppError.notFound(consultationPolicy.label);
  }
  if (plan.status !== 'draft') throw AppError.invalidState(`计划当前为“${planStates[plan.status as PlanState]}”，只有编制中的计划可以调整议题`);
  authorize(planPolicy, 'edit', actor, plan);
  if (plan.version !== version) throw AppError.versionConflict();
  await tx.update(consultationPlans).set({ version: plan.version + 1, updatedAt: new Date() }).where(eq(consultationPlans.id, planId));
  return plan;
}

/** The lead special committee and the departments must be the committee's own. */
async function checkRefs(tx: Tx, committeeId: string, v: { leadSpecialCommitteeId?: string | null; unitIds?: string[] }) {
  if (v.leadSpecialCommitteeId) {
    const [c] = await tx.select({ committeeId: specialCommittees.committeeId }).from(specialCommittees).where(eq(specialCommittees.id, v.leadSpecialCommitteeId));
    if (c?.committeeId !== committeeId) throw AppError.field('leadSpecialCommitteeId', '牵头专委会', '不存在');
  }
  if (v.unitIds?.length) {
    const found = await tx.select({ id: units.id }).from(units).where(and(eq(units.committeeId, committeeId), inArray(units.id, v.unitIds)));
    if (found.length !== new Set(v.unitIds).size) throw AppError.field('unitIds', '参与部门', '含有不存在的部门');
  }
}

/** A suggestion follows its plan topic: adopted when chosen, back to the pool when taken out. */
async function moveTopic(uow: UnitOfWork, actor: Actor, topicId: string, action: 'adopt' | 'unadopt') {
  const [t] = await uow.tx.select().from(consultationTopics).where(eq(consultationTopics.id, topicId));
  if (!t || t.committeeId !== actor.committeeId) throw AppError.field('topicId', '来源选题', '不存在');
  await transitionWithin(uow, { workflow: topicWorkflow, table: consultationTopics, id: t.id, action, actor, version: t.version, label: topicPolicy.label });
}

type ItemInput = z.output<typeof planItemInput>;

/** Adds a topic to the drafting plan, from a suggestion (which becomes 已列入计划) or directly. */
export async function addPlanItem({ database, actor }: CommandContext, { planId, ...input }: { planId: string } & ItemInput): Promise<Consultation> {
  const { version, ...v } = input;
  return inTransaction(database, async (uow) => {
    const plan = await lockForEdit(uow.tx, actor, planId, version);
    await checkRefs(uow.tx, plan.committeeId, v);
    if (v.topicId) await moveTopic(uow, actor, v.topicId, 'adopt');
    const [{ n }] = await uow.tx.select({ n: max(consultations.position) }).from(consultations).where(eq(consultations.planId, planId));
    const [row] = await uow.tx.insert(consultations).values({ ...v, committeeId: plan.committeeId, planId, year: plan.year, position: (n ?? 0) + 1 }).returning();
    await audit(uow.tx, actor, { action: 'consultationPlan.addItem', subjectType: 'consultationPlan', subjectId: planId, after: { id: row.id, title: row.title, form: row.form, month: row.month }, note: row.title });
    return row;
  });
}

/** Changes a topic of the drafting plan (form, lead, departments, month…). */
export async function updatePlanItem({ database, actor }: CommandContext, { planId, itemId, ...input }: { planId: string; itemId: string } & z.output<typeof planItemPatch>): Promise<Consultation> {
  const { version, ...changes } = input;
  return inTransaction(database, async (uow) => {
    const plan = await lockForEdit(uow.tx, actor, planId, version, itemId);
    const [before] = await uow.tx.select().from(consultations).where(eq(consultations.id, itemId));
    await checkRefs(uow.tx, plan.committeeId, changes);
    const [row] = await uow.tx.update(consultations).set({ ...changes, version: before.version + 1, updatedAt: new Date() }).where(eq(consultations.id, itemId)).returning();
    await audit(uow.tx, actor, { action: 'consultationPlan.updateItem', subjectType: 'consultationPlan', subjectId: planId, before, after: changes, note: row.title });
    return row;
  });
}

/** Takes a topic out of the drafting plan; a consultation already held is never removed. */
export async function removePlanItem({ database, actor }: CommandContext, { planId, itemId, version }: { planId: string; itemId: string; version: number }): Promise<void> {
  await inTransaction(database, async (uow) => {
    await lockForEdit(uow.tx, actor, planId, version, itemId);
    const [row] = await uow.tx.select().from(consultations).where(eq(consultations.id, itemId));
    if (row.status !== 'planned') throw AppError.invalidState('该协商已经安排或召开，不能移出计划');
    if (row.topicId) await moveTopic(uow, actor, row.topicId, 'unadopt');
    await uow.tx.delete(consultations).where(eq(consultations.id, itemId));
    await audit(uow.tx, actor, { action: 'consultationPlan.removeItem', subjectType: 'consultationPlan', subjectId: planId, before: row, note: row.title });
  });
}

const reviewStepOf: Record<PlanDecision, (from: PlanState) => string> = {
  submit: () => 'submit', passCommittee: (s) => s, passOffice: (s) => s, passChairs: (s) => s, approve: (s) => s, return: (s) => s, revise: () => 'revise',
};

/**
 * One step of the four reviews (or a return, or a revision after approval), with its review row.
 * The final approval credits the members whose suggestions the plan adopted (once per suggestion)
 * and tells every suggester that the topic is in the approved plan.
 */
export async function planAction({ database, actor, today }: CommandContext, { id, action, version, note }: { id: string; action: PlanDecision; version: number; note?: string }): Promise<Plan> {
  const [row] = await database.db.select().from(consultationPlans).where(eq(consultationPlans.id, id));
  if (!row) throw AppError.notFound(planPolicy.label);
  authorize(planPolicy, 'read', actor, row);
  return applyTransition(database, {
    workflow: planWorkflow, table: consultationPlans, id, action, actor, version, label: planPolicy.label, note,
    patch: (p) => (action === 'approve' ? { approvedOn: today } : action === 'revise' ? { revision: p.revision + 1, approvedOn: null } : {}),
    alsoDo: async (p, before, uow) => {
      await uow.tx.insert(consultationPlanReviews).values({
        committeeId: p.committeeId, planId: p.id, revision: before.revision, step: reviewStepOf[action](before.status as PlanState),
        decision: action === 'return' ? 'return' : 'pass', byName: actor.name, byUserId: actor.userId, note: note ?? null, decidedOn: today,
      });
      if (action === 'approve') await creditAdoptedTopics(uow, p, today);
    },
  });
}

/** 委员荐题被采纳: a ledger entry per adopted member suggestion, written once however often the plan is revised. */
async function creditAdoptedTopics(uow: UnitOfWork, plan: Plan, today: string) {
  const adopted = await uow.tx
    .select({ topic: consultationTopics })
    .from(consultations)
    .innerJoin(consultationTopics, eq(consultationTopics.id, consultations.topicId))
    .where(eq(consultations.planId, plan.id));
  const topics = adopted.map((r) => r.topic);
  const memberTopics = topics.filter((t) => t.authorMemberId);
  const credited = memberTopics.length
    ? await uow.tx
        .select({ sourceId: ledgerEntries.sourceId })
        .from(ledgerEntries)
        .where(and(eq(ledgerEntries.kind, 'consultation.topicAdopted'), inArray(ledgerEntries.sourceId, memberTopics.map((t) => t.id)), isNull(ledgerEntries.voidedAt)))
    : [];
  const fresh = memberTopics.filter((t) => !credited.some((c) => c.sourceId === t.id));
  await recordLedger(uow.tx, fresh.map((t) => ({ committeeId: t.committeeId, memberId: t.authorMemberId!, kind: 'consultation.topicAdopted', day: today, sourceType: 'consultationTopic', sourceId: t.id, note: t.title })));
  for (const t of topics.filter((x) => !credited.some((c) => c.sourceId === x.id))) await notifyTopicAuthor(uow.tx, t, `您提出的协商选题已列入${plan.year}年度协商计划：${t.title}`);
}

