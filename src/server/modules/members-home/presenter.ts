import { desc, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';
import { allowedActions, can } from '../../platform/policy/policy.js';
import { members } from '../members/schema.js';
import { specialCommittees } from '../org/schema.js';
import { loadOpinion } from '../opinions/load.js';
import { loadProposal } from '../proposals/load.js';
import type { Presented } from '../../../shared/http/responses.js';
import { dutyCapacities, dutyStatuses, suggestionStatuses } from '../../../shared/members-home/labels.js';
import type { homeDuty, homeSuggestion, homeVisit } from '../../../shared/members-home/responses.js';
import { suggestionSubjects, type DutySubject } from './load.js';
import { dutyPolicy, suggestionPolicy, type SuggestionSubject } from './policy.js';
import { homeSuggestions, homeVisits, type HomeVisitRow } from './schema.js';

/** Names of members and special committees by id, for the rows a page shows. */
export async function namesOf(db: Executor, memberIds: string[], committeeIds: string[]) {
  const [m, c] = await Promise.all([
    memberIds.length ? db.select({ id: members.id, name: members.name }).from(members).where(inArray(members.id, [...new Set(memberIds)])) : [],
    committeeIds.length ? db.select({ id: specialCommittees.id, name: specialCommittees.name }).from(specialCommittees).where(inArray(specialCommittees.id, [...new Set(committeeIds)])) : [],
  ]);
  return { member: new Map(m.map((x) => [x.id, x.name])), committee: new Map(c.map((x) => [x.id, x.name])) };
}

/** Duties as the rota shows them, with the buttons this person may press. */
export async function presentDuties(db: Executor, actor: Actor, duties: DutySubject[]): Promise<Presented<typeof homeDuty>[]> {
  const names = await namesOf(db, duties.map((d) => d.memberId), duties.map((d) => d.specialCommitteeId).filter((x): x is string => !!x));
  return duties.map((d) => ({
    id: d.id, version: d.version, day: d.day, memberId: d.memberId, memberName: names.member.get(d.memberId) ?? '',
    capacity: d.capacity, capacityLabel: dutyCapacities[d.capacity as keyof typeof dutyCapacities] ?? d.capacity,
    specialCommitteeName: d.specialCommitteeId ? (names.committee.get(d.specialCommitteeId) ?? null) : null,
    note: d.note, status: d.status, statusLabel: dutyStatuses[d.status as keyof typeof dutyStatuses] ?? d.status, cancelReason: d.cancelReason,
    visitCount: d.visitCount, actions: allowedActions(dutyPolicy, actor, d).filter((a) => a !== 'read'),
  }));
}

/** The record a suggestion became, when this person may open it (else not even its id). */
async function linked(load: () => Promise<{ id: string; title: string }>): Promise<{ id: string; title: string } | null> {
  try {
    const r = await load();
    return { id: r.id, title: r.title };
  } catch (err) {
    if (err instanceof AppError && err.code === 'not_found') return null;
    throw err;
  }
}

async function presentSuggestion(db: Executor, actor: Actor, s: SuggestionSubject): Promise<Presented<typeof homeSuggestion>> {
  const status = s.proposalId ? 'proposal' : s.opinionId ? 'opinion' : 'open';
  const convert = can(suggestionPolicy, 'convert', actor, s);
  return {
    id: s.id, version: s.version, body: s.body, status, statusLabel: suggestionStatuses[status],
    proposal: s.proposalId ? await linked(() => loadProposal(db, actor, s.proposalId!)) : null,
    opinion: s.opinionId ? await linked(() => loadOpinion(db, actor, s.opinionId!)) : null,
    convertedByName: s.convertedByName,
    // the visiting member may be the author only when a member came; the duty member's own name only for them
    actions: convert ? ['convert', ...(s.visitorMemberId ? ['convertForVisitor'] : []), ...(actor.memberId === s.dutyMemberId ? ['convertForDuty'] : [])] : [],
  };
}

/** Visits with their suggestions and what became of each (only the suggestions this person may read). */
export async function presentVisits(db: Executor, actor: Actor, visits: HomeVisitRow[]): Promise<Presented<typeof homeVisit>[]> {
  if (!visits.length) return [];
  const ids = visits.map((v) => v.id);
  const subjects = (await suggestionSubjects(db, inArray(homeSuggestions.visitId, ids))).filter((s) => can(suggestionPolicy, 'read', actor, s));
  const presented = await Promise.all(subjects.map((s) => presentSuggestion(db, actor, s)));
  return visits.map((v) => ({
    id: v.id, dutyId: v.dutyId, day: v.day, visitorMemberId: v.visitorMemberId, visitorName: v.visitorName, visitorNote: v.visitorNote,
    isMember: v.visitorMemberId !== null, topic: v.topic, said: v.said, recordedByName: v.recordedByName, createdAt: v.createdAt,
    suggestions: presented.filter((_, i) => subjects[i]!.visitId === v.id),
  }));
}

export const visitOrder = [desc(homeVisits.day), desc(homeVisits.createdAt)];
