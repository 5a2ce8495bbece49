import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { users } from '../../platform/auth/schema.js';
import { notify } from '../../platform/notifications/notify.js';
import { cosigners } from './schema.js';
import type { Proposal } from './workflow.js';

/** Tells the first proposer (and co-signers, and the creator of a collective proposal) about their proposal, in the caller's transaction. */
export async function notifyAuthors(tx: Executor, p: Proposal, title: string, body = '', withCosigners = true) {
  const memberIds = p.leadMemberId ? [p.leadMemberId] : [];
  if (withCosigners) {
    const cs = await tx.select({ memberId: cosigners.memberId }).from(cosigners).where(and(eq(cosigners.proposalId, p.id), ne(cosigners.status, 'declined')));
    memberIds.push(...cs.map((c) => c.memberId));
  }
  const accounts = memberIds.length ? await tx.select({ id: users.id }).from(users).where(inArray(users.memberId, memberIds)) : [];
  const userIds = accounts.map((u) => u.id).concat(p.createdByUserId && p.authorType === 'collective' ? [p.createdByUserId] : []);
  await notify(tx, { committeeId: p.committeeId, userIds, title, body, link: `/proposals/${p.id}` });
}
