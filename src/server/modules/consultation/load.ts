import { and, eq, inArray, isNotNull, ne } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';
import { assignments } from '../../platform/handling/schema.js';
import { authorize, readableIds } from '../../platform/policy/policy.js';
import { consultationPolicy, topicPolicy, type ConsultationSubject } from './policy.js';
import { consultationParticipants, consultationPlans, consultationRecommendations, consultations, consultationTopics } from './schema.js';
import type { Consultation } from './workflow.js';

/**
 * Adds what the policies need: the plan's state, the member participants, the units its
 * recommendations went to — for any number of consultations in four queries (a plan lists ~15).
 */
export async function consultationSubjectsOf(db: Executor, rows: Consultation[]): Promise<ConsultationSubject[]> {
  if (!rows.length) return [];
  const ids = rows.map((c) => c.id);
  const [plans, people, items] = await Promise.all([
    db.select({ id: consultationPlans.id, status: consultationPlans.status }).from(consultationPlans).where(inArray(consultationPlans.id, [...new Set(rows.map((c) => c.planId))])),
    db.select({ consultationId: consultationParticipants.consultationId, memberId: consultationParticipants.memberId }).from(consultationParticipants).where(and(inArray(consultationParticipants.consultationId, ids), isNotNull(consultationParticipants.memberId))),
    db.select({ id: consultationRecommendations.id, consultationId: consultationRecommendations.consultationId }).from(consultationRecommendations).where(inArray(consultationRecommendations.consultationId, ids)),
  ]);
  const units = items.length
    ? await db.select({ subjectId: assignments.subjectId, unitId: assignments.unitId }).from(assignments).where(and(eq(assignments.subjectType, 'consultationItem'), inArray(assignments.subjectId, items.map((i) => i.id)), ne(assignments.status, 'withdrawn')))
    : [];
  const consultationOfItem = new Map(items.map((i) => [i.id, i.consultationId]));
  return rows.map((c) => ({
    ...c,
    planStatus: plans.find((p) => p.id === c.planId)?.status ?? 'draft',
    memberIds: people.filter((p) => p.consultationId === c.id).map((p) => p.memberId!),
    sentToUnitIds: [...new Set(units.filter((u) => consultationOfItem.get(u.subjectId) === c.id).map((u) => u.unitId))],
  }));
}

export const consultationSubjectOf = async (db: Executor, c: Consultation): Promise<ConsultationSubject> => (await consultationSubjectsOf(db, [c]))[0]!;

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
  return readableIds(consultationPolicy, viewer, await consultationSubjectsOf(db, rows));
}
