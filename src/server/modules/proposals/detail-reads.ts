import { and, asc, eq, getTableColumns, inArray, isNotNull, or, sql, type Column, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.js';
import { preparedPerDatabase } from '../../db/prepared.js';
import { jsonRows } from '../../db/json-rows.js';
import { AppError } from '../../platform/errors.js';
import { auditLog } from '../../platform/audit/schema.js';
import { activities } from '../../platform/activity/schema.js';
import { attachments } from '../../platform/attachments/schema.js';
import { currentFiles } from '../../platform/attachments/files.js';
import { assignments, contacts, instructions, ratings, replies } from '../../platform/handling/schema.js';
import { liveAssignment } from '../../platform/handling/scope.js';
import { members } from '../members/schema.js';
import { homeDuties, homeSuggestions } from '../members-home/schema.js';
import { opinions } from '../opinions/schema.js';
import { livelihoodRequests } from '../requests/schema.js';
import { excellentNominations, keyProposals, keyProposalSchedules } from './key/schema.js';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize } from '../../platform/policy/policy.js';
import { proposalPolicy, type ProposalSubject } from './policy.js';
import { partyColumns, subjectFrom } from './load.js';
import type { Proposal } from './workflow.js';
import { cosigners, proposals, reviewOpinions } from './schema.js';
import { proposalTopics } from './topics/schema.js';

/** The proposal's id in the statements (the lists follow the rest of its row — first proposer, topic, … — as columns of the select). */
const id = sql.placeholder('id');

/** The lists as columns of a select on the proposal's row, and how to decode them. */
function listColumns() {
  const lists = detailLists();
  const columns = {
    names: namesOfParties(),
    topicTitle: sql<unknown>`(select ${proposalTopics.title} from ${proposalTopics} where ${eq(proposalTopics.id, proposals.topicId)})`,
    ...(Object.fromEntries(Object.entries(lists).map(([name, list]) => [name, list.sql])) as Record<keyof typeof lists, SQL<unknown>>),
  };
  return { lists, columns };
}

type Lists = ReturnType<typeof detailLists>;

function decodeLists(lists: Lists, row: Record<string, unknown>) {
  const decoded = Object.fromEntries(Object.entries(lists).map(([name, list]) => [name, list.decode(row[name])])) as {
    [K in keyof Lists]: ReturnType<Lists[K]['decode']>;
  };
  return {
    ...decoded,
    names: new Map(Object.entries((row.names ?? {}) as Record<string, string>)),
    // null when it cites none (the select finds no topic)
    topicTitle: row.topicTitle as string | null,
  };
}

/** Built once per database and sent by name (db/prepared.ts): its twenty lists were the costliest thing a proposal answer built. */
const listsStatement = preparedPerDatabase((db) => {
  const { lists, columns } = listColumns();
  return { lists, query: db.select(columns).from(proposals).where(eq(proposals.id, id)).prepare('proposal_detail_lists') };
});

/** The page's whole read: the row, its parties (load.ts) and the lists, in one statement. */
const pageStatement = preparedPerDatabase((db) => {
  const { lists, columns } = listColumns();
  const parts = partyColumns();
  const query = db
    .select({ row: proposals, cosigning: parts.cosigning.sql, units: parts.units.sql, ...columns })
    .from(proposals)
    .where(eq(proposals.id, id))
    .prepare('proposal_page');
  return { lists, parts, query };
});

/**
 * Every list the proposal page shows, read in ONE statement: each list is a `json_agg` column
 * (db/json-rows.ts) of a select on the proposal's row. The page used to send twenty selects at once;
 * on a busy pool each waited for a connection of its own, and every proposal write answers with this
 * page, so the statements a draft costs were mostly these (issue 20). Catalog names, settings and
 * the work calendar are not here: they come from the per-committee cache.
 */
export async function readDetailLists(db: Executor, p: ProposalSubject) {
  const { lists, query } = listsStatement(db);
  const [row] = (await query.execute({ id: p.id })) as Record<string, unknown>[];
  if (!row) throw AppError.notFound('提案');
  return decodeLists(lists, row);
}

/**
 * A proposal the actor may read (else not-found) with everything its page shows, in one statement:
 * loadProposal's row and parties and readDetailLists' lists — the page's answer (a read, and every
 * write's answer) is then one round trip. The lists of a proposal the actor may not read are read
 * and dropped, never presented.
 */
export async function readProposalPage(db: Executor, actor: Actor, proposalId: string): Promise<{ subject: ProposalSubject; lists: DetailLists }> {
  const { lists, parts, query } = pageStatement(db);
  const [found] = (await query.execute({ id: proposalId })) as ({ row: Proposal; cosigning: unknown; units: unknown } & Record<string, unknown>)[];
  if (!found) throw AppError.notFound('提案');
  const subject = subjectFrom(found.row, parts, found);
  authorize(proposalPolicy, 'read', actor, subject);
  return { subject, lists: decodeLists(lists, found) };
}

export type DetailLists = Awaited<ReturnType<typeof readDetailLists>>;

/** The proposal another was merged into, beside the outer select's own row. */
const mergedInto = alias(proposals, 'merged_into');

/** SQL: the handling rows (assignments, replies, …) of this proposal. */
const ofProposal = (t: { subjectType: Column; subjectId: Column }) => and(eq(t.subjectType, 'proposal'), eq(t.subjectId, id))!;

/**
 * The lists, each with the order the page shows it in (mergedFrom and the key schedules have none).
 * One text for every proposal: the id is a placeholder, the rest of the row the outer select's columns.
 */
function detailLists() {
  return {
    cosigners: jsonRows(getTableColumns(cosigners), cosigners, eq(cosigners.proposalId, id), asc(cosigners.position)),
    reviews: jsonRows(getTableColumns(reviewOpinions), reviewOpinions, eq(reviewOpinions.proposalId, id), asc(reviewOpinions.createdAt)),
    assignments: jsonRows(getTableColumns(assignments), assignments, and(ofProposal(assignments), liveAssignment), asc(assignments.createdAt)),
    replies: jsonRows(getTableColumns(replies), replies, ofProposal(replies), asc(replies.createdAt)),
    ratings: jsonRows(getTableColumns(ratings), ratings, ofProposal(ratings), asc(ratings.round)),
    contacts: jsonRows(getTableColumns(contacts), contacts, ofProposal(contacts), asc(contacts.contactOn)),
    instructions: jsonRows(getTableColumns(instructions), instructions, ofProposal(instructions), asc(instructions.instructedOn)),
    history: jsonRows({ action: auditLog.action, actorName: auditLog.actorName, at: auditLog.at, note: auditLog.note }, auditLog, and(eq(auditLog.subjectType, 'proposal'), eq(auditLog.subjectId, id)), asc(auditLog.seq)),
    mergedFrom: jsonRows({ id: proposals.id, title: proposals.title, proposerText: proposals.proposerText }, proposals, eq(proposals.mergedIntoId, id)),
    // the proposal's own row is the outer select's: the one it was merged into is read under another name
    mergedInto: jsonRows({ id: mergedInto.id, title: mergedInto.title, numberText: mergedInto.numberText }, sql`${proposals} ${sql.identifier('merged_into')}`, eq(mergedInto.id, proposals.mergedIntoId)),
    files: jsonRows(
      { id: attachments.id, filename: attachments.filename, size: attachments.size, uploadedByName: attachments.uploadedByName, uploadedAt: attachments.uploadedAt },
      attachments, currentFiles({ type: 'proposal', id }), asc(attachments.uploadedAt),
    ),
    convertedOpinion: jsonRows({ id: opinions.id, title: opinions.title, status: opinions.status }, opinions, and(eq(proposals.convertedTo, 'opinion'), eq(opinions.fromProposalId, id))),
    // 重点提案督办 and 优秀提案: their texts are shown or withheld by the reader's rights (key/presenter.ts)
    keyProposal: jsonRows(getTableColumns(keyProposals), keyProposals, eq(keyProposals.proposalId, id)),
    nomination: jsonRows(getTableColumns(excellentNominations), excellentNominations, eq(excellentNominations.proposalId, id)),
    keySchedules: jsonRows(
      { agenda: keyProposalSchedules.agenda, title: activities.title, place: activities.location },
      sql`${keyProposalSchedules} inner join ${activities} on ${eq(activities.id, keyProposalSchedules.activityId)}`,
      inArray(keyProposalSchedules.keyProposalId, sql`(select ${keyProposals.id} from ${keyProposals} where ${eq(keyProposals.proposalId, id)})`),
    ),
    // where it came from: a livelihood request (民生诉求) or a suggestion at the Members' Home (委员之家)
    sourceRequest: jsonRows({ id: livelihoodRequests.id, code: livelihoodRequests.code }, livelihoodRequests, eq(livelihoodRequests.proposalId, id)),
    sourceSuggestion: jsonRows(
      { dutyId: homeDuties.id, dutyCommitteeId: homeDuties.committeeId, day: homeSuggestions.day },
      sql`${homeSuggestions} inner join ${homeDuties} on ${eq(homeDuties.id, homeSuggestions.dutyId)}`,
      and(isNotNull(homeSuggestions.proposalId), eq(homeSuggestions.proposalId, id)),
    ),
  };
}

/** SQL: member id → name of the first proposer and of everyone invited to co-sign (declined too), as a JSON object. */
function namesOfParties() {
  const invited = sql`(select ${cosigners.memberId} from ${cosigners} where ${eq(cosigners.proposalId, id)})`;
  const parties = or(eq(members.id, proposals.leadMemberId), inArray(members.id, invited));
  return sql<unknown>`(select coalesce(json_object_agg(${members.id}, ${members.name}), '{}'::json) from ${members} where ${parties})`;
}
