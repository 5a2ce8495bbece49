import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Executor } from '../../../db/client.js';
import type { Actor } from '../../../platform/auth/actor.js';
import type { CommandContext } from '../../../platform/commands/context.js';
import { AppError } from '../../../platform/errors.js';
import { authorize, committeeSubject } from '../../../platform/policy/policy.js';
import { createRecord, updateRecord } from '../../../platform/records/records.js';
import { getSettings } from '../../../platform/settings/settings.js';
import { applyTransition } from '../../../platform/workflow/apply.js';
import { members } from '../../members/schema.js';
import { assertOwned } from '../../org/lookups.js';
import type { campaignActionBodies, campaignInput, campaignPatch, CampaignDecision } from '../../../../shared/evaluation/inputs.js';
import { campaignFacts, loadCampaign } from '../load.js';
import { campaignLink, notifyInvited } from '../notices.js';
import { campaignCollectionPolicy, campaignPolicy } from '../policy.js';
import { evaluationCampaigns } from '../schema.js';
import { evaluationSettings } from '../settings.js';
import { campaignWorkflow, type Campaign } from '../workflow.js';


/** Refuses members who are not of the committee (or made up). */
async function assertMembers(db: Executor, committeeId: string, ids: string[]) {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return;
  const found = await db.select({ id: members.id }).from(members).where(and(eq(members.committeeId, committeeId), inArray(members.id, wanted)));
  if (found.length !== wanted.length) throw AppError.field('invitedMemberIds', '参评委员', '不存在');
}

async function checkParties(db: Executor, actor: Actor, d: { unitIds?: string[]; invitedMemberIds?: string[] }) {
  if (d.unitIds) await assertOwned(db, 'units', d.unitIds, actor.committeeId, 'unitIds', '评议部门');
  if (d.invitedMemberIds) await assertMembers(db, actor.committeeId, d.invitedMemberIds);
}

/** The office drafts a campaign; the indicators are the year's setting unless given. */
export async function createCampaign({ database, actor }: CommandContext, d: z.output<typeof campaignInput>): Promise<Campaign> {
  authorize(campaignCollectionPolicy, 'create', actor, committeeSubject(actor));
  await checkParties(database.db, actor, d);
  const rules = await getSettings(database.db, evaluationSettings, actor.committeeId, d.year);
  return createRecord<Campaign>(database, {
    table: evaluationCampaigns, policy: campaignPolicy, collection: campaignCollectionPolicy, actor,
    values: { ...d, unitIds: [...new Set(d.unitIds)], invitedMemberIds: [...new Set(d.invitedMemberIds)], indicators: d.indicators ?? rules.indicators, createdByName: actor.name },
  });
}

/**
 * Changes the departments, invitations, dates or indicators — until the questionnaire opens (the
 * policy's `update`); the departments themselves only while the chairs' meeting has not proposed
 * them, so what the party committee approved is what is evaluated.
 */
export async function updateCampaign({ database, actor }: CommandContext, { id, ...d }: { id: string } & z.output<typeof campaignPatch>): Promise<Campaign> {
  const current = await loadCampaign(database.db, actor, id);
  const { version, ...changes } = d;
  if (changes.unitIds && current.status !== 'draft') throw AppError.invalidState('评议部门已经主席会议提出，不能再调整；如需调整请由党委退回');
  await checkParties(database.db, actor, changes);
  if (changes.unitIds) changes.unitIds = [...new Set(changes.unitIds)];
  if (changes.invitedMemberIds) changes.invitedMemberIds = [...new Set(changes.invitedMemberIds)];
  return updateRecord<Campaign>(database, { table: evaluationCampaigns, policy: campaignPolicy, actor, id, version, changes });
}

type Payload<A extends CampaignDecision> = z.output<(typeof campaignActionBodies)[A]>;

/** What each decision writes besides the state: the decisions with their dates, the publication day. */
const patches: { [A in CampaignDecision]?: (i: Payload<A>, today: string) => Partial<Campaign> } = {
  propose: (i) => ({ proposedOn: i.on, proposalNote: i.note }),
  approve: (i) => ({ approvedOn: i.on, approvalNote: i.note }),
  reject: () => ({ approvedOn: null, approvalNote: null }),
  publish: (_i, today) => ({ publishedOn: today }),
};

/**
 * Applies a decision to a campaign (the workflow table decides who and when).
 * `decideCampaign(ctx, { id, action: 'propose', input: { version, on, note } })`
 */
export async function decideCampaign<A extends CampaignDecision>({ database, actor, today }: CommandContext, { id, action, input }: { id: string; action: A; input: Payload<A> }) {
  await loadCampaign(database.db, actor, id); // not readable → not found, before any state talk
  const patch = patches[action] as ((i: Payload<A>, today: string) => Partial<Campaign>) | undefined;
  return applyTransition(database, {
    workflow: campaignWorkflow, table: evaluationCampaigns, id, action, actor, version: input.version, label: '民主评议活动',
    note: (input as { note?: string }).note,
    context: (c: Campaign, uow) => campaignFacts(uow.tx, c),
    patch: () => patch?.(input, today) ?? {},
    alsoDo: async (c: Campaign, _before, uow) => {
      if (action === 'startSurvey') await notifyInvited(uow.tx, c, `民主评议问卷已开放，请您填写：${c.title}`);
      if (action === 'publish') await notifyInvited(uow.tx, c, `民主评议结果已公布：${c.title}`, campaignLink(c.id));
    },
  });
}
