import type { z } from 'zod';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { CommandContext } from '../../../platform/commands/context.js';
import type { Tx } from '../../../db/client.js';
import { audit } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/errors.js';
import { inTransaction } from '../../../platform/jobs/after-commit.js';
import { settleLedger } from '../../../platform/ledger/settle.js';
import { authorize, committeeSubject } from '../../../platform/policy/policy.js';
import { applyTransition } from '../../../platform/workflow/apply.js';
import type { councilActionBodies, councilCreate, CouncilDecision, councilItemInput, councilItemPatch, councilParticipantInput, councilPatch } from '../../../../shared/consultation/council-inputs.js';
import { members } from '../../members/schema.js';
import { councilEarns, loadCouncil, memberIdsOf, subjectsOf } from '../council-load.js';
import { councilCollectionPolicy, councilPolicy, type CouncilSubject } from '../council-policy.js';
import { councilWorkflow, type Council, type CouncilFacts } from '../council-workflow.js';
import { consultationCouncilItems, consultationCouncilParticipants, consultationCouncils } from '../schema.js';

/** The members at the table are credited for what the council now is (its step, day and topic). */
async function settle(tx: Tx, c: Council, at: Date) {
  const ids = (await memberIdsOf(tx, [c.id])).get(c.id) ?? [];
  await settleLedger(tx, { sourceType: 'consultationCouncil', sourceId: c.id, desired: councilEarns(c, ids), at });
}

/** 收集民意: the general office opens a council on what residents raised. */
export async function createCouncil(ctx: CommandContext, input: z.output<typeof councilCreate>): Promise<Council> {
  const { database, actor, today } = ctx;
  authorize(councilCollectionPolicy, 'create', actor, committeeSubject(actor));
  return inTransaction(database, async ({ tx }) => {
    const [row] = await tx.insert(consultationCouncils)
      .values({ committeeId: actor.committeeId, year: Number(today.slice(0, 4)), topic: input.topic, organizer: input.organizer, place: input.place, opinions: input.opinions ?? null, createdByUserId: actor.userId })
      .returning();
    await audit(tx, actor, { action: 'consultationCouncil.create', subjectType: 'consultationCouncil', subjectId: row.id, after: row });
    return row;
  });
}

/** Corrects the council's texts at any step before it is done; a changed topic moves the members' entries' note with it. */
export async function editCouncil(ctx: CommandContext, { id, version, ...changes }: z.output<typeof councilPatch> & { id: string }): Promise<Council> {
  const clean = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
  return changeCouncil(ctx, { id, version, verb: 'update' }, async (tx, council) => {
    if (Object.keys(clean).length) await tx.update(consultationCouncils).set(clean).where(eq(consultationCouncils.id, id));
    return { before: Object.fromEntries(Object.keys(clean).map((k) => [k, (council as Record<string, unknown>)[k]])), after: clean };
  });
}

type Payload = z.output<(typeof councilActionBodies)[CouncilDecision]>;

/** One of the six steps (or 作废): 协商议事 names the day, 公示公开 the result; the members' credit follows. */
export async function decideCouncil(ctx: CommandContext, input: { id: string; action: CouncilDecision; body: Payload }): Promise<Council> {
  const { database, actor, today, now } = ctx;
  const council = await loadCouncil(database.db, actor, input.id);
  authorize(councilPolicy, 'update', actor, council);
  const { body } = input;
  if ('day' in body && body.day > today) throw AppError.field('day', '议事日期', '不能晚于今天');
  if (input.action === 'deliberate' && council.memberIds.length === 0) throw AppError.invalidState('请先添加参加议事的各方人员');
  return applyTransition(database, {
    workflow: councilWorkflow, table: consultationCouncils, id: council.id, action: input.action, actor, version: body.version, label: councilPolicy.label,
    context: async (_c, { tx }) => factsOf(tx, council.id),
    patch: () =>
      'day' in body ? { day: body.day, ...(body.minutes ? { minutes: body.minutes } : {}) }
      : 'result' in body ? { result: body.result, publishedOn: today }
      : 'reason' in body ? { voidedAt: now, voidedByName: actor.name, voidReason: body.reason }
      : {},
    alsoDo: async (row, _before, { tx }) => settle(tx, row, now),
  });
}

async function factsOf(tx: Tx, councilId: string): Promise<CouncilFacts> {
  const [f] = await tx.select({ items: sql<number>`count(*)::int`, itemsOpen: sql<number>`count(*) filter (where ${consultationCouncilItems.status} <> 'done')::int` })
    .from(consultationCouncilItems).where(eq(consultationCouncilItems.councilId, councilId));
  return f ?? { items: 0, itemsOpen: 0 };
}

/**
 * A change to a council or what hangs on it (participants, items): under the council's row lock, if
 * the person saw its current version (else 409), with one audit row and the members' credit settled.
 */
async function changeCouncil(
  ctx: CommandContext, { id, version, verb, states }: { id: string; version: number; verb: string; states?: { allowed: string[]; message: string } },
  work: (tx: Tx, council: CouncilSubject) => Promise<{ before: unknown; after: unknown }>,
): Promise<Council> {
  const { database, actor, now } = ctx;
  return inTransaction(database, async ({ tx }) => {
    const [row] = await tx.select().from(consultationCouncils).where(eq(consultationCouncils.id, id)).for('update');
    if (!row || row.committeeId !== actor.committeeId) throw AppError.notFound(councilPolicy.label);
    const [council] = await subjectsOf(tx, [row]);
    authorize(councilPolicy, 'read', actor, council);
    authorize(councilPolicy, 'update', actor, council);
    if (row.version !== version) throw AppError.versionConflict();
    if (states && !states.allowed.includes(row.status)) throw AppError.invalidState(states.message);
    const { before, after } = await work(tx, council);
    const [updated] = await tx.update(consultationCouncils).set({ version: row.version + 1, updatedAt: new Date() }).where(eq(consultationCouncils.id, id)).returning();
    await audit(tx, actor, { action: `consultationCouncil.${verb}`, subjectType: 'consultationCouncil', subjectId: id, before, after });
    await settle(tx, updated, now);
    return updated;
  });
}

/**
 * 五方: a member is taken from the roster (name, and their workplace unless another unit is given);
 * anyone else — a resident, an expert, a cadre — is written in, no account needed.
 */
export async function addParticipant(ctx: CommandContext, { id, version, ...p }: z.output<typeof councilParticipantInput> & { id: string }): Promise<Council> {
  const { actor } = ctx;
  return changeCouncil(ctx, { id, version, verb: 'addParticipant' }, async (tx, council) => {
    let { name, unit } = p;
    const memberId = p.party === 'member' ? p.memberId ?? null : null;
    if (p.party === 'member') {
      if (!memberId) throw AppError.field('memberId', '委员', '请选择参加的政协委员');
      const [m] = await tx.select({ name: members.name, workplace: members.workplace }).from(members).where(and(eq(members.id, memberId), eq(members.committeeId, actor.committeeId)));
      if (!m) throw AppError.field('memberId', '委员', '不是本会委员');
      if (council.memberIds.includes(memberId)) throw AppError.field('memberId', '委员', '已在参加人员中');
      name = m.name;
      unit = unit || m.workplace;
    } else if (!name) throw AppError.field('name', '姓名', '请填写参加人员的姓名');
    const [row] = await tx.insert(consultationCouncilParticipants)
      .values({ committeeId: actor.committeeId, councilId: id, party: p.party, name: name!, unit: unit || null, memberId, phone: p.phone || null }).returning();
    // the trail names who was added; a phone is the office's, not the trail's
    return { before: null, after: { id: row.id, party: row.party, name: row.name, unit: row.unit, memberId: row.memberId, phone: row.phone ? '（已登记）' : null } };
  });
}

/** A participant recorded by mistake is taken off; a member's credit goes with them. */
export async function removeParticipant(ctx: CommandContext, { id, participantId, version }: { id: string; participantId: string; version: number }): Promise<Council> {
  return changeCouncil(ctx, { id, version, verb: 'removeParticipant' }, async (tx) => {
    const [row] = await tx.delete(consultationCouncilParticipants)
      .where(and(eq(consultationCouncilParticipants.id, participantId), eq(consultationCouncilParticipants.councilId, id))).returning();
    if (!row) throw AppError.notFound('参加人员');
    return { before: { id: row.id, party: row.party, name: row.name, unit: row.unit, memberId: row.memberId }, after: null };
  });
}

const itemSteps = { allowed: ['deliberating', 'published', 'following'], message: '协商议事之后才能记录议定事项' };

/** 议定事项: what the council agreed, with the unit responsible and a time limit. */
export async function addItem(ctx: CommandContext, { id, version, ...item }: z.output<typeof councilItemInput> & { id: string }): Promise<Council> {
  const { actor } = ctx;
  return changeCouncil(ctx, { id, version, verb: 'addItem', states: itemSteps }, async (tx) => {
    const existing = await tx.select({ id: consultationCouncilItems.id }).from(consultationCouncilItems).where(eq(consultationCouncilItems.councilId, id)).orderBy(asc(consultationCouncilItems.position));
    const [row] = await tx.insert(consultationCouncilItems)
      .values({ committeeId: actor.committeeId, councilId: id, position: existing.length + 1, title: item.title, responsible: item.responsible, dueOn: item.dueOn ?? null }).returning();
    return { before: null, after: row };
  });
}

/** 跟踪落实: the progress of an item, marked done (dated by the app's clock) or reopened. */
export async function updateItem(ctx: CommandContext, { id, itemId, version, status, progress }: z.output<typeof councilItemPatch> & { id: string; itemId: string }): Promise<Council> {
  const { today } = ctx;
  return changeCouncil(ctx, { id, version, verb: 'updateItem', states: itemSteps }, async (tx) => {
    const [before] = await tx.select().from(consultationCouncilItems).where(and(eq(consultationCouncilItems.id, itemId), eq(consultationCouncilItems.councilId, id)));
    if (!before) throw AppError.notFound('议定事项');
    const changes = {
      ...(progress !== undefined ? { progress: progress || null } : {}),
      ...(status ? { status, doneOn: status === 'done' ? (before.status === 'done' ? before.doneOn : today) : null } : {}),
    };
    const [row] = await tx.update(consultationCouncilItems).set({ ...changes, version: before.version + 1, updatedAt: new Date() }).where(eq(consultationCouncilItems.id, itemId)).returning();
    return { before: { id: itemId, title: before.title, status: before.status, progress: before.progress }, after: { id: itemId, title: row.title, status: row.status, progress: row.progress } };
  });
}
