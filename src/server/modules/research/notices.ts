import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { users } from '../../platform/auth/schema.js';
import { officeUserIds } from '../../platform/handling/assignments.js';
import { notify } from '../../platform/notifications/notify.js';
import { researchMembers } from './schema.js';

export const topicLink = (id: string) => `/research/topics/${id}`;
export const itemLink = (id: string) => `/research/items/${id}`;

/** Tells the general office (which organises research) about something waiting for it. */
export async function notifyOffice(tx: Executor, committeeId: string, title: string, topicId: string, body = '') {
  await notify(tx, { committeeId, userIds: await officeUserIds(tx, committeeId, 'general'), title, body, link: topicLink(topicId) });
}

/** Tells members (by member id) through their accounts. */
export async function notifyMembers(tx: Executor, committeeId: string, memberIds: string[], title: string, topicId: string, body = '') {
  if (!memberIds.length) return;
  const rows = await tx.select({ id: users.id }).from(users).where(inArray(users.memberId, memberIds));
  await notify(tx, { committeeId, userIds: rows.map((r) => r.id), title, body, link: topicLink(topicId) });
}

/** Tells the confirmed group ("谁调研、谁跟踪": they follow what became of their report). */
export async function notifyGroup(tx: Executor, committeeId: string, topicId: string, title: string, body = '') {
  const rows = await tx.select({ memberId: researchMembers.memberId }).from(researchMembers).where(and(eq(researchMembers.topicId, topicId), eq(researchMembers.state, 'confirmed')));
  await notifyMembers(tx, committeeId, rows.map((r) => r.memberId), title, topicId, body);
}
