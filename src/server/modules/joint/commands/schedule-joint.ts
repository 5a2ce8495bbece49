import type { z } from 'zod';
import type { CommandContext } from '../../../platform/commands/context.js';
import { audit } from '../../../platform/audit/audit.js';
import { authorize, committeeSubject } from '../../../platform/policy/policy.js';
import { getSettings } from '../../../platform/settings/settings.js';
import { chinaToday as chinaDay } from '../../../platform/calendar/workdays.js';
import { checkTimes, scheduleActivity } from '../../../platform/activity/schedule.js';
import type { Activity } from '../../../platform/activity/workflow.js';
import type { jointInput } from '../../../../shared/joint/inputs.js';
import { jointCollectionPolicy } from '../policy.js';
import { jointOwner } from '../owner.js';
import { jointSettings } from '../settings.js';
import { addPart, checkDistricts, organiserName } from '../part.js';

export type JointInput = z.output<typeof jointInput>;

/**
 * 组织联合视察/调研: the parent committee's event (no invitees of its own) and, in the same
 * transaction, one event per district taking part (`addPart`) — voluntary or assigned as the
 * organiser chose, else as the organiser's settings say — with an audit row in the parent's trail
 * and one in each district's. A district not directly below the organiser, or a member not an
 * active member of that district, is refused naming the field.
 */
export async function scheduleJoint(ctx: CommandContext, input: JointInput): Promise<Activity> {
  const { database, actor } = ctx;
  authorize(jointCollectionPolicy, 'create', actor, committeeSubject(actor));
  checkTimes(input.startsAt, input.endsAt);
  await checkDistricts(database.db, actor, input.districts);
  const organiser = await organiserName(database.db, actor.committeeId);
  const { districts, participation: chosen, ...fields } = input;
  const year = Number(chinaDay(input.startsAt).slice(0, 4));
  const participation = chosen ?? (await getSettings(database.db, jointSettings, actor.committeeId, year)).participation;
  return scheduleActivity(ctx, jointOwner, { ...fields, mandatory: participation === 'assigned', invitations: [] }, async (joint, { tx }) => {
    const invited = [];
    for (const d of districts) invited.push({ committeeId: d.committeeId, invited: await addPart(tx, actor, joint, organiser, d) });
    await audit(tx, actor, { action: 'joint.invite', subjectType: 'activity', subjectId: joint.id, after: { participation, districts: invited } });
  });
}
