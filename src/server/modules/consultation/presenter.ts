import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../platform/auth/actor.js';
import { auditLog } from '../../platform/audit/schema.js';
import { allowedActions, can } from '../../platform/policy/policy.js';
import { availableActions } from '../../platform/workflow/workflow.js';
import { loadLookups } from '../org/lookups.js';
import type { Presented } from '../../../shared/http/responses.js';
import {
  consultationForms, consultationStates, planStates, reviewDecisions, reviewSteps, topicSources, topicStates,
  type ConsultationForm, type ConsultationState, type PlanState, type TopicSource, type TopicState,
} from '../../../shared/consultation/labels.js';
import type { planDetail, planSummary, topicDetail, topicRow } from '../../../shared/consultation/responses.js';
import { consultationPolicy, planPolicy, topicPolicy } from './policy.js';
import { consultationSubjectsOf } from './load.js';
import { consultationPlanReviews, consultations, consultationTopics } from './schema.js';
import { isTopicAuthor, planWorkflow, topicWorkflow, type Plan, type Topic } from './workflow.js';
import type { SimilarTopic } from './similar.js';

const labelOf = (labels: Record<string, string>) => (key: string) => labels[key] ?? key;
const historyLabels = new Map<string, string>([
  ...topicWorkflow.transitions.map((t) => [`consultationTopic.${t.action}`, t.label] as const),
  ...planWorkflow.transitions.map((t) => [`consultationPlan.${t.action}`, t.label] as const),
  ['consultationTopic.create', '提出选题'], ['consultationPlan.create', '新建计划'],
  ['consultationPlan.addItem', '列入议题'], ['consultationPlan.updateItem', '调整议题'], ['consultationPlan.removeItem', '移出议题'],
]);

async function history(db: Executor, subjectType: string, id: string) {
  const rows = await db
    .select({ action: auditLog.action, actorName: auditLog.actorName, at: auditLog.at, note: auditLog.note })
    .from(auditLog)
    .where(and(eq(auditLog.subjectType, subjectType), eq(auditLog.subjectId, id)))
    .orderBy(asc(auditLog.at), asc(auditLog.seq));
  return rows.map((h) => ({ ...h, actionLabel: historyLabels.get(h.action) ?? h.action }));
}

/** A suggestion as a row, with the buttons the actor gets (adopting happens on the plan, not here). */
export function presentTopic(actor: Actor, t: Topic): Presented<typeof topicRow> {
  return {
    id: t.id, version: t.version, year: t.year, source: t.source, sourceLabel: labelOf(topicSources)(t.source as TopicSource), title: t.title, reason: t.reason,
    proposerName: t.proposerName, status: t.status, statusLabel: labelOf(topicStates)(t.status as TopicState), feedback: t.feedback,
    contact: can(topicPolicy, 'seeContact', actor, t) && t.contactName ? `${t.contactName} ${t.contactPhone ?? ''}`.trim() : null,
    createdAt: t.createdAt, mine: isTopicAuthor(actor, t),
    actions: availableActions(topicWorkflow, actor, t).filter((a) => a !== 'adopt' && a !== 'unadopt'),
  };
}

export async function presentTopicDetail(db: Executor, actor: Actor, t: Topic, similar: { topics: SimilarTopic[]; proposals: Presented<typeof topicDetail>['similar']['proposals'] }): Promise<Presented<typeof topicDetail>> {
  const [c] = await db.select({ id: consultations.id }).from(consultations).where(eq(consultations.topicId, t.id)).limit(1);
  return { ...presentTopic(actor, t), similar, history: await history(db, 'consultationTopic', t.id), consultationId: c?.id ?? null };
}

export function planActions(actor: Actor, p: Plan): string[] {
  return [...availableActions(planWorkflow, actor, p), ...allowedActions(planPolicy, actor, p).filter((a) => a !== 'read')];
}

export function presentPlanSummary(actor: Actor, p: Plan, itemCount: number): Presented<typeof planSummary> {
  return {
    id: p.id, version: p.version, year: p.year, title: p.title, status: p.status, statusLabel: labelOf(planStates)(p.status as PlanState),
    revision: p.revision, approvedOn: p.approvedOn, itemCount, actions: planActions(actor, p),
  };
}

/**
 * The plan's topics with names for the lead committee and departments, in order; with a `viewer`,
 * the ids of consultations and suggestions they may not open are left out (the printed plan has none).
 */
export async function planItems(db: Executor, p: Plan, viewer?: Actor) {
  const [rows, lookups] = await Promise.all([
    db.select().from(consultations).where(eq(consultations.planId, p.id)).orderBy(asc(consultations.month), asc(consultations.position)),
    loadLookups(db, p.committeeId),
  ]);
  const topicIds = rows.map((r) => r.topicId).filter((x): x is string => !!x);
  const topics = topicIds.length ? await db.select().from(consultationTopics).where(inArray(consultationTopics.id, topicIds)) : [];
  // a viewer is given the ids of only what they may open: a department not taking part reads the
  // plan but not its consultations, a member reads no one else's suggestion
  const opens = viewer ? (await consultationSubjectsOf(db, rows)).map((c) => can(consultationPolicy, 'read', viewer, c)) : rows.map(() => true);
  return rows.map((c, i) => {
    const topic = topics.find((t) => t.id === c.topicId);
    return {
      id: opens[i] ? c.id : null, version: c.version, position: c.position, title: c.title, form: c.form, formLabel: labelOf(consultationForms)(c.form as ConsultationForm),
      leadSpecialCommitteeId: c.leadSpecialCommitteeId, leadName: c.leadSpecialCommitteeId ? lookups['special-committees'].byId.get(c.leadSpecialCommitteeId) ?? '' : '',
      unitIds: c.unitIds, unitNames: c.unitIds.map((id) => lookups.units.byId.get(id) ?? ''),
      month: c.month, researchFirst: c.researchFirst, description: c.description, topicId: topic && (!viewer || can(topicPolicy, 'read', viewer, topic)) ? topic.id : null,
      topicSourceLabel: topic ? labelOf(topicSources)(topic.source as TopicSource) : null,
      status: c.status, statusLabel: labelOf(consultationStates)(c.status as ConsultationState),
    };
  });
}

const stepLabels: Record<string, string> = { ...planStates, submit: '提交审查', revise: '调整计划' };

export async function presentPlan(db: Executor, actor: Actor, p: Plan): Promise<Presented<typeof planDetail>> {
  const [items, reviews, trail] = await Promise.all([
    planItems(db, p, actor),
    db.select().from(consultationPlanReviews).where(eq(consultationPlanReviews.planId, p.id)).orderBy(asc(consultationPlanReviews.createdAt)),
    history(db, 'consultationPlan', p.id),
  ]);
  return {
    ...presentPlanSummary(actor, p, items.length),
    items,
    steps: reviewSteps.map((key) => ({ key, label: planStates[key] })),
    reviews: reviews.map((r) => ({
      revision: r.revision, step: r.step, stepLabel: stepLabels[r.step] ?? r.step, decision: r.decision,
      decisionLabel: labelOf(reviewDecisions)(r.decision), byName: r.byName, note: r.note, decidedOn: r.decidedOn,
    })),
    history: trail,
  };
}
