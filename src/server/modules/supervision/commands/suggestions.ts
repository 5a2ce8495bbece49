import { and, eq, max } from 'drizzle-orm';
import type { z } from 'zod';
import type { Executor, Tx } from '../../../db/client.js';
import type { Actor } from '../../../platform/auth/actor.js';
import type { CommandContext } from '../../../platform/commands/context.js';
import { AppError } from '../../../platform/errors.js';
import { assignUnits } from '../../../platform/handling/assignments.js';
import type { PlannedUnit } from '../../../platform/handling/plan.js';
import { isUnsatisfied, openSecondRound, recordRating, type RatingInput } from '../../../platform/handling/rounds.js';
import { inTransaction } from '../../../platform/jobs/after-commit.js';
import { audit } from '../../../platform/audit/audit.js';
import { authorize, committeeSubject } from '../../../platform/policy/policy.js';
import { createRecord, updateRecord } from '../../../platform/records/records.js';
import { applyTransition } from '../../../platform/workflow/apply.js';
import { assertOwned } from '../../org/lookups.js';
import type { suggestionActionBodies, suggestionDraft, suggestionPatch, SuggestionDecision } from '../../../../shared/supervision/inputs.js';
import { creditDrafted } from '../ledger.js';
import { loadSuggestion, suggestionSubjectOf, withMembers, withParties } from '../load.js';
import { notifyGroup, notifyOffice } from '../notices.js';
import { suggestionCollectionPolicy, suggestionPolicy, type Suggestion as SuggestionSubject } from '../policy.js';
import { suggestionPort } from '../port.js';
import { supervisionFollowUps, supervisionGroups, supervisionSuggestions, supervisionTopics } from '../schema.js';
import { isSupervisionOffice, suggestionWorkflow, type Suggestion, type SuggestionRow } from '../workflow.js';

/** The group exists in the actor's committee, and a member drafts only for a group they belong to. */
async function checkGroupAndTopic(db: Executor, actor: Actor, groupId: string, topicId: string | null | undefined) {
  const [row] = await db.select().from(supervisionGroups).where(and(eq(supervisionGroups.id, groupId), eq(supervisionGroups.committeeId, actor.committeeId)));
  if (!row) throw AppError.field('groupId', '监督小组', '不存在');
  const [group] = await withMembers(db, [row]);
  if (!isSupervisionOffice(actor) && !group.memberIds.includes(actor.memberId ?? '')) throw AppError.field('groupId', '监督小组', '您不是该小组成员');
  if (topicId) {
    const [t] = await db.select({ id: supervisionTopics.id }).from(supervisionTopics).where(and(eq(supervisionTopics.id, topicId), eq(supervisionTopics.committeeId, actor.committeeId)));
    if (!t) throw AppError.field('topicId', '监督议题', '不存在');
  }
  return group;
}

/** A group member (or the office for the group) drafts a supervision suggestion. */
export async function createSuggestion({ database, actor, today }: CommandContext, d: z.output<typeof suggestionDraft>): Promise<SuggestionRow> {
  authorize(suggestionCollectionPolicy, 'create', actor, committeeSubject(actor));
  const group = await checkGroupAndTopic(database.db, actor, d.groupId, d.topicId);
  return createRecord<SuggestionRow>(database, {
    table: supervisionSuggestions, policy: suggestionPolicy, collection: suggestionCollectionPolicy, actor,
    values: { ...d, year: Number(today.slice(0, 4)), draftedByMemberId: actor.memberId, draftedByName: actor.name, leaderMemberId: group.leaderMemberId, groupMemberIds: group.memberIds },
  });
}

export async function updateSuggestion({ database, actor }: CommandContext, { id, ...d }: { id: string } & z.output<typeof suggestionPatch>): Promise<SuggestionRow> {
  const current = await loadSuggestion(database.db, actor, id);
  const { version, ...changes } = d;
  const group = await checkGroupAndTopic(database.db, actor, d.groupId ?? current.groupId, d.topicId);
  const party = d.groupId ? { leaderMemberId: group.leaderMemberId, groupMemberIds: group.memberIds } : {};
  return updateRecord<SuggestionRow, SuggestionSubject>(database, { table: supervisionSuggestions, policy: suggestionPolicy, subjectOf: suggestionSubjectOf, actor, id, version, changes: { ...changes, ...party } });
}

async function nextSerial(tx: Tx, committeeId: string, year: number) {
  const [{ n }] = await tx.select({ n: max(supervisionSuggestions.serial) }).from(supervisionSuggestions).where(and(eq(supervisionSuggestions.committeeId, committeeId), eq(supervisionSuggestions.year, year)));
  return (n ?? 0) + 1;
}

type Payload<A extends SuggestionDecision> = z.output<(typeof suggestionActionBodies)[A]>;

interface Effect<A extends SuggestionDecision> {
  patch?: (s: Suggestion, i: Payload<A>, tx: Tx, now: Date) => Promise<Partial<Suggestion>> | Partial<Suggestion>;
  alsoDo?: (s: Suggestion, i: Payload<A>, tx: Tx, today: string) => Promise<void>;
}

/** What each decision does besides changing the state. */
const effects: { [A in SuggestionDecision]: Effect<A> } = {
  submit: { alsoDo: (s, _i, tx) => notifyOffice(tx, s, `监督小组报送监督建议待审核：${s.title}`) },
  return: { patch: (_s, i) => ({ reviewNote: i.note }), alsoDo: (s, i, tx) => notifyGroup(tx, s, `监督建议被退回修改：${s.title}`, i.note) },
  approve: {
    patch: async (s, i, tx, now) => ({ signedByName: i.signedByName, signedAt: now, serial: s.serial ?? (await nextSerial(tx, s.committeeId, s.year)), reviewNote: null }),
    alsoDo: async (s, _i, tx, today) => {
      await creditDrafted(tx, s, today);
      await notifyGroup(tx, s, `监督建议已审核签发：${s.title}`);
    },
  },
  complete: { patch: (_s, _i, _tx, now) => ({ completedAt: now }), alsoDo: (s, _i, tx) => notifyOffice(tx, s, `监督小组已将监督建议标记办结：${s.title}`) },
};

const transitionOptions = { workflow: suggestionWorkflow, table: supervisionSuggestions, label: '监督建议' } as const;

/**
 * Applies a decision to a suggestion (submit, return, approve, complete).
 * `decideSuggestion(ctx, { id, action: 'approve', input: { version, signedByName } })`
 */
export async function decideSuggestion<A extends SuggestionDecision>({ database, actor, today, now }: CommandContext, { id, action, input }: { id: string; action: A; input: Payload<A> }) {
  await loadSuggestion(database.db, actor, id); // not readable → not found, before any state talk
  const effect = effects[action] as unknown as Effect<A>;
  return applyTransition(database, {
    ...transitionOptions, id, action, actor, version: input.version, note: (input as { note?: string }).note,
    patch: async (s: Suggestion, uow) => (await effect.patch?.(s, input, uow.tx, now)) ?? {},
    alsoDo: async (updated: Suggestion, _before, uow) => effect.alsoDo?.(updated, input, uow.tx, today),
  });
}

/** 发送单位: the office sends the signed-off suggestion to units through the handling primitive. */
export async function assignSuggestion({ database, actor, today }: CommandContext, { id, version, assignments: plan }: { id: string; version: number; assignments: PlannedUnit[] }) {
  await loadSuggestion(database.db, actor, id);
  await assertOwned(database.db, 'units', plan.map((p) => p.unitId), actor.committeeId, 'assignments', '被监督单位');
  return applyTransition(database, {
    ...transitionOptions, id, action: 'assign', actor, version,
    patch: () => ({ handlingRound: 1, sentOn: today }),
    alsoDo: async (s: Suggestion, _before: Suggestion, uow) => {
      await assignUnits(uow, { actor, port: suggestionPort, subject: (await suggestionPort.load(uow.tx, s.id))!, plan, today });
      await notifyGroup(uow.tx, s, `监督建议已发送被监督单位：${s.title}`);
    },
  });
}

/**
 * The group rates the units' replies (the leader, or the office on the group's behalf — recorded
 * under the leader). 满意/基本满意 → 跟踪落实; 不满意 in the first round → 再次办理 with the
 * re-handling period; 不满意 again → 跟踪落实 (the office follows up face to face).
 */
export async function rateSuggestion({ database, actor, today }: CommandContext, { id, version, ...r }: { id: string; version: number } & RatingInput) {
  const current = await loadSuggestion(database.db, actor, id);
  authorize(suggestionPolicy, 'rate', actor, current);
  const again = isUnsatisfied(r) && current.handlingRound < 2;
  return applyTransition(database, {
    ...transitionOptions, id, actor, version, note: r.comment ?? undefined,
    action: again ? 'rateUnsatisfied' : 'rateSatisfied',
    patch: async (s: Suggestion, uow) => {
      await recordRating(uow, { port: suggestionPort, subject: (await suggestionPort.load(uow.tx, s.id))!, memberId: s.leaderMemberId, rating: r });
      return again ? { handlingRound: s.handlingRound + 1 } : {};
    },
    alsoDo: async (s: Suggestion, _before: Suggestion, uow) => {
      if (again) await openSecondRound(uow, { actor, port: suggestionPort, subject: (await suggestionPort.load(uow.tx, s.id))!, today });
    },
  });
}

/** 跟踪落实: the group (or the office) records what it found when following the suggestion up. */
export async function addFollowUp({ database, actor }: CommandContext, { id, ...d }: { id: string; version: number; on: string; text: string }) {
  return inTransaction(database, async (uow) => {
    const [row] = await uow.tx.select().from(supervisionSuggestions).where(eq(supervisionSuggestions.id, id)).for('update');
    if (!row) throw AppError.notFound('监督建议');
    const [s] = await withParties(uow.tx, [row]);
    authorize(suggestionPolicy, 'followUp', actor, s);
    if (row.version !== d.version) throw AppError.versionConflict();
    await uow.tx.insert(supervisionFollowUps).values({ committeeId: row.committeeId, suggestionId: id, on: d.on, text: d.text, authorName: actor.name });
    await uow.tx.update(supervisionSuggestions).set({ version: row.version + 1, updatedAt: new Date() }).where(eq(supervisionSuggestions.id, id));
    await audit(uow.tx, actor, { action: 'supervisionSuggestion.followUp', subjectType: 'supervisionSuggestion', subjectId: id, note: d.text });
  });
}
