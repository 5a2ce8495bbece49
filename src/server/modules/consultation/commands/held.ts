import { and, asc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Database, Executor } from '../../../db/client.js';
import type { Actor } from '../../../platform/auth/actor.js';
import type { CommandContext } from '../../../platform/commands/context.js';
import { audit } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/errors.js';
import { inTransaction } from '../../../platform/jobs/after-commit.js';
import { recordLedger } from '../../../platform/ledger/ledger.js';
import { authorize, can } from '../../../platform/policy/policy.js';
import { applyTransition } from '../../../platform/workflow/apply.js';
import { scheduleActivity } from '../../../platform/activity/schedule.js';
import { assignUnits } from '../../../platform/handling/assignments.js';
import { recordInstruction } from '../../../platform/handling/instructions.js';
import { assertOwned } from '../../org/lookups.js';
import { members } from '../../members/schema.js';
import type { assignBody, holdBody, instructionBody, participantBody, reportBody, scheduleBody, speechBody } from '../../../../shared/consultation/inputs.js';
import { outcomeKinds, type OutcomeKind } from '../../../../shared/consultation/labels.js';
import { loadConsultation } from '../load.js';
import { consultationLink, notifyParticipants } from '../notices.js';
import { consultationPolicy } from '../policy.js';
import { consultationItemPort } from '../port.js';
import { consultationParticipants, consultationRecommendations, consultations, consultationSpeeches } from '../schema.js';
import { consultationWorkflow, type Consultation } from '../workflow.js';

const label = consultationPolicy.label;

/**
 * 安排协商活动: the event goes through the activity primitive (the invited members are told and may
 * ask for leave or check in by QR code there); the members become the consultation's participants.
 */
export async function scheduleConsultation({ database, actor, today, now }: CommandContext, { id, ...input }: { id: string } & z.output<typeof scheduleBody>): Promise<Consultation> {
  const c = await loadConsultation(database.db, actor, id);
  if (c.status !== 'planned') throw AppError.invalidState('该协商已经安排');
  if (c.version !== input.version) throw AppError.versionConflict();
  const event = await scheduleActivity(
    { database, actor, today, now },
    { type: 'consultation', link: () => consultationLink(c.id) },
    { kind: 'consultation', title: c.title, startsAt: input.startsAt, endsAt: input.endsAt, location: input.location, mandatory: false, agenda: input.agenda ?? '', invitations: input.memberIds.length ? [{ type: 'members', ids: input.memberIds }] : [] },
  );
  return applyTransition(database, {
    workflow: consultationWorkflow, table: consultations, id, action: 'schedule', actor, version: input.version, label,
    patch: () => ({ activityId: event.id, noticedOn: today }),
    alsoDo: async (row, _before, uow) => {
      if (!input.memberIds.length) return;
      const people = await uow.tx.select({ id: members.id, name: members.name, workplace: members.workplace }).from(members).where(and(eq(members.committeeId, row.committeeId), inArray(members.id, input.memberIds)));
      await uow.tx.insert(consultationParticipants).values(people.map((m) => ({ committeeId: row.committeeId, consultationId: row.id, kind: 'member', memberId: m.id, name: m.name, affiliation: m.workplace ?? '' })));
    },
  });
}

async function manageable(database: Database, actor: Actor, id: string) {
  const c = await loadConsultation(database.db, actor, id);
  authorize(consultationPolicy, 'manage', actor, c);
  return c;
}

/** 邀请专家、群众代表、部门代表: people without accounts take part as named participants. */
export async function addParticipant({ database, actor }: CommandContext, { id, ...p }: { id: string } & z.output<typeof participantBody>) {
  const c = await manageable(database, actor, id);
  return inTransaction(database, async ({ tx }) => {
    const [row] = await tx.insert(consultationParticipants).values({ committeeId: c.committeeId, consultationId: c.id, kind: p.kind, name: p.name, affiliation: p.affiliation }).returning();
    await audit(tx, actor, { action: 'consultation.addParticipant', subjectType: 'consultation', subjectId: c.id, after: row, note: p.name });
    return row;
  });
}

/** 签到: the office checks a participant in (members may also check in through the activity's QR code). */
export async function checkInParticipant({ database, actor, now }: CommandContext, { id, participantId }: { id: string; participantId: string }) {
  const c = await manageable(database, actor, id);
  return inTransaction(database, async ({ tx }) => {
    const [row] = await tx.update(consultationParticipants).set({ checkedInAt: now }).where(and(eq(consultationParticipants.id, participantId), eq(consultationParticipants.consultationId, c.id))).returning();
    if (!row) throw AppError.notFound('参加人员');
    await audit(tx, actor, { action: 'consultation.checkIn', subjectType: 'consultation', subjectId: c.id, note: row.name });
    return row;
  });
}

const speechKind = { oral: 'consultation.speech', written: 'consultation.writtenOpinion' } as const;

/**
 * 发言与书面意见: the office records anyone's speech or written opinion; a participating member hands
 * in a written opinion of their own. A member's speech earns a ledger entry in the same transaction.
 */
export async function recordSpeech({ database, actor, today }: CommandContext, { id, ...s }: { id: string } & z.output<typeof speechBody>) {
  const c = await loadConsultation(database.db, actor, id);
  const office = can(consultationPolicy, 'manage', actor, c);
  let participantId = s.participantId;
  if (!office) {
    authorize(consultationPolicy, 'speak', actor, c);
    if (s.kind !== 'written') throw AppError.field('kind', '发言类型', '委员本人只能提交书面意见');
    const [mine] = await database.db.select().from(consultationParticipants).where(and(eq(consultationParticipants.consultationId, c.id), eq(consultationParticipants.memberId, actor.memberId!)));
    participantId = mine.id;
  }
  if (!participantId) throw AppError.field('participantId', '发言人', '请选择发言人');
  return inTransaction(database, async ({ tx }) => {
    const [who] = await tx.select().from(consultationParticipants).where(and(eq(consultationParticipants.id, participantId!), eq(consultationParticipants.consultationId, c.id)));
    if (!who) throw AppError.field('participantId', '发言人', '不是本次协商的参加人员');
    const [row] = await tx.insert(consultationSpeeches).values({ committeeId: c.committeeId, consultationId: c.id, participantId: who.id, kind: s.kind, text: s.text, recordedByName: actor.name, recordedOn: today }).returning();
    await audit(tx, actor, { action: 'consultation.speech', subjectType: 'consultation', subjectId: c.id, after: { id: row.id, kind: row.kind }, note: who.name });
    if (who.memberId) await recordLedger(tx, [{ committeeId: c.committeeId, memberId: who.memberId, kind: speechKind[s.kind], day: today, sourceType: 'consultation', sourceId: c.id, note: c.title }]);
    return row;
  });
}

/** 召开: the day it was held and its minutes (纪要), recorded `today` (the minutes' time limit is reckoned against it). */
export async function holdConsultation({ database, actor, today }: CommandContext, { id, ...input }: { id: string } & z.output<typeof holdBody>) {
  await loadConsultation(database.db, actor, id);
  return applyTransition(database, {
    workflow: consultationWorkflow, table: consultations, id, action: 'hold', actor, version: input.version, label,
    patch: () => ({ heldOn: input.heldOn, minutes: input.minutes, minutesOn: today }),
  });
}

/** 报送协商成果: the report, 建议案 or 《领导参阅》 goes to the party committee and government; participants are told. */
export async function reportOutcome({ database, actor }: CommandContext, { id, ...input }: { id: string } & z.output<typeof reportBody>) {
  await loadConsultation(database.db, actor, id);
  return applyTransition(database, {
    workflow: consultationWorkflow, table: consultations, id, action: 'report', actor, version: input.version, label,
    patch: () => ({ outcomeKind: input.outcomeKind, outcomeTitle: input.outcomeTitle, outcomeText: input.outcomeText, outcomeSentOn: input.sentOn }),
    alsoDo: async (c, _b, uow) => {
      await notifyParticipants(uow.tx, c.committeeId, c.id, `您参加的协商形成了${outcomeKinds[input.outcomeKind as OutcomeKind]}并已报送党委、政府：${input.outcomeTitle}`);
    },
  });
}

/** 建议交部门办理: each recommendation becomes an item sent to its departments through the handling primitive. */
export async function assignRecommendations({ database, actor, today }: CommandContext, { id, ...input }: { id: string } & z.output<typeof assignBody>) {
  await loadConsultation(database.db, actor, id);
  await assertOwned(database.db, 'units', input.items.flatMap((i) => i.unitIds), actor.committeeId, 'items', '承办部门');
  return applyTransition(database, {
    workflow: consultationWorkflow, table: consultations, id, action: 'assign', actor, version: input.version, label,
    alsoDo: async (c, _b, uow) => {
      for (const [n, item] of input.items.entries()) {
        const [rec] = await uow.tx.insert(consultationRecommendations).values({ committeeId: c.committeeId, consultationId: c.id, year: c.year, position: n + 1, text: item.text }).returning();
        const plan = item.unitIds.length === 1 ? [{ unitId: item.unitIds[0], role: 'sole' as const }] : item.unitIds.map((unitId) => ({ unitId, role: 'split' as const }));
        await assignUnits(uow, { actor, port: consultationItemPort, subject: (await consultationItemPort.load(uow.tx, rec.id))!, plan, today });
      }
      await notifyParticipants(uow.tx, c.committeeId, c.id, `您参加的协商提出的${input.items.length}条建议已交有关部门办理：${c.title}`);
    },
  });
}

/** 批示: a leader's instruction on the outcome, recorded and told to every participant. */
export async function instructConsultation(ctx: CommandContext, { id, ...input }: { id: string } & z.output<typeof instructionBody>) {
  const { database, actor } = ctx;
  const c = await loadConsultation(database.db, actor, id);
  authorize(consultationPolicy, 'instruct', actor, c);
  const row = await recordInstruction(ctx, { subjectType: 'consultation', subjectId: c.id, ...input });
  await inTransaction(database, ({ tx }) => notifyParticipants(tx, c.committeeId, c.id, `您参加的协商成果获${input.leaderName}批示：${c.outcomeTitle ?? c.title}`, input.text));
  return row;
}

/** The recommendations of a consultation, in order. */
export const recommendationsOf = (db: Executor, id: string) =>
  db.select().from(consultationRecommendations).where(eq(consultationRecommendations.consultationId, id)).orderBy(asc(consultationRecommendations.position));
