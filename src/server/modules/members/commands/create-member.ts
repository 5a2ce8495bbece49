import type { CommandContext } from '../../../platform/commands/context.js';
import { authorize, committeeSubject } from '../../../platform/policy/policy.js';
import { createRecord } from '../../../platform/records/records.js';
import type { MemberInput } from '../../../../shared/members/inputs.js';
import { memberPolicy, rosterPolicy } from '../policy.js';
import { checkMemberReferences, uniqueCode } from '../references.js';
import { members, type Member } from '../schema.js';

/** A new member on the roster (its code unique in the committee). */
export async function createMember({ database, actor }: CommandContext, input: MemberInput): Promise<Member> {
  authorize(rosterPolicy, 'create', actor, committeeSubject(actor));
  await checkMemberReferences(database.db, actor.committeeId, input);
  return createRecord<Member>(database, { table: members, policy: memberPolicy, collection: rosterPolicy, actor, values: input, uniqueFields: uniqueCode });
}
