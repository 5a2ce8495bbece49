import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';
import type { LedgerEntry } from '../../platform/ledger/ledger.js';
import { authorize, readableIds } from '../../platform/policy/policy.js';
import { councilHeldStates, type CouncilState } from '../../../shared/consultation/council-labels.js';
import { councilPolicy, type CouncilSubject } from './council-policy.js';
import type { Council } from './council-workflow.js';
import { consultationCouncilParticipants, consultationCouncils } from './schema.js';

export const councilLink = (id: string) => `/consultation/councils/${id}`;

/** The members of each council asked (roster ids), for the policy and the ledger. */
export async function memberIdsOf(db: Executor, councilIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>(councilIds.map((id) => [id, []]));
  if (!councilIds.length) return out;
  const rows = await db.select({ councilId: consultationCouncilParticipants.councilId, memberId: consultationCouncilParticipants.memberId }).from(consultationCouncilParticipants)
    .where(and(inArray(consultationCouncilParticipants.councilId, councilIds), isNotNull(consultationCouncilParticipants.memberId)));
  for (const r of rows) out.get(r.councilId)?.push(r.memberId!);
  return out;
}

export const subjectsOf = async (db: Executor, rows: Council[]): Promise<CouncilSubject[]> => {
  const ids = await memberIdsOf(db, rows.map((r) => r.id));
  return rows.map((r) => ({ ...r, memberIds: ids.get(r.id) ?? [] }));
};

/** A council the actor may read (else not found), with its members. */
export async function loadCouncil(db: Executor, actor: Actor, id: string): Promise<CouncilSubject> {
  const [row] = await db.select().from(consultationCouncils).where(eq(consultationCouncils.id, id));
  if (!row || row.committeeId !== actor.committeeId) throw AppError.notFound(councilPolicy.label);
  const [council] = await subjectsOf(db, [row]);
  authorize(councilPolicy, 'read', actor, council);
  return council;
}

/**
 * 参加民生议事会: from 协商议事 on, every member at the table is credited once, on the council's day
 * (the entries the 联系群众 councils wrote have the same shape, so a migrated council keeps them).
 */
export const councilEarns = (c: Council, memberIds: string[]): LedgerEntry[] =>
  councilHeldStates.includes(c.status as CouncilState) && c.day
    ? [...new Set(memberIds)].map((memberId) => ({ committeeId: c.committeeId, memberId, kind: 'consultation.council', day: c.day!, sourceType: 'consultationCouncil', sourceId: c.id, part: 'lead' as const, note: c.topic }))
    : [];

/** Of the councils asked, those the viewer may open (a member record's ledger sources). */
export async function readableCouncilIds(db: Executor, viewer: Actor, ids: string[]): Promise<Set<string>> {
  const rows = await db.select().from(consultationCouncils).where(inArray(consultationCouncils.id, ids));
  return readableIds(councilPolicy, viewer, await subjectsOf(db, rows));
}
