import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../platform/auth/actor.js';
import { activities, activityInvitees } from '../../platform/activity/schema.js';
import { activityStates, activityWorkflow, type Activity } from '../../platform/activity/workflow.js';
import { outcomeLabels, type Outcome } from '../../platform/activity/kinds.js';
import { allowedActions } from '../../platform/policy/policy.js';
import { availableActions } from '../../platform/workflow/workflow.js';
import { ratingLabels, type RatingValue } from '../../platform/handling/plan.js';
import { members } from '../members/schema.js';
import { sectors } from '../org/schema.js';
import { proposals } from '../proposals/schema.js';
import { latestResult } from '../proposals/queries.js';
import { filedStates } from '../proposals/workflow.js';
import { opinions, opinionSends } from '../opinions/schema.js';
import { isInfoStaff } from '../opinions/workflow.js';
import { sendStatuses } from '../../../shared/opinions/labels.js';
import { jointKinds, type JointKind } from '../../../shared/joint/inputs.js';
import { jointPolicy } from './policy.js';
import { jointParts } from './schema.js';
import { childCommittees, partsOf } from './load.js';

const replyLabels = { pending: '未回复', accepted: '将出席', declined: '不出席' } as const;

/** What the parent's staff may do with the joint event: the buttons come from the same rules. */
const actionsOf = (actor: Actor, a: Activity) => [...availableActions(activityWorkflow, actor, a).filter((x) => x === 'close'), ...allowedActions(jointPolicy, actor, a).filter((x) => x !== 'read')];

const summaryOf = (actor: Actor, a: Activity) => ({
  id: a.id, version: a.version, kind: a.kind, kindLabel: jointKinds[a.kind as JointKind] ?? a.kind, title: a.title, year: a.year,
  startsAt: a.startsAt, endsAt: a.endsAt, location: a.location, status: a.status, statusLabel: activityStates[a.status as keyof typeof activityStates] ?? a.status,
  actions: actionsOf(actor, a),
});

/** The committee's joint events, newest first, with how many each district invited and how many came. */
export async function listJoint(db: Executor, actor: Actor, year?: number) {
  const rows = await db
    .select()
    .from(activities)
    .where(and(eq(activities.committeeId, actor.committeeId), eq(activities.ownerType, 'joint'), ...(year ? [eq(activities.year, year)] : [])))
    .orderBy(desc(activities.startsAt))
    .limit(200);
  if (rows.length === 0) return [];
  const counts = await db
    .select({ id: jointParts.jointActivityId, districts: sql<number>`count(distinct ${jointParts.districtId})::int`, invited: sql<number>`count(${activityInvitees.memberId})::int`, checkedIn: sql<number>`count(${activityInvitees.checkedInAt})::int` })
    .from(jointParts)
    .leftJoin(activityInvitees, eq(activityInvitees.activityId, jointParts.activityId))
    .where(inArray(jointParts.jointActivityId, rows.map((r) => r.id)))
    .groupBy(jointParts.jointActivityId);
  return rows.map((r) => {
    const c = counts.find((x) => x.id === r.id);
    return { ...summaryOf(actor, r), districts: c?.districts ?? 0, invited: c?.invited ?? 0, checkedIn: c?.checkedIn ?? 0 };
  });
}

/**
 * A joint event for the parent's page: per district, the members it invited there with their reply,
 * check-in and (once closed) outcome — what the parent shared with the district, nothing else of it.
 */
export async function presentJoint(db: Executor, actor: Actor, a: Activity) {
  const parts = await partsOf(db, a.id);
  const invitees = parts.length
    ? await db
        .select({ i: activityInvitees, name: members.name, code: members.code })
        .from(activityInvitees)
        .innerJoin(members, eq(members.id, activityInvitees.memberId))
        .where(inArray(activityInvitees.activityId, parts.map((p) => p.part.activityId)))
        .orderBy(asc(members.code))
    : [];
  return {
    ...summaryOf(actor, a), agenda: a.agenda, closedAt: a.closedAt,
    districts: parts.map(({ part, name }) => {
      const mine = invitees.filter((x) => x.i.activityId === part.activityId);
      return {
        committeeId: part.districtId, name, invited: mine.length, checkedIn: mine.filter((x) => x.i.checkedInAt).length,
        participants: mine.map(({ i, name: memberName }) => ({
          memberId: i.memberId, name: memberName, version: i.version, reply: i.reply, replyLabel: replyLabels[i.reply as keyof typeof replyLabels], checkedInAt: i.checkedInAt,
          outcome: i.outcome, outcomeLabel: i.outcome ? outcomeLabels[i.outcome as Outcome] : null,
        })),
      };
    }),
  };
}

/** The districts below the actor's committee (the pickers), by name. */
export const listDistricts = (db: Executor, actor: Actor) => childCommittees(db, actor.committeeId);

/** The active members of a district, to pick whom to invite: name, code and sector only. */
export async function districtMembers(db: Executor, districtId: string) {
  return db
    .select({ id: members.id, name: members.name, code: members.code, sector: sectors.name })
    .from(members)
    .leftJoin(sectors, eq(sectors.id, members.sectorId))
    .where(and(eq(members.committeeId, districtId), eq(members.status, 'active')))
    .orderBy(asc(members.code))
    .limit(2000);
}

/**
 * What a district has sent up to the actor's committee (上下联动 报送), and nothing else of it: the
 * receiving information office and leaders see each report (its page is theirs to open, by the
 * opinion policy); anyone else of the parent the counts by state only.
 */
export async function sentUpBy(db: Executor, actor: Actor, districtId: string) {
  const rows = await db
    .select({ id: opinions.id, title: opinions.title, year: opinions.year, sentOn: opinionSends.sentOn, status: opinionSends.status })
    .from(opinions)
    .innerJoin(opinionSends, and(eq(opinionSends.opinionId, opinions.id), eq(opinionSends.targetCommitteeId, actor.committeeId)))
    .where(and(eq(opinions.committeeId, districtId), eq(opinions.sentUpToCommitteeId, actor.committeeId)))
    .orderBy(desc(opinionSends.sentOn))
    .limit(500);
  const byStatus = Object.entries(sendStatuses).map(([key, label]) => ({ key, label, value: rows.filter((r) => r.status === key).length }));
  const readsThem = isInfoStaff(actor) || actor.roles.includes('leader');
  return {
    total: rows.length, byStatus,
    items: readsThem ? rows.map((r) => ({ ...r, statusLabel: sendStatuses[r.status as keyof typeof sendStatuses] ?? r.status, link: `/opinions/${r.id}` })) : [],
  };
}

/** One figure of a district's totals; a rate names the parts it is made of. */
type Figure = { key: string; label: string; value: number; unit: string; parts?: { key: string; label: string; value: number }[] };

const pct = (n: number, d: number) => (d ? Math.round((n / d) * 1000) / 10 : 0);

/**
 * 各区履职统计: each district's totals of a year — proposals received, filed (立案), replied,
 * satisfaction (满意率, from the proposer's latest rating), 社情民意 adopted, attendance at closed
 * events — by grouped counts over the districts' tables: sums and rates only, no record's id, title or
 * name. The all-districts row is the sum of the districts; every rate comes with its parts.
 */
export async function districtTotals(db: Executor, actor: Actor, year: number) {
  const below = await childCommittees(db, actor.committeeId);
  const ids = below.map((c) => c.id);
  if (ids.length === 0) return { year, districts: [], total: null };
  const ofYear = and(inArray(proposals.committeeId, ids), eq(proposals.year, year), eq(proposals.historical, false), sql`${proposals.status} not in ('draft', 'withdrawn')`)!;
  const rated = db.select({ committeeId: proposals.committeeId, result: sql<string | null>`${latestResult}`.as('result') }).from(proposals).where(ofYear).as('rated');
  const [p, r, o, m] = await Promise.all([
    db
      .select({
        committeeId: proposals.committeeId,
        received: sql<number>`count(*)::int`,
        filed: sql<number>`count(*) filter (where ${inArray(proposals.status, filedStates)})::int`,
        replied: sql<number>`count(*) filter (where ${inArray(proposals.status, ['replied', 'rehandling', 'closed'])})::int`,
      })
      .from(proposals)
      .where(ofYear)
      .groupBy(proposals.committeeId),
    db.select({ committeeId: rated.committeeId, result: rated.result, n: sql<number>`count(*)::int` }).from(rated).where(sql`${rated.result} is not null`).groupBy(rated.committeeId, rated.result),
    db
      .select({ committeeId: opinions.committeeId, adopted: sql<number>`count(*) filter (where ${opinions.status} = 'adopted')::int` })
      .from(opinions)
      .where(and(inArray(opinions.committeeId, ids), eq(opinions.year, year), sql`${opinions.status} not in ('draft', 'withdrawn')`))
      .groupBy(opinions.committeeId),
    db
      .select({ committeeId: activities.committeeId, outcome: activityInvitees.outcome, n: sql<number>`count(*)::int` })
      .from(activityInvitees)
      .innerJoin(activities, eq(activities.id, activityInvitees.activityId))
      .where(and(inArray(activities.committeeId, ids), eq(activities.year, year), eq(activities.status, 'closed'), sql`${activityInvitees.outcome} <> 'none'`))
      .groupBy(activities.committeeId, activityInvitees.outcome),
  ]);
  const counts = (committeeId: string | null) => {
    const on = <T extends { committeeId: string }>(rows: T[]) => rows.filter((x) => committeeId === null || x.committeeId === committeeId);
    const sum = <T extends { committeeId: string }>(rows: T[], f: (x: T) => number) => on(rows).reduce((s, x) => s + f(x), 0);
    const rating = (v: string) => sum(r.filter((x) => x.result === v), (x) => x.n);
    const outcome = (v: string) => sum(m.filter((x) => x.outcome === v), (x) => x.n);
    return {
      received: sum(p, (x) => x.received), filed: sum(p, (x) => x.filed), replied: sum(p, (x) => x.replied), adopted: sum(o, (x) => x.adopted),
      ratings: (Object.keys(ratingLabels) as RatingValue[]).map((v) => ({ key: v, label: ratingLabels[v], value: rating(v) })),
      outcomes: (['attended', 'excused', 'absent', 'leaveRefused'] as const).map((v) => ({ key: v, label: outcomeLabels[v], value: outcome(v) })),
    };
  };
  const figures = (c: ReturnType<typeof counts>): Figure[] => {
    const rated = c.ratings.reduce((s, x) => s + x.value, 0);
    const good = c.ratings.filter((x) => x.key === 'satisfied' || x.key === 'basically').reduce((s, x) => s + x.value, 0);
    const expected = c.outcomes.reduce((s, x) => s + x.value, 0);
    const attended = c.outcomes.find((x) => x.key === 'attended')!.value;
    return [
      { key: 'proposalsReceived', label: '收到提案', value: c.received, unit: '件' },
      { key: 'proposalsFiled', label: '立案', value: c.filed, unit: '件' },
      { key: 'proposalsReplied', label: '已办复', value: c.replied, unit: '件' },
      { key: 'satisfaction', label: '满意率', value: pct(good, rated), unit: '%', parts: c.ratings },
      { key: 'opinionsAdopted', label: '社情民意采用', value: c.adopted, unit: '篇' },
      { key: 'attendance', label: '出席率', value: pct(attended, expected), unit: '%', parts: c.outcomes },
    ];
  };
  return {
    year,
    districts: below.map((c) => ({ committeeId: c.id, name: c.name, figures: figures(counts(c.id)) })),
    total: { name: '合计', figures: figures(counts(null)) },
  };
}
