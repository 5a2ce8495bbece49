import { createHash, randomBytes } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Executor } from '../../../db/client.js';
import type { Actor } from '../../../platform/auth/actor.js';
import type { CommandContext } from '../../../platform/commands/context.js';
import { audit } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/errors.js';
import { inTransaction } from '../../../platform/jobs/after-commit.js';
import { authorize, can } from '../../../platform/policy/policy.js';
import type { representativeInput } from '../../../../shared/evaluation/inputs.js';
import { campaignPolicy } from '../policy.js';
import { evaluationCampaigns, evaluationParticipation, evaluationRepresentatives } from '../schema.js';
import type { Campaign } from '../workflow.js';

export type Representative = typeof evaluationRepresentatives.$inferSelect;

/** A new personal link's token: 24 random bytes, 32 URL-safe characters (192 bits, unguessable). */
export const newInvitationToken = () => randomBytes(24).toString('base64url');
/** Only this is stored: a leaked database gives no working link. */
export const invitationHash = (token: string) => createHash('sha256').update(`shangliang-evaluation-invitation:${token}`).digest('hex');
/** The portal page the representative opens on their phone. */
export const invitationLink = (token: string) => `/portal/evaluation/invite/${token}`;

async function campaignFor(tx: Executor, actor: Actor, id: string): Promise<Campaign> {
  const [c] = (await tx.select().from(evaluationCampaigns).where(eq(evaluationCampaigns.id, id)).for('share')) as Campaign[];
  if (!c) throw AppError.notFound('民主评议活动');
  authorize(campaignPolicy, 'invite', actor, c);
  return c;
}

/**
 * 邀请特邀群众代表: the office adds a representative to a campaign. Their personal link is answered
 * once, here; the database keeps only its hash. The audit row names the campaign, not the person's
 * phone.
 */
export async function addRepresentative({ database, actor }: CommandContext, { campaignId, ...d }: { campaignId: string } & z.output<typeof representativeInput>) {
  return inTransaction(database, async (uow) => {
    const c = await campaignFor(uow.tx, actor, campaignId);
    const token = newInvitationToken();
    const [row] = await uow.tx
      .insert(evaluationRepresentatives)
      .values({ committeeId: c.committeeId, campaignId, name: d.name, organisation: d.organisation, phone: d.phone ?? null, tokenHash: invitationHash(token), createdByName: actor.name })
      .returning();
    await audit(uow.tx, actor, { action: 'evaluationCampaign.addRepresentative', subjectType: 'evaluationCampaign', subjectId: campaignId, after: { representativeId: row.id, name: d.name, organisation: d.organisation } });
    return { representative: row, link: invitationLink(token) };
  });
}

/**
 * 收回 or 重新生成 a representative's link: revoking stops the old link at once; re-issuing gives a
 * new link (the old one stops too) and lifts a revocation. What they already answered stays counted.
 */
export async function changeRepresentativeLink({ database, actor, now }: CommandContext, { id, action, version }: { id: string; action: 'revoke' | 'reissue'; version: number }) {
  return inTransaction(database, async (uow) => {
    const [rep] = await uow.tx.select().from(evaluationRepresentatives).where(eq(evaluationRepresentatives.id, id)).for('update');
    if (!rep) throw AppError.notFound('特邀群众代表');
    const [c] = (await uow.tx.select().from(evaluationCampaigns).where(eq(evaluationCampaigns.id, rep.campaignId))) as Campaign[];
    // who may not see the office's list is answered as for a made-up id
    if (!can(campaignPolicy, 'representatives', actor, c)) throw AppError.notFound('特邀群众代表');
    authorize(campaignPolicy, 'invite', actor, c);
    if (rep.version !== version) throw AppError.versionConflict();
    if (action === 'revoke' && rep.revokedAt) throw AppError.invalidState('该代表的评议链接已收回');
    const token = action === 'reissue' ? newInvitationToken() : null;
    const [row] = await uow.tx
      .update(evaluationRepresentatives)
      .set(token ? { tokenHash: invitationHash(token), revokedAt: null, version: rep.version + 1, updatedAt: now } : { revokedAt: now, version: rep.version + 1, updatedAt: now })
      .where(eq(evaluationRepresentatives.id, id))
      .returning();
    await audit(uow.tx, actor, {
      action: action === 'revoke' ? 'evaluationCampaign.revokeRepresentative' : 'evaluationCampaign.reissueRepresentative',
      subjectType: 'evaluationCampaign', subjectId: rep.campaignId, after: { representativeId: id, name: rep.name },
    });
    return { representative: row, link: token ? invitationLink(token) : null };
  });
}

/**
 * The campaign's representatives for the office: who they are, whether their link works, and on
 * how many departments they have answered — that they did, never what.
 */
export async function listRepresentatives(db: Executor, actor: Actor, c: Campaign) {
  authorize(campaignPolicy, 'representatives', actor, c);
  const [rows, done] = await Promise.all([
    db.select().from(evaluationRepresentatives).where(eq(evaluationRepresentatives.campaignId, c.id)).orderBy(asc(evaluationRepresentatives.createdAt)),
    db
      .select({ id: evaluationParticipation.representativeId, n: sql<number>`count(*)::int` })
      .from(evaluationParticipation)
      .where(and(eq(evaluationParticipation.campaignId, c.id), eq(evaluationParticipation.respondentKind, 'representative')))
      .groupBy(evaluationParticipation.representativeId),
  ]);
  return rows.map((r) => presentRepresentative(r, Number(done.find((x) => x.id === r.id)?.n ?? 0), c.unitIds.length));
}

/** One row of the office's list (never the token or its hash). */
export function presentRepresentative(r: Representative, respondedCount: number, departmentCount: number) {
  return {
    id: r.id, version: r.version, name: r.name, organisation: r.organisation, phone: r.phone, active: r.revokedAt === null,
    respondedCount, departmentCount, createdByName: r.createdByName, createdAt: r.createdAt,
  };
}
