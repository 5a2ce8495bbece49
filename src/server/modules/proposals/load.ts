import { and, eq, inArray, ne, sql, type Column, type Placeholder, type SQL } from 'drizzle-orm';
import { jsonRows } from '../../db/json-rows.js';
import type { Executor } from '../../db/client.js';
import { preparedPerDatabase } from '../../db/prepared.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';
import { authorize } from '../../platform/policy/policy.js';
import { liveAssignment } from '../../platform/handling/scope.js';
import { assignments } from '../../platform/handling/schema.js';
import { proposalPolicy, type ProposalSubject } from './policy.js';
import { cosigners, proposals } from './schema.js';
import { getSettings } from '../../platform/settings/settings.js';
import type { UnitOfWork } from '../../platform/jobs/after-commit.js';
import { proposalSettings } from './settings.js';
import type { Proposal, ProposalContext } from './workflow.js';

/**
 * Adds the co-signers (not declined) and assigned units the policies need, read for all the rows in one
 * statement (partyColumns on each id): a request pays one round trip for them, not one per list.
 * The rows are kept as given (a command's row as it has changed it); one not in the table has no parties.
 */
export async function withParties(db: Executor, rows: Proposal[]): Promise<ProposalSubject[]> {
  if (rows.length === 0) return [];
  const parts = partyColumns(proposals.id);
  const found = await db
    .select({ id: proposals.id, cosigning: parts.cosigning.sql, units: parts.units.sql })
    .from(proposals)
    .where(inArray(proposals.id, [...new Set(rows.map((p) => p.id))]));
  const byId = new Map(found.map((f) => [f.id, f]));
  return rows.map((p) => subjectFrom(p, parts, byId.get(p.id) ?? { cosigning: [], units: [] }));
}

/**
 * SQL columns of a select on the proposal's row: its co-signers (not declined) and live units. `id` is
 * the proposal's id: a placeholder (`sql.placeholder('id')`, the default) or the row's own column.
 */
export function partyColumns(id: SQL | Placeholder | Column = sql.placeholder('id')) {
  return {
    cosigning: jsonRows({ memberId: cosigners.memberId, status: cosigners.status }, cosigners, and(eq(cosigners.proposalId, id), ne(cosigners.status, 'declined'))),
    units: jsonRows({ unitId: assignments.unitId }, assignments, and(eq(assignments.subjectType, 'proposal'), eq(assignments.subjectId, id), liveAssignment)),
  };
}

/** The proposal as its policy reads it, from its row and the two columns of partyColumns(). */
export function subjectFrom(row: Proposal, parts: ReturnType<typeof partyColumns>, values: { cosigning: unknown; units: unknown }): ProposalSubject {
  const parties = parts.cosigning.decode(values.cosigning);
  return {
    ...row,
    cosignerIds: parties.map((c) => c.memberId),
    invitedIds: parties.filter((c) => c.status === 'invited').map((c) => c.memberId),
    unitIds: [...new Set(parts.units.decode(values.units).map((u) => u.unitId))],
  };
}

/** The row with its parties, built once per database and sent by name (db/prepared.ts). */
const loadStatement = preparedPerDatabase((db) => {
  const parts = partyColumns();
  const query = db
    .select({ row: proposals, cosigning: parts.cosigning.sql, units: parts.units.sql })
    .from(proposals)
    .where(eq(proposals.id, sql.placeholder('id')))
    .prepare('proposal_load');
  return { parts, query };
});

/**
 * Loads a proposal the actor may read (else not-found), with its parties — the row, its co-signers and
 * its units in one statement (every proposal request starts here; its page reads them with its lists: detail-reads.ts).
 */
export async function loadProposal(db: Executor, actor: Actor, id: string): Promise<ProposalSubject> {
  const { parts, query } = loadStatement(db);
  const [found] = await query.execute({ id });
  if (!found) throw AppError.notFound('提案');
  const subject = subjectFrom(found.row, parts, found);
  authorize(proposalPolicy, 'read', actor, subject);
  return subject;
}

/**
 * What the proposal workflow's guards read for these proposals (proposals with their parties):
 * the app's today and each one's co-signing against the minimum of its committee and year.
 */
export async function guardContexts(db: Executor, rows: ProposalSubject[], today: string): Promise<(p: ProposalSubject) => ProposalContext> {
  const minimum = new Map<string, number>();
  for (const key of new Set(rows.map((p) => `${p.committeeId}|${p.year}`))) {
    const [committeeId, year] = key.split('|');
    minimum.set(key, (await getSettings(db, proposalSettings, committeeId, Number(year))).minCosigners);
  }
  return (p) => guardContext(p, today, minimum.get(`${p.committeeId}|${p.year}`)!);
}

/** The same for one proposal whose committee's minimum of co-signers the caller has read already. */
export const guardContext = (p: ProposalSubject, today: string, minimum: number): ProposalContext => ({
  today,
  cosigning: { invited: p.invitedIds.length, confirmed: p.cosignerIds.length - p.invitedIds.length, minimum },
});

/** For applyTransition: the guards' context of the proposal being changed, read in its transaction. */
export const guardContextOf = (today: string) => async (row: Proposal, uow: UnitOfWork) => {
  const [subject] = await withParties(uow.tx, [row]);
  return (await guardContexts(uow.tx, [subject], today))(subject);
};

/** For updateRecord: the row with its parties, as the policy expects. */
export const proposalSubjectOf = async (row: Proposal, db: Executor): Promise<ProposalSubject> => (await withParties(db, [row]))[0];
