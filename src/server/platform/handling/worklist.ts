import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../auth/actor.js';
import { loadCalendar } from '../calendar/store.js';
import { isProvisional, workdaysBetween } from '../calendar/workdays.js';
import { authorize, committeeSubject } from '../policy/policy.js';
import { labelOf } from '../../../shared/labels.js';
import { assignmentStatusLabels, handledTypes, handlingRoles, type HandledType } from '../../../shared/handling/labels.js';
import type { Presented } from '../../../shared/http/responses.js';
import type { worklist, worklistItem } from '../../../shared/handling/responses.js';
import { isOverdue } from './assignments.js';
import { replyingRoles, type HandlingRole } from './plan.js';
import { worklistPolicy } from './policy.js';
import { portOf, type HandlingSubject } from './ports.js';
import { assignments } from './schema.js';

type Row = typeof assignments.$inferSelect;

/** States in which an assignment still waits for its unit (or, objected, for the office's decision). */
const pending = ['assigned', 'signed', 'objected'] as const;

/** What the unit does next with an assignment, in the words of its buttons. */
export function nextStep(a: Pick<Row, 'status' | 'role' | 'objectionDeadline'>, today: string): string {
  switch (a.status) {
    case 'assigned':
      return today <= a.objectionDeadline ? '签收（或提出异议）' : '签收';
    case 'objected':
      return '等待处理异议';
    default:
      return replyingRoles.includes(a.role as HandlingRole) ? '答复' : '提交协办意见';
  }
}

/**
 * 待办事项: every assignment of the actor's unit still waiting, of every handled type, on records
 * still being handled, soonest reply deadline first — with the deadline counted in working days
 * from the holiday calendar. Each type's port names the record and its page, so a new handled
 * type (supervision suggestions, consultation outcomes) appears here by registering its port.
 */
export async function unitWorklist(db: Executor, actor: Actor, today: string): Promise<Presented<typeof worklist>> {
  authorize(worklistPolicy, 'view', actor, committeeSubject(actor));
  const rows = await db
    .select()
    .from(assignments)
    .where(and(eq(assignments.committeeId, actor.committeeId), eq(assignments.unitId, actor.unitId!), inArray(assignments.status, [...pending])))
    .orderBy(asc(assignments.replyDeadline), asc(assignments.createdAt));
  const calendar = await loadCalendar(db);
  // one read per record, as the reminders do: a unit's open items are tens, not thousands
  const subjects = new Map<string, HandlingSubject | null>();
  for (const a of rows) {
    const key = `${a.subjectType}:${a.subjectId}`;
    if (!subjects.has(key)) subjects.set(key, await (await portOf(a.subjectType)).load(db, a.subjectId));
  }
  const items: Presented<typeof worklistItem>[] = [];
  for (const a of rows) {
    const subject = subjects.get(`${a.subjectType}:${a.subjectId}`);
    if (!subject?.open || subject.round !== a.round) continue;
    const port = await portOf(a.subjectType);
    items.push({
      id: a.id, type: a.subjectType, typeLabel: port.label, subjectId: a.subjectId, title: subject.title, link: port.link(a.subjectId),
      role: a.role, roleLabel: labelOf(handlingRoles, a.role), round: a.round, status: a.status, statusLabel: labelOf(assignmentStatusLabels, a.status), nextStep: nextStep(a, today),
      assignedOn: a.assignedOn, objectionDeadline: a.objectionDeadline, replyDeadline: a.replyDeadline,
      periodWorkdays: workdaysBetween(calendar, a.assignedOn, a.replyDeadline), daysLeft: workdaysBetween(calendar, today, a.replyDeadline), overdue: isOverdue(a, today),
      provisional: isProvisional(calendar, a.assignedOn, a.replyDeadline),
      extensionStatus: a.extensionStatus,
    });
  }
  // every handled type, even with none waiting, so the unit sees where it stands on each
  const types = new Set<string>([...(Object.keys(handledTypes) as HandledType[]), ...items.map((i) => i.type)]);
  const counts = await Promise.all([...types].map(async (type) => ({ type, label: (await portOf(type)).label, count: items.filter((i) => i.type === type).length })));
  return { items, counts, total: items.length, overdue: items.filter((i) => i.overdue).length };
}
