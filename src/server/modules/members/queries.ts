import { and, arrayContains, asc, count, eq, ilike, or } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../platform/auth/actor.js';
import { authorize, committeeSubject } from '../../platform/policy/policy.js';
import { rosterPolicy } from './policy.js';
import { members } from './schema.js';

export interface MemberFilter {
  q?: string;
  sectorId?: string;
  specialCommitteeId?: string;
  position?: string;
  termId?: string;
  page: number;
  pageSize: number;
}

/** One page of the roster, ordered by position then code. */
export async function listMembers(db: Executor, actor: Actor, f: MemberFilter) {
  authorize(rosterPolicy, 'read', actor, committeeSubject(actor));
  const where = [eq(members.committeeId, actor.committeeId)];
  if (f.q) {
    const like = `%${f.q.replace(/[%_\\]/g, (c) => '\\' + c)}%`;
    where.push(or(ilike(members.name, like), ilike(members.code, like), ilike(members.workplace, like))!);
  }
  if (f.sectorId) where.push(eq(members.sectorId, f.sectorId));
  if (f.position) where.push(eq(members.position, f.position));
  if (f.termId) where.push(eq(members.termId, f.termId));
  if (f.specialCommitteeId) where.push(arrayContains(members.specialCommitteeIds, [f.specialCommitteeId]));
  const [{ total }] = await db.select({ total: count() }).from(members).where(and(...where));
  const items = await db
    .select()
    .from(members)
    .where(and(...where))
    .orderBy(asc(members.code))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  return { items, total };
}
