import { can, committeeSubject } from '../../platform/policy/policy.js';
import type { CapabilityCheck } from '../../platform/navigation/capabilities.js';
import { jointCollectionPolicy } from './policy.js';
import { childCommittees } from './load.js';

/** 上下联动 in the menu: staff, leaders and admins of a committee with districts below it. */
export const leadsDistricts: CapabilityCheck = async (db, actor) =>
  can(jointCollectionPolicy, 'read', actor, committeeSubject(actor)) && (await childCommittees(db, actor.committeeId)).length > 0;
