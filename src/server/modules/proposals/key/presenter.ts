import { and, asc, desc, eq, inArray, or } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { can } from '../../../platform/policy/policy.js';
import { offeredActions } from '../../../platform/workflow/workflow.js';
import { activities } from '../../../platform/activity/schema.js';
import { loadCalendar } from '../../../platform/calendar/store.js';
import { workdaysBetween } from '../../../platform/calendar/workdays.js';
import { isOverdue } from '../../../platform/handling/assignments.js';
import { labelOf } from '../../../../shared/labels.js';
import { assignmentStatusLabels, handlingRoles } from '../../../../shared/handling/labels.js';
import { proposalStates } from '../../../../shared/proposals/labels.js';
import { excellentActions, excellentStates, keyStates, nominationSources, scheduleKinds, type ExcellentView, type KeyAction, type KeyProposalView, type KeyState, type ExcellentState, type ExcellentAction } from '../../../../shared/proposals/key.js';
import { loadLookups } from '../../org/lookups.js';
import { proposals } from '../schema.js';
import { assignmentsOf } from '../queries.js';
import { withParties } from '../load.js';
import { memberNames, proposerOf } from '../presenter.js';
import { proposalPolicy } from '../policy.js';
import { excellentNominations, keyProposalSchedules, keyProposals } from './schema.js';
import { consultationsOfKeys } from './consultations.js';
import { excellentWorkflow, isProposalOffice, keyWorkflow, type KeyProposal, type Nomination } from './workflow.js';
import { keyPolicy, nominationPolicy } from './policy.js';

/**
 * Key proposals as their pages show them: the selection, the chair's steps with dates and texts,
 * the scheduling meetings, and every assigned unit's state with what is overdue (working days
 * from the holiday calendar, the handling primitive's overdue rule).
 */
export async function presentKeys(db: Executor, actor: Actor, rows: KeyProposal[], today: string): Promise<KeyProposalView[]> {
  if (!rows.length) return [];
  const ids = rows.map((k) => k.proposalId);
  const [ps, live, schedules, lookups, calendar, discussed] = await Promise.all([
    db.select().from(proposals).where(inArray(proposals.id, ids)),
    assignmentsOf(db, ids),
    db.select({ s: keyProposalSchedules, a: activities }).from(keyProposalSchedules).innerJoin(activities, eq(activities.id, keyProposalSchedules.activityId)).where(inArray(keyProposalSchedules.proposalId, ids)).orderBy(asc(activities.startsAt)),
    loadLookups(db, actor.committeeId),
    loadCalendar(db),
    consultationsOfKeys(db, actor, rows.map((k) => k.id)),
  ]);
  const readable = new Set((await withParties(db, ps)).filter((p) => can(proposalPolicy, 'read', actor, p)).map((p) => p.id));
  const byId = new Map(ps.map((p) => [p.id, p]));
  return rows.filter((k) => readable.has(k.proposalId) && can(keyPolicy, 'read', actor, k)).map((k) => {
    const p = byId.get(k.proposalId)!;
    const units = live.filter((a) => a.subjectId === p.id && a.status !== 'withdrawn').map((a) => ({
      unitName: lookups.units.byId.get(a.unitId) ?? '', roleLabel: labelOf(handlingRoles, a.role), status: labelOf(assignmentStatusLabels, a.status), replyDeadline: a.replyDeadline,
      overdue: isOverdue(a, today), daysLeft: ['done', 'withdrawn'].includes(a.status) ? null : workdaysBetween(calendar, today, a.replyDeadline),
    }));
    const offered = offeredActions(keyWorkflow, actor, k, { proposalStatus: p.status });
    return {
      id: k.id, version: k.version, proposalId: p.id, title: p.title, numberText: p.numberText, proposalStatus: p.status, proposalStatusLabel: labelOf(proposalStates, p.status),
      status: k.status as KeyState, statusLabel: labelOf(keyStates, k.status), shortlistNote: k.shortlistNote, shortlistedOn: k.shortlistedOn,
      decidedOn: k.decidedOn, decisionRef: k.decisionRef, chairName: k.chairName, govLeaderName: k.govLeaderName,
      reviewedOn: k.reviewedOn, reviewText: k.reviewText, signedOn: k.signedOn, signText: k.signText,
      schedules: schedules.filter((s) => s.s.keyProposalId === k.id).map(({ s, a }) => ({ activityId: a.id, kind: labelOf(scheduleKinds, a.kind), title: a.title, startsAt: a.startsAt.toISOString(), place: a.location, agenda: s.agenda })),
      consultations: discussed.get(k.id) ?? [],
      units, overdue: units.filter((u) => u.overdue).length,
      actions: offered.actions as KeyAction[], blocked: offered.blocked,
    };
  });
}

/** The year's key proposals: the office sees every one; a leader those they lead (chair or government leader). */
export async function listKeys(db: Executor, actor: Actor, year: number) {
  const where = [eq(keyProposals.committeeId, actor.committeeId), eq(keyProposals.year, year)];
  if (!isProposalOffice(actor)) where.push(or(eq(keyProposals.chairUserId, actor.userId), eq(keyProposals.govLeaderUserId, actor.userId))!);
  return db.select().from(keyProposals).where(and(...where)).orderBy(desc(keyProposals.shortlistedOn), asc(keyProposals.createdAt));
}

/** The year's excellent-proposal round as the office and leaders follow it. */
export async function presentNominations(db: Executor, actor: Actor, rows: Nomination[]): Promise<ExcellentView[]> {
  if (!rows.length) return [];
  const ps = await withParties(db, await db.select().from(proposals).where(inArray(proposals.id, rows.map((n) => n.proposalId))));
  const byId = new Map(ps.map((p) => [p.id, p]));
  const names = await memberNames(db, ps.map((p) => p.leadMemberId ?? ''));
  const lookups = await loadLookups(db, actor.committeeId);
  return rows.filter((n) => can(nominationPolicy, 'read', actor, n)).map((n) => {
    const p = byId.get(n.proposalId)!;
    return {
      id: n.id, version: n.version, proposalId: p.id, title: p.title, numberText: p.numberText, proposer: proposerOf(p, names), year: n.year,
      source: n.source, sourceLabel: n.source === 'specialCommittee' ? lookups['special-committees'].byId.get(n.specialCommitteeId ?? '') ?? labelOf(nominationSources, n.source) : labelOf(nominationSources, n.source),
      reason: n.reason, status: n.status as ExcellentState, statusLabel: labelOf(excellentStates, n.status), decidedOn: n.decidedOn, publishedOn: n.publishedOn,
      actions: (Object.keys(excellentActions) as ExcellentAction[]).filter((a) => offeredActions(excellentWorkflow, actor, n).actions.includes(a)),
    };
  });
}

export const listNominations = (db: Executor, actor: Actor, year: number) =>
  db.select().from(excellentNominations).where(and(eq(excellentNominations.committeeId, actor.committeeId), eq(excellentNominations.year, year))).orderBy(asc(excellentNominations.nominatedOn), asc(excellentNominations.createdAt));

/** A schedule of a key proposal as its texts are withheld or shown: the meeting's agenda, title and place. */
export interface KeySchedule {
  agenda: string | null;
  title: string;
  place: string | null;
}

/**
 * The texts of a proposal's key-proposal record and nomination, as its page shows them to this
 * reader (`shown`), and those its history must withhold from a reader who may not read them
 * (the shortlist before the chairs' meeting decided, a nomination before the decision). The caller
 * reads the records (the proposal page reads them with its other lists in one statement).
 */
export function keyTextsFor(actor: Actor, k: KeyProposal | undefined, n: Nomination | undefined, schedules: KeySchedule[]) {
  const keyTexts = k ? [k.shortlistNote, k.decisionRef, k.chairName, k.govLeaderName, k.reviewText, k.signText, ...schedules.flatMap((x) => [x.title, x.place, x.agenda])] : [];
  const nominationTexts = n ? [n.reason, n.note] : [];
  const mayKey = !!k && can(keyPolicy, 'read', actor, k);
  const mayNomination = !!n && can(nominationPolicy, 'read', actor, n);
  const clean = (xs: (string | null)[]) => xs.filter((x): x is string => !!x);
  // the steps' dates are shown with them (history lines start with the date), never withheld on their own
  const dates = [...(mayKey ? [k!.shortlistedOn, k!.decidedOn, k!.reviewedOn, k!.signedOn] : []), ...(mayNomination ? [n!.nominatedOn, n!.decidedOn, n!.publishedOn] : [])];
  return { shown: clean([...dates, ...(mayKey ? keyTexts : []), ...(mayNomination ? nominationTexts : [])]), withheld: clean([...(mayKey ? [] : keyTexts), ...(mayNomination ? [] : nominationTexts)]) };
}
