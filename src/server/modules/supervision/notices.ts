import { inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { users } from '../../platform/auth/schema.js';
import { officeUserIds } from '../../platform/handling/assignments.js';
import { notify } from '../../platform/notifications/notify.js';
import type { Suggestion } from './workflow.js';

export const suggestionLink = (id: string) => `/supervision/suggestions/${id}`;

/** Tells the suggestion's group (every member with an account). */
export async function notifyGroup(tx: Executor, s: Suggestion, title: string, body = '') {
  const memberIds = [...new Set([s.leaderMemberId, ...s.groupMemberIds])];
  const accounts = memberIds.length ? await tx.select({ id: users.id }).from(users).where(inArray(users.memberId, memberIds)) : [];
  await notify(tx, { committeeId: s.committeeId, userIds: accounts.map((u) => u.id), title, body, link: suggestionLink(s.id) });
}

/** Tells the office that reviews and sends suggestions. */
export async function notifyOffice(tx: Executor, s: Pick<Suggestion, 'committeeId' | 'id'>, title: string, body = '') {
  await notify(tx, { committeeId: s.committeeId, userIds: await officeUserIds(tx, s.committeeId, 'general'), title, body, link: suggestionLink(s.id) });
}
