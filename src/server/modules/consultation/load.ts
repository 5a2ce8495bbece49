import { and, eq, inArray, isNotNull, ne } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';
import { assignments } from '../../platform/handling/schema.js';
import { authorize, readableIds } from '../../platform/policy/policy.js';
import { consultationPolicy, topicPolicy, type ConsultationSubject } from './policy.js';
import { consultationParticipants, consultationPlans, consultationRecommendations, consultations, consultationTopics } from './schema.js';
import type { Consultation } from './workflow.js';

/** Adds what the policies need: the plan's state, the member participants, the units its recommendations went to. */
export async function consultationSubjectOf(db: Executor, c: Consultation): Promise<ConsultationSubject> {
  const [plan] = await db.select({ status: consultationPlans.status }).from(consultationPlans).where(eq(consultationPlans.id, c.planId));
  const people = await db.select({ memberId: consultationParticipants.memberId }).from(consultationParticipants).where(and(eq(consultationParticipants.consultationId, c.id), isNotNull(consultationParticipants.memberId)));
  const items = await db.select({ id: consultationRecommendations.id }).from(consultationRecommendations).where(eq(consultationRecommendations.consultationId, c.id));
  const units = items.length
    ? await db.select({ unitId: assignments.unitId }).from(assignments).where(and(eq(assignments.subjectType, 'consultationItem'), inArray(assignments.subjectId, items.map((i) => i.id)), ne(assignments.status, 'withdrawn')))
    : [];
  return { ...c, planStatus: plan?.status ?? 'draft', memberIds: people.map((p) => p.memberId!), sentToUnitIds: [...new Set(units.map((u) => u.unitId))] };
}

/** A consultation the actor may read (else not found), with its parties. */
export async function loadConsultation(db: Executor, actor: Actor, id: string): Promise<ConsultationSubject> {
  const [row] = await db.select().from(consultations).where(eq(consultations.id, id));
  if (!row) throw AppError.notFound(consultationPolicy.label);
  const subject = await consultationSubjectOf(db, row);
  authorize(consultationPolicy, 'read', actor, subject);
  return subject;
}

/** Of the topic suggestions asked, those the viewer may open (a member record's ledger sources). */
export async function readableTopicIds(db: Executor, viewer: Actor, ids: string[]): Promise<Set<string>> {
  return readableIds(topicPolicy, viewer, await db.select().from(consultationTopics).where(inArray(consultationTopics.id, ids)));
}

/** Of the consultations asked, those the viewer may open (a member record's ledger sources). */
export async function readableConsultationIds(db: Executor, viewer: Actor, ids: string[]): Promise<Set<string>> {
  const rows = await db.select().from(consultations).where(inArray(consultations.id, ids));
  return readableIds(consultationPolicy, viewer, await Promise.all(rows.map((c) => consultationSubjectOf(db, c))));
}
