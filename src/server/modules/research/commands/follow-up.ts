import { asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { CommandContext } from '../../../platform/commands/context.js';
import type { Executor } from '../../../db/client.js';
import { audit } from '../../../platform/audit/audit.js';
import { inTransaction } from '../../../platform/jobs/after-commit.js';
import { authorize } from '../../../platform/policy/policy.js';
import { assignUnits } from '../../../platform/handling/assignments.js';
import { recordInstruction } from '../../../platform/handling/instructions.js';
import { assertOwned } from '../../org/lookups.js';
import type { assignBody, instructionBody } from '../../../../shared/research/inputs.js';
import { loadTopic } from '../load.js';
import { notifyGroup } from '../notices.js';
import { topicPolicy } from '../policy.js';
import { researchItemPort } from '../port.js';
import { researchItems } from '../schema.js';

/** 批示: a leader's instruction on the finished report, recorded (by the office or the leader) and told to the group. */
export async function instructReport(ctx: CommandContext, { id, ...input }: { id: string } & z.output<typeof instructionBody>) {
  const { database, actor } = ctx;
  const t = await loadTopic(database.db, actor, id);
  authorize(topicPolicy, 'instruct', actor, t);
  const row = await recordInstruction(ctx, { subjectType: 'researchTopic', subjectId: t.id, ...input });
  await inTransaction(database, ({ tx }) => notifyGroup(tx, t.committeeId, t.id, `调研报告获${input.leaderName}批示：${t.reportTitle}`, input.text));
  return row;
}

/**
 * 交部门落实: each item of the report goes to its departments through the handling primitive
 * (deadlines in working days from the research settings); the group tracks them.
 */
export async function assignItems({ database, actor, today }: CommandContext, { id, ...input }: { id: string } & z.output<typeof assignBody>) {
  const t = await loadTopic(database.db, actor, id);
  authorize(topicPolicy, 'assign', actor, t);
  await assertOwned(database.db, 'units', input.items.flatMap((i) => i.unitIds), actor.committeeId, 'items', '承办部门');
  return inTransaction(database, async (uow) => {
    const start = (await itemsOf(uow.tx, t.id)).length;
    for (const [n, item] of input.items.entries()) {
      const [row] = await uow.tx.insert(researchItems).values({ committeeId: t.committeeId, topicId: t.id, year: t.year, position: start + n + 1, text: item.text }).returning();
      const units = [...new Set(item.unitIds)];
      const plan = units.length === 1 ? [{ unitId: units[0], role: 'sole' as const }] : units.map((unitId) => ({ unitId, role: 'split' as const }));
      await assignUnits(uow, { actor, port: researchItemPort, subject: (await researchItemPort.load(uow.tx, row.id))!, plan, today });
    }
    await audit(uow.tx, actor, { action: 'researchTopic.assign', subjectType: 'researchTopic', subjectId: t.id, after: { items: input.items.length } });
    await notifyGroup(uow.tx, t.committeeId, t.id, `调研报告提出的${input.items.length}项建议已交有关部门办理：${t.title}`);
  });
}

/** The items of a topic's report, in order. */
export const itemsOf = (db: Executor, topicId: string) => db.select().from(researchItems).where(eq(researchItems.topicId, topicId)).orderBy(asc(researchItems.position));
