import { and, eq, inArray } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client.js';
import type { Actor } from '../auth/actor.js';
import { users } from '../auth/schema.js';
import { audit } from '../audit/audit.js';
import { AppError } from '../errors.js';
import { inTransaction, type UnitOfWork } from '../jobs/after-commit.js';
import { notify } from '../notifications/notify.js';
import { authorize } from '../policy/policy.js';
import { loadCalendar } from '../calendar/store.js';
import { addPeriod, addWorkdays, workdaysBetween } from '../calendar/workdays.js';
import { assignmentPolicy, type Assignment } from './policy.js';
import { handlingRoles, planProblem, type PlannedUnit } from './plan.js';
import { portOf, type HandlingPort, type HandlingSubject } from './ports.js';
import { assignments } from './schema.js';

type Row = typeof assignments.$inferSelect;
type AssignmentAction = Parameters<typeof authorize<Assignment, any>>[1];

/** Users of the given units, for notices. */
export async function unitUserIds(db: Executor, unitIds: string[]): Promise<string[]> {
  if (unitIds.length === 0) return [];
  const rows = await db.select({ id: users.id }).from(users).where(and(inArray(users.unitId, unitIds), eq(users.active, true)));
  return rows.map((r) => r.id);
}

/** Staff of an office (and admins), for notices that need a decision. */
export async function officeUserIds(db: Executor, committeeId: string, office: string): Promise<string[]> {
  const rows = await db.select({ id: users.id, roles: users.roles, office: users.office }).from(users).where(and(eq(users.committeeId, committeeId), eq(users.active, true)));
  return rows.filter((u) => u.roles.includes('staff') && u.office === office).map((u) => u.id);
}

/**
 * Assigns a subject to units for one round, inside the caller's transaction: deadlines from the
 * configured periods counted from `today`, notices to the units after commit.
 */
export async function assignUnits(uow: UnitOfWork, actor: Actor, port: HandlingPort, subject: HandlingSubject, plan: PlannedUnit[], today: string): Promise<Row[]> {
  const problem = planProblem(plan);
  if (problem) throw AppError.field('assignments', '承办单位', problem);
  const rules = await port.rules(uow.tx, subject);
  const calendar = await loadCalendar(uow.tx);
  const period = subject.round > 1 ? rules.rehandlePeriod : rules.replyPeriod;
  const rows = await uow.tx
    .insert(assignments)
    .values(
      plan.map((p) => ({
        committeeId: subject.committeeId, subjectType: port.type, subjectId: subject.id, unitId: p.unitId, role: p.role, round: subject.round,
        assignedOn: today, objectionDeadline: addPeriod(calendar, today, rules.objectionPeriod), replyDeadline: addPeriod(calendar, today, period),
      })),
    )
    .returning();
  await audit(uow.tx, actor, { action: `${port.type}.assign_units`, subjectType: port.type, subjectId: subject.id, after: plan });
  uow.after(async (database) =>
    notify(database.db, {
      committeeId: subject.committeeId, userIds: await unitUserIds(database.db, plan.map((p) => p.unitId)),
      title: `新交办${port.label}：${subject.title}`, body: `请签收并在${rows[0].replyDeadline}前答复`, link: port.link(subject.id),
    }),
  );
  return rows;
}

interface Change {
  action: AssignmentAction;
  /** further checks; return a Chinese refusal or null */
  check?: (row: Row, subject: HandlingSubject, uow: UnitOfWork) => Promise<string | null> | string | null;
  changes: (row: Row, subject: HandlingSubject, uow: UnitOfWork) => Promise<Partial<Row>> | Partial<Row>;
  after?: (row: Row, subject: HandlingSubject, port: HandlingPort, uow: UnitOfWork) => Promise<void>;
  note?: string;
}

/** Load → authorise → check → versioned update + audit, for every change to an assignment. */
export async function changeAssignment(database: Database, actor: Actor, id: string, version: number, c: Change): Promise<Row> {
  return inTransaction(database, async (uow) => {
    const [row] = await uow.tx.select().from(assignments).where(eq(assignments.id, id));
    if (!row) throw AppError.notFound('交办记录');
    const port = portOf(row.subjectType);
    authorize(assignmentPolicy, 'read', actor, { ...row, office: port.office });
    authorize(assignmentPolicy, c.action, actor, { ...row, office: port.office });
    const subject = await port.load(uow.tx, row.subjectId);
    if (!subject?.open) throw AppError.invalidState(`该${port.label}当前不在办理阶段`);
    if (row.version !== version) throw AppError.versionConflict();
    const refusal = await c.check?.(row, subject, uow);
    if (refusal) throw AppError.invalidState(refusal);
    const changes = await c.changes(row, subject, uow);
    const [updated] = await uow.tx
      .update(assignments)
      .set({ ...changes, version: row.version + 1, updatedAt: new Date() })
      .where(and(eq(assignments.id, id), eq(assignments.version, version)))
      .returning();
    if (!updated) throw AppError.versionConflict();
    await audit(uow.tx, actor, { action: `assignment.${c.action}`, subjectType: port.type, subjectId: row.subjectId, before: pick(row, Object.keys(changes)), after: changes, note: c.note });
    await c.after?.(updated, subject, port, uow);
    return updated;
  });
}
const pick = (o: object, keys: string[]) => Object.fromEntries(keys.map((k) => [k, (o as any)[k]]));

export const signAssignment = (database: Database, actor: Actor, id: string, version: number) =>
  changeAssignment(database, actor, id, version, { action: 'sign', changes: () => ({ status: 'signed', signedAt: new Date() }) });

/** A unit that thinks it is the wrong one objects within the window; it may not pass the item on itself. */
export const objectToAssignment = (database: Database, actor: Actor, id: string, version: number, reason: string, today: string) =>
  changeAssignment(database, actor, id, version, {
    action: 'object',
    note: reason,
    check: (row) => (today > row.objectionDeadline ? `已超过异议期限（${row.objectionDeadline}），请与提案委联系` : null),
    changes: () => ({ status: 'objected', objectionReason: reason }),
    after: async (row, subject, port, uow) =>
      uow.after(async (db) =>
        notify(db.db, { committeeId: row.committeeId, userIds: await officeUserIds(db.db, row.committeeId, port.office), title: `承办单位对交办提出异议：${subject.title}`, body: reason, link: port.link(subject.id) }),
      ),
  });

/**
 * Staff decide an objection: accepted → this assignment is withdrawn and the item goes to the
 * replacement unit in the same role with fresh deadlines; refused → the unit keeps it.
 */
export const decideObjection = (database: Database, actor: Actor, id: string, version: number, d: { accept: boolean; replacementUnitId?: string | null; note: string }, today: string) =>
  changeAssignment(database, actor, id, version, {
    action: 'decideObjection',
    note: d.note,
    check: (row) => (d.accept && !d.replacementUnitId ? '同意异议时请选择改交的承办单位' : d.replacementUnitId === row.unitId ? '改交单位不能是原单位' : null),
    changes: () => (d.accept ? { status: 'withdrawn', objectionDecision: `同意：${d.note}` } : { status: 'signed', objectionDecision: `不同意：${d.note}` }),
    after: async (row, subject, port, uow) => {
      if (d.accept) await assignUnits(uow, actor, port, subject, [{ unitId: d.replacementUnitId!, role: row.role as PlannedUnit['role'] }], today);
      uow.after(async (db) =>
        notify(db.db, { committeeId: row.committeeId, userIds: await unitUserIds(db.db, [row.unitId]), title: `异议处理结果：${d.accept ? '同意改交' : '不同意改交'}`, body: d.note, link: port.link(subject.id) }),
      );
    },
  });

export const requestExtension = (database: Database, actor: Actor, id: string, version: number, days: number, reason: string) =>
  changeAssignment(database, actor, id, version, {
    action: 'requestExtension',
    note: reason,
    check: async (row, subject, uow) => {
      const { maxExtensionWorkdays } = await portOf(row.subjectType).rules(uow.tx, subject);
      return row.extendedDays + days > maxExtensionWorkdays ? `延期累计不能超过${maxExtensionWorkdays}个工作日（已延期${row.extendedDays}个）` : null;
    },
    changes: () => ({ extensionStatus: 'pending', extensionReason: reason, extensionDays: days }),
    after: async (row, subject, port, uow) =>
      uow.after(async (db) =>
        notify(db.db, { committeeId: row.committeeId, userIds: await officeUserIds(db.db, row.committeeId, port.office), title: `延期申请：${subject.title}`, body: `${days}个工作日：${reason}`, link: port.link(subject.id) }),
      ),
  });

/** Approving moves the reply deadline on by the requested working days. */
export const decideExtension = (database: Database, actor: Actor, id: string, version: number, approve: boolean) =>
  changeAssignment(database, actor, id, version, {
    action: 'decideExtension',
    changes: async (row, _subject, uow) => {
      if (!approve) return { extensionStatus: 'refused' };
      const days = row.extensionDays ?? 0;
      return { extensionStatus: 'approved', extendedDays: row.extendedDays + days, replyDeadline: addWorkdays(await loadCalendar(uow.tx), row.replyDeadline, days), remindedAt: null }; // remind again before the new deadline
    },
  });

export const sendOpinion = (database: Database, actor: Actor, id: string, version: number, text: string) =>
  changeAssignment(database, actor, id, version, { action: 'sendOpinion', changes: () => ({ opinion: text, opinionAt: new Date(), status: 'done' }) });

/** Overdue: past the reply deadline and not yet done. */
export const isOverdue = (row: Pick<Row, 'status' | 'replyDeadline'>, today: string) => !['done', 'withdrawn'].includes(row.status) && row.replyDeadline < today;
export const daysLeft = workdaysBetween;
export { handlingRoles };
