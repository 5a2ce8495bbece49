import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { CommandContext } from '../../../platform/commands/context.js';
import { audit } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/errors.js';
import { inTransaction } from '../../../platform/jobs/after-commit.js';
import { authorize } from '../../../platform/policy/policy.js';
import { orgPolicy } from '../../org/policy.js';
import { studios } from '../../org/schema.js';
import type { profileInput } from '../../../../shared/studios/inputs.js';
import { studioProfiles } from '../schema.js';

/**
 * Saves a studio's public profile (地点, 开放时间, 简介). Kept by whoever keeps the organisation
 * catalogs (orgPolicy): the studio row is locked and its version checked and raised (409 when stale),
 * the profile written, and the audit row added — one transaction.
 */
export async function saveStudioProfile(ctx: CommandContext, { id, version, ...profile }: { id: string } & z.output<typeof profileInput>) {
  const { actor } = ctx;
  return inTransaction(ctx.database, async ({ tx }) => {
    const [studio] = await tx.select().from(studios).where(eq(studios.id, id)).for('update');
    if (!studio || studio.committeeId !== actor.committeeId) throw AppError.notFound('委员工作室');
    authorize(orgPolicy, 'update', actor, studio);
    if (studio.version !== version) throw AppError.versionConflict();
    const [before] = await tx.select().from(studioProfiles).where(eq(studioProfiles.studioId, id));
    await tx.update(studios).set({ version: studio.version + 1, updatedAt: ctx.now }).where(eq(studios.id, id));
    await tx
      .insert(studioProfiles)
      .values({ studioId: id, committeeId: studio.committeeId, ...profile, updatedAt: ctx.now })
      .onConflictDoUpdate({ target: studioProfiles.studioId, set: { ...profile, updatedAt: ctx.now } });
    const was = before ? { place: before.place, openingHours: before.openingHours, introduction: before.introduction } : null;
    await audit(tx, actor, { action: 'studio.profile', subjectType: 'studio', subjectId: id, before: was, after: profile });
  });
}
