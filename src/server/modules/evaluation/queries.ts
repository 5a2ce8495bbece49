import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../platform/auth/actor.js';
import { can } from '../../platform/policy/policy.js';
import { labelOf } from '../../../shared/labels.js';
import { ballotChoices, campaignStates } from '../../../shared/evaluation/labels.js';
import { loadLookups } from '../org/lookups.js';
import { campaignPolicy } from './policy.js';
import { evaluationCampaigns, evaluationParticipation } from './schema.js';
import type { Campaign } from './workflow.js';

/** The campaigns of the actor's committee they may read, newest year first. */
export async function listCampaigns(db: Executor, actor: Actor, year?: number): Promise<Campaign[]> {
  const where = [eq(evaluationCampaigns.committeeId, actor.committeeId)];
  if (year) where.push(eq(evaluationCampaigns.year, year));
  const rows = await db.select().from(evaluationCampaigns).where(and(...where)).orderBy(desc(evaluationCampaigns.year), desc(evaluationCampaigns.createdAt)).limit(200);
  return rows.filter((c) => can(campaignPolicy, 'read', actor, c));
}

/**
 * 我的评议问卷: the campaigns the member is invited to (once approved), each department with
 * whether they have answered on it — that they did, never what.
 */
export async function myQuestionnaires(db: Executor, actor: Actor) {
  if (!actor.memberId) return { choices: ballotChoices, items: [] };
  const rows = (await db
    .select()
    .from(evaluationCampaigns)
    .where(and(eq(evaluationCampaigns.committeeId, actor.committeeId), sql`${actor.memberId} = any(${evaluationCampaigns.invitedMemberIds})`))
    .orderBy(desc(evaluationCampaigns.year), desc(evaluationCampaigns.createdAt))).filter((c) => can(campaignPolicy, 'read', actor, c));
  const done = rows.length
    ? await db.select({ campaignId: evaluationParticipation.campaignId, unitId: evaluationParticipation.unitId }).from(evaluationParticipation).where(and(eq(evaluationParticipation.memberId, actor.memberId), inArray(evaluationParticipation.campaignId, rows.map((c) => c.id))))
    : [];
  const lookups = await loadLookups(db, actor.committeeId);
  return {
    choices: ballotChoices,
    items: rows.map((c) => {
      const departments = c.unitIds.map((unitId) => ({ unitId, name: lookups.units.byId.get(unitId) ?? '', responded: done.some((d) => d.campaignId === c.id && d.unitId === unitId) }));
      return {
        id: c.id, title: c.title, year: c.year, status: c.status, statusLabel: labelOf(campaignStates, c.status),
        open: can(campaignPolicy, 'respond', actor, c), closesOn: c.phases.surveying.to, indicators: c.indicators.map(({ key, label }) => ({ key, label })),
        departments, respondedCount: departments.filter((d) => d.responded).length,
        resultsPublished: can(campaignPolicy, 'results', actor, c),
      };
    }),
  };
}
