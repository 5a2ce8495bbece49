import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';
import { authorize, readableIds } from '../../platform/policy/policy.js';
import { members } from '../members/schema.js';
import { requestPolicy, type RequestSubject } from './policy.js';
import { livelihoodRequests } from './schema.js';
import type { LivelihoodRequest, RequestFacts } from './workflow.js';

/** The members of the studio a request went to (who may take it on). */
export async function requestFacts(db: Executor, r: Pick<LivelihoodRequest, 'studioId'>): Promise<RequestFacts> {
  if (!r.studioId) return { studioMemberIds: [] };
  const rows = await db.select({ id: members.id }).from(members).where(and(eq(members.studioId, r.studioId), isNotNull(members.studioId)));
  return { studioMemberIds: rows.map((m) => m.id) };
}

/** Requests with what the policies need (the members of the studio each went to), in one query for any number. */
export async function requestSubjectsOf(db: Executor, rows: LivelihoodRequest[]): Promise<RequestSubject[]> {
  const studioIds = [...new Set(rows.map((r) => r.studioId).filter((x): x is string => !!x))];
  const staffed = studioIds.length ? await db.select({ id: members.id, studioId: members.studioId }).from(members).where(inArray(members.studioId, studioIds)) : [];
  return rows.map((r) => ({ ...r, studioMemberIds: r.studioId ? staffed.filter((m) => m.studioId === r.studioId).map((m) => m.id) : [] }));
}

export const requestSubjectOf = async (db: Executor, r: LivelihoodRequest): Promise<RequestSubject> => (await requestSubjectsOf(db, [r]))[0]!;

/** A request the actor may read, or not found (the same answer as a made-up id). */
export async function loadRequest(db: Executor, actor: Actor, id: string): Promise<RequestSubject> {
  const [row] = await db.select().from(livelihoodRequests).where(eq(livelihoodRequests.id, id));
  if (!row || row.committeeId !== actor.committeeId) throw AppError.notFound(requestPolicy.label);
  const subject = await requestSubjectOf(db, row);
  authorize(requestPolicy, 'read', actor, subject);
  return subject;
}

/** Of the requests asked, those the viewer may open (a member record's ledger sources, converted records' links). */
export async function readableRequestIds(db: Executor, viewer: Actor, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db.select().from(livelihoodRequests).where(inArray(livelihoodRequests.id, ids));
  return readableIds(requestPolicy, viewer, await requestSubjectsOf(db, rows));
}
