import { and, asc, eq, ne } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client.js';
import { loadLookups } from '../../modules/org/lookups.js';
import type { Actor } from '../auth/actor.js';
import { audit } from '../audit/audit.js';
import { AppError } from '../errors.js';
import { contacts, assignments } from './schema.js';
import { portOf } from './ports.js';

export interface ContactInput {
  stage: 'before' | 'during' | 'after';
  method: 'visit' | 'phone' | 'meeting' | 'message';
  contactOn: string;
  summary: string;
}

/**
 * Logs a contact with the proposer (办前沟通、办中协商、办后反馈). Units log for subjects assigned to
 * them; the overseeing office may log too.
 */
export async function logContact(database: Database, actor: Actor, type: string, subjectId: string, input: ContactInput, today: string) {
  const port = portOf(type);
  if (input.contactOn > today) throw AppError.field('contactOn', '沟通日期', '不能晚于今天');
  return database.db.transaction(async (tx) => {
    const subject = await port.load(tx, subjectId);
    if (!subject || subject.committeeId !== actor.committeeId) throw AppError.notFound(port.label);
    if (actor.roles.includes('unit')) {
      const mine = await tx
        .select({ id: assignments.id })
        .from(assignments)
        .where(and(eq(assignments.subjectType, type), eq(assignments.subjectId, subjectId), eq(assignments.unitId, actor.unitId ?? '')));
      if (mine.length === 0) throw AppError.notFound(port.label);
    } else if (!(actor.roles.includes('admin') || actor.office === port.office)) throw AppError.forbidden('没有记录沟通情况的权限');
    const [row] = await tx
      .insert(contacts)
      .values({ ...input, committeeId: actor.committeeId, subjectType: type, subjectId, unitId: actor.unitId, authorUserId: actor.userId, authorName: actor.name })
      .returning();
    await audit(tx, actor, { action: 'contact.log', subjectType: type, subjectId, after: row });
    return row;
  });
}

/**
 * The contacts logged on a subject, oldest first, for the handling panel of subjects whose detail
 * does not carry them. Readable by the overseeing office, admins and leaders, and by units that
 * were assigned the subject; others (members read their proposal's contacts on its detail) are refused.
 */
export async function listContacts(db: Executor, actor: Actor, type: string, subjectId: string) {
  const port = portOf(type);
  const subject = await port.load(db, subjectId);
  if (!subject || subject.committeeId !== actor.committeeId) throw AppError.notFound(port.label);
  const overseer = actor.roles.includes('admin') || actor.roles.includes('leader') || (actor.roles.includes('staff') && actor.office === port.office);
  if (!overseer) {
    const assigned = actor.roles.includes('unit') && actor.unitId
      ? await db.select({ id: assignments.id }).from(assignments).where(and(eq(assignments.subjectType, type), eq(assignments.subjectId, subjectId), eq(assignments.unitId, actor.unitId), ne(assignments.status, 'withdrawn')))
      : [];
    if (assigned.length === 0) throw AppError.forbidden('没有查看沟通记录的权限');
  }
  const [rows, lookups] = await Promise.all([
    db.select().from(contacts).where(and(eq(contacts.subjectType, type), eq(contacts.subjectId, subjectId))).orderBy(asc(contacts.contactOn), asc(contacts.createdAt)),
    loadLookups(db, actor.committeeId),
  ]);
  return rows.map((c) => ({ ...c, unitName: c.unitId ? lookups.units.byId.get(c.unitId) ?? '' : '' }));
}
