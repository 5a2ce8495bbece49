import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../platform/auth/actor.js';
import { activities, activityInvitees } from '../../platform/activity/schema.js';
import { activityStates, activityWorkflow, type Activity } from '../../platform/activity/workflow.js';
import { outcomeLabels, type Outcome } from '../../platform/activity/kinds.js';
import { allowedActions, can } from '../../platform/policy/policy.js';
import { availableActions } from '../../platform/workflow/workflow.js';
import { members } from '../members/schema.js';
import { sectors } from '../org/schema.js';
import { opinions, opinionSends } from '../opinions/schema.js';
import { isInfoStaff } from '../opinions/workflow.js';
import { sendStatuses } from '../../../shared/opinions/labels.js';
import { jointKinds, jointParticipations, type JointKind } from '../../../shared/joint/inputs.js';
import { participationOf } from './part.js';
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
  const changesDistricts = can(jointPolicy, 'districts', actor, a);
  return {
    ...summaryOf(actor, a), agenda: a.agenda, closedAt: a.closedAt, participation: participationOf(a), participationLabel: jointParticipations[participationOf(a)],
    districts: parts.map(({ part, event, name }) => {
      const mine = invitees.filter((x) => x.i.activityId === part.activityId);
      // a district's part is called off or reopened while the joint event is open
      const partActions = !changesDistricts ? [] : event.status === 'scheduled' ? ['cancelPart'] : event.status === 'cancelled' ? ['reopenPart'] : [];
      return {
        committeeId: part.districtId, name, status: event.status, statusLabel: event.status === 'cancelled' ? '已取消参加' : activityStates[event.status as keyof typeof activityStates] ?? event.status,
        actions: partActions, invited: mine.length, checkedIn: mine.filter((x) => x.i.checkedInAt).length,
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

