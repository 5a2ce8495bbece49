import { and, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { CommandContext } from '../../../platform/commands/context.js';
import type { Executor } from '../../../db/client.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { users } from '../../../platform/auth/schema.js';
import { audit } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/errors.js';
import { authorize, can, committeeSubject } from '../../../platform/policy/policy.js';
import { notify } from '../../../platform/notifications/notify.js';
import { inTransaction, type UnitOfWork } from '../../../platform/jobs/after-commit.js';
import { applyTransition, transitionWithin } from '../../../platform/workflow/apply.js';
import { scheduleActivity } from '../../../platform/activity/schedule.js';
import type { ActivityOwner } from '../../../platform/activity/owner.js';
import { members } from '../../members/schema.js';
import { cosigners, proposals } from '../schema.js';
import { creditKey } from '../ledger.js';
import { loadProposal } from '../load.js';
import { filedStates, type ProposalState } from '../workflow.js';
import type { ExcellentAction, KeyAction, excellentActionBody, keyActionBodies, nominateBody, shortlistBody } from '../../../../shared/proposals/key.js';
import { keyActions } from '../../../../shared/proposals/key.js';
import { keyCollectionPolicy, keyPolicy, nominationPolicy } from './policy.js';
import { excellentNominations, keyProposalSchedules, keyProposals } from './schema.js';
import { excellentWorkflow, keyWorkflow, type KeyProposal, type Nomination } from './workflow.js';

const link = (proposalId: string) => `/proposals/${proposalId}`;
/** 调度 meetings belong to the key proposal: notices about one open the proposal's page. */
export const keyScheduleOwner = (proposalId: string): ActivityOwner => ({ type: 'keyProposal', link: () => link(proposalId), convenedFor: 'proposal' });

/** A leader account of the actor's committee, or a clear error naming the field. */
async function leaderAccount(db: Executor, actor: Actor, id: string, field: string, label: string) {
  const [u] = await db.select().from(users).where(eq(users.id, id));
  if (!u || u.committeeId !== actor.committeeId || !u.active || !u.roles.includes('leader')) throw AppError.field(field, label, '须为本会在用的领导账号');
  return u;
}

/** 拟重点: the proposal office shortlists a filed proposal (once) with why. */
export async function shortlistKey({ database, actor, today }: CommandContext, input: z.output<typeof shortlistBody>) {
  authorize(keyCollectionPolicy, 'shortlist', actor, committeeSubject(actor));
  const p = await loadProposal(database.db, actor, input.proposalId);
  if (!filedStates.includes(p.status as ProposalState) || p.historical) throw AppError.invalidState('只有本届已立案的提案可以列为拟重点提案');
  return inTransaction(database, async ({ tx }) => {
    const [exists] = await tx.select({ id: keyProposals.id }).from(keyProposals).where(eq(keyProposals.proposalId, p.id));
    if (exists) throw AppError.invalidState('这件提案已列入重点提案遴选');
    const [row] = await tx.insert(keyProposals).values({ committeeId: p.committeeId, proposalId: p.id, year: p.year, shortlistNote: input.note, shortlistedOn: today, shortlistedByUserId: actor.userId }).returning();
    await audit(tx, actor, { action: 'keyProposal.shortlist', subjectType: 'proposal', subjectId: p.id, after: { keyProposalId: row.id, status: row.status }, note: `${today} ${input.note}` });
    return row;
  });
}

type KeyPayload = z.output<(typeof keyActionBodies)[KeyAction]>;
const keyContext = async (k: KeyProposal, uow: UnitOfWork) => {
  const [p] = await uow.tx.select({ status: proposals.status }).from(proposals).where(eq(proposals.id, k.proposalId));
  return { proposalStatus: p?.status ?? '' };
};

/** The authors of a proposal who are serving members (invited to a 调度 meeting). */
async function activeAuthors(db: Executor, proposalId: string) {
  const [p] = await db.select({ lead: proposals.leadMemberId }).from(proposals).where(eq(proposals.id, proposalId));
  const cs = await db.select({ id: cosigners.memberId }).from(cosigners).where(and(eq(cosigners.proposalId, proposalId), eq(cosigners.status, 'confirmed')));
  const ids = [...new Set([p?.lead, ...cs.map((c) => c.id)].filter((x): x is string => !!x))];
  if (!ids.length) return [];
  return (await db.select({ id: members.id }).from(members).where(and(inArray(members.id, ids), eq(members.status, 'active')))).map((m) => m.id);
}

/**
 * A key proposal the actor may read — through its proposal, which they must be able to read too —
 * or not found, worded the same whether it is another committee's, hidden or made up.
 */
async function loadKey(db: Executor, actor: Actor, id: string) {
  const [k] = await db.select().from(keyProposals).where(eq(keyProposals.id, id));
  if (!k || !can(keyPolicy, 'read', actor, k) || !(await readsProposal(db, actor, k.proposalId))) throw AppError.notFound('重点提案');
  return k;
}

async function readsProposal(db: Executor, actor: Actor, proposalId: string) {
  try {
    await loadProposal(db, actor, proposalId);
    return true;
  } catch {
    return false;
  }
}

/**
 * One step of a key proposal, in the workflow's order: the chairs' meeting's decision (the office
 * records it: date, meeting, the leading chair and the government leader — making the proposal key
 * and crediting its authors), then the chair's 阅批, 调度 (scheduling a meeting or inspection through
 * the activity primitive, linked both ways) and 阅签. Each goes on the proposal's timeline with its
 * date and text; a stale version is refused (409).
 * `keyAction(ctx, { id, action: 'review', input: { version, text } })`
 */
export async function keyAction(ctx: CommandContext, { id, action, input }: { id: string; action: KeyAction; input: KeyPayload }) {
  const { database, actor, today } = ctx;
  const k = await loadKey(database.db, actor, id);
  const base = { workflow: keyWorkflow, table: keyProposals, id, action, actor, version: input.version, label: '重点提案', context: keyContext, auditAs: (r: KeyProposal) => ({ subjectType: 'proposal', subjectId: r.proposalId }) };
  if (action === 'select') {
    const v = input as z.output<(typeof keyActionBodies)['select']>;
    const chair = await leaderAccount(database.db, actor, v.chairUserId, 'chairUserId', '领衔督办政协领导');
    if (v.govLeaderUserId) await leaderAccount(database.db, actor, v.govLeaderUserId, 'govLeaderUserId', '领办政府领导（账号）');
    return applyTransition(database, {
      ...base,
      note: `${v.decidedOn} ${v.decisionRef}；领衔督办：${chair.displayName}；领办：${v.govLeaderName}`,
      patch: () => ({ decidedOn: v.decidedOn, decisionRef: v.decisionRef, chairUserId: chair.id, chairName: chair.displayName, govLeaderUserId: v.govLeaderUserId ?? null, govLeaderName: v.govLeaderName }),
      alsoDo: async (row, _b, { tx }) => {
        const [p] = await tx.update(proposals).set({ isKey: true, keyLeaderUserId: chair.id, keyLeaderName: chair.displayName, version: sql`${proposals.version} + 1`, updatedAt: new Date() }).where(eq(proposals.id, row.proposalId)).returning();
        await creditKey(tx, p, 'proposal.key', v.decidedOn);
        const leaders = [chair.id, ...(v.govLeaderUserId ? [v.govLeaderUserId] : [])];
        await notify(tx, { committeeId: row.committeeId, userIds: [...new Set(leaders)], title: `请领衔督办重点提案：${p.title}`, link: link(p.id) });
      },
    });
  }
  if (action === 'decline') {
    const v = input as z.output<(typeof keyActionBodies)['decline']>;
    return applyTransition(database, { ...base, note: `${v.decidedOn} ${v.decisionRef}`, patch: () => ({ decidedOn: v.decidedOn, decisionRef: v.decisionRef }) });
  }
  if (action === 'review') {
    const v = input as z.output<(typeof keyActionBodies)['review']>;
    return applyTransition(database, { ...base, note: `${today} ${v.text}`, patch: () => ({ reviewedOn: today, reviewText: v.text }) });
  }
  if (action === 'signOff') {
    const v = input as z.output<(typeof keyActionBodies)['signOff']>;
    return applyTransition(database, { ...base, note: `${today} ${v.text}`, patch: () => ({ signedOn: today, signText: v.text }) });
  }
  const v = input as z.output<(typeof keyActionBodies)['schedule']>;
  const invited = await activeAuthors(database.db, k.proposalId);
  // the leading chair convenes (the workflow's guard, in the event's transaction below); the
  // proposal office organises the event (invitations, check-in, minutes): keyScheduleOwner says so
  let updated: KeyProposal | null = null;
  const event = await scheduleActivity(
    ctx,
    keyScheduleOwner(k.proposalId),
    { kind: v.kind, title: v.title, startsAt: v.startsAt, endsAt: v.endsAt, location: v.place, mandatory: false, agenda: v.agenda, invitations: invited.length ? [{ type: 'members', ids: invited }] : [] },
    // the step, its link and the audit row in the event's transaction: no meeting without its step
    async (ev, uow) => {
      updated = await transitionWithin(uow, { ...base, note: `${today} ${keyActions.schedule}：${v.title}（${v.place}）`, alsoDo: async (row, _b, { tx }) => {
        await tx.insert(keyProposalSchedules).values({ committeeId: row.committeeId, keyProposalId: row.id, proposalId: row.proposalId, activityId: ev.id, agenda: v.agenda, scheduledOn: today });
      } });
    },
  );
  return { ...(updated as unknown as KeyProposal), activityId: event.id };
}


/** 推荐优秀提案: the office enters a nomination of a filed proposal, its own or a special committee's. */
export async function nominateExcellent({ database, actor, today }: CommandContext, input: z.output<typeof nominateBody>) {
  authorize(keyCollectionPolicy, 'nominate', actor, committeeSubject(actor));
  const p = await loadProposal(database.db, actor, input.proposalId);
  if (!filedStates.includes(p.status as ProposalState) || p.historical) throw AppError.invalidState('只有本届已立案的提案可以推荐为优秀提案');
  if (input.source === 'specialCommittee' && !input.specialCommitteeId) throw AppError.field('specialCommitteeId', '推荐的专门委员会', '请选择推荐的专门委员会');
  return inTransaction(database, async ({ tx }) => {
    const [exists] = await tx.select({ id: excellentNominations.id }).from(excellentNominations).where(eq(excellentNominations.proposalId, p.id));
    if (exists) throw AppError.invalidState('这件提案已被推荐');
    const [row] = await tx.insert(excellentNominations).values({
      committeeId: p.committeeId, proposalId: p.id, year: p.year, source: input.source, specialCommitteeId: input.source === 'specialCommittee' ? input.specialCommitteeId ?? null : null, reason: input.reason, nominatedOn: today,
    }).returning();
    await audit(tx, actor, { action: 'excellentProposal.nominate', subjectType: 'proposal', subjectId: p.id, after: { nominationId: row.id, source: row.source }, note: `${today} ${input.reason}` });
    return row;
  });
}

/**
 * 优秀提案 through review and decision to the portal: deciding marks the proposal excellent and
 * credits its authors (`proposal.excellent`, scored by the presets' items); publishing lists it
 * in the portal's 优秀提案 section.
 */
export async function excellentAction({ database, actor, today }: CommandContext, { id, action, input }: { id: string; action: ExcellentAction; input: z.output<typeof excellentActionBody> }) {
  const [n] = await database.db.select().from(excellentNominations).where(eq(excellentNominations.id, id));
  if (!n || !can(nominationPolicy, 'read', actor, n) || !(await readsProposal(database.db, actor, n.proposalId))) throw AppError.notFound('优秀提案推荐');
  if (action === 'reject' && !input.note) throw AppError.field('note', '意见', '不予评定须说明理由');
  return applyTransition(database, {
    workflow: excellentWorkflow, table: excellentNominations, id, action, actor, version: input.version, label: '优秀提案推荐',
    auditAs: (r: Nomination) => ({ subjectType: 'proposal', subjectId: r.proposalId }),
    note: input.note ? `${today} ${input.note}` : today,
    patch: () => (action === 'decide' ? { decidedOn: today, note: input.note ?? null } : action === 'publish' ? { publishedOn: today } : action === 'reject' ? { note: input.note ?? null } : {}),
    alsoDo: async (row, _b, { tx }) => {
      if (action !== 'decide') return;
      const [p] = await tx.update(proposals).set({ isExcellent: true, version: sql`${proposals.version} + 1`, updatedAt: new Date() }).where(eq(proposals.id, row.proposalId)).returning();
      await creditKey(tx, p, 'proposal.excellent', today);
    },
  });
}
