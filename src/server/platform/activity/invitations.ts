import { and, arrayContains, eq, inArray, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { members } from '../../modules/members/schema.js';
import { assertOwned } from '../../modules/org/lookups.js';
import { AppError } from '../errors.js';
import type { InvitationScope } from './kinds.js';
import { activityInvitees } from './schema.js';

function scopeWhere(scope: InvitationScope): SQL | undefined {
  switch (scope.type) {
    case 'everyone':
      return undefined;
    case 'specialCommittee':
      return arrayContains(members.specialCommitteeIds, [scope.id]);
    case 'sector':
      return eq(members.sectorId, scope.id);
    case 'studio':
      return eq(members.studioId, scope.id);
    case 'members':
      return inArray(members.id, scope.ids.length ? scope.ids : ['00000000-0000-0000-0000-000000000000']);
  }
}

/** The active members of the committee the scopes name, each once. */
export async function expandScopes(db: Executor, committeeId: string, scopes: InvitationScope[]): Promise<string[]> {
  const ids = new Set<string>();
  for (const scope of scopes) {
    // a body, sector or studio of another committee (or made up) is refused, not read as "nobody"
    if (scope.type === 'specialCommittee') await assertOwned(db, 'special-committees', [scope.id], committeeId, 'invitations', '邀请的专委会');
    if (scope.type === 'sector') await assertOwned(db, 'sectors', [scope.id], committeeId, 'invitations', '邀请的界别');
    if (scope.type === 'studio') await assertOwned(db, 'studios', [scope.id], committeeId, 'invitations', '邀请的委员工作室');
    const where = scopeWhere(scope);
    const rows = await db
      .select({ id: members.id })
      .from(members)
      .where(and(eq(members.committeeId, committeeId), eq(members.status, 'active'), ...(where ? [where] : [])));
    if (scope.type === 'members' && rows.length !== new Set(scope.ids).size) throw AppError.field('invitations', '邀请对象', '包含不存在或已离任的委员');
    for (const r of rows) ids.add(r.id);
  }
  return [...ids];
}

/** Adds invitee rows (members already invited keep theirs); returns the newly invited. */
export async function addInvitees(tx: Executor, activity: { id: string; committeeId: string }, memberIds: string[]): Promise<string[]> {
  if (memberIds.length === 0) return [];
  const added: string[] = [];
  for (let i = 0; i < memberIds.length; i += 1000) {
    const rows = await tx
      .insert(activityInvitees)
      .values(memberIds.slice(i, i + 1000).map((memberId) => ({ activityId: activity.id, memberId, committeeId: activity.committeeId })))
      .onConflictDoNothing()
      .returning({ memberId: activityInvitees.memberId });
    added.push(...rows.map((r) => r.memberId));
  }
  return added;
}
