import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../platform/auth/actor.js';
import { attachments } from '../../platform/attachments/schema.js';
import { auditLog } from '../../platform/audit/schema.js';
import { AppError } from '../../platform/errors.js';
import { can } from '../../platform/policy/policy.js';
import { availableActions } from '../../platform/workflow/workflow.js';
import { loadProposal } from '../proposals/load.js';
import { loadOpinion } from '../opinions/load.js';
import { historyLabeller } from '../../../shared/history.js';
import type { Presented } from '../../../shared/http/responses.js';
import { requestRatings, requestStates } from '../../../shared/requests/labels.js';
import type { requestDetail, requestRow } from '../../../shared/requests/responses.js';
import { formatCode } from './code.js';
import { handlerName } from './commands/follow.js';
import { requestPolicy, type RequestSubject } from './policy.js';
import { livelihoodRequestNotes } from './schema.js';
import { requestWorkflow } from './workflow.js';

const label = historyLabeller(
  {
    ...Object.fromEntries(requestWorkflow.transitions.map((t) => [`livelihoodRequest.${t.action}`, t.label])),
    'livelihoodRequest.create': '群众提交', 'livelihoodRequest.rate': '群众评价', 'livelihoodRequest.attach': '上传照片',
    'livelihoodRequest.toProposal': '转为提案草稿', 'livelihoodRequest.toOpinion': '转为社情民意信息',
  },
);

/** The actions this person may take: the workflow's, and converting once. */
export const requestActions = (actor: Actor, r: RequestSubject) => [
  ...availableActions(requestWorkflow, actor, r, r),
  ...(can(requestPolicy, 'convert', actor, r) ? ['convert'] : []),
];

/** A list row; `handler` comes from `handlerNames`, read once for the whole list. */
export function presentRequestRow(actor: Actor, r: RequestSubject, handler: string | null): Presented<typeof requestRow> {
  return {
    id: r.id, version: r.version, code: formatCode(r.code), status: r.status, statusLabel: requestStates[r.status as keyof typeof requestStates] ?? r.status,
    category: r.category, place: r.place, body: r.body, receivedOn: r.receivedOn, handler, published: r.publishedAt !== null,
    actions: requestActions(actor, r),
  };
}

/** A record the request became, when this person may open it (else not even its id). */
async function linked<T>(load: () => Promise<T>): Promise<T | null> {
  try {
    return await load();
  } catch (err) {
    if (err instanceof AppError && err.code === 'not_found') return null;
    throw err;
  }
}

/** One request as staff and members read it: the sender's contacts only for staff who may see them. */
export async function presentRequest(db: Executor, actor: Actor, r: RequestSubject): Promise<Presented<typeof requestDetail>> {
  const [notes, photos, history, proposal, opinion] = await Promise.all([
    db.select({ day: livelihoodRequestNotes.day, body: livelihoodRequestNotes.body, byName: livelihoodRequestNotes.byName }).from(livelihoodRequestNotes).where(eq(livelihoodRequestNotes.requestId, r.id)).orderBy(asc(livelihoodRequestNotes.createdAt)),
    db.select({ id: attachments.id, filename: attachments.filename, size: attachments.size }).from(attachments).where(and(eq(attachments.subjectType, 'livelihoodRequest'), eq(attachments.subjectId, r.id), isNull(attachments.removedAt))).orderBy(asc(attachments.uploadedAt)),
    db.select({ action: auditLog.action, actorName: auditLog.actorName, at: auditLog.at, note: auditLog.note }).from(auditLog).where(and(eq(auditLog.subjectType, 'livelihoodRequest'), eq(auditLog.subjectId, r.id))).orderBy(asc(auditLog.at), asc(auditLog.seq)),
    r.proposalId ? linked(async () => { const p = await loadProposal(db, actor, r.proposalId!); return { id: p.id, title: p.title }; }) : null,
    r.opinionId ? linked(async () => { const o = await loadOpinion(db, actor, r.opinionId!); return { id: o.id, title: o.title }; }) : null,
  ]);
  return {
    ...presentRequestRow(actor, r, await handlerName(db, r)),
    sender: can(requestPolicy, 'seeContact', actor, r) ? { name: r.senderName, phone: r.senderPhone } : null,
    studioId: r.studioId, memberId: r.memberId, routeNote: r.routeNote, notes,
    outcome: r.outcome, declineReason: r.declineReason, doneOn: r.doneOn,
    rating: r.rating, ratingLabel: r.rating ? requestRatings[r.rating as keyof typeof requestRatings] : null, ratingComment: r.ratingComment,
    photos, proposal, opinion, converted: !!(r.proposalId || r.opinionId),
    // the public's own audit rows carry no name; staff rows carry theirs
    history: history.map((h) => ({ ...h, actionLabel: label(h.action) })),
  };
}
