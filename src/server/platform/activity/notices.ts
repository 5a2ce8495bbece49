import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { users } from '../auth/schema.js';
import { notify } from '../notifications/notify.js';

/** Sends a notice to the accounts of the given members (members without an account get none). */
export async function notifyMembers(tx: Executor, committeeId: string, memberIds: string[], title: string, body = '', link?: string) {
  if (memberIds.length === 0) return;
  const userIds: string[] = [];
  for (let i = 0; i < memberIds.length; i += 1000) {
    const rows = await tx.select({ id: users.id }).from(users).where(and(eq(users.committeeId, committeeId), inArray(users.memberId, memberIds.slice(i, i + 1000))));
    userIds.push(...rows.map((r) => r.id));
  }
  await notify(tx, { committeeId, userIds, title, body, link });
}
