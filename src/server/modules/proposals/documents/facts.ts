import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { users } from '../../../platform/auth/schema.js';
import { auditLog } from '../../../platform/audit/schema.js';
import { replies } from '../../../platform/handling/schema.js';
import { committees } from '../../../platform/tenancy/schema.js';
import { members } from '../../members/schema.js';
import { loadLookups } from '../../org/lookups.js';
import { loadProposal } from '../load.js';
import type { ProposalSubject } from '../policy.js';
import { assignmentsOf } from '../queries.js';
import { cosigners, reviewOpinions } from '../schema.js';
import { sessionById } from '../sessions.js';

export interface Person {
  name: string;
  sector: string | null;
  party: string | null;
  workplace: string | null;
  phone: string | null;
}

/**
 * Everything the printed documents of one proposal say, read once: the proposal (which the actor
 * must be able to read), its committee and session, the people with their sector and party, the
 * review opinions, every assignment with its unit, the replies, and the staff member who assigned.
 */
export async function proposalFacts(db: Executor, actor: Actor, id: string) {
  const proposal = await loadProposal(db, actor, id);
  const [committeeRows, session, lookups, cs, opinions, assignments, replyRows, assigner] = await Promise.all([
    db.select().from(committees).where(eq(committees.id, proposal.committeeId)),
    sessionById(db, proposal.sessionId),
    loadLookups(db, proposal.committeeId),
    db.select().from(cosigners).where(and(eq(cosigners.proposalId, id), eq(cosigners.status, 'confirmed'))).orderBy(asc(cosigners.position)),
    db.select().from(reviewOpinions).where(eq(reviewOpinions.proposalId, id)).orderBy(asc(reviewOpinions.createdAt)),
    assignmentsOf(db, [id]),
    db.select().from(replies).where(and(eq(replies.subjectType, 'proposal'), eq(replies.subjectId, id))).orderBy(asc(replies.createdAt)),
    assigningStaff(db, id),
  ]);
  const memberIds = [proposal.leadMemberId, ...cs.map((c) => c.memberId)].filter((x): x is string => Boolean(x));
  const people = memberIds.length ? await db.select().from(members).where(inArray(members.id, memberIds)) : [];
  const person = (memberId: string): Person => {
    const m = people.find((x) => x.id === memberId);
    return {
      name: m?.name ?? '', sector: m?.sectorId ? lookups.sectors.byId.get(m.sectorId) ?? null : null,
      party: m?.partyId ? lookups.parties.byId.get(m.partyId) ?? null : null,
      workplace: [m?.workplace, m?.jobTitle].filter(Boolean).join(' ') || null, phone: m?.phone ?? null,
    };
  };
  const unitName = (unitId: string) => lookups.units.byId.get(unitId) ?? '';
  return {
    proposal,
    committee: committeeRows[0],
    session,
    lead: proposal.leadMemberId ? person(proposal.leadMemberId) : null,
    cosigners: cs.map((c) => person(c.memberId)),
    opinions,
    assignments: assignments
      .map((a) => ({ ...a, unitName: unitName(a.unitId) }))
      .sort((a, b) => a.round - b.round || a.assignedOn.localeCompare(b.assignedOn) || roleOrder(a.role) - roleOrder(b.role)),
    replies: replyRows,
    assigner,
  };
}
export type ProposalFacts = Awaited<ReturnType<typeof proposalFacts>>;
export type FactsAssignment = ProposalFacts['assignments'][number];

const roleOrder = (role: string) => ['sole', 'lead', 'split', 'assisting', 'joint'].indexOf(role);

/** The staff member who last assigned the proposal (the contact printed on the notice), not a member whose rating reopened it. */
async function assigningStaff(db: Executor, id: string) {
  const rows = await db
    .select({ name: users.displayName, phone: users.phone, roles: users.roles })
    .from(auditLog)
    .innerJoin(users, eq(users.id, auditLog.actorId))
    .where(and(eq(auditLog.subjectType, 'proposal'), eq(auditLog.subjectId, id), eq(auditLog.action, 'proposal.assign_units')))
    .orderBy(desc(auditLog.seq));
  const staff = rows.find((r) => r.roles.includes('staff') || r.roles.includes('admin'));
  return staff ? { name: staff.name, phone: staff.phone } : null;
}

/** 中国人民政治协商会议深圳市龙岗区委员会 → 深圳市龙岗区: the place a committee serves. */
export const regionOf = (committeeName: string) => committeeName.replace(/^中国人民政治协商会议/, '').replace(/委员会$/, '');

/**
 * A unit's name as it heads its own letter: the catalog says 区教育局 for short; the letterhead
 * says 深圳市龙岗区教育局 (市… becomes 深圳市…). Names already complete are kept.
 */
export function fullUnitName(region: string, unit: string): string {
  const city = region.match(/^.*?市/)?.[0] ?? '';
  const county = region.slice(city.length);
  if (county && unit.startsWith(county.slice(-1)) && !unit.startsWith(county)) return `${region}${unit.slice(1)}`;
  if (city && unit.startsWith('市') ) return `${city}${unit.slice(1)}`;
  return unit;
}

/** 七届五次会议 第0087号 → 七届五次会议第0087号; a proposal not yet filed goes by its serial. */
export const numberOf = (p: ProposalSubject) => (p.numberText ? p.numberText.replace(/\s+/g, '') : p.serial ? `流水号${p.serial}` : '');
