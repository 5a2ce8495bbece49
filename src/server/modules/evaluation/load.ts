import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';
import { authorize, readableIds } from '../../platform/policy/policy.js';
import { getSettings } from '../../platform/settings/settings.js';
import { loadLookups } from '../org/lookups.js';
import { campaignPolicy, findingPolicy } from './policy.js';
import { computeResults, noRespondents, type CampaignResults, type KindCounts } from './results.js';
import { evaluationCampaigns, evaluationFindings, evaluationParticipation, evaluationTallies } from './schema.js';
import { evaluationSettings } from './settings.js';
import type { Campaign, CampaignFacts, Finding } from './workflow.js';

/** Loads a campaign the actor may read (else not-found, like a made-up id). */
export async function loadCampaign(db: Executor, actor: Actor, id: string): Promise<Campaign> {
  const [row] = await db.select().from(evaluationCampaigns).where(eq(evaluationCampaigns.id, id));
  if (!row) throw AppError.notFound('民主评议活动');
  authorize(campaignPolicy, 'read', actor, row);
  return row;
}

/** Loads a rectification item the actor may read (else not-found). */
export async function loadFinding(db: Executor, actor: Actor, id: string): Promise<Finding> {
  const [row] = await db.select().from(evaluationFindings).where(eq(evaluationFindings.id, id));
  if (!row) throw AppError.notFound('整改事项');
  authorize(findingPolicy, 'read', actor, row);
  return row;
}

/** How many of each kind (members, representatives, the public) have answered on each department (counts only). */
export async function respondentsOf(db: Executor, campaignId: string): Promise<Map<string, KindCounts>> {
  const rows = await db
    .select({ unitId: evaluationParticipation.unitId, kind: evaluationParticipation.respondentKind, n: sql<number>`count(*)::int` })
    .from(evaluationParticipation)
    .where(eq(evaluationParticipation.campaignId, campaignId))
    .groupBy(evaluationParticipation.unitId, evaluationParticipation.respondentKind);
  const byUnit = new Map<string, KindCounts>();
  for (const r of rows) {
    const counts = byUnit.get(r.unitId) ?? noRespondents();
    if (r.kind in counts) counts[r.kind as keyof KindCounts] += Number(r.n);
    byUnit.set(r.unitId, counts);
  }
  return byUnit;
}

/** The campaign's results from the counts, by the rules of its year. */
export async function resultsOf(db: Executor, c: Campaign): Promise<CampaignResults> {
  const [rules, tallies, respondents, lookups] = await Promise.all([
    getSettings(db, evaluationSettings, c.committeeId, c.year),
    db.select().from(evaluationTallies).where(eq(evaluationTallies.campaignId, c.id)),
    respondentsOf(db, c.id),
    loadLookups(db, c.committeeId),
  ]);
  const units = c.unitIds.map((id) => ({ id, name: lookups.units.byId.get(id) ?? '' }));
  return computeResults({ indicators: c.indicators, units, invited: c.invitedMemberIds.length, respondents, tallies, rules });
}

/** What the campaign's preconditions read: the quorum of every department, the open items. */
export async function campaignFacts(db: Executor, c: Campaign): Promise<CampaignFacts> {
  const r = await resultsOf(db, c);
  const short = r.departments.filter((d) => !d.quorumMet);
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(evaluationFindings).where(and(eq(evaluationFindings.campaignId, c.id), ne(evaluationFindings.status, 'passed')));
  return {
    quorumShort: short.length ? `${short.map((d) => d.name).slice(0, 3).join('、')}${short.length > 3 ? `等${short.length}个部门` : ''}参评人数不足（须超过受邀委员的法定比例，至少${r.quorum}人）` : null,
    openFindings: Number(n),
  };
}

/** Of the campaigns asked, those the viewer may open (a member record's ledger sources). */
export async function readableCampaignIds(db: Executor, viewer: Actor, ids: string[]): Promise<Set<string>> {
  return readableIds(campaignPolicy, viewer, await db.select().from(evaluationCampaigns).where(inArray(evaluationCampaigns.id, ids)));
}
