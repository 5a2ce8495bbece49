import type { Actor } from '../auth/actor.js';
import { hasRole } from '../auth/actor.js';
import { labelOf } from '../../../shared/labels.js';
import { handlingRoles } from '../../../shared/handling/labels.js';
import type { Presented } from '../../../shared/http/responses.js';
import { assignment, reply } from '../../../shared/handling/responses.js';
import { onlyDeclared } from '../http/answers.js';
import { assignmentActions, isOverdue } from './assignments.js';
import { isProvisional, type WorkCalendar } from '../calendar/workdays.js';
import type { HandlingPort } from './ports.js';
import type { assignments, replies } from './schema.js';

/**
 * How every handled record presents its handling, written once: each assignment with its unit's
 * name, overdue flag and the actions this person may take on it (the overseeing office is the
 * port's), and the replies this person may read.
 */

type AssignmentRow = typeof assignments.$inferSelect;
type ReplyRow = typeof replies.$inferSelect;
/** Unit id → name, from the committee's lookups. */
export type UnitName = (unitId: string) => string;

/** Today and the working-day calendar the deadlines are reckoned on. */
export interface Reckoning {
  today: string;
  calendar: WorkCalendar;
}

/** `open`: the record is being handled (units act only then); the actions come from the assignment table. */
export const presentAssignments = (actor: Actor, port: Pick<HandlingPort, 'office'>, rows: AssignmentRow[], unitName: UnitName, { today, calendar }: Reckoning, open: boolean): Presented<typeof assignment>[] =>
  rows.map((a) => onlyDeclared(assignment, {
    ...a,
    unitName: unitName(a.unitId),
    roleLabel: labelOf(handlingRoles, a.role),
    overdue: isOverdue(a, today),
    provisional: isProvisional(calendar, a.assignedOn, a.replyDeadline),
    actions: assignmentActions(actor, a, rows, { office: port.office, open, today }),
  }));

/**
 * Everyone who may read the record reads the sent replies; a unit also its own drafts, and the
 * overseeing staff and leaders replies signed off but not yet sent.
 */
export const presentReplies = (actor: Actor, rows: ReplyRow[], unitName: UnitName): Presented<typeof reply>[] => {
  const staffView = hasRole(actor, 'staff', 'admin', 'leader');
  return rows.filter((r) => r.status === 'sent' || r.unitId === actor.unitId || (staffView && r.status !== 'draft')).map((r) => onlyDeclared(reply, { ...r, unitName: unitName(r.unitId) }));
};
