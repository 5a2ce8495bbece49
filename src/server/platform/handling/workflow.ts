import type { Actor } from '../auth/actor.js';
import { defineWorkflow } from '../workflow/workflow.js';
import { assignmentStatusLabels, replyStatusLabels, type AssignmentStatus, type ReplyStatus } from '../../../shared/handling/labels.js';
import { replyingRoles, supportingRoles, type HandlingRole } from './plan.js';
import type { assignments, replies } from './schema.js';

export type Assignment = typeof assignments.$inferSelect;

export type AssignmentAction =
  | 'sign' | 'object' | 'acceptObjection' | 'refuseObjection' | 'requestExtension' | 'approveExtension' | 'refuseExtension' | 'sendOpinion' | 'sendReply';

/** What the assignment guards read: the app's today, whether the subject is being handled, and the views a lead unit waits for. */
export interface AssignmentContext {
  today: string;
  /** the staff office that oversees the subject type (the port's), e.g. proposal */
  office: string;
  /** units act only while the subject is being handled (办理中) */
  subjectOpen: boolean;
  /** assisting and joint units of the round that have not sent their views yet */
  viewsPending: number;
}

const ownUnit = (a: Actor, x: Assignment) => (a.unitId === x.unitId ? null : '只能办理本单位的交办');
/** 督办: the staff office that oversees the subject type (e.g. the proposal office), or an admin. */
export const oversees = (a: Actor, office: string) => a.roles.includes('admin') || (a.roles.includes('staff') && a.office === office);
const overseer = (a: Actor, _x: Assignment, c: AssignmentContext) => (oversees(a, c.office) ? null : '只有督办该事项的科室可以处理');
const replying = (x: Assignment) => replyingRoles.includes(x.role as HandlingRole);
const ownReplying = (a: Actor, x: Assignment) => ownUnit(a, x) ?? (replying(x) ? null : '协办、会办单位向主办单位提交意见，不直接答复');
const ownSupporting = (a: Actor, x: Assignment) => ownUnit(a, x) ?? (supportingRoles.includes(x.role as HandlingRole) ? null : '只有协办、会办单位提交协办意见');
const open = (_x: Assignment, c: AssignmentContext) => (c.subjectOpen ? null : '该事项当前不在办理阶段');
const stay = (x: Assignment) => x.status as AssignmentStatus;
const live: AssignmentStatus[] = ['assigned', 'signed', 'objected', 'done'];
const pendingExtension = (x: Assignment) => x.extensionStatus === 'pending';

/**
 * A unit's assignment (交办), one table for every handled type: 待签收 → 办理中 → 已办结, with an
 * objection (异议) the overseeing office accepts (the assignment is withdrawn and the subject goes to
 * another unit) or refuses (the unit keeps it). Extensions keep the state and move the deadline.
 * Units act on their own assignment only, and only while the subject is being handled.
 */
export const assignmentWorkflow = defineWorkflow<AssignmentStatus, AssignmentAction, Assignment, AssignmentContext>({
  name: 'assignment',
  stateLabels: assignmentStatusLabels,
  transitions: [
    { action: 'sign', label: '签收', from: ['assigned'], to: 'signed', roles: ['unit'], guard: ownUnit, requires: open },
    {
      action: 'object', label: '提出异议', from: ['assigned', 'signed'], to: 'objected', roles: ['unit'], guard: ownUnit,
      requires: (x, c) => open(x, c) ?? (c.today > x.objectionDeadline ? `已超过异议期限（${x.objectionDeadline}），请与督办科室联系` : null),
    },
    { action: 'acceptObjection', label: '同意异议并改交', from: ['objected'], to: 'withdrawn', roles: ['staff', 'admin'], guard: overseer, requires: open },
    { action: 'refuseObjection', label: '不同意异议', from: ['objected'], to: 'signed', roles: ['staff', 'admin'], guard: overseer, requires: open },
    // a replying unit asks for more time, one request at a time (the total is capped by the settings)
    {
      action: 'requestExtension', label: '申请延期', from: ['signed'], to: stay, roles: ['unit'],
      guard: (a, x) => ownReplying(a, x) ?? (pendingExtension(x) ? '已有待审批的延期申请' : null), requires: open,
    },
    { action: 'approveExtension', label: '批准延期', from: live, to: stay, roles: ['staff', 'admin'], guard: (a, x, c) => overseer(a, x, c) ?? (pendingExtension(x) ? null : '没有待审批的延期申请'), requires: open },
    { action: 'refuseExtension', label: '不批准延期', from: live, to: stay, roles: ['staff', 'admin'], guard: (a, x, c) => overseer(a, x, c) ?? (pendingExtension(x) ? null : '没有待审批的延期申请'), requires: open },
    { action: 'sendOpinion', label: '提交协办意见', from: ['signed'], to: 'done', roles: ['unit'], guard: ownSupporting, requires: open },
    // the reply goes out (handling/replies.ts); a lead unit first waits for its assisting and joint units' views
    {
      action: 'sendReply', label: '发送答复', from: ['signed'], to: 'done', roles: ['unit'], guard: ownReplying,
      requires: (x, c) => open(x, c) ?? (x.role === 'lead' && c.viewsPending > 0 ? `尚有${c.viewsPending}个协办/会办单位未提交意见，主办单位暂不能答复` : null),
    },
  ],
});

/**
 * The context of each assignment of a subject's round, from the subject's assignments (every
 * round) and whether it is being handled: what the presenter and the commands both hand the table.
 */
export function assignmentContext(
  row: Pick<Assignment, 'round'>,
  all: Pick<Assignment, 'round' | 'role' | 'status'>[],
  subject: { office: string; open: boolean; today: string },
): AssignmentContext {
  const viewsPending = all.filter((a) => a.round === row.round && supportingRoles.includes(a.role as HandlingRole) && a.status !== 'done' && a.status !== 'withdrawn').length;
  return { today: subject.today, office: subject.office, subjectOpen: subject.open, viewsPending };
}

/** The actions the assignment's page shows, as the web names them (one button decides an objection or an extension). */
const shownAs: Partial<Record<AssignmentAction, string>> = {
  acceptObjection: 'decideObjection', refuseObjection: 'decideObjection', approveExtension: 'decideExtension', refuseExtension: 'decideExtension', sendReply: 'reply',
};
export const shownAction = (a: AssignmentAction) => shownAs[a] ?? a;

export { replyStatusLabels };

/** A unit's reply (答复): drafted, signed off by the unit's responsible leader (签发), sent. Re-drafting a signed reply unsigns it. */
export type Reply = typeof replies.$inferSelect;
type ReplyAction = 'redraft' | 'sign' | 'send';
const ownReply = (a: Actor, r: Reply) => (a.unitId === r.unitId ? null : '只能处理本单位的答复');
export const replyWorkflow = defineWorkflow<ReplyStatus, ReplyAction, Reply>({
  name: 'reply',
  stateLabels: replyStatusLabels,
  transitions: [
    { action: 'redraft', label: '修改答复', from: ['draft', 'signed'], to: 'draft', roles: ['unit'], guard: ownReply },
    { action: 'sign', label: '签发答复', from: ['draft'], to: 'signed', roles: ['unit'], guard: ownReply },
    { action: 'send', label: '发送答复', from: ['signed'], to: 'sent', roles: ['unit'], guard: ownReply },
  ],
});

/** What recording a promise's outcome reads: the app's today and the office overseeing the subject type (the port's). */
export interface PromiseContext {
  today: string;
  office: string;
}
/**
 * 承诺兑现: once the date a sent reply promised by is due, the unit that made the promise — or the
 * office overseeing the type — records whether it was kept (again, to correct it). The reply stays
 * sent; the step is on the subject's timeline.
 */
export const promiseWorkflow = defineWorkflow<ReplyStatus, 'record', Reply, PromiseContext>({
  name: 'promise',
  stateLabels: replyStatusLabels,
  transitions: [
    {
      action: 'record', label: '登记承诺兑现情况', from: ['sent'], to: 'sent', roles: ['unit', 'staff', 'admin'],
      guard: (a, r, c) => (a.roles.includes('unit') ? ownReply(a, r) : oversees(a, c.office) ? null : '只有本单位或督办该事项的科室可以登记'),
      requires: (r, c) => (!r.promisedBy ? '该答复没有承诺事项' : c.today < r.promisedBy ? `承诺期限（${r.promisedBy}）未到，到期后登记兑现情况` : null),
    },
  ],
});
