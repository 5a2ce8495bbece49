import type { Executor } from '../../../db/client.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { AppError } from '../../../platform/errors.js';
import { loadCalendar } from '../../../platform/calendar/store.js';
import { workdaysBetween } from '../../../platform/calendar/workdays.js';
import { handlingRoles, replyingRoles, type HandlingRole } from '../../../platform/handling/plan.js';
import { authorize, can } from '../../../platform/policy/policy.js';
import { getSettings } from '../../../platform/settings/settings.js';
import type { OfficialDocument } from '../../../platform/documents/model.js';
import { proposalSettings } from '../settings.js';
import { numberOf, proposalFacts, type FactsAssignment, type ProposalFacts } from './facts.js';
import { proposalForm } from './form.js';
import { assignmentNotice } from './notice.js';
import { documentKinds, proposalDocumentPolicy, type DocumentKind, type DocumentSubject } from './policy.js';
import { replyLetter } from './reply.js';

/** The reply a unit wrote for its assignment's round (the latest draft or letter). */
const replyOf = (f: ProposalFacts, a: FactsAssignment | null) => (a ? f.replies.filter((r) => r.unitId === a.unitId && r.round === a.round).at(-1) ?? null : null);
const subjectOf = (f: ProposalFacts, a: FactsAssignment | null): DocumentSubject => ({ ...f.proposal, assignment: a, reply: replyOf(f, a) });

/**
 * The assignment a notice or reply is about: the one asked for; else a unit's own in the latest
 * round; else the only one of the latest round (only replying units for a reply).
 */
function pickAssignment(f: ProposalFacts, actor: Actor, kind: DocumentKind, assignmentId?: string): FactsAssignment | null {
  if (kind === 'form') return null;
  if (assignmentId) {
    const a = f.assignments.find((x) => x.id === assignmentId);
    if (!a) throw AppError.notFound('交办记录');
    return a;
  }
  const candidates = f.assignments.filter((a) => (actor.unitId ? a.unitId === actor.unitId : kind === 'notice' || replyingRoles.includes(a.role as HandlingRole)));
  const round = Math.max(0, ...candidates.map((a) => a.round));
  const latest = candidates.filter((a) => a.round === round);
  if (latest.length > 1 && !actor.unitId) throw AppError.field('assignmentId', '交办记录', '本提案有多个承办单位，请选择承办单位');
  return latest.at(-1) ?? null;
}

/** 区教育局-主办 (二次办理): how a unit's document is told apart in a list and a file name. */
const unitLabel = (a: FactsAssignment) => `${a.unitName}·${handlingRoles[a.role as HandlingRole] ?? a.role}${a.round > 1 ? '·二次办理' : ''}`;

async function build(db: Executor, f: ProposalFacts, actor: Actor, kind: DocumentKind, a: FactsAssignment | null): Promise<OfficialDocument> {
  if (kind === 'form' || !a) return proposalForm(f, actor);
  if (kind === 'notice') return assignmentNotice(f, a, workdaysBetween(await loadCalendar(db), a.assignedOn, a.replyDeadline));
  const settings = await getSettings(db, proposalSettings, f.proposal.committeeId, f.proposal.year);
  const reply = replyOf(f, a)!;
  return replyLetter(f, a, reply, settings.answerClasses.find((c) => c.code === reply.answerClass)?.label ?? null);
}

/**
 * One printed document of a proposal, authorised per kind: a reader who may not have it gets
 * "not found", as for a record they may not see.
 */
export async function proposalDocument(db: Executor, actor: Actor, id: string, kind: DocumentKind, assignmentId?: string) {
  const f = await proposalFacts(db, actor, id);
  const a = pickAssignment(f, actor, kind, assignmentId);
  authorize(proposalDocumentPolicy, kind, actor, subjectOf(f, a), kind);
  const doc = await build(db, f, actor, kind, a);
  const basename = [numberOf(f.proposal) || f.proposal.title.slice(0, 30), documentKinds[kind], a ? unitLabel(a) : ''].filter(Boolean).join('-');
  return { doc, basename: basename.replace(/[\\/:*?"<>|\s]+/g, ''), asciiName: `proposal-${f.proposal.number ?? f.proposal.serial ?? ''}-${kind}` };
}

/** The documents the actor may print for a proposal, for the download links on its page. */
export async function availableDocuments(db: Executor, actor: Actor, id: string) {
  const f = await proposalFacts(db, actor, id);
  const items: { kind: DocumentKind; assignmentId: string | null; label: string }[] = [];
  if (can(proposalDocumentPolicy, 'form', actor, subjectOf(f, null))) items.push({ kind: 'form', assignmentId: null, label: documentKinds.form });
  for (const kind of ['notice', 'reply'] as const) {
    for (const a of f.assignments) {
      if (can(proposalDocumentPolicy, kind, actor, subjectOf(f, a))) items.push({ kind, assignmentId: a.id, label: `${documentKinds[kind]}（${unitLabel(a)}）` });
    }
  }
  return items;
}
