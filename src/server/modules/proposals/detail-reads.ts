import { and, asc, eq, getTableColumns, inArray, isNotNull, or, sql, type Column } from 'drizzle-orm';
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
import type { ProposalSubject } from './policy.js';
import { cosigners, proposals, reviewOpinions } from './schema.js';
import { proposalTopics } from './topics/schema.js';

/** The statement's values: the proposal and the fields of its row the lists follow. */
const param = {
  id: sql.placeholder('id'),
  lead: sql.placeholder('lead'),
  topic: sql.placeholder('topic'),
  mergedInto: sql.placeholder('mergedInto'),
  convertedTo: sql.placeholder('convertedTo'),
};

/** Built once per database and sent by name (db/prepared.ts): its twenty lists were the costliest thing a proposal answer built. */
const detailStatement = preparedPerDatabase((db) => {
  const lists = detailLists();
  const query = db
    .select({
      names: namesOfParties(),
      topicTitle: sql<unknown>`(select ${proposalTopics.title} from ${proposalTopics} where ${eq(proposalTopics.id, param.topic)})`,
      ...Object.fromEntries(Object.entries(lists).map(([name, list]) => [name, list.sql])),
    })
    .from(proposals)
    .where(eq(proposals.id, param.id))
    .prepare('proposal_detail_lists');
  return { lists, query };
});

/**
 * Every list the proposal page shows, read in ONE statement: each list is a `json_agg` column
 * (db/json-rows.ts) of a select on the proposal's row. The page used to send twenty selects at once;
 * on a busy pool each waited for a connection of its own, and every proposal write answers with this
 * page, so the statements a draft costs were mostly these (issue 20). Catalog names, settings and
 * the work calendar are not here: they come from the per-committee cache.
 */
export async function readDetailLists(db: Executor, p: ProposalSubject) {
  const { lists, query } = detailStatement(db);
  const [row] = (await query.execute({ id: p.id, lead: p.leadMemberId, topic: p.topicId, mergedInto: p.mergedIntoId, convertedTo: p.convertedTo })) as Record<string, unknown>[];
  if (!row) throw AppError.notFound('提案');
  const decoded = Object.fromEntries(Object.entries(lists).map(([name, list]) => [name, list.decode(row[name])])) as {
    [K in keyof typeof lists]: ReturnType<(typeof lists)[K]['decode']>;
  };
  return {
    ...decoded,
    names: new Map(Object.entries((row.names ?? {}) as Record<string, string>)),
    // null when it cites none (the select finds no topic)
    topicTitle: row.topicTitle as string | null,
  };
}

export type DetailLists = Awaited<ReturnType<typeof readDetailLists>>;

/** SQL: the handling rows (assignments, replies, …) of this proposal. */
const ofProposal = (t: { subjectType: Column; subjectId: Column }) => and(eq(t.subjectType, 'proposal'), eq(t.subjectId, param.id))!;

/**
 * The lists, each with the order the page shows it in (mergedFrom and the key schedules have none).
 * One text for every proposal: what depends on the row is a placeholder (a null matches nothing).
 */
function detailLists() {
  const id = param.id;
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
    mergedInto: jsonRows({ id: proposals.id, title: proposals.title, numberText: proposals.numberText }, proposals, eq(proposals.id, param.mergedInto)),
    files: jsonRows(
      { id: attachments.id, filename: attachments.filename, size: attachments.size, uploadedByName: attachments.uploadedByName, uploadedAt: attachments.uploadedAt },
      attachments, currentFiles({ type: 'proposal', id }), asc(attachments.uploadedAt),
    ),
    convertedOpinion: jsonRows({ id: opinions.id, title: opinions.title, status: opinions.status }, opinions, and(sql`${param.convertedTo}::text = 'opinion'`, eq(opinions.fromProposalId, id))),
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
  const invited = sql`(select ${cosigners.memberId} from ${cosigners} where ${eq(cosigners.proposalId, param.id)})`;
  const parties = or(eq(members.id, param.lead), inArray(members.id, invited));
  return sql<unknown>`(select coalesce(json_object_agg(${members.id}, ${members.name}), '{}'::json) from ${members} where ${parties})`;
}
