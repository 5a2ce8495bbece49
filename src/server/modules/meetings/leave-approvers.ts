import { can } from '../../platform/policy/policy.js';
import { activityScope } from '../../platform/activity/load.js';
import { leaveApprovalPolicy } from '../../platform/activity/policy.js';
import type { CapabilityCheck } from '../../platform/navigation/capabilities.js';

/**
 * 请假审批: the leave approval policy (admins, and staff of the offices the
 * committee's settings name). The leave queue refuses everyone else, and the menu shows it to no one else.
 */
export const decidesLeave: CapabilityCheck = async (db, actor, today) =>
  can(leaveApprovalPolicy, 'decide', actor, await activityScope(db, actor, Number(today.slice(0, 4))));
