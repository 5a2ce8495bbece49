import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { CommandContext } from '../../../platform/commands/context.js';
import { audit } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/errors.js';
import { inTransaction } from '../../../platform/jobs/after-commit.js';
import { recordLedger } from '../../../platform/ledger/ledger.js';
import { authorize } from '../../../platform/policy/policy.js';
import { createRecord, updateRecord } from '../../../platform/records/records.js';
import { applyTransition } from '../../../platform/workflow/apply.js';
import { learningKinds } from '../../../../shared/learning/labels.js';
import type { ItemAction, itemInput, itemUpdate } from '../../../../shared/learning/inputs.js';
import { loadItem } from '../load.js';
import { itemLink, notifyMembers } from '../notices.js';
import { itemPolicy, learningCollectionPolicy } from '../policy.js';
import { learningItems, learningMarks, type LearningItemRow } from '../schema.js';
import { itemWorkflow } from '../workflow.js';

/** 每日一学 drafted by the keeping offices (a draft: no member sees it yet). */
export async function createItem(ctx: CommandContext, input: z.output<typeof itemInput>): Promise<LearningItemRow> {
  return createRecord<LearningItemRow>(ctx.database, {
    table: learningItems, policy: itemPolicy, collection: learningCollectionPolicy, actor: ctx.actor,
    values: { ...input, status: 'draft', createdByUserId: ctx.actor.userId },
  });
}

/** Edits a draft (a published item is withdrawn first — what members read does not change under them). */
export async function updateItem(ctx: CommandContext, { id, version, ...changes }: { id: string } & z.output<typeof itemUpdate>): Promise<LearningItemRow> {
  await loadItem(ctx.database.db, ctx.actor, id);
  const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
  return updateRecord<LearningItemRow>(ctx.database, { table: learningItems, policy: itemPolicy, actor: ctx.actor, id, version, changes: defined });
}

/**
 * Publishes or withdraws an item (workflow.ts), with its audit row; the first publication tells every
 * serving member of the committee (in-app, and by the outside channels each person chose), in the
 * same transaction. Publishing again after a withdrawal tells no one twice.
 */
export async function actOnItem(ctx: CommandContext, { id, action, version }: { id: string; action: ItemAction; version: number }): Promise<LearningItemRow> {
  const { database, actor, now } = ctx;
  await loadItem(database.db, actor, id);
  return applyTransition(database, {
    workflow: itemWorkflow, table: learningItems, id, action, actor, version, label: itemPolicy.label,
    patch: (item) => (action === 'publish' && !item.publishedAt ? { publishedAt: now } : {}),
    alsoDo: async (item, before, { tx }) => {
      if (action === 'publish' && !before.publishedAt) {
        await notifyMembers(tx, item.committeeId, `每日一学：${item.title}`, `${item.forDate} · ${item.source}`, itemLink(item.id));
      }
    },
  });
}

/**
 * 已学: a member marks a published item learned — once. The first mark writes the member's ledger
 * entry (learning.daily, dated the day it was learned) and its audit row, in one transaction; marking
 * it again changes nothing and answers the same.
 */
export async function markLearned(ctx: CommandContext, { id }: { id: string }): Promise<{ learnedAt: Date; first: boolean }> {
  const { database, actor, now, today } = ctx;
  const item = await loadItem(database.db, actor, id);
  if (item.status === 'published' && !actor.memberId) throw AppError.forbidden('只有委员可以标记已学');
  if (item.status !== 'published') throw AppError.invalidState('每日一学尚未发布或已撤回');
  authorize(itemPolicy, 'learn', actor, item);
  const memberId = actor.memberId!;
  return inTransaction(database, async ({ tx }) => {
    const [row] = await tx.insert(learningMarks).values({ itemId: id, memberId, committeeId: item.committeeId, learnedAt: now }).onConflictDoNothing().returning();
    if (!row) {
      const [mark] = await tx.select().from(learningMarks).where(and(eq(learningMarks.itemId, id), eq(learningMarks.memberId, memberId)));
      return { learnedAt: mark!.learnedAt, first: false };
    }
    await recordLedger(tx, [{ committeeId: item.committeeId, memberId, kind: learningKinds.daily, day: today, sourceType: 'learningItem', sourceId: id, part: 'lead', note: item.title }]);
    await audit(tx, actor, { action: 'learningItem.learn', subjectType: 'learningItem', subjectId: id, after: { memberId, learnedAt: now } });
    return { learnedAt: row.learnedAt, first: true };
  });
}
