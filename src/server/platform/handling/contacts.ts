import { and, asc, eq, ne } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { loadLookups } from '../../modules/org/lookups.js';
import { units } from '../../modules/org/schema.js';
import { assertOwnedIds } from '../tenancy/owned.js';
import type { Actor } from '../auth/actor.js';
import type { CommandContext } from '../commands/context.js';
import { audit } from '../audit/audit.js';
import { AppError } from '../errors.js';
import { contacts, assignments } from './schema.js';
import { portOf } from './ports.js';
import { contact } from '../../../shared/handling/responses.js';
import { onlyDeclared } from '../http/answers.js';

export interface ContactInput {
  stage: 'before' | 'during' | 'after';
  method: 'visit' | 'phone' | 'meeting' | 'message';
  contactOn: string;
  summary: string;
  /** the unit talked with, when the proposer's side or the office logs it */
  unitId?: string | null;
}

/**
 * Who may log a contact on a subject once it has been assigned (`unitIds`, the units it went to):
 * those units, the overseeing office and admins, and the proposer, for their side of the
 * conversation. The same rule gives the client its 记录沟通 button.
 */
export function mayLogContact(actor: Actor, office: string, subject: { authorMemberIds: string[] }, unitIds: string[]): boolean {
  if (unitIds.length === 0) return false;
  if (actor.roles.includes('unit')) return !!actor.unitId && unitIds.includes(actor.unitId);
  if (actor.roles.includes('admin') || (actor.roles.includes('staff') && actor.office === office)) return true;
  return !!actor.memberId && subject.authorMemberIds.includes(actor.memberId);
}

/**
 * Who may read a subject's contact log: whoever may log a contact on it (its units, the overseeing
 * office and admins, its authors — they read the conversation they take part in) and leaders.
 */
export function mayReadContacts(actor: Actor, office: string, subject: { authorMemberIds: string[] }, unitIds: string[]): boolean {
  if (actor.roles.includes('admin') || actor.roles.includes('leader') || (actor.roles.includes('staff') && actor.office === office)) return true;
  return mayLogContact(actor, office, subject, unitIds);
}

/**
 * The contact actions for a record's `actions`: 记录沟通 (logContact) and reading the log (readContacts).
 * The handling panel asks for the log only with readContacts, so no page asks for what it would be refused.
 */
export function contactActions(actor: Actor, office: string, subject: { authorMemberIds: string[] }, unitIds: string[]): string[] {
  return [...(mayLogContact(actor, office, subject, unitIds) ? ['logContact'] : []), ...(mayReadContacts(actor, office, subject, unitIds) ? ['readContacts'] : [])];
}

/** contactActions for a subject known by its port and id (the subject and its units loaded here). */
export async function contactActionsOf(db: Executor, actor: Actor, type: string, subjectId: string): Promise<string[]> {
  const port = await portOf(type);
  const subject = await port.load(db, subjectId);
  if (!subject) return [];
  return contactActions(actor, port.office, subject, await assignedUnits(db, type, subjectId));
}

/** The units a subject is (still) assigned to. */
async function assignedUnits(db: Executor, type: string, subjectId: string): Promise<string[]> {
  const rows = await db.select({ unitId: assignments.unitId }).from(assignments).where(and(eq(assignments.subjectType, type), eq(assignments.subjectId, subjectId), ne(assignments.status, 'withdrawn')));
  return rows.map((a) => a.unitId);
}

/**
 * Logs a contact with the proposer (办前沟通、办中协商、办后反馈): by the unit, by the overseeing
 * office, or by the proposer themselves, naming the unit they talked with; not dated after today by the app's clock.
 * `logContact(ctx, { type: 'proposal', subjectId, stage: 'before', method: 'visit', contactOn, summary })`
 */
export async function logContact({ database, actor, today }: CommandContext, { type, subjectId, ...input }: { type: string; subjectId: string } & ContactInput) {
  const port = await portOf(type);
  if (input.contactOn > today) throw AppError.field('contactOn', '沟通日期', '不能晚于今天');
  return database.db.transaction(async (tx) => {
    const subject = await port.load(tx, subjectId);
    if (!subject || subject.committeeId !== actor.committeeId) throw AppError.notFound(port.label);
    const assigned = await tx
      .select({ unitId: assignments.unitId })
      .from(assignments)
      .where(and(eq(assignments.subjectType, type), eq(assignments.subjectId, subjectId), ne(assignments.status, 'withdrawn')));
    const unitIds = assigned.map((a) => a.unitId);
    if (!mayLogContact(actor, port.office, subject, unitIds)) {
      if (actor.roles.includes('unit')) throw AppError.notFound(port.label);
      throw AppError.forbidden('没有记录沟通情况的权限');
    }
    await assertOwnedIds(tx, units, [input.unitId], actor.committeeId, 'unitId', '沟通单位');
    const unitId = actor.unitId ?? input.unitId ?? null;
    if (unitId && !unitIds.includes(unitId)) throw AppError.field('unitId', '沟通单位', '应为承办本件的单位');
    const [row] = await tx
      .insert(contacts)
      .values({ stage: input.stage, method: input.method, contactOn: input.contactOn, summary: input.summary, committeeId: actor.committeeId, subjectType: type, subjectId, unitId, authorUserId: actor.userId, authorName: actor.name })
      .returning();
    await audit(tx, actor, { action: 'contact.log', subjectType: type, subjectId, after: row });
    const lookups = await loadLookups(tx, actor.committeeId);
    return onlyDeclared(contact, { ...row, unitName: row.unitId ? lookups.units.byId.get(row.unitId) ?? '' : '' });
  });
}

/**
 * The contacts logged on a subject, oldest first, for the handling panel of subjects whose detail
 * does not carry them. Readable by those mayReadContacts names; anyone else is refused.
 */
export async function listContacts(db: Executor, actor: Actor, type: string, subjectId: string) {
  const port = await portOf(type);
  const subject = await port.load(db, subjectId);
  if (!subject || subject.committeeId !== actor.committeeId) throw AppError.notFound(port.label);
  if (!mayReadContacts(actor, port.office, subject, await assignedUnits(db, type, subjectId))) throw AppError.forbidden('没有查看沟通记录的权限');
  const [rows, lookups] = await Promise.all([
    db.select().from(contacts).where(and(eq(contacts.subjectType, type), eq(contacts.subjectId, subjectId))).orderBy(asc(contacts.contactOn), asc(contacts.createdAt)),
    loadLookups(db, actor.committeeId),
  ]);
  return rows.map((c) => onlyDeclared(contact, { ...c, unitName: c.unitId ? lookups.units.byId.get(c.unitId) ?? '' : '' }));
}
