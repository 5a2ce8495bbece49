import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { CommandContext } from '../../platform/commands/context.js';
import { AppError } from '../../platform/errors.js';
import { createRecord, loadRecord, updateRecord } from '../../platform/records/records.js';
import { members } from '../members/schema.js';
import { settleLedger } from '../../platform/ledger/settle.js';
import { earnsOf, ownedKinds, policyOf, type Contact, type Deed, type OwnedKey, type OwnedRow, type Partner } from './kinds.js';
import { keepsOutreach, ownedCollectionPolicy } from './policy.js';
import { outreachPartners, type ContactPerson } from './schema.js';


/**
 * Whose record: a member records their own; staff and admins name the member (of their committee).
 */
export async function memberFor(db: Executor, actor: Actor, wanted: string | undefined): Promise<string> {
  if (!keepsOutreach(actor)) {
    if (!actor.memberId) throw AppError.forbidden('只有委员可以记录联系群众情况');
    if (wanted && wanted !== actor.memberId) throw AppError.forbidden('只能记录本人的联系群众情况');
    return actor.memberId;
  }
  const id = wanted ?? actor.memberId;
  if (!id) throw AppError.field('memberId', '委员', '必填');
  await checkMembers(db, actor, [id], 'memberId');
  return id;
}

/** Every id names a member of the actor's committee, else a field error. */
export async function checkMembers(db: Executor, actor: Actor, ids: string[], field: string): Promise<void> {
  const found = await db.select({ id: members.id }).from(members).where(and(eq(members.committeeId, actor.committeeId), inArray(members.id, ids)));
  if (found.length !== new Set(ids).size) throw AppError.field(field, field === 'memberIds' ? '参加委员' : '委员', '不是本会委员');
}

/** Dates of contacts and deeds are of what happened: never later than today. */
export function notAfterToday(value: string | undefined | null, field: string, label: string, today: string) {
  if (value && value > today) throw AppError.field(field, label, '不能晚于今天');
}

/**
 * A person marked as a paired contact must be one of this member's active paired contacts (or, on an
 * edit, one the contact already named: a pairing ended since keeps its logged contacts); the name follows the pair.
 */
async function checkPeople(db: Executor, memberId: string, people: ContactPerson[] | undefined, already: ContactPerson[] = []): Promise<ContactPerson[] | undefined> {
  if (!people) return undefined;
  const ids = people.map((p) => p.partnerId).filter((x): x is string => !!x);
  const pairs = ids.length ? await db.select().from(outreachPartners).where(and(eq(outreachPartners.memberId, memberId), inArray(outreachPartners.id, ids))) : [];
  return people.map((p, i) => {
    if (!p.partnerId) return { name: p.name, sector: p.sector ?? '', partnerId: null };
    const pair = pairs.find((x) => x.id === p.partnerId && (x.status === 'active' || (x.status === 'ended' && already.some((a) => a.partnerId === x.id))));
    if (!pair) throw AppError.field(`people.${i}.partnerId`, '结对联系对象', '不是该委员结对中的联系对象');
    return { name: pair.name, sector: pair.sector, partnerId: pair.id };
  });
}

/** Checked after the write (authorised, current version) so a refused caller learns nothing; throwing rolls it back. */
function deedDatesInOrder(d: Deed) {
  if (d.completedOn && d.day > d.completedOn) throw AppError.field('completedOn', '办结日期', '不能早于开始日期');
}

function checkDates(key: OwnedKey, v: Record<string, any>, today: string) {
  if (key === 'contacts') notAfterToday(v.day, 'day', '联系日期', today);
  if (key === 'deeds') notAfterToday(v.day, 'day', '开始日期', today);
  if (key === 'services') notAfterToday(v.day, 'day', '活动日期', today);
}

/** Records an item for a member, with its audit row and what it earns in the ledger, in one transaction. */
export async function createOwned({ database, actor, today, now }: CommandContext, key: OwnedKey, input: Record<string, any>): Promise<OwnedRow> {
  const kind = ownedKinds[key];
  const { memberId: wanted, ...fields } = input;
  const memberId = await memberFor(database.db, actor, wanted);
  checkDates(key, fields, today);
  if (key === 'contacts') fields.people = await checkPeople(database.db, memberId, fields.people);
  return createRecord<OwnedRow>(database, {
    table: kind.table, policy: policyOf(key), collection: ownedCollectionPolicy, actor,
    values: { ...fields, memberId, status: kind.initialStatus, createdByUserId: actor.userId },
    alsoDo: async (row, { tx }) => settleLedger(tx, { sourceType: kind.sourceType, sourceId: row.id, desired: earnsOf(key, row), at: now }),
  });
}

/** Edits an item the actor saw at `version` (else 409); the ledger follows the edit. */
export async function updateOwned({ database, actor, today, now }: CommandContext, key: OwnedKey, { id, version, ...changes }: { id: string; version: number } & Record<string, any>): Promise<OwnedRow> {
  const kind = ownedKinds[key];
  checkDates(key, changes, today);
  const clean = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
  if (key === 'contacts' && clean.people) {
    const row = await loadRecord<OwnedRow>(database.db, kind.table, id, actor, policyOf(key));
    clean.people = await checkPeople(database.db, row.memberId, clean.people, (row as Contact).people);
  }
  return updateRecord<OwnedRow>(database, {
    table: kind.table, policy: policyOf(key), actor, id, version, changes: clean,
    alsoDo: async (row, _before, { tx }) => {
      if (key === 'deeds') deedDatesInOrder(row as Deed);
      await settleLedger(tx, { sourceType: kind.sourceType, sourceId: row.id, desired: earnsOf(key, row), at: now });
    },
  });
}

/** 作废: staff void an item with a reason; nothing is deleted, and whatever it earned is voided in the ledger. */
export async function voidOwned({ database, actor, now }: CommandContext, key: OwnedKey, { id, version, reason }: { id: string; version: number; reason: string }): Promise<OwnedRow> {
  const kind = ownedKinds[key];
  return updateRecord<OwnedRow>(database, {
    table: kind.table, policy: policyOf(key), actor, id, version, action: 'void',
    changes: { status: 'voided', voidedAt: now, voidedByName: actor.name, voidReason: reason },
    alsoDo: async (row, _before, { tx }) => settleLedger(tx, { sourceType: kind.sourceType, sourceId: row.id, desired: [], at: now }),
  });
}

/** 办结: a deed is closed on the day it was done; only then does it count (outreach.deed on that day). */
export async function completeDeed({ database, actor, today, now }: CommandContext, { id, version, completedOn, result }: { id: string; version: number; completedOn: string; result?: string | null }): Promise<Deed> {
  notAfterToday(completedOn, 'completedOn', '办结日期', today);
  return updateRecord<Deed>(database, {
    table: ownedKinds.deeds.table, policy: policyOf('deeds'), actor, id, version, action: 'complete',
    changes: { status: 'done', completedOn, result: result ?? null },
    alsoDo: async (row, _before, { tx }) => {
      deedDatesInOrder(row);
      await settleLedger(tx, { sourceType: 'outreachDeed', sourceId: row.id, desired: earnsOf('deeds', row), at: now });
    },
  });
}

/** 解除结对: the pairing ends; contacts already logged with the person keep counting. */
export async function endPartner({ database, actor }: CommandContext, { id, version }: { id: string; version: number }): Promise<Partner> {
  return updateRecord<OwnedRow>(database, { table: ownedKinds.partners.table, policy: policyOf('partners'), actor, id, version, action: 'end', changes: { status: 'ended' } }) as Promise<Partner>;
}

export type { Contact };
