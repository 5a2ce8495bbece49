import type { CommandContext } from '../../../platform/commands/context.js';
import { updateRecord } from '../../../platform/records/records.js';
import type { MemberInput } from '../../../../shared/members/inputs.js';
import { memberPolicy } from '../policy.js';
import { checkMemberReferences, uniqueCode } from '../references.js';
import { members, type Member } from '../schema.js';

export type MemberChange = Partial<MemberInput> & { id: string; version: number };

/** Changes a member's profile (version-checked). */
export async function updateMember({ database, actor }: CommandContext, { id, version, ...changes }: MemberChange): Promise<Member> {
  await checkMemberReferences(database.db, actor.committeeId, changes);
  return updateRecord<Member>(database, { table: members, policy: memberPolicy, actor, id, version, changes, uniqueFields: uniqueCode });
}
