import { eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { users } from '../../platform/auth/schema.js';
import { officeUserIds } from '../../platform/handling/assignments.js';
import { notify } from '../../platform/notifications/notify.js';
import { opinions } from './schema.js';
import type { Opinion } from './workflow.js';

export const opinionLink = (id: string) => `/opinions/${id}`;

/** Tells the author (and the authors of reports combined into it) about their report. */
export async function notifyOpinionAuthors(tx: Executor, o: Opinion, title: string, body = '') {
  const sources = await tx.select({ memberId: opinions.authorMemberId }).from(opinions).where(eq(opinions.combinedIntoId, o.id));
  const memberIds = [o.authorMemberId, ...sources.map((s) => s.memberId)].filter((x): x is string => !!x);
  const accounts = memberIds.length ? await tx.select({ id: users.id }).from(users).where(inArray(users.memberId, memberIds)) : [];
  const userIds = accounts.map((u) => u.id).concat(o.authorType !== 'member' && o.authorType !== 'combined' ? [o.createdByUserId] : []);
  await notify(tx, { committeeId: o.committeeId, userIds, title, body, link: opinionLink(o.id) });
}

/** Tells a committee's information office (the report's own, or the one it was sent up to). */
export async function notifyInfoOffice(tx: Executor, committeeId: string, title: string, link: string, body = '') {
  await notify(tx, { committeeId, userIds: await officeUserIds(tx, committeeId, 'info'), title, body, link });
}
