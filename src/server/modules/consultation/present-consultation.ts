import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../platform/auth/actor.js';
import { assignments, instructions, replies } from '../../platform/handling/schema.js';
import { presentAssignments, presentReplies } from '../../platform/handling/presenter.js';
import { contactActionsOf } from '../../platform/handling/contacts.js';
import { allowedActions, can } from '../../platform/policy/policy.js';
import { roomPolicy } from './room-policy.js';
import { availableActions } from '../../platform/workflow/workflow.js';
import { loadLookups } from '../org/lookups.js';
import { loadCalendar } from '../../platform/calendar/store.js';
import { instructionLevels } from '../../platform/handling/instructions.js';
import {
  consultationForms, consultationStates, outcomeKinds, participantKinds, speechKinds,
  type ConsultationForm, type ConsultationState, type OutcomeKind, type ParticipantKind, type SpeechKind,
} from '../../../shared/consultation/labels.js';
import { consultationPolicy, type ConsultationSubject } from './policy.js';
import { consultationItemPort, itemTitle } from './port.js';
import { consultationParticipants, consultationRatings, consultationRecommendations, consultationRooms, consultationSpeeches } from './schema.js';
import { keyProposalsOf } from './key-proposals.js';
import { presentQuality } from './quality.js';
import { phaseOf } from './room-workflow.js';
import { roomPhases } from '../../../shared/consultation/labels.js';
import { consultationWorkflow } from './workflow.js';
import { getSettings } from '../../platform/settings/settings.js';
import { consultationSettings } from './settings.js';
import { timingFactsOf } from './reminders.js';
import { consultationTimings } from './timings.js';

/** Workflow and record actions the actor may take: the client shows exactly these buttons. */
export const consultationActions = (actor: Actor, c: ConsultationSubject) => [
  ...availableActions(consultationWorkflow, actor, c).filter((a) => a !== 'finish'),
  ...allowedActions(consultationPolicy, actor, c).filter((a) => a !== 'read'),
];

/**
 * A consultation's page: the plan topic, the event, who took part and what they said, the outcome,
 * the leaders' instructions and each recommendation with its departments and replies — what a
 * participant reads to learn what became of what they said.
 */
export async function presentConsultation(db: Executor, actor: Actor, c: ConsultationSubject, today: string, now: Date) {
  const [people, speeches, recs, ins, lookups, rooms] = await Promise.all([
    db.select().from(consultationParticipants).where(eq(consultationParticipants.consultationId, c.id)).orderBy(asc(consultationParticipants.createdAt)),
    db.select().from(consultationSpeeches).where(eq(consultationSpeeches.consultationId, c.id)).orderBy(asc(consultationSpeeches.createdAt)),
    db.select().from(consultationRecommendations).where(eq(consultationRecommendations.consultationId, c.id)).orderBy(asc(consultationRecommendations.position)),
    db.select().from(instructions).where(and(eq(instructions.subjectType, 'consultation'), eq(instructions.subjectId, c.id))).orderBy(asc(instructions.instructedOn)),
    loadLookups(db, c.committeeId),
    db.select().from(consultationRooms).where(eq(consultationRooms.consultationId, c.id)).orderBy(asc(consultationRooms.opensAt)),
  ]);
  const recIds = recs.map((r) => r.id);
  const [live, rs] = recIds.length
    ? await Promise.all([
        db.select().from(assignments).where(and(eq(assignments.subjectType, 'consultationItem'), inArray(assignments.subjectId, recIds))).orderBy(asc(assignments.createdAt)),
        db.select().from(replies).where(and(eq(replies.subjectType, 'consultationItem'), inArray(replies.subjectId, recIds))).orderBy(asc(replies.createdAt)),
      ])
    : [[], []];
  const unitName = (id: string | null) => (id ? lookups.units.byId.get(id) ?? '' : '');
  const [calendar, facts, rules, ratings] = await Promise.all([
    loadCalendar(db), timingFactsOf(db, [c]), getSettings(db, consultationSettings, c.committeeId, c.year),
    db.select().from(consultationRatings).where(eq(consultationRatings.consultationId, c.id)).orderBy(asc(consultationRatings.createdAt)),
  ]);
  const reckoning = { today, calendar };
  const keys = await keyProposalsOf(db, actor, c);
  const nameOf = new Map(people.map((p) => [p.id, p.name]));
  return {
    id: c.id, version: c.version, planId: c.planId, year: c.year, title: c.title, form: c.form, formLabel: consultationForms[c.form as ConsultationForm] ?? c.form,
    month: c.month, researchFirst: c.researchFirst, description: c.description, status: c.status, statusLabel: consultationStates[c.status as ConsultationState] ?? c.status,
    leadName: c.leadSpecialCommitteeId ? lookups['special-committees'].byId.get(c.leadSpecialCommitteeId) ?? '' : '',
    unitNames: c.unitIds.map((id) => lookups.units.byId.get(id) ?? ''),
    activityId: c.activityId, heldOn: c.heldOn, minutes: c.minutes,
    // 提案办理协商: the key proposals it discusses (and, to the office, those it may pick)
    ...keys,
    // 会务时限: what the office must do by when, and whether it did (members see it too: it is their notice)
    timings: consultationTimings(facts.get(c.id)!, rules, calendar, today),
    quality: presentQuality(actor, c, rules.qualityQuestions, ratings),
    // 网络议政: each room's summary is part of what the consultation produced
    rooms: rooms.map((r) => ({ ...r, phase: phaseOf(r, now) })).filter((r) => can(roomPolicy, 'read', actor, r)).map((r) => ({ id: r.id, title: r.title, phaseLabel: roomPhases[r.phase], summary: r.summary, summarizedOn: r.summarizedOn })),
    outcome: c.outcomeKind ? { kind: c.outcomeKind, kindLabel: outcomeKinds[c.outcomeKind as OutcomeKind], title: c.outcomeTitle ?? '', text: c.outcomeText ?? '', sentOn: c.outcomeSentOn } : null,
    participants: people.map((p) => ({ id: p.id, kind: p.kind, kindLabel: participantKinds[p.kind as ParticipantKind] ?? p.kind, name: p.name, affiliation: p.affiliation, checkedIn: p.checkedInAt !== null, mine: p.memberId !== null && p.memberId === actor.memberId })),
    speeches: speeches.map((s) => ({ id: s.id, kind: s.kind, kindLabel: speechKinds[s.kind as SpeechKind] ?? s.kind, speaker: nameOf.get(s.participantId) ?? '', text: s.text, recordedOn: s.recordedOn })),
    instructions: ins.map((i) => ({ id: i.id, leaderName: i.leaderName, level: i.level, levelLabel: instructionLevels[i.level as keyof typeof instructionLevels] ?? i.level, text: i.text, instructedOn: i.instructedOn })),
    recommendations: recs.map((r) => ({
      id: r.id, version: r.version, position: r.position, text: r.text, handlingStatus: r.handlingStatus,
      handlingLabel: r.handlingStatus === 'replied' ? '已答复' : '办理中',
      assignments: presentAssignments(actor, consultationItemPort, live.filter((a) => a.subjectId === r.id), unitName, reckoning, r.handlingStatus === 'handling'),
      replies: presentReplies(actor, rs.filter((x) => x.subjectId === r.id), unitName),
    })),
    actions: consultationActions(actor, c),
  };
}

/**
 * One recommendation as the shared handling panel reads it (its assignments, replies and round):
 * sending to departments happens on the consultation, so the panel offers no 交办 here.
 */
export async function presentRecommendation(db: Executor, actor: Actor, r: typeof consultationRecommendations.$inferSelect, consultationTitle: string, today: string) {
  const [live, rs, lookups] = await Promise.all([
    db.select().from(assignments).where(and(eq(assignments.subjectType, 'consultationItem'), eq(assignments.subjectId, r.id))).orderBy(asc(assignments.createdAt)),
    db.select().from(replies).where(and(eq(replies.subjectType, 'consultationItem'), eq(replies.subjectId, r.id))).orderBy(asc(replies.createdAt)),
    loadLookups(db, r.committeeId),
  ]);
  const unitName = (id: string | null) => (id ? lookups.units.byId.get(id) ?? '' : '');
  return {
    id: r.id, version: r.version, status: r.handlingStatus, actions: await contactActionsOf(db, actor, consultationItemPort.type, r.id), handlingRound: r.handlingRound, consultationId: r.consultationId, title: itemTitle(consultationTitle, r.text), text: r.text,
    assignments: presentAssignments(actor, consultationItemPort, live, unitName, { today, calendar: await loadCalendar(db) }, r.handlingStatus === 'handling'),
    replies: presentReplies(actor, rs, unitName),
  };
}
