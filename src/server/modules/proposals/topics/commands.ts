import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { CommandContext } from '../../../platform/commands/context.js';
import type { Executor } from '../../../db/client.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { AppError } from '../../../platform/errors.js';
import { audit } from '../../../platform/audit/audit.js';
import { inTransaction } from '../../../platform/jobs/after-commit.js';
import { authorize, committeeSubject } from '../../../platform/policy/policy.js';
import { createRecord, loadRecord, updateRecord } from '../../../platform/records/records.js';
import { assertOwnedIds } from '../../../platform/tenancy/owned.js';
import { getSettings } from '../../../platform/settings/settings.js';
import { units } from '../../org/schema.js';
import type { publishYearBody, topicInput, topicPatch } from '../../../../shared/proposals/topics.js';
import { proposalSettings } from '../settings.js';
import { topicCollectionPolicy, topicPolicy, type ProposalTopic } from './policy.js';
import { proposalTopics } from './schema.js';

export const loadTopic = (db: Executor, actor: Actor, id: string) => loadRecord<ProposalTopic>(db, proposalTopics, id, actor, topicPolicy);

/** The category must be one of the year's proposal categories, the unit one of the committee's. */
async function checkTopic(db: Executor, actor: Actor, year: number, d: { category?: string; unitId?: string | null }) {
  if (d.category !== undefined) {
    const { categories } = await getSettings(db, proposalSettings, actor.committeeId, year);
    if (!categories.includes(d.category)) throw AppError.field('category', '类别', `应为：${categories.join('、')}`);
  }
  await assertOwnedIds(db, units, [d.unitId], actor.committeeId, 'unitId', '涉及单位');
}

/** 拟定选题: a draft topic of a year, numbered after the year's last one. */
export async function createTopic({ database, actor }: CommandContext, input: z.output<typeof topicInput>): Promise<ProposalTopic> {
  authorize(topicCollectionPolicy, 'create', actor, committeeSubject(actor));
  await checkTopic(database.db, actor, input.year, input);
  const next = sql`(select coalesce(max(${proposalTopics.serial}), 0) + 1 from ${proposalTopics} where ${proposalTopics.committeeId} = ${actor.committeeId} and ${proposalTopics.year} = ${input.year})`;
  return createRecord<ProposalTopic>(database, {
    table: proposalTopics, policy: topicPolicy, collection: topicCollectionPolicy, actor,
    values: { ...input, unitId: input.unitId ?? null, serial: next, status: 'draft' },
  });
}

/** Edits a topic; a published one changes on the form and the portal at once (the audit row keeps the old text). */
export async function updateTopic({ database, actor }: CommandContext, { id, version, ...changes }: z.output<typeof topicPatch> & { id: string }): Promise<ProposalTopic> {
  const current = await loadTopic(database.db, actor, id);
  await checkTopic(database.db, actor, current.year, changes);
  const clean = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
  return updateRecord<ProposalTopic>(database, { table: proposalTopics, policy: topicPolicy, actor, id, version, changes: clean });
}

/** 发布 one topic (a draft, or one withdrawn and corrected); the first publication date is kept. */
export async function publishTopic({ database, actor, now }: CommandContext, { id, version }: { id: string; version: number }): Promise<ProposalTopic> {
  return updateRecord<ProposalTopic>(database, {
    table: proposalTopics, policy: topicPolicy, actor, id, version, action: 'publish',
    changes: (before) => ({ status: 'published', publishedAt: before.publishedAt ?? now }),
  });
}

/** 撤回: off the form and the portal; proposals that cite it keep their citation. */
export async function withdrawTopic({ database, actor }: CommandContext, { id, version }: { id: string; version: number }): Promise<ProposalTopic> {
  return updateRecord<ProposalTopic>(database, { table: proposalTopics, policy: topicPolicy, actor, id, version, action: 'withdraw', changes: { status: 'withdrawn' } });
}

/**
 * 发布《提案参考选题》: every draft of the year goes public at once, in one transaction with an
 * audit row each. Withdrawn topics stay withdrawn; nothing to publish is refused with why.
 */
export async function publishYear({ database, actor, now }: CommandContext, { year }: z.output<typeof publishYearBody>): Promise<number> {
  authorize(topicCollectionPolicy, 'create', actor, committeeSubject(actor));
  return inTransaction(database, async ({ tx }) => {
    const rows = await tx.update(proposalTopics)
      .set({ status: 'published', publishedAt: sql`coalesce(${proposalTopics.publishedAt}, ${now.toISOString()}::timestamptz)`, version: sql`${proposalTopics.version} + 1`, updatedAt: now })
      .where(and(eq(proposalTopics.committeeId, actor.committeeId), eq(proposalTopics.year, year), eq(proposalTopics.status, 'draft')))
      .returning();
    if (!rows.length) throw AppError.invalidState(`${year}年度没有待发布的参考选题`);
    for (const t of rows) await audit(tx, actor, { action: 'proposalTopic.publish', subjectType: 'proposalTopic', subjectId: t.id, before: { status: 'draft' }, after: { status: 'published' }, note: `发布${year}年度提案参考选题` });
    return rows.length;
  });
}
