import { and, arrayContains, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../auth/actor.js';
import type { CommandContext } from '../commands/context.js';
import { users } from '../auth/schema.js';
import { audit } from '../audit/audit.js';
import { assertOwnedIds } from '../tenancy/owned.js';
import { units } from '../../modules/org/schema.js';
import { AppError } from '../errors.js';
import { inTransaction, type UnitOfWork } from '../jobs/after-commit.js';
import { notify } from '../notifications/notify.js';
import { authorize, can } from '../policy/policy.js';
import { loadCalendar } from '../calendar/store.js';
import { addPeriod, addWorkdays, workdaysBetween } from '../calendar/workdays.js';
import { assignmentPolicy } from './policy.js';
import { assignmentContext, assignmentWorkflow, shownAction, type AssignmentAction } from './workflow.js';
import { transitionWithin } from '../workflow/apply.js';
import { offeredActions } from '../workflow/workflow.js';
import { handlingRoles, planProblem, type PlannedUnit } from './plan.js';
import { portOf, type HandlingPort, type HandlingSubject } from './ports.js';
import { assignments } from './schema.js';

type Row = typeof assignments.$inferSelect;

/** Users of the given units, for notices. */
export async function unitUserIds(db: Executor, unitIds: string[]): Promise<string[]> {
  if (unitIds.length === 0) return [];
  const rows = await db.select({ id: users.id }).from(users).where(and(inArray(users.unitId, unitIds), eq(users.active, true)));
  return rows.map((r) => r.id);
}

/** Staff of an office, for notices that need a decision (chosen in the statement: a province committee has hundreds of users). */
export async function officeUserIds(db: Executor, committeeId: string, office: string): Promise<string[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.committeeId, committeeId), eq(users.active, true), eq(users.office, office), arrayContains(users.roles, ['staff'])));
  return rows.map((u) => u.id);
}

/**
 * Assigns a subject to units for one round, inside the caller's transaction: deadlines from the
 * configured periods counted from `today`, notices to the units after commit.
 * `assignUnits(uow, { actor, port: proposalPort, subject, plan: [{ unitId, role: 'sole' }], today })`
 */
export async function assignUnits(uow: UnitOfWork, { actor, port, subject, plan, today }: { actor: Actor; port: HandlingPort; subject: HandlingSubject; plan: PlannedUnit[]; today: string }): Promise<Row[]> {
  const problem = planProblem(plan);
  if (problem) throw AppError.field('assignments', '承办单位', problem);
  // every path that hands a subject to units comes here (assign, an accepted objection's replacement): units of its committee only
  await assertOwnedIds(uow.tx, units, plan.map((p) => p.unitId), subject.committeeId, 'assignments', '承办单位');
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
  await notify(uow.tx, {
    committeeId: subject.committeeId, userIds: await unitUserIds(uow.tx, plan.map((p) => p.unitId)),
    title: `新交办${port.label}：${subject.title}`, body: `请签收并在${rows[0].replyDeadline}前答复`, link: port.link(subject.id),
  });
  return rows;
}

interface Change {
  action: AssignmentAction;
  /** checks of the input against the row (a replacement unit, the extension cap): a Chinese refusal or null */
  check?: (row: Row, subject: HandlingSubject, uow: UnitOfWork) => Promise<string | null> | string | null;
  /** columns that change besides the state */
  changes?: (row: Row, subject: HandlingSubject, uow: UnitOfWork) => Promise<Partial<Row>> | Partial<Row>;
  after?: (row: Row, subject: HandlingSubject, port: HandlingPort, uow: UnitOfWork) => Promise<void>;
  note?: string;
}

/** The assignments of a subject in every round, for the guards' context (the views a lead unit waits for). */
export const assignmentsOfSubject = (db: Executor, type: string, subjectId: string) =>
  db.select().from(assignments).where(and(eq(assignments.subjectType, type), eq(assignments.subjectId, subjectId)));

/**
 * Applies one transition of the assignment table inside the caller's transaction: a stranger's
 * assignment does not exist for them (404); the table checks state, who may and preconditions;
 * the version check and the audit row (on the subject's timeline) come with applyTransition.
 * `transitionAssignment(uow, { actor, id, version, today, action: 'sendReply' })`
 */
export async function transitionAssignment(uow: UnitOfWork, { actor, id, version, today, ...c }: { actor: Actor; id: string; version: number; today: string } & Change): Promise<Row> {
  const [row] = await uow.tx.select().from(assignments).where(eq(assignments.id, id));
  if (!row || row.committeeId !== actor.committeeId) throw AppError.notFound('交办记录');
  const port = await portOf(row.subjectType);
  authorize(assignmentPolicy, 'read', actor, row);
  const subject = await port.load(uow.tx, row.subjectId);
  return transitionWithin(uow, {
    workflow: assignmentWorkflow, table: assignments, id, action: c.action, actor, version, label: '交办记录', note: c.note,
    auditAs: (r: Row) => ({ subjectType: r.subjectType, subjectId: r.subjectId }),
    context: async (r: Row) => assignmentContext(r, await assignmentsOfSubject(uow.tx, r.subjectType, r.subjectId), { office: port.office, open: !!subject?.open, today }),
    patch: async (r: Row) => {
      const refusal = await c.check?.(r, subject!, uow);
      if (refusal) throw AppError.invalidState(refusal);
      return (await c.changes?.(r, subject!, uow)) ?? {};
    },
    alsoDo: async (updated: Row) => c.after?.(updated, subject!, port, uow),
  });
}

/** The same in a transaction of its own: every change a unit or the overseeing office makes to an assignment. */
export const changeAssignment = ({ database, actor, today }: CommandContext, { id, version, ...c }: { id: string; version: number } & Change): Promise<Row> =>
  inTransaction(database, (uow) => transitionAssignment(uow, { actor, id, version, today, ...c }));

/** 签收: the unit takes the item on, signed at `now` (the app's clock). */
export const signAssignment = (ctx: CommandContext, { id, version }: { id: string; version: number }) =>
  changeAssignment(ctx, { id, version, action: 'sign', changes: () => ({ signedAt: ctx.now }) });

/** A unit that thinks it is the wrong one objects within the window; it may not pass the item on itself. */
export const objectToAssignment = (ctx: CommandContext, { id, version, reason }: { id: string; version: number; reason: string }) =>
  changeAssignment(ctx, {
    id,
    version,
    action: 'object',
    note: reason,
    changes: () => ({ objectionReason: reason }),
    after: async (row, subject, port, uow) =>
      notify(uow.tx, { committeeId: row.committeeId, userIds: await officeUserIds(uow.tx, row.committeeId, port.office), title: `承办单位对交办提出异议：${subject.title}`, body: reason, link: port.link(subject.id) }),
  });

/**
 * Staff decide an objection: accepted → this assignment is withdrawn and the item goes to the
 * replacement unit in the same role with fresh deadlines; refused → the unit keeps it.
 */
export const decideObjection = (ctx: CommandContext, { id, version, ...d }: { id: string; version: number; accept: boolean; replacementUnitId?: string | null; note: string }) =>
  changeAssignment(ctx, {
    id,
    version,
    action: d.accept ? 'acceptObjection' : 'refuseObjection',
    note: d.note,
    check: (row) => (d.accept && !d.replacementUnitId ? '同意异议时请选择改交的承办单位' : d.replacementUnitId === row.unitId ? '改交单位不能是原单位' : null),
    changes: () => ({ objectionDecision: `${d.accept ? '同意' : '不同意'}：${d.note}` }),
    after: async (row, subject, port, uow) => {
      if (d.accept) await assignUnits(uow, { actor: ctx.actor, port, subject, plan: [{ unitId: d.replacementUnitId!, role: row.role as PlannedUnit['role'] }], today: ctx.today });
      await notify(uow.tx, { committeeId: row.committeeId, userIds: await unitUserIds(uow.tx, [row.unitId]), title: `异议处理结果：${d.accept ? '同意改交' : '不同意改交'}`, body: d.note, link: port.link(subject.id) });
    },
  });

export const requestExtension = (ctx: CommandContext, { id, version, days, reason }: { id: string; version: number; days: number; reason: string }) =>
  changeAssignment(ctx, {
    id,
    version,
    action: 'requestExtension',
    note: reason,
    check: async (row, subject, uow) => {
      const { maxExtensionWorkdays } = await (await portOf(row.subjectType)).rules(uow.tx, subject);
      return row.extendedDays + days > maxExtensionWorkdays ? `延期累计不能超过${maxExtensionWorkdays}个工作日（已延期${row.extendedDays}个）` : null;
    },
    changes: () => ({ extensionStatus: 'pending', extensionReason: reason, extensionDays: days }),
    after: async (row, subject, port, uow) =>
      notify(uow.tx, { committeeId: row.committeeId, userIds: await officeUserIds(uow.tx, row.committeeId, port.office), title: `延期申请：${subject.title}`, body: `${days}个工作日：${reason}`, link: port.link(subject.id) }),
  });

/** Approving moves the reply deadline on by the requested working days. */
export const decideExtension = (ctx: CommandContext, { id, version, approve }: { id: string; version: number; approve: boolean }) =>
  changeAssignment(ctx, {
    id,
    version,
    action: approve ? 'approveExtension' : 'refuseExtension',
    changes: async (row, _subject, uow) => {
      if (!approve) return { extensionStatus: 'refused' };
      const days = row.extensionDays ?? 0;
      return { extensionStatus: 'approved', extendedDays: row.extendedDays + days, replyDeadline: addWorkdays(await loadCalendar(uow.tx), row.replyDeadline, days), remindedAt: null }; // remind again before the new deadline
    },
  });

/** An assisting unit's view for the lead unit, given at `now` (the app's clock). */
export const sendOpinion = (ctx: CommandContext, { id, version, text }: { id: string; version: number; text: string }) =>
  changeAssignment(ctx, { id, version, action: 'sendOpinion', changes: () => ({ opinion: text, opinionAt: ctx.now }) });

/**
 * The actions an assignment's page shows the actor, from the same table the commands apply, with
 * the context of the subject (all its assignments, whether it is being handled, the app's today).
 */
export function assignmentActions(actor: Actor, row: Row, all: Row[], subject: { office: string; open: boolean; today: string }): string[] {
  const { actions } = offeredActions(assignmentWorkflow, actor, row, assignmentContext(row, all, subject));
  const shown = actions.map(shownAction).filter((a) => a !== 'reply');
  // 答复: the unit drafts and signs its reply while the lead still waits for views; sending says what is missing
  if (can(assignmentPolicy, 'reply', actor, row)) shown.push('reply');
  return [...new Set(shown)];
}

/** Overdue: past the reply deadline and not yet done. */
export const isOverdue = (row: Pick<Row, 'status' | 'replyDeadline'>, today: string) => !['done', 'withdrawn'].includes(row.status) && row.replyDeadline < today;
export const daysLeft = workdaysBetween;
export { handlingRoles };
