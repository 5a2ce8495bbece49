import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { CommandContext } from '../../../platform/commands/context.js';
import { audit } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/errors.js';
import { authorize, committeeSubject } from '../../../platform/policy/policy.js';
import { chinaToday as chinaDay } from '../../../platform/calendar/workdays.js';
import { activities } from '../../../platform/activity/schema.js';
import { addInvitees } from '../../../platform/activity/invitations.js';
import { notifyMembers } from '../../../platform/activity/notices.js';
import { checkTimes, scheduleActivity } from '../../../platform/activity/schedule.js';
import { PARENT_OFFICE, type Activity } from '../../../platform/activity/workflow.js';
import { committees } from '../../../platform/tenancy/schema.js';
import { members } from '../../members/schema.js';
import type { jointInput } from '../../../../shared/joint/inputs.js';
import { jointCollectionPolicy } from '../policy.js';
import { jointParts } from '../schema.js';
import { jointOwner } from '../owner.js';

export type JointInput = z.output<typeof jointInput>;

/**
 * 组织联合视察/调研: the parent committee's event (no invitees of its own) and, in the same
 * transaction, one event per district taking part — of the district, organised by the parent,
 * voluntary — inviting the members picked there, each told in their own committee, with an audit
 * row in the parent's trail and one in each district's. A district not directly below the
 * organiser, or a member not an active member of that district, is refused naming the field.
 */
export async function scheduleJoint(ctx: CommandContext, input: JointInput): Promise<Activity> {
  const { database, actor } = ctx;
  authorize(jointCollectionPolicy, 'create', actor, committeeSubject(actor));
  checkTimes(input.startsAt, input.endsAt);
  const ids = input.districts.map((d) => d.committeeId);
  if (new Set(ids).size !== ids.length) throw AppError.field('districts', '参加的区政协', '同一个区政协只能选一次');
  const below = await database.db.select({ id: committees.id, name: committees.shortName }).from(committees).where(and(inArray(committees.id, ids), eq(committees.parentId, actor.committeeId)));
  if (below.length !== ids.length) throw AppError.field('districts', '参加的区政协', '包含不是本会下级政协的委员会');
  for (const d of input.districts) {
    const wanted = [...new Set(d.memberIds)];
    const found = await database.db.select({ id: members.id }).from(members).where(and(eq(members.committeeId, d.committeeId), eq(members.status, 'active'), inArray(members.id, wanted)));
    if (found.length !== wanted.length) throw AppError.field('districts', '邀请的委员', `${below.find((b) => b.id === d.committeeId)?.name ?? ''}的名单中包含不存在或已离任的委员`);
  }
  const [organiser] = await database.db.select({ name: committees.shortName }).from(committees).where(eq(committees.id, actor.committeeId));
  const { districts, ...fields } = input;
  return scheduleActivity(ctx, jointOwner, { ...fields, mandatory: false, invitations: [] }, async (joint, { tx }) => {
    for (const d of districts) {
      const memberIds = [...new Set(d.memberIds)];
      const [event] = await tx
        .insert(activities)
        .values({
          committeeId: d.committeeId, ownerType: 'meeting', kind: joint.kind, title: joint.title, year: joint.year, startsAt: joint.startsAt, endsAt: joint.endsAt,
          location: joint.location, agenda: joint.agenda, mandatory: false, organiserOffice: PARENT_OFFICE, invitationScopes: [{ type: 'members', ids: memberIds }], createdByUserId: actor.userId,
        })
        .returning();
      await tx.insert(jointParts).values({ committeeId: actor.committeeId, jointActivityId: joint.id, districtId: d.committeeId, activityId: event.id });
      const added = await addInvitees(tx, event, memberIds);
      // the district's own trail says who set up its part, on the event its members see
      await audit(tx, { ...actor, committeeId: d.committeeId }, { action: 'activity.create', subjectType: 'activity', subjectId: event.id, after: { organiser: organiser?.name ?? '', invited: added.length } });
      await notifyMembers(tx, d.committeeId, added, `${organiser?.name ?? '上级政协'}邀请您参加：${joint.title}`, `${joint.location} ${chinaDay(joint.startsAt)}（上下联动，自愿参加，请回复是否出席）`, `/meetings/${event.id}`);
    }
    await audit(tx, actor, { action: 'joint.invite', subjectType: 'activity', subjectId: joint.id, after: { districts: districts.map((d) => ({ committeeId: d.committeeId, invited: new Set(d.memberIds).size })) } });
  });
}
