import { and, eq, inArray, isNotNull, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';
import { authorize, can } from '../../platform/policy/policy.js';
import { liveAssignment } from '../../platform/handling/scope.js';
import { assignments } from '../../platform/handling/schema.js';
import { jsonRows } from '../../db/json-rows.js';
import { opinionPolicy, type OpinionSubject } from './policy.js';
import { opinionIssues, opinions, opinionSends } from './schema.js';
import type { Opinion } from './workflow.js';

/** The reports combined into one, as a table of its own beside the report (a self-join). */
const source = alias(opinions, 'source');

/**
 * Adds what the policies need beyond the row: combined authors, units, issue status, the parent's
 * decision — the first three lists in one statement for all the rows (JSON columns on each id), the
 * issues' status in a second only when some row has an issue. The rows are kept as given.
 */
export async function withParties(db: Executor, rows: Opinion[]): Promise<OpinionSubject[]> {
  if (rows.length === 0) return [];
  const ids = [...new Set(rows.map((o) => o.id))];
  const issueIds = [...new Set(rows.map((o) => o.issueId).filter((x): x is string => !!x))];
  const sources = jsonRows({ memberId: source.authorMemberId }, sql`${opinions} as ${sql.identifier('source')}`, and(eq(source.combinedIntoId, opinions.id), isNotNull(source.authorMemberId)));
  const units = jsonRows({ unitId: assignments.unitId }, assignments, and(eq(assignments.subjectType, 'opinion'), eq(assignments.subjectId, opinions.id), liveAssignment));
  const ups = jsonRows({ target: opinionSends.targetCommitteeId, status: opinionSends.status }, opinionSends, and(eq(opinionSends.opinionId, opinions.id), isNotNull(opinionSends.targetCommitteeId)));
  // one query after another: `db` may be a transaction, whose single connection runs one query at a time
  const found = await db.select({ id: opinions.id, sources: sources.sql, units: units.sql, ups: ups.sql }).from(opinions).where(inArray(opinions.id, ids));
  const issues = issueIds.length ? await db.select({ id: opinionIssues.id, status: opinionIssues.status }).from(opinionIssues).where(inArray(opinionIssues.id, issueIds)) : [];
  const byId = new Map(found.map((f) => [f.id, { sources: sources.decode(f.sources), units: units.decode(f.units), ups: ups.decode(f.ups) }]));
  return rows.map((o) => {
    const parties = byId.get(o.id) ?? { sources: [], units: [], ups: [] };
    return {
      ...o,
      sourceAuthorIds: parties.sources.map((s) => s.memberId!),
      unitIds: [...new Set(parties.units.map((u) => u.unitId))],
      issueStatus: issues.find((i) => i.id === o.issueId)?.status ?? null,
      incomingStatus: parties.ups.find((u) => u.target === o.sentUpToCommitteeId)?.status ?? null,
    };
  });
}

/** Loads a report the actor may read (else not-found, also across committees), with its parties. */
export async function loadOpinion(db: Executor, actor: Actor, id: string): Promise<OpinionSubject> {
  // tenancy first, in the query: a report of the actor's committee or one sent up to it, else none at all
  const [row] = await db.select().from(opinions).where(and(eq(opinions.id, id), or(eq(opinions.committeeId, actor.committeeId), eq(opinions.sentUpToCommitteeId, actor.committeeId))));
  if (!row) throw AppError.notFound('社情民意信息');
  const [subject] = await withParties(db, [row]);
  authorize(opinionPolicy, 'read', actor, subject);
  return subject;
}

/** For updateRecord: the row with its parties, as the policy expects. */
export const opinionSubjectOf = async (row: Opinion, db: Executor): Promise<OpinionSubject> => (await withParties(db, [row]))[0];

/** Which of these reports the actor may read (a performance record names them; 社情民意 are internal). */
export async function readableOpinionIds(db: Executor, actor: Actor, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.select().from(opinions).where(inArray(opinions.id, ids));
  return new Set((await withParties(db, rows)).filter((o) => can(opinionPolicy, 'read', actor, o)).map((o) => o.id));
}
