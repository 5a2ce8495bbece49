import { and, eq } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import type { CommandContext } from '../../../platform/commands/context.js';
import { audit } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/errors.js';
import { assertOwnedIds } from '../../../platform/tenancy/owned.js';
import { recordInstruction, type InstructionInput } from '../../../platform/handling/instructions.js';
import { instructions } from '../../../platform/handling/schema.js';
import { inTransaction } from '../../../platform/jobs/after-commit.js';
import { authorize } from '../../../platform/policy/policy.js';
import { creditAdopted, creditInstructed } from '../ledger.js';
import { loadOpinion } from '../load.js';
import { opinionPolicy } from '../policy.js';
import { notifyInfoOffice, notifyOpinionAuthors, opinionLink } from '../notices.js';
import { opinionAdoptions, opinionIssues, opinionSends } from '../schema.js';
import { levels, sendKinds, type Level } from '../workflow.js';

/** 报送: records where the information office sent a report (党委、政府、上级政协、部门). */
export async function recordSend({ database, actor }: CommandContext, { id, ...s }: { id: string; kind: keyof typeof sendKinds; targetName: string; sentOn: string; issueId?: string | null }) {
  const o = await loadOpinion(database.db, actor, id);
  authorize(opinionPolicy, 'recordSend', actor, o);
  await assertOwnedIds(database.db, opinionIssues, [s.issueId], actor.committeeId, 'issueId', '期刊');
  return inTransaction(database, async (uow) => {
    const [row] = await uow.tx.insert(opinionSends).values({ ...s, issueId: s.issueId ?? o.issueId, committeeId: o.committeeId, opinionId: o.id, recordedByName: actor.name }).returning();
    await audit(uow.tx, actor, { action: 'opinion.send', subjectType: 'opinion', subjectId: o.id, after: row });
    return row;
  });
}

export interface AdoptionInput {
  level: Level;
  mode: 'alone' | 'digest';
  adoptedBy: string;
  department?: string | null;
  adoptedOn: string;
  note?: string | null;
}

/**
 * 采用: records an adoption at any level (a city or provincial periodical, a party committee, a
 * department…) with its credit for the authors, in one transaction.
 */
export async function recordAdoption({ database, actor, today }: CommandContext, { id, ...a }: { id: string } & AdoptionInput) {
  if (a.adoptedOn > today) throw AppError.field('adoptedOn', '采用日期', '不能晚于今天');
  const o = await loadOpinion(database.db, actor, id);
  authorize(opinionPolicy, 'recordAdoption', actor, o);
  return inTransaction(database, async (uow) => {
    const [row] = await uow.tx
      .insert(opinionAdoptions)
      .values({ ...a, committeeId: o.committeeId, opinionId: o.id, recordedByCommitteeId: actor.committeeId, recordedByName: actor.name })
      .returning();
    await creditAdopted(uow.tx, o, a.level, a.adoptedOn);
    await audit(uow.tx, actor, { action: 'opinion.recordAdoption', subjectType: 'opinion', subjectId: o.id, after: row });
    await notifyOpinionAuthors(uow.tx, o, `社情民意获${levels[a.level]}采用：${o.title}`, a.adoptedBy);
    return row;
  });
}

/**
 * 批示: a leader's instruction (who, level, date, text, follow-up), recorded through the shared
 * instructions primitive inside this transaction (a savepoint), with the authors' credit. The
 * parent committee records instructions on reports sent up to it; they flow back to the district.
 */
export async function instructOpinion(ctx: CommandContext, { id, ...input }: { id: string } & InstructionInput & { followUp?: string | null }) {
  const { database, actor, today } = ctx;
  if (input.instructedOn > today) throw AppError.field('instructedOn', '批示日期', '不能晚于今天');
  const o = await loadOpinion(database.db, actor, id);
  authorize(opinionPolicy, 'instruct', actor, o);
  const { followUp, ...instruction } = input;
  return inTransaction(database, async (uow) => {
    const row = await recordInstruction({ ...ctx, database: { ...database, db: uow.tx as unknown as Database['db'] } }, { subjectType: 'opinion', subjectId: o.id, subjectCommitteeId: o.committeeId, ...instruction });
    if (followUp) await uow.tx.update(instructions).set({ followUp }).where(eq(instructions.id, row.id));
    await creditInstructed(uow.tx, o, input.level, input.instructedOn);
    await notifyOpinionAuthors(uow.tx, o, `社情民意获${levels[input.level]}领导批示：${o.title}`, `${input.leaderName}：${input.text}`);
    if (o.committeeId !== actor.committeeId) await notifyInfoOffice(uow.tx, o.committeeId, `上级政协记录领导批示：${o.title}`, opinionLink(o.id), input.text);
    return { ...row, followUp: followUp ?? null };
  });
}

/** 批示落实: what was done after an instruction. */
export async function recordFollowUp({ database, actor }: CommandContext, { id, instructionId, followUp }: { id: string; instructionId: string; followUp: string }) {
  const o = await loadOpinion(database.db, actor, id);
  authorize(opinionPolicy, 'instruct', actor, o);
  return inTransaction(database, async (uow) => {
    const [before] = await uow.tx.select().from(instructions).where(and(eq(instructions.id, instructionId), eq(instructions.subjectType, 'opinion'), eq(instructions.subjectId, o.id)));
    if (!before) throw AppError.notFound('批示');
    const [row] = await uow.tx.update(instructions).set({ followUp }).where(eq(instructions.id, instructionId)).returning();
    await audit(uow.tx, actor, { action: 'instruction.followUp', subjectType: 'opinion', subjectId: o.id, before: { followUp: before.followUp }, after: { followUp } });
    return row;
  });
}
