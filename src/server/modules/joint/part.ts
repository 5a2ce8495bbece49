import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../platform/auth/actor.js';
import { audit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors.js';
import { chinaToday as chinaDay } from '../../platform/calendar/workdays.js';
import { activities } from '../../platform/activity/schema.js';
import { addInvitees } from '../../platform/activity/invitations.js';
import { notifyMembers } from '../../platform/activity/notices.js';
import { PARENT_OFFICE, type Activity } from '../../platform/activity/workflow.js';
import { committees } from '../../platform/tenancy/schema.js';
import { members } from '../members/schema.js';
import { jointParticipations } from '../../../shared/joint/inputs.js';
import { jointParts } from './schema.js';

export type DistrictPick = { committeeId: string; memberIds: string[] };

/**
 * The districts picked for a joint event, checked before anything is written: each once, each
 * directly below the organiser, each list of members active members of that district (field errors).
 */
export async function checkDistricts(db: Executor, actor: Actor, districts: DistrictPick[]) {
  const ids = districts.map((d) => d.committeeId);
  if (new Set(ids).size !== ids.length) throw AppError.field('districts', '参加的区政协', '同一个区政协只能选一次');
  const below = await db.select({ id: committees.id, name: committees.shortName }).from(committees).where(and(inArray(committees.id, ids), eq(committees.parentId, actor.committeeId)));
  if (below.length !== ids.length) throw AppError.field('districts', '参加的区政协', '包含不是本会下级政协的委员会');
  for (const d of districts) {
    const wanted = [...new Set(d.memberIds)];
    const found = await db.select({ id: members.id }).from(members).where(and(eq(members.committeeId, d.committeeId), eq(members.status, 'active'), inArray(members.id, wanted)));
    if (found.length !== wanted.length) throw AppError.field('districts', '邀请的委员', `${below.find((b) => b.id === d.committeeId)?.name ?? ''}的名单中包含不存在或已离任的委员`);
  }
}

/** The organiser's name for the districts' notices. */
export async function organiserName(db: Executor, committeeId: string) {
  const [c] = await db.select({ name: committees.shortName }).from(committees).where(eq(committees.id, committeeId));
  return c?.name ?? '上级政协';
}

const howToReply = (a: Pick<Activity, 'mandatory'>) => (a.mandatory ? '指定参加，不能出席请向本会请假' : '自愿参加，请回复是否出席');
export const participationOf = (a: Pick<Activity, 'mandatory'>) => (a.mandatory ? 'assigned' : 'voluntary') as keyof typeof jointParticipations;

/**
 * One district's part in the joint event, in the caller's transaction: an event of the district,
 * organised by the parent, voluntary or assigned as the joint event is, inviting the members picked
 * there, each told in their own committee, with an audit row in the district's trail.
 */
export async function addPart(tx: Executor, actor: Actor, joint: Activity, organiser: string, d: DistrictPick): Promise<number> {
  const memberIds = [...new Set(d.memberIds)];
  const [event] = await tx
    .insert(activities)
    .values({
      committeeId: d.committeeId, ownerType: 'meeting', kind: joint.kind, title: joint.title, year: joint.year, startsAt: joint.startsAt, endsAt: joint.endsAt,
      location: joint.location, agenda: joint.agenda, mandatory: joint.mandatory, organiserOffice: PARENT_OFFICE, invitationScopes: [{ type: 'members', ids: memberIds }], createdByUserId: actor.userId,
    })
    .returning();
  await tx.insert(jointParts).values({ committeeId: actor.committeeId, jointActivityId: joint.id, districtId: d.committeeId, activityId: event.id });
  const added = await addInvitees(tx, event, memberIds);
  // the district's own trail says who set up its part, on the event its members see
  await audit(tx, { ...actor, committeeId: d.committeeId }, { action: 'activity.create', subjectType: 'activity', subjectId: event.id, after: { organiser, invited: added.length, participation: participationOf(joint) } });
  await notifyMembers(tx, d.committeeId, added, `${organiser}邀请您参加：${joint.title}`, `${joint.location} ${chinaDay(joint.startsAt)}（上下联动，${howToReply(joint)}）`, `/meetings/${event.id}`);
  return added.length;
}
