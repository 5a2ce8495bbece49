import { councilStatuses as sharedCouncilStatuses } from '../../../shared/outreach/labels.js';
import type { CommandContext } from '../../platform/commands/context.js';
import type { LedgerEntry } from '../../platform/ledger/ledger.js';
import { authorize, committeeSubject } from '../../platform/policy/policy.js';
import { createRecord, loadRecord, updateRecord } from '../../platform/records/records.js';
import { checkMembers, notAfterToday } from './commands.js';
import { settleLedger } from './ledger.js';
import { councilCollectionPolicy, councilPolicy } from './policy.js';
import { outreachCouncils } from './schema.js';

export type Council = typeof outreachCouncils.$inferSelect;
export const councilStatuses: Record<string, string> = sharedCouncilStatuses;

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
export async function createCouncil({ database, actor, today, now }: CommandContext, input: CouncilInput): Promise<Council> {
  authorize(councilCollectionPolicy, 'create', actor, committeeSubject(actor));
  notAfterToday(input.day, 'day', '日期', today);
  await checkMembers(database.db, actor, input.memberIds, 'memberIds');
  return createRecord<Council>(database, {
    table: outreachCouncils, policy: councilPolicy, collection: councilCollectionPolicy, actor,
    values: { ...input, memberIds: [...new Set(input.memberIds)], status: 'active', createdByUserId: actor.userId },
    alsoDo: async (row, { tx }) => settleLedger(tx, { sourceType: 'outreachCouncil', sourceId: row.id, desired: councilEarns(row), at: now }),
  });
}

/** Corrects a council (e.g. a participant missed): the credit follows the participants. */
export async function updateCouncil({ database, actor, today, now }: CommandContext, { id, version, ...changes }: Partial<CouncilInput> & { id: string; version: number }): Promise<Council> {
  notAfterToday(changes.day, 'day', '日期', today);
  if (changes.memberIds) {
    await loadRecord<Council>(database.db, outreachCouncils, id, actor, councilPolicy);
    await checkMembers(database.db, actor, changes.memberIds, 'memberIds');
    changes = { ...changes, memberIds: [...new Set(changes.memberIds)] };
  }
  const clean = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
  return updateRecord<Council>(database, {
    table: outreachCouncils, policy: councilPolicy, actor, id, version, changes: clean,
    alsoDo: async (row, _b, { tx }) => settleLedger(tx, { sourceType: 'outreachCouncil', sourceId: row.id, desired: councilEarns(row), at: now }),
  });
}

/** 作废 a council recorded by mistake: every participant's credit is voided with it. */
export async function voidCouncil({ database, actor, now }: CommandContext, { id, version, reason }: { id: string; version: number; reason: string }): Promise<Council> {
  return updateRecord<Council>(database, {
    table: outreachCouncils, policy: councilPolicy, actor, id, version, action: 'void',
    changes: { status: 'voided', voidedAt: now, voidedByName: actor.name, voidReason: reason },
    alsoDo: async (row, _b, { tx }) => settleLedger(tx, { sourceType: 'outreachCouncil', sourceId: row.id, desired: [], at: now }),
  });
}
