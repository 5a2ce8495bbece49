import { readableSource } from '../requests/links.js';
import { suggestionSource } from '../members-home/load.js';
import { loadCalendar } from '../../platform/calendar/store.js';
import { inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../platform/auth/actor.js';
import { hasRole } from '../../platform/auth/actor.js';
import { handlingRoles, type HandlingRole } from '../../platform/handling/plan.js';
import { isOverdue } from '../../platform/handling/assignments.js';
import { presentAssignments, presentReplies } from '../../platform/handling/presenter.js';
import { mayLogContact } from '../../platform/handling/contacts.js';
import { allowedActions } from '../../platform/policy/policy.js';
import { offeredActions } from '../../platform/workflow/workflow.js';
import { members } from '../members/schema.js';
import { loadLookups, type OrgLookups } from '../org/lookups.js';
import { proposalPolicy, type ProposalSubject } from './policy.js';
import { assignmentsOf, type ListReads } from './queries.js';
import { isAuthor, proposalStates, proposalWorkflow, type ProposalContext, type ProposalState } from './workflow.js';
import { guardContexts } from './load.js';
import { handlingOpen, proposalPort } from './port.js';
import type { Presented } from '../../../shared/http/responses.js';
import { withheldNotes } from '../../platform/audit/history.js';
import { keyTextsFor } from './key/presenter.js';
import { readDetailLists, type DetailLists } from './detail-reads.js';
import { topicTitles } from './topics/queries.js';
import { proposalHistoryLabel } from '../../../shared/proposals/history.js';
import { proposalDetail, type proposalRow } from '../../../shared/proposals/responses.js';
import { onlyDeclared } from '../../platform/http/answers.js';

const label = (s: string) => proposalStates[s as ProposalState] ?? s;

export async function memberNames(db: Executor, ids: string[]) {
  const unique = [...new Set(ids.filter(Boolean))];
  if (!unique.length) return new Map<string, string>();
  const rows = await db.select({ id: members.id, name: members.name }).from(members).where(inArray(members.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** 张三 / 张三等3人 / 民盟区委 — the proposer as printed on lists. */
export function proposerOf(p: ProposalSubject, names: Map<string, string>) {
  if (p.authorType === 'collective' || p.historical || !p.leadMemberId) return p.proposerText ?? '';
  const lead = names.get(p.leadMemberId) ?? p.proposerText ?? '';
  return p.authorType === 'joint' && p.cosignerIds.length ? `${lead}等${p.cosignerIds.length + 1}人` : lead;
}

/** What list rows are drawn from besides the rows: names, catalog names, live assignments. */
interface RowContext {
  names: Map<string, string>;
  lookups: OrgLookups;
  live: Awaited<ReturnType<typeof assignmentsOf>>;
  /** what the workflow's guards read for each proposal */
  context: (p: ProposalSubject) => ProposalContext;
  /** titles of the reference topics the rows cite */
  topics: Map<string, string>;
}

function summarise(actor: Actor, p: ProposalSubject, { names, lookups, live, context, topics }: RowContext, today: string): Presented<typeof proposalRow> {
  const mine = live.filter((a) => a.subjectId === p.id && a.round === Math.max(p.handlingRound, 1));
  const open = mine.filter((a) => a.status !== 'done');
  return {
    id: p.id, version: p.version, numberText: p.numberText, serial: p.serial, title: p.title, category: p.category, year: p.year,
    status: p.status, statusLabel: label(p.status), kind: p.kind, authorType: p.authorType, proposer: proposerOf(p, names),
    submittedAt: p.submittedAt, isKey: p.isKey, historical: p.historical, mergedIntoId: p.mergedIntoId,
    topicId: p.topicId, topicTitle: p.topicId ? topics.get(p.topicId) ?? null : null,
    units: mine.map((a) => ({ unitId: a.unitId, name: lookups.units.byId.get(a.unitId) ?? '', role: a.role, roleLabel: handlingRoles[a.role as HandlingRole] })),
    replyDeadline: open.map((a) => a.replyDeadline).sort()[0] ?? null,
    overdue: open.some((a) => isOverdue(a, today)),
    ...actionsFor(actor, p, context(p)),
  };
}

/** List rows: enough to scan a queue — number, title, proposer, state, units, nearest deadline. */
export async function presentList(db: Executor, actor: Actor, rows: ProposalSubject[], today: string, read?: ListReads): Promise<Presented<typeof proposalRow>[]> {
  const [names, lookups, live, context, topics] = await Promise.all([
    read?.names ?? memberNames(db, rows.map((p) => p.leadMemberId ?? '')),
    loadLookups(db, actor.committeeId),
    read?.live ?? assignmentsOf(db, rows.map((p) => p.id)),
    guardContexts(db, rows, today),
    read?.topics ?? topicTitles(db, rows.map((p) => p.topicId)),
  ]);
  return rows.map((p) => summarise(actor, p, { names, lookups, live, context, topics }, today));
}

/**
 * What the actor may do, from the same table and policies the server applies: the workflow's
 * actions now (the two rating transitions are one 评价 button), the record's policy actions, and
 * `blocked` — workflow actions the actor may take once a precondition is met, with what is missing.
 */
export function actionsFor(actor: Actor, p: ProposalSubject, context: ProposalContext): { actions: string[]; blocked: Record<string, string> } {
  const offered = offeredActions(proposalWorkflow, actor, p, context);
  const rating = ['rateSatisfied', 'rateUnsatisfied'];
  const workflow: string[] = offered.actions.filter((a) => a !== 'allReplied' && !rating.includes(a));
  if (offered.actions.some((a) => rating.includes(a))) workflow.push('rate');
  if (mayLogContact(actor, proposalPort.office, { authorMemberIds: p.leadMemberId ? [p.leadMemberId] : [] }, p.unitIds)) workflow.push('logContact');
  return { actions: [...workflow, ...allowedActions(proposalPolicy, actor, p).filter((a) => a !== 'read')], blocked: offered.blocked };
}

/** the rows of a proposal's page, cut to their declared fields (a database row carries its bookkeeping) */
const detailRow = {
  reviewOpinions: proposalDetail.shape.reviewOpinions.element,
  ratings: proposalDetail.shape.ratings.element,
  contacts: proposalDetail.shape.contacts.element,
  instructions: proposalDetail.shape.instructions.element,
};

/**
 * The whole record for its page: content, people, review, handling, replies, ratings, history.
 * `read`: its lists when read already, with the row (readProposalPage).
 */
export async function presentDetail(db: Executor, actor: Actor, p: ProposalSubject, today: string, read?: DetailLists): Promise<Presented<typeof proposalDetail>> {
  // the lists in one statement (detail-reads.ts); catalogs, settings and calendar beside it, from the
  // per-committee cache
  const [lists, lookups, context, calendar] = await Promise.all([read ?? readDetailLists(db, p), loadLookups(db, actor.committeeId), guardContexts(db, [p], today), loadCalendar(db)]);
  const { names, reviews } = lists;
  const topics = new Map(p.topicId && lists.topicTitle !== null ? [[p.topicId, lists.topicTitle]] : []);
  // one read of names, catalogs and assignments serves both the summary and the details
  const summary = summarise(actor, p, { names, lookups, live: lists.assignments, context, topics }, today);
  const unitName = (id: string | null) => (id ? lookups.units.byId.get(id) ?? '' : '');
  const mayReadReviews = hasRole(actor, 'staff', 'admin', 'leader') || isAuthor(actor, p);
  const keyTexts = keyTextsFor(actor, lists.keyProposal[0], lists.nomination[0], lists.keySchedules);
  return {
    ...summary,
    background: p.background, analysis: p.analysis, suggestions: p.suggestions,
    collectiveBody: p.collectiveBody, leadMemberId: p.leadMemberId, leadMemberName: p.leadMemberId ? names.get(p.leadMemberId) ?? null : null,
    proposerConsent: p.proposerConsent, decisionReason: p.decisionReason, convertedTo: p.convertedTo, keyLeaderName: p.keyLeaderName,
    isExcellent: p.isExcellent, publishedAt: p.publishedAt, handlingRound: p.handlingRound, rateDeadline: p.rateDeadline, decidedAt: p.decidedAt, sessionId: p.sessionId,
    cosigners: lists.cosigners.map((c) => ({ memberId: c.memberId, name: names.get(c.memberId) ?? '', status: c.status, respondedAt: c.respondedAt })),
    reviewOpinions: mayReadReviews ? reviews.map((r) => onlyDeclared(detailRow.reviewOpinions, r)) : [],
    assignments: presentAssignments(actor, proposalPort, lists.assignments, unitName, { today, calendar }, handlingOpen(p)),
    replies: presentReplies(actor, lists.replies, unitName),
    ratings: lists.ratings.map((r) => onlyDeclared(detailRow.ratings, r)),
    contacts: lists.contacts.map((c) => onlyDeclared(detailRow.contacts, { ...c, unitName: unitName(c.unitId) })),
    instructions: lists.instructions.map((i) => onlyDeclared(detailRow.instructions, i)),
    mergedFrom: lists.mergedFrom,
    mergedInto: lists.mergedInto[0] ?? null,
    attachments: lists.files,
    convertedOpinion: lists.convertedOpinion[0] ?? null,
    // a request the reader may not open is not named at all (its readability costs reads only when there is one)
    fromRequest: await readableSource(db, actor, lists.sourceRequest[0]),
    fromHome: suggestionSource(actor, lists.sourceSuggestion[0]),
    keyTexts: keyTexts.shown,
    // a review opinion is the history's note of its step: kept from whoever may not read the opinions
    history: withheldNotes(lists.history, [...(mayReadReviews ? [] : reviews.map((r) => r.opinion)), ...keyTexts.withheld]).map((h) => ({ action: h.action, actionLabel: proposalHistoryLabel(h.action), actorName: h.actorName, at: h.at, note: h.note })),
  };
}
