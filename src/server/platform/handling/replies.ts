import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import type { Actor } from '../auth/actor.js';
import { audit } from '../audit/audit.js';
import { AppError } from '../errors.js';
import { inTransaction, type UnitOfWork } from '../jobs/after-commit.js';
import { authorize } from '../policy/policy.js';
import { assignmentPolicy } from './policy.js';
import { answerClassProblem, replyingRoles, supportingRoles, type HandlingRole } from './plan.js';
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
}

/** The actor's unit's live replying assignment on the subject in the current round. */
async function ownReplyingAssignment(uow: UnitOfWork, actor: Actor, port: HandlingPort, subject: HandlingSubject): Promise<Assignment> {
  const rows = await uow.tx
    .select()
    .from(assignments)
    .where(and(eq(assignments.subjectType, port.type), eq(assignments.subjectId, subject.id), eq(assignments.round, subject.round)));
  const mine = rows.find((a) => a.unitId === actor.unitId && a.status !== 'withdrawn' && replyingRoles.includes(a.role as HandlingRole));
  if (!mine) throw AppError.forbidden(`本单位不是该${port.label}的答复单位`);
  authorize(assignmentPolicy, 'reply', actor, { ...mine, office: port.office });
  return mine;
}

async function openSubject(uow: UnitOfWork, type: string, id: string) {
  const port = portOf(type);
  const subject = await port.load(uow.tx, id);
  if (!subject) throw AppError.notFound(port.label);
  if (!subject.open) throw AppError.invalidState(`该${port.label}当前不在办理阶段`);
  return { port, subject };
}

/** Drafts (or re-drafts) the unit's reply for the current round. */
export async function saveReply(database: Database, actor: Actor, type: string, subjectId: string, draft: ReplyDraft, version?: number): Promise<Reply> {
  return inTransaction(database, async (uow) => {
    const { port, subject } = await openSubject(uow, type, subjectId);
    if (subject.committeeId !== actor.committeeId) throw AppError.notFound(port.label);
    await ownReplyingAssignment(uow, actor, port, subject);
    const rules = await port.rules(uow.tx, subject);
    const problem = answerClassProblem(draft.answerClass, rules.answerClasses);
    if (problem) throw AppError.field('answerClass', '答复类别', problem);
    if (!draft.disclose && !draft.nondisclosureReason) throw AppError.field('nondisclosureReason', '不公开理由', '选择不公开时须说明理由');
    const [existing] = await uow.tx
      .select()
      .from(replies)
      .where(and(eq(replies.subjectType, type), eq(replies.subjectId, subjectId), eq(replies.unitId, actor.unitId!), eq(replies.round, subject.round)));
    if (existing) {
      if (existing.status === 'sent') throw AppError.invalidState('答复已发送，不能再修改');
      if (version !== undefined && existing.version !== version) throw AppError.versionConflict();
      const [row] = await uow.tx
        .update(replies)
        .set({ ...draft, status: 'draft', signedBy: null, signedAt: null, version: existing.version + 1, updatedAt: new Date() })
        .where(and(eq(replies.id, existing.id), eq(replies.version, existing.version)))
        .returning();
      if (!row) throw AppError.versionConflict();
      await audit(uow.tx, actor, { action: 'reply.update', subjectType: type, subjectId, before: existing, after: row });
      return row;
    }
    const [row] = await uow.tx.insert(replies).values({ ...draft, committeeId: actor.committeeId, subjectType: type, subjectId, unitId: actor.unitId!, round: subject.round }).returning();
    await audit(uow.tx, actor, { action: 'reply.draft', subjectType: type, subjectId, after: row });
    return row;
  });
}

/** Load the unit's own reply, check its status and version, update it with an audit row. */
async function changeReply(database: Database, actor: Actor, replyId: string, version: number, from: string, changes: Partial<Reply>, action: string, extra?: (uow: UnitOfWork, reply: Reply, port: HandlingPort, subject: HandlingSubject) => Promise<void>) {
  return inTransaction(database, async (uow) => {
    const [reply] = await uow.tx.select().from(replies).where(eq(replies.id, replyId));
    if (!reply || reply.committeeId !== actor.committeeId || reply.unitId !== actor.unitId) throw AppError.notFound('答复');
    const { port, subject } = await openSubject(uow, reply.subjectType, reply.subjectId);
    await ownReplyingAssignment(uow, actor, port, subject);
    if (reply.status !== from) throw AppError.invalidState(from === 'draft' ? '只有草稿可以签发' : '答复须先经单位负责人签发');
    if (reply.version !== version) throw AppError.versionConflict();
    await extra?.(uow, reply, port, subject);
    const [row] = await uow.tx.update(replies).set({ ...changes, version: reply.version + 1, updatedAt: new Date() }).where(and(eq(replies.id, replyId), eq(replies.version, version))).returning();
    if (!row) throw AppError.versionConflict();
    await audit(uow.tx, actor, { action: `reply.${action}`, subjectType: reply.subjectType, subjectId: reply.subjectId, after: changes });
    return row;
  });
}

/** 签发: the unit's responsible leader signs the reply off (name recorded). */
export const signReply = (database: Database, actor: Actor, replyId: string, version: number, signedBy: string) =>
  changeReply(database, actor, replyId, version, 'draft', { status: 'signed', signedBy, signedAt: new Date() }, 'sign');

/**
 * Sends a signed reply. A lead unit waits for the views of its assisting and joint units. When the
 * last replying unit of the round has sent, the subject moves on (port.onAllReplied).
 */
export const sendReply = (database: Database, actor: Actor, replyId: string, version: number) =>
  changeReply(database, actor, replyId, version, 'signed', { status: 'sent', sentAt: new Date() }, 'send', async (uow, reply, port, subject) => {
    const round = await uow.tx
      .select()
      .from(assignments)
      .where(and(eq(assignments.subjectType, reply.subjectType), eq(assignments.subjectId, reply.subjectId), eq(assignments.round, subject.round)));
    const live = round.filter((a) => a.status !== 'withdrawn');
    const mine = live.find((a) => a.unitId === reply.unitId && replyingRoles.includes(a.role as HandlingRole))!;
    if (mine.role === 'lead') {
      const waiting = live.filter((a) => supportingRoles.includes(a.role as HandlingRole) && a.status !== 'done');
      if (waiting.length) throw AppError.invalidState(`尚有${waiting.length}个协办/会办单位未提交意见，主办单位暂不能答复`);
    }
    await uow.tx.update(assignments).set({ status: 'done', version: mine.version + 1, updatedAt: new Date() }).where(eq(assignments.id, mine.id));
    const stillOpen = live.filter((a) => a.id !== mine.id && replyingRoles.includes(a.role as HandlingRole) && a.status !== 'done');
    if (stillOpen.length === 0) await port.onAllReplied(uow, actor, subject.id);
  });
