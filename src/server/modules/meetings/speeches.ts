import { and, desc, eq } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client.js';
import type { Actor } from '../../platform/auth/actor.js';
import { hasRole } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';
import { recordLedger, voidLedger } from '../../platform/ledger/ledger.js';
import { allowedActions, authorize, committeeSubject, definePolicy, type Policy } from '../../platform/policy/policy.js';
import { createRecord } from '../../platform/records/records.js';
import { availableActions, defineWorkflow } from '../../platform/workflow/workflow.js';
import { applyTransition } from '../../platform/workflow/apply.js';
import { sessionFor } from '../proposals/sessions.js';
import { members } from '../members/schema.js';
import { plenarySpeeches } from './schema.js';

export type Speech = typeof plenarySpeeches.$inferSelect;
export const speechStates = { submitted: '已提交', oral: '大会口头发言', written: '书面发言', notUsed: '未采用', withdrawn: '已撤回' } as const;
type SpeechState = keyof typeof speechStates;
type SpeechAction = 'selectOral' | 'selectWritten' | 'notUse' | 'withdraw';

/** The plenary office (办公室) selects speeches; admins too. */
const isMeetingStaff = (a: Actor) => a.roles.includes('admin') || (a.roles.includes('staff') && a.office === 'general');
const staffOnly = (a: Actor) => (isMeetingStaff(a) ? null : '只有办公室工作人员可以遴选大会发言');
const authorOnly = (a: Actor, s: Speech) => (a.memberId === s.memberId ? null : '只有发言人可以撤回');
const decidable: SpeechState[] = ['submitted', 'oral', 'written', 'notUsed'];

/** 大会发言: submitted → oral / written / not used (a choice staff may revise until the session); the author may withdraw before. */
export const speechWorkflow = defineWorkflow<SpeechState, SpeechAction, Speech>({
  name: 'plenarySpeech',
  stateLabels: speechStates,
  transitions: [
    { action: 'selectOral', label: '安排口头发言', from: decidable, to: 'oral', roles: ['staff', 'admin'], guard: staffOnly },
    { action: 'selectWritten', label: '作为书面发言', from: decidable, to: 'written', roles: ['staff', 'admin'], guard: staffOnly },
    { action: 'notUse', label: '不予采用', from: decidable, to: 'notUsed', roles: ['staff', 'admin'], guard: staffOnly },
    { action: 'withdraw', label: '撤回', from: ['submitted'], to: 'withdrawn', roles: ['member'], guard: authorOnly },
  ],
});

export const speechPolicy = definePolicy<Speech, 'read' | 'create'>('plenarySpeech', '大会发言', {
  read: [{ roles: ['staff', 'admin', 'leader'] }, { roles: ['member'], when: (a, s) => a.memberId === s.memberId }],
  create: [{ roles: ['member'] }],
});

const actionOf = { oral: 'selectOral', written: 'selectWritten', notUsed: 'notUse' } as const;

export async function submitSpeech(database: Database, actor: Actor, input: { title: string; body: string; sessionId?: string | null }, today: string): Promise<Speech> {
  if (!actor.memberId) throw AppError.forbidden('只有委员可以提交大会发言');
  const session = input.sessionId ? null : await sessionFor(database.db, actor.committeeId, today);
  return createRecord<Speech>(database, {
    table: plenarySpeeches, policy: speechPolicy as unknown as Policy<Speech, string>, actor,
    values: { title: input.title, body: input.body, sessionId: input.sessionId ?? session?.id ?? null, year: session?.year ?? Number(today.slice(0, 4)), memberId: actor.memberId },
  });
}

/**
 * Staff choose oral, written or not used. The ledger follows the latest choice: the previous
 * speech entry is voided and `speech.oral` / `speech.written` is written for the author.
 */
export async function selectSpeech(database: Database, actor: Actor, id: string, version: number, status: 'oral' | 'written' | 'notUsed', note: string | undefined, today: string): Promise<Speech> {
  return applyTransition(database, {
    workflow: speechWorkflow, table: plenarySpeeches, id, action: actionOf[status], actor, version, label: '大会发言', note,
    patch: () => ({ decidedAt: new Date(), decidedByName: actor.name, decisionNote: note ?? null }),
    alsoDo: async (s: Speech, before: Speech, { tx }) => {
      for (const kind of ['speech.oral', 'speech.written']) await voidLedger(tx, 'plenarySpeech', s.id, kind);
      if (status !== 'notUsed') await recordLedger(tx, [{ committeeId: s.committeeId, memberId: s.memberId, kind: `speech.${status}`, day: today, sourceType: 'plenarySpeech', sourceId: s.id }]);
      void before;
    },
  });
}

export async function withdrawSpeech(database: Database, actor: Actor, id: string, version: number): Promise<Speech> {
  return applyTransition(database, { workflow: speechWorkflow, table: plenarySpeeches, id, action: 'withdraw', actor, version, label: '大会发言' });
}

export async function loadSpeech(db: Executor, actor: Actor, id: string): Promise<Speech> {
  const [s] = await db.select().from(plenarySpeeches).where(eq(plenarySpeeches.id, id));
  if (!s) throw AppError.notFound('大会发言');
  authorize(speechPolicy, 'read', actor, s);
  return s;
}

export async function listSpeeches(db: Executor, actor: Actor, q: { scope: 'mine' | 'all'; year?: number }) {
  const mine = q.scope === 'mine' || !hasRole(actor, 'staff', 'admin', 'leader');
  const where = [eq(plenarySpeeches.committeeId, actor.committeeId)];
  if (mine) where.push(eq(plenarySpeeches.memberId, actor.memberId ?? '00000000-0000-0000-0000-000000000000'));
  if (q.year) where.push(eq(plenarySpeeches.year, q.year));
  const rows = await db
    .select({ s: plenarySpeeches, memberName: members.name })
    .from(plenarySpeeches)
    .leftJoin(members, eq(members.id, plenarySpeeches.memberId))
    .where(and(...where))
    .orderBy(desc(plenarySpeeches.createdAt))
    .limit(500);
  return rows.map((r) => presentSpeech(actor, r.s, r.memberName ?? ''));
}

export function presentSpeech(actor: Actor, s: Speech, memberName: string) {
  return {
    ...s, memberName, statusLabel: speechStates[s.status as SpeechState] ?? s.status,
    actions: [...availableActions(speechWorkflow, actor, s), ...allowedActions(speechPolicy, actor, s).filter((a) => a !== 'read' && a !== 'create')],
  };
}

export const canSubmitSpeech = (actor: Actor) => allowedActions(speechPolicy, actor, committeeSubject(actor) as Speech).includes('create');
