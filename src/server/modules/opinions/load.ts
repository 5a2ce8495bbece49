import { and, eq, inArray, isNotNull, or } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';
import { authorize, can } from '../../platform/policy/policy.js';
import { assignedUnits } from '../../platform/handling/scope.js';
import { opinionPolicy, type OpinionSubject } from './policy.js';
import { opinionIssues, opinions, opinionSends } from './schema.js';
import type { Opinion } from './workflow.js';

/** Adds what the policies need beyond the row: combined authors, units, issue status, the parent's decision. */
export async function withParties(db: Executor, rows: Opinion[]): Promise<OpinionSubject[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((o) => o.id);
  const issueIds = [...new Set(rows.map((o) => o.issueId).filter((x): x is string => !!x))];
  // one query after another: `db` may be a transaction, whose single connection runs one query at a time
  const sources = await db.select({ into: opinions.combinedIntoId, memberId: opinions.authorMemberId }).from(opinions).where(and(inArray(opinions.combinedIntoId, ids), isNotNull(opinions.authorMemberId)));
  const units = await assignedUnits(db, 'opinion', ids);
  const issues = issueIds.length ? await db.select({ id: opinionIssues.id, status: opinionIssues.status }).from(opinionIssues).where(inArray(opinionIssues.id, issueIds)) : [];
  const ups = await db.select({ opinionId: opinionSends.opinionId, target: opinionSends.targetCommitteeId, status: opinionSends.status }).from(opinionSends).where(and(inArray(opinionSends.opinionId, ids), isNotNull(opinionSends.targetCommitteeId)));
  return rows.map((o) => ({
    ...o,
    sourceAuthorIds: sources.filter((s) => s.into === o.id).map((s) => s.memberId!),
    unitIds: units.get(o.id)!,
    issueStatus: issues.find((i) => i.id === o.issueId)?.status ?? null,
    incomingStatus: ups.find((u) => u.opinionId === o.id && u.target === o.sentUpToCommitteeId)?.status ?? null,
  }));
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
