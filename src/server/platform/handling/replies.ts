import { and, eq } from 'drizzle-orm';
import type { Actor } from '../auth/actor.js';
import type { CommandContext } from '../commands/context.js';
import { audit } from '../audit/audit.js';
import { AppError } from '../errors.js';
import { inTransaction, type UnitOfWork } from '../jobs/after-commit.js';
import { authorize } from '../policy/policy.js';
import { assignmentPolicy } from './policy.js';
import { answerClassProblem, isPromiseClass, promiseProblems, replyingRoles, type HandlingRole } from './plan.js';
import { transitionAssignment } from './assignments.js';
import { replyWorkflow } from './workflow.js';
import { transitionWithin } from '../workflow/apply.js';
import { portOf, type HandlingPort, type HandlingSubject } from './ports.js';
import { assignments, replies } from './schema.js';

type Reply = typeof replies.$inferSelect;
type Assignment = typeof assignments.$inferSelect;

export interface ReplyDraft {
  answerClass: string;
  body: string;
  contactPerson: string;
  contactPhone: string;
  disclose: boolean;
  nondisclosureReason?: string | null;
  /** 承诺 and its date: required for a promise class (列入计划), dropped for any other */
  promise?: string | null;
  promisedBy?: string | null;
}

/** The actor's unit's live replying assignment on the subject in the current round. */
async function ownReplyingAssignment(uow: UnitOfWork, actor: Actor, port: HandlingPort, subject: HandlingSubject): Promise<Assignment> {
  const rows = await uow.tx
    .select()
    .from(assignments)
    .where(and(eq(assignments.subjectType, port.type), eq(assignments.subjectId, subject.id), eq(assignments.round, subject.round)));
  const mine = rows.find((a) => a.unitId === actor.unitId && a.status !== 'withdrawn' && replyingRoles.includes(a.role as HandlingRole));
  if (!mine) throw AppError.forbidden(`本单位不是该${port.label}的答复单位`);
  authorize(assignmentPolicy, 'reply', actor, mine);
  return mine;
}

async function openSubject(uow: UnitOfWork, type: string, id: string) {
  const port = await portOf(type);
  const subject = await port.load(uow.tx, id);
  if (!subject) throw AppError.notFound(port.label);
  if (!subject.open) throw AppError.invalidState(`该${port.label}当前不在办理阶段`);
  return { port, subject };
}

/**
 * Drafts (or re-drafts) the unit's reply for the current round; `version` is the draft's, when re-drafting one.
 * `saveReply(ctx, { type: 'proposal', subjectId, answerClass, body, contactPerson, contactPhone, disclose })`
 */
export async function saveReply({ database, actor, today }: CommandContext, { type, subjectId, version, ...input }: { type: string; subjectId: string; version?: number } & ReplyDraft): Promise<Reply> {
  return inTransaction(database, async (uow) => {
    const { port, subject } = await openSubject(uow, type, subjectId);
    if (subject.committeeId !== actor.committeeId) throw AppError.notFound(port.label);
    await ownReplyingAssignment(uow, actor, port, subject);
    const rules = await port.rules(uow.tx, subject);
    const problem = answerClassProblem(input.answerClass, rules.answerClasses);
    if (problem) throw AppError.field('answerClass', '答复类别', problem);
    const promised = isPromiseClass(input.answerClass, rules.answerClasses);
    const issues = promised ? promiseProblems(input, today) : [];
    if (issues.length) throw AppError.validation(issues);
    const draft = { ...input, promise: promised ? input.promise!.trim() : null, promisedBy: promised ? input.promisedBy! : null };
    if (!draft.disclose && !draft.nondisclosureReason) throw AppError.field('nondisclosureReason', '不公开理由', '选择不公开时须说明理由');
    const [existing] = await uow.tx
      .select()
      .from(replies)
      .where(and(eq(replies.subjectType, type), eq(replies.subjectId, subjectId), eq(replies.unitId, actor.unitId!), eq(replies.round, subject.round)));
    if (existing) {
      // re-drafting unsigns a signed reply; a sent one is final (the reply table refuses it)
      return transitionWithin(uow, {
        workflow: replyWorkflow, table: replies, id: existing.id, action: 'redraft', actor, version: version ?? existing.version, label: '答复',
        auditAs: () => ({ subjectType: type, subjectId }),
        patch: () => ({ ...draft, signedBy: null, signedAt: null }),
      });
    }
    const [row] = await uow.tx.insert(replies).values({ ...draft, committeeId: actor.committeeId, subjectType: type, subjectId, unitId: actor.unitId!, round: subject.round }).returning();
    await audit(uow.tx, actor, { action: 'reply.draft', subjectType: type, subjectId, after: row });
    return row;
  });
}

/**
 * One step of the unit's own reply through the reply table (state, version, audit row on the
 * subject's timeline), while the unit still holds the replying assignment of an open subject.
 */
async function changeReply(uow: UnitOfWork, actor: Actor, replyId: string, version: number, action: 'sign' | 'send', changes: Partial<Reply>) {
  const [reply] = await uow.tx.select().from(replies).where(eq(replies.id, replyId));
  if (!reply || reply.committeeId !== actor.committeeId || reply.unitId !== actor.unitId) throw AppError.notFound('答复');
  const { port, subject } = await openSubject(uow, reply.subjectType, reply.subjectId);
  const mine = await ownReplyingAssignment(uow, actor, port, subject);
  const row = await transitionWithin(uow, {
    workflow: replyWorkflow, table: replies, id: replyId, action, actor, version, label: '答复',
    auditAs: (r: Reply) => ({ subjectType: r.subjectType, subjectId: r.subjectId }),
    patch: () => changes,
  });
  return { row, mine, port, subject };
}

/** 签发: the unit's responsible leader signs the reply off (name recorded) at `now`, the app's clock. */
export const signReply = ({ database, actor, now }: CommandContext, { id, version, signedBy }: { id: string; version: number; signedBy: string }) =>
  inTransaction(database, async (uow) => (await changeReply(uow, actor, id, version, 'sign', { signedBy, signedAt: now })).row);

/**
 * Sends a signed reply, and with it the unit's assignment is done — the assignment table's
 * `sendReply`, where a lead unit waits for the views of its assisting and joint units. When the
 * last replying unit of the round has sent, the subject's own `allReplied` transition follows
 * (port.onAllReplied) on the app's `today`; the reply is sent at `now`, the app's clock.
 */
export const sendReply = ({ database, actor, today, now }: CommandContext, { id, version }: { id: string; version: number }) =>
  inTransaction(database, async (uow) => {
    const { row, mine, port, subject } = await changeReply(uow, actor, id, version, 'send', { sentAt: now });
    await transitionAssignment(uow, { actor, id: mine.id, version: mine.version, today, action: 'sendReply' });
    const round = await uow.tx
      .select()
      .from(assignments)
      .where(and(eq(assignments.subjectType, port.type), eq(assignments.subjectId, subject.id), eq(assignments.round, subject.round)));
    const stillOpen = round.filter((a) => a.status !== 'withdrawn' && a.status !== 'done' && replyingRoles.includes(a.role as HandlingRole));
    if (stillOpen.length === 0) await port.onAllReplied(uow, actor, subject.id, today);
    return row;
  });
