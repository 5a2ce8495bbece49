import { inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { users } from '../../platform/auth/schema.js';
import { officeUserIds } from '../../platform/handling/assignments.js';
import { notify } from '../../platform/notifications/notify.js';
import type { Campaign } from './workflow.js';

export const campaignLink = (id: string) => `/evaluation/campaigns/${id}`;
export const findingLink = (id: string) => `/evaluation/findings/${id}`;
export const questionnaireLink = '/evaluation/questionnaires';

/** Tells the invited members (those with an account), e.g. that the questionnaire is open. */
export async function notifyInvited(tx: Executor, c: Campaign, title: string, link = questionnaireLink) {
  const accounts = c.invitedMemberIds.length ? await tx.select({ id: users.id }).from(users).where(inArray(users.memberId, c.invitedMemberIds)) : [];
  await notify(tx, { committeeId: c.committeeId, userIds: accounts.map((u) => u.id), title, body: '', link });
}

/** Tells the office that runs the campaign. */
export async function notifyOffice(tx: Executor, committeeId: string, title: string, link: string) {
  await notify(tx, { committeeId, userIds: await officeUserIds(tx, committeeId, 'general'), title, body: '', link });
}
