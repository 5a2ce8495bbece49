import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { users } from '../../platform/auth/schema.js';
import { members } from '../members/schema.js';
import { notify } from '../../platform/notifications/notify.js';

export const itemLink = (id: string) => `/learning/items/${id}`;
export const groupLink = (id: string) => `/learning/groups/${id}`;

/** The accounts of the committee's serving members (to whom 每日一学 is pushed). */
export async function memberUserIds(tx: Executor, committeeId: string, memberIds?: string[]): Promise<string[]> {
  const where = [eq(users.committeeId, committeeId), eq(users.active, true), isNotNull(users.memberId), eq(members.status, 'active')];
  if (memberIds) {
    if (!memberIds.length) return [];
    where.push(inArray(users.memberId, memberIds));
  }
  const rows = await tx.select({ id: users.id }).from(users).innerJoin(members, eq(members.id, users.memberId)).where(and(...where));
  return rows.map((r) => r.id);
}

/** Tells members through the notifications platform (in-app, and the outside channels each chose). */
export async function notifyMembers(tx: Executor, committeeId: string, title: string, body: string, link: string, memberIds?: string[]) {
  await notify(tx, { committeeId, userIds: await memberUserIds(tx, committeeId, memberIds), title, body, link });
}
