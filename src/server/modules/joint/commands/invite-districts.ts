import type { CommandContext } from '../../../platform/commands/context.js';
import { audit } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/errors.js';
import { inTransaction } from '../../../platform/jobs/after-commit.js';
import { authorize } from '../../../platform/policy/policy.js';
import type { Activity } from '../../../platform/activity/workflow.js';
import { claimJoint, loadJoint, partsOf } from '../load.js';
import { jointPolicy } from '../policy.js';
import { addPart, checkDistricts, organiserName, participationOf, type DistrictPick } from '../part.js';

/**
 * 追加邀请区政协: after scheduling, the organising office invites districts not yet taking part —
 * each a part as at scheduling (`addPart`: the district's event, invitations, notices, its own audit
 * row) — in one transaction with the parent's audit row; a stale version of the joint event is 409.
 * A district already taking part (or whose part was called off: reopen it) is refused by name.
 */
export async function inviteDistricts(ctx: CommandContext, input: { id: string; version: number; districts: DistrictPick[] }): Promise<Activity> {
  const { database, actor, now } = ctx;
  return inTransaction(database, async ({ tx }) => {
    const joint = await loadJoint(tx, actor, input.id);
    authorize(jointPolicy, 'districts', actor, joint);
    await checkDistricts(tx, actor, input.districts);
    const taking = (await partsOf(tx, joint.id)).filter((p) => input.districts.some((d) => d.committeeId === p.part.districtId));
    if (taking.length) {
      const cancelled = taking.some((p) => p.event.status === 'cancelled');
      throw AppError.field('districts', '参加的区政协', `${taking.map((p) => p.name).join('、')}已在参加名单中${cancelled ? '（已取消的请恢复其参加）' : ''}`);
    }
    const claimed = await claimJoint(tx, joint, input.version, now);
    const organiser = await organiserName(tx, actor.committeeId);
    const invited = [];
    for (const d of input.districts) invited.push({ committeeId: d.committeeId, invited: await addPart(tx, actor, claimed, organiser, d) });
    await audit(tx, actor, { action: 'joint.invite', subjectType: 'activity', subjectId: joint.id, after: { participation: participationOf(claimed), districts: invited } });
    return claimed;
  });
}
