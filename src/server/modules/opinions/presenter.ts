import { contactPointNames } from './contact-points/queries.js';
import { sourceRequestOf } from '../requests/links.js';
import { sourceSuggestionOf } from '../members-home/load.js';
import { loadCalendar } from '../../platform/calendar/store.js';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../platform/auth/actor.js';
import { auditLog } from '../../platform/audit/schema.js';
import { assignments, instructions, replies } from '../../platform/handling/schema.js';
import { presentAssignments, presentReplies } from '../../platform/handling/presenter.js';
import { allowedActions } from '../../platform/policy/policy.js';
import { committees } from '../../platform/tenancy/schema.js';
import { availableActions } from '../../platform/workflow/workflow.js';
import { loadLookups } from '../org/lookups.js';
import { opinionFiles } from './commands/attachments.js';
import { issuePolicy, opinionPolicy, type OpinionSubject } from './policy.js';
import { opinionAdoptions, opinionIssues, opinionRevisions, opinions, opinionSends } from './schema.js';
import { adoptionModes, authorTypes, isInfoStaff, isOpinionAuthor, issueWorkflow, levels, opinionStates, opinionWorkflow, sendKinds, type Level, type OpinionIssue, type OpinionState } from './workflow.js';
import { contactActions } from '../../platform/handling/contacts.js';
import { opinionPort } from './port.js';
import { opinionHistoryLabeller } from '../../../shared/opinions/history.js';
import type { Presented } from '../../../shared/http/responses.js';
import { opinionDetail, type opinionRow } from '../../../shared/opinions/responses.js';
import { issue as issueAnswer } from '../../../shared/opinions/responses.js';
import { onlyDeclared } from '../../platform/http/answers.js';

const levelOrder = Object.keys(levels) as Level[];

/** Chinese names of the audit actions a report's history shows: the shared steps and the workflow's own labels. */
const historyLabel = opinionHistoryLabeller(Object.fromEntries(opinionWorkflow.transitions.map((t) => [`opinion.${t.action}`, t.label])));

/** Workflow and record actions the actor may take: the client shows exactly these buttons. */
export function actionsFor(actor: Actor, o: OpinionSubject): string[] {
  const workflow: string[] = availableActions(opinionWorkflow, actor, o).filter((a) => a !== 'allReplied');
  workflow.push(...contactActions(actor, opinionPort.office, { authorMemberIds: o.authorMemberId ? [o.authorMemberId] : [] }, o.unitIds));
  return [...workflow, ...allowedActions(opinionPolicy, actor, o).filter((a) => a !== 'read')];
}

async function committeeNames(db: Executor) {
  const rows = await db.select({ id: committees.id, shortName: committees.shortName }).from(committees);
  return new Map(rows.map((c) => [c.id, c.shortName]));
}

/** List rows: enough to scan a queue — serial, title, author, state, issue, highest adoption, instructions. */
export async function presentList(db: Executor, actor: Actor, rows: OpinionSubject[]): Promise<Presented<typeof opinionRow>[]> {
  const ids = rows.map((o) => o.id);
  const issueIds = [...new Set(rows.map((o) => o.issueId).filter((x): x is string => !!x))];
  const [names, adoptions, ins, issues, ups, points] = await Promise.all([
    committeeNames(db),
    ids.length ? db.select({ opinionId: opinionAdoptions.opinionId, level: opinionAdoptions.level }).from(opinionAdoptions).where(inArray(opinionAdoptions.opinionId, ids)) : [],
    ids.length ? db.select({ subjectId: instructions.subjectId, level: instructions.level }).from(instructions).where(and(eq(instructions.subjectType, 'opinion'), inArray(instructions.subjectId, ids))) : [],
    issueIds.length ? db.select({ id: opinionIssues.id, title: opinionIssues.title, status: opinionIssues.status }).from(opinionIssues).where(inArray(opinionIssues.id, issueIds)) : [],
    ids.length ? db.select().from(opinionSends).where(and(inArray(opinionSends.opinionId, ids), eq(opinionSends.kind, 'higherCommittee'))) : [],
    contactPointNames(db, rows.map((o) => o.contactPointId)),
  ]);
  return rows.map((o) => {
    const mine = adoptions.filter((a) => a.opinionId === o.id).map((a) => a.level as Level);
    const top = levelOrder.filter((l) => mine.includes(l)).at(-1) ?? null;
    const up = ups.find((s) => s.opinionId === o.id && s.targetCommitteeId === o.sentUpToCommitteeId);
    return {
      id: o.id, version: o.version, serial: o.serial, year: o.year, title: o.title, category: o.category,
      authorType: o.authorType, authorTypeLabel: authorTypes[o.authorType as keyof typeof authorTypes] ?? o.authorType, authorText: o.authorText,
      status: o.status, statusLabel: opinionStates[o.status as OpinionState] ?? o.status, submittedAt: o.submittedAt, length: [...o.body].length,
      committeeId: o.committeeId, committeeName: names.get(o.committeeId) ?? '', own: o.committeeId === actor.committeeId,
      issue: issues.find((i) => i.id === o.issueId) ?? null,
      adoptionCount: mine.length, topLevel: top, topLevelLabel: top ? levels[top] : null,
      instructionCount: ins.filter((i) => i.subjectId === o.id).length,
      sentUp: up ? { id: up.id, version: up.version, targetName: up.targetName, status: up.status, sentOn: up.sentOn, feedback: up.feedback } : null,
      handlingStatus: o.handlingStatus, combinedIntoId: o.combinedIntoId,
      contactPointId: o.contactPointId, contactPointName: o.contactPointId ? points.get(o.contactPointId) ?? null : null,
      direct: o.direct,
      actions: actionsFor(actor, o),
    };
  });
}

/** the rows of a report's page, cut to their declared fields (a database row carries its bookkeeping) */
const detailRow = {
  revisions: opinionDetail.shape.revisions.element,
  sends: opinionDetail.shape.sends.element,
  adoptions: opinionDetail.shape.adoptions.element,
  instructions: opinionDetail.shape.instructions.element,
};

/** The whole record for its page: text and revisions, sends, adoptions, instructions, handling, history. */
export async function presentDetail(db: Executor, actor: Actor, o: OpinionSubject, today: string): Promise<Presented<typeof opinionDetail>> {
  const [summary] = await presentList(db, actor, [o]);
  const [revisions, sends, adoptions, ins, live, rs, sources, into, history, lookups, files] = await Promise.all([
    db.select().from(opinionRevisions).where(eq(opinionRevisions.opinionId, o.id)).orderBy(asc(opinionRevisions.number)),
    db.select().from(opinionSends).where(eq(opinionSends.opinionId, o.id)).orderBy(asc(opinionSends.sentOn), asc(opinionSends.createdAt)),
    db.select().from(opinionAdoptions).where(eq(opinionAdoptions.opinionId, o.id)).orderBy(asc(opinionAdoptions.adoptedOn), asc(opinionAdoptions.createdAt)),
    db.select().from(instructions).where(and(eq(instructions.subjectType, 'opinion'), eq(instructions.subjectId, o.id))).orderBy(asc(instructions.instructedOn), asc(instructions.createdAt)),
    db.select().from(assignments).where(and(eq(assignments.subjectType, 'opinion'), eq(assignments.subjectId, o.id))).orderBy(asc(assignments.createdAt)),
    db.select().from(replies).where(and(eq(replies.subjectType, 'opinion'), eq(replies.subjectId, o.id))).orderBy(asc(replies.createdAt)),
    db.select({ id: opinions.id, title: opinions.title, authorText: opinions.authorText }).from(opinions).where(eq(opinions.combinedIntoId, o.id)),
    o.combinedIntoId ? db.select({ id: opinions.id, title: opinions.title, status: opinions.status }).from(opinions).where(eq(opinions.id, o.combinedIntoId)) : Promise.resolve([]),
    db.select({ action: auditLog.action, actorName: auditLog.actorName, at: auditLog.at, note: auditLog.note }).from(auditLog).where(and(eq(auditLog.subjectType, 'opinion'), eq(auditLog.subjectId, o.id))).orderBy(asc(auditLog.at), asc(auditLog.seq)),
    loadLookups(db, o.committeeId),
    opinionFiles.list(db, o.id),
  ]);
  const unitName = (id: string | null) => (id ? lookups.units.byId.get(id) ?? '' : '');
  // the original and every revision: for the office that edits, the author, and the receiving office
  const seesRevisions = isInfoStaff(actor) || isOpinionAuthor(actor, o) || o.committeeId !== actor.committeeId;
  const incoming = o.committeeId !== actor.committeeId ? sends.find((s) => s.targetCommitteeId === actor.committeeId) ?? null : null;
  return {
    ...summary,
    body: o.body, feedback: o.feedback, authorBody: o.authorBody, authorMemberId: o.authorMemberId, sentUpAt: o.sentUpAt, fromProposalId: o.fromProposalId,
    fromRequest: await sourceRequestOf(db, actor, 'opinion', o.id),
    fromHome: await sourceSuggestionOf(db, actor, 'opinion', o.id),
    revisions: seesRevisions ? revisions.map((r) => onlyDeclared(detailRow.revisions, r)) : [],
    attachments: files,
    sends: sends.map((s) => onlyDeclared(detailRow.sends, { ...s, kindLabel: sendKinds[s.kind as keyof typeof sendKinds] ?? s.kind })),
    adoptions: adoptions.map((a) => onlyDeclared(detailRow.adoptions, { ...a, levelLabel: levels[a.level as Level], modeLabel: adoptionModes[a.mode as keyof typeof adoptionModes] })),
    instructions: ins.map((i) => onlyDeclared(detailRow.instructions, { ...i, levelLabel: levels[i.level as Level] })),
    assignments: presentAssignments(actor, opinionPort, live, unitName, { today, calendar: await loadCalendar(db) }, o.handlingStatus === 'handling'),
    replies: presentReplies(actor, rs, unitName),
    sources,
    combinedInto: into[0] ?? null,
    incoming: incoming ? { id: incoming.id, version: incoming.version, status: incoming.status, sentOn: incoming.sentOn, note: incoming.note, feedback: incoming.feedback } : null,
    history: history.map((h) => ({ action: h.action, actionLabel: historyLabel(h.action), actorName: h.actorName, at: h.at, note: h.note })),
  };
}

/** An issue with its reports in order and the actions the actor may take. */
export function presentIssue(actor: Actor, issue: OpinionIssue, items: { id: string; title: string; authorText: string; category: string; committeeId: string; body: string }[], names: Map<string, string>): Presented<typeof issueAnswer> {
  return {
    ...presentIssueRow(actor, issue),
    items: items.map((o, i) => ({ position: i + 1, id: o.id, title: o.title, authorText: o.authorText, category: o.category, length: [...o.body].length, committeeName: names.get(o.committeeId) ?? '', own: o.committeeId === actor.committeeId })),
  };
}

/** An issue as the list shows it: the fields its schema names (not its row's committee and timestamps), without its reports. */
export const presentIssueRow = (actor: Actor, issue: OpinionIssue): Presented<typeof issueAnswer> => onlyDeclared(issueAnswer, { ...issue, actions: issueActions(actor, issue) });

/** Workflow and record actions on an issue: the client shows exactly these buttons. */
export const issueActions = (actor: Actor, issue: OpinionIssue): string[] => [
  ...availableActions(issueWorkflow, actor, issue),
  ...allowedActions(issuePolicy, actor, issue).filter((a) => a !== 'read'),
];
export { committeeNames };
