import { and, asc, between, countDistinct, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';
import { ledgerEntries } from '../../platform/ledger/schema.js';
import { members } from '../members/schema.js';
import { ownedKinds, type OwnedKey, type OwnedRow } from './kinds.js';
import { readsAll } from './policy.js';
import { outreachPartners } from './schema.js';

const NOBODY = '00000000-0000-0000-0000-000000000000';
const yearRange = (year: number) => [`${year}-01-01`, `${year}-12-31`] as const;

export interface ListQuery {
  memberId?: string;
  year?: number;
  status?: string;
}

/** A kind's records the actor may list: a member only their own; staff, admins and leaders everyone's of the committee (filterable). */
export async function listOwned(db: Executor, actor: Actor, key: OwnedKey, q: ListQuery): Promise<{ row: OwnedRow; memberName: string }[]> {
  const kind = ownedKinds[key];
  const t = kind.table;
  const where: SQL[] = [eq(t.committeeId, actor.committeeId)];
  if (!readsAll(actor)) where.push(eq(t.memberId, actor.memberId ?? NOBODY));
  else if (q.memberId) where.push(eq(t.memberId, q.memberId));
  if (q.year && kind.dayColumn) where.push(between(kind.dayColumn, ...yearRange(q.year)));
  if (q.status) where.push(eq(t.status, q.status));
  const rows = await db
    .select({ row: t, memberName: members.name })
    .from(t as any)
    .leftJoin(members, eq(members.id, t.memberId))
    .where(and(...where))
    .orderBy(...(kind.dayColumn ? [desc(kind.dayColumn)] : []), desc(t.createdAt))
    .limit(1000);
  return rows.map((r: any) => ({ row: r.row as OwnedRow, memberName: r.memberName ?? '' }));
}

/** Names of members by id, for the people a list mentions. */
export async function memberNames(db: Executor, committeeId: string, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.select({ id: members.id, name: members.name }).from(members).where(and(eq(members.committeeId, committeeId), inArray(members.id, unique)));
  return new Map(rows.map((m) => [m.id, m.name]));
}

const countedKinds = { contacts: 'outreach.contact', deeds: 'outreach.deed', services: 'outreach.publicService', councils: 'consultation.council' } as const;

/**
 * 联系群众 overview for staff and leaders: per active member, what counted this year (distinct
 * records in the ledger, as the quotas count them) and how many paired contacts they keep.
 */
export async function outreachSummary(db: Executor, actor: Actor, year: number) {
  if (!readsAll(actor)) throw AppError.forbidden('只有工作人员和领导可以查看全体委员的联系群众情况');
  const [roster, counted, pairs] = await Promise.all([
    db.select({ id: members.id, name: members.name, code: members.code }).from(members).where(and(eq(members.committeeId, actor.committeeId), eq(members.status, 'active'))).orderBy(asc(members.code)),
    db
      .select({ memberId: ledgerEntries.memberId, kind: ledgerEntries.kind, n: countDistinct(ledgerEntries.sourceId) })
      .from(ledgerEntries)
      .where(and(eq(ledgerEntries.committeeId, actor.committeeId), inArray(ledgerEntries.kind, Object.values(countedKinds)), between(ledgerEntries.day, ...yearRange(year)), isNull(ledgerEntries.voidedAt)))
      .groupBy(ledgerEntries.memberId, ledgerEntries.kind),
    db
      .select({ memberId: outreachPartners.memberId, n: countDistinct(outreachPartners.id) })
      .from(outreachPartners)
      .where(and(eq(outreachPartners.committeeId, actor.committeeId), eq(outreachPartners.status, 'active')))
      .groupBy(outreachPartners.memberId),
  ]);
  const count = (memberId: string, kind: string) => Number(counted.find((c) => c.memberId === memberId && c.kind === kind)?.n ?? 0);
  return roster.map((m) => ({
    memberId: m.id, name: m.name, code: m.code,
    partners: Number(pairs.find((p) => p.memberId === m.id)?.n ?? 0),
    contacts: count(m.id, countedKinds.contacts), deeds: count(m.id, countedKinds.deeds),
    services: count(m.id, countedKinds.services), councils: count(m.id, countedKinds.councils),
  }));
}
