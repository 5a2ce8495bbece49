import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { users } from '../../platform/auth/schema.js';
import { officeUserIds } from '../../platform/handling/assignments.js';
import { notify } from '../../platform/notifications/notify.js';
import type { Topic } from './workflow.js';
import { consultationParticipants } from './schema.js';

export const topicLink = (id: string) => `/consultation/topics/${id}`;
export const planLink = (id: string) => `/consultation/plans/${id}`;
export const consultationLink = (id: string) => `/consultation/consultations/${id}`;
export const itemLink = (id: string) => `/consultation/items/${id}`;

/** Tells the general office (which runs consultation) about something waiting for it. */
export async function notifyOffice(tx: Executor, committeeId: string, title: string, topicId: string) {
  await notify(tx, { committeeId, userIds: await officeUserIds(tx, committeeId, 'general'), title, body: '', link: topicLink(topicId) });
}

/** Tells whoever suggested a topic what became of it (a member, or the staff user who entered it). */
export async function notifyTopicAuthor(tx: Executor, t: Topic, title: string, body = '') {
  const ids = t.authorMemberId ? (await tx.select({ id: users.id }).from(users).where(eq(users.memberId, t.authorMemberId))).map((u) => u.id) : t.createdByUserId ? [t.createdByUserId] : [];
  await notify(tx, { committeeId: t.committeeId, userIds: ids, title, body, link: topicLink(t.id) });
}

/** Tells every member who took part (the accounts of member participants) what became of the consultation. */
export async function notifyParticipants(tx: Executor, committeeId: string, consultationId: string, title: string, body = '') {
  const rows = await tx
    .select({ id: users.id })
    .from(consultationParticipants)
    .innerJoin(users, eq(users.memberId, consultationParticipants.memberId))
    .where(eq(consultationParticipants.consultationId, consultationId));
  await notify(tx, { committeeId, userIds: [...new Set(rows.map((r) => r.id))], title, body, link: consultationLink(consultationId) });
}
