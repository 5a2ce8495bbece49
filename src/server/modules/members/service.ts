import { and, arrayContains, asc, count, eq, ilike, or } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';
import { authorize, committeeSubject } from '../../platform/policy/policy.js';
import { createRecord, updateRecord } from '../../platform/records/records.js';
import { assertOwned } from '../org/lookups.js';
import { terms } from '../org/schema.js';
import type { MemberInput } from './inputs.js';
import { memberPolicy } from './policy.js';
import { members } from './schema.js';

export type Member = typeof members.$inferSelect;
const uniqueCode = { members_committee_code_uq: { field: 'code', label: '委员编号' } };

/** Every reference on a member form must be a record of the actor's own committee. */
export async function checkMemberReferences(db: Executor, committeeId: string, m: Partial<MemberInput>) {
  if (m.termId) {
    const [t] = await db.select({ id: terms.id }).from(terms).where(and(eq(terms.id, m.termId), eq(terms.committeeId, committeeId)));
    if (!t) throw AppError.field('termId', '届次', '不存在');
  }
  await assertOwned(db, 'parties', [m.partyId], committeeId, 'partyId', '党派');
  await assertOwned(db, 'sectors', [m.sectorId], committeeId, 'sectorId', '界别');
  await assertOwned(db, 'studios', [m.studioId], committeeId, 'studioId', '委员工作室');
  await assertOwned(db, 'street-groups', [m.streetGroupId], committeeId, 'streetGroupId', '街道联络组');
  await assertOwned(db, 'special-committees', m.specialCommitteeIds ?? [], committeeId, 'specialCommitteeIds', '专委会');
}

export async function createMember(database: Database, actor: Actor, input: MemberInput): Promise<Member> {
  authorize(memberPolicy, 'create', actor, committeeSubject(actor) as Member);
  await checkMemberReferences(database.db, actor.committeeId, input);
  return createRecord<Member>(database, { table: members, policy: memberPolicy, actor, values: input, uniqueFields: uniqueCode });
}

export async function updateMember(database: Database, actor: Actor, id: string, version: number, changes: Partial<MemberInput>): Promise<Member> {
  await checkMemberReferences(database.db, actor.committeeId, changes);
  return updateRecord<Member>(database, { table: members, policy: memberPolicy, actor, id, version, changes, uniqueFields: uniqueCode });
}

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
  authorize(memberPolicy, 'read', actor, committeeSubject(actor) as Member);
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
