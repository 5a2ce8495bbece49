import type { Database } from '../../db/client.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { LedgerEntry } from '../../platform/ledger/ledger.js';
import { AppError } from '../../platform/errors.js';
import { can, committeeSubject, type Policy } from '../../platform/policy/policy.js';
import { createRecord, loadRecord, updateRecord } from '../../platform/records/records.js';
import { checkMembers, notAfterToday } from './commands.js';
import { settleLedger } from './ledger.js';
import { councilPolicy, type CouncilRecord } from './policy.js';
import { outreachCouncils } from './schema.js';

export type Council = typeof outreachCouncils.$inferSelect;
type Row = CouncilRecord & { id: string; version: number };
const policy = councilPolicy as unknown as Policy<Row, string>;
export const councilStatuses: Record<string, string> = { active: '有效', voided: '已作废' };

/** 参加民生议事会: every participating member of a live council, on the council's day. */
export const councilEarns = (c: Council): LedgerEntry[] =>
  c.status === 'active'
    ? [...new Set(c.memberIds)].map((memberId) => ({ committeeId: c.committeeId, memberId, kind: 'consultation.council', day: c.day, sourceType: 'outreachCouncil', sourceId: c.id, part: 'lead' as const, note: c.topic }))
    : [];

export interface CouncilInput {
  topic: string;
  day: string;
  place: string;
  memberIds: string[];
  summary?: string | null;
}

/** Staff record a council that took place; its participants are credited in the same transaction. */
export async function createCouncil(database: Database, actor: Actor, input: CouncilInput, today: string): Promise<Council> {
  if (!can(policy, 'create', actor, { ...committeeSubject(actor), memberIds: [], status: 'active' } as unknown as Row)) throw AppError.forbidden('只有工作人员可以记录民生议事会');
  notAfterToday(input.day, 'day', '日期', today);
  await checkMembers(database.db, actor, input.memberIds, 'memberIds');
  return (await createRecord<Row>(database, {
    table: outreachCouncils, policy, actor,
    values: { ...input, memberIds: [...new Set(input.memberIds)], status: 'active', createdByUserId: actor.userId },
    alsoDo: async (row, { tx }) => settleLedger(tx, 'outreachCouncil', row.id, councilEarns(row as unknown as Council)),
  })) as unknown as Council;
}

/** Corrects a council (e.g. a participant missed): the credit follows the participants. */
export async function updateCouncil(database: Database, actor: Actor, id: string, version: number, changes: Partial<CouncilInput>, today: string): Promise<Council> {
  notAfterToday(changes.day, 'day', '日期', today);
  if (changes.memberIds) {
    await loadRecord<Row>(database.db, outreachCouncils, id, actor, policy);
    await checkMembers(database.db, actor, changes.memberIds, 'memberIds');
    changes = { ...changes, memberIds: [...new Set(changes.memberIds)] };
  }
  const clean = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
  return (await updateRecord<Row>(database, {
    table: outreachCouncils, policy, actor, id, version, changes: clean,
    alsoDo: async (row, _b, { tx }) => settleLedger(tx, 'outreachCouncil', row.id, councilEarns(row as unknown as Council)),
  })) as unknown as Council;
}

/** 作废 a council recorded by mistake: every participant's credit is voided with it. */
export async function voidCouncil(database: Database, actor: Actor, id: string, version: number, reason: string): Promise<Council> {
  return (await updateRecord<Row>(database, {
    table: outreachCouncils, policy, actor, id, version, action: 'void',
    changes: { status: 'voided', voidedAt: new Date(), voidedByName: actor.name, voidReason: reason },
    alsoDo: async (row, _b, { tx }) => settleLedger(tx, 'outreachCouncil', row.id, []),
  })) as unknown as Council;
}
