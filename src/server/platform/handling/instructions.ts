import type { CommandContext } from '../commands/context.js';
import { auditAcross } from '../audit/audit.js';
import { instructions } from './schema.js';

export const instructionLevels = { district: '区级', city: '市级', province: '省级', national: '全国' } as const;

export interface InstructionInput {
  text: string;
  level: keyof typeof instructionLevels;
  instructedOn: string;
  leaderName: string;
}

/**
 * 批示: records a leader's instruction on any subject, with its audit row; an instruction on another
 * committee's record (a city leader on a district's report, `subjectCommitteeId`) is in both chains.
 * Of the context only the database and the actor are used (the date is the instruction's own); a
 * command that records it inside its own transaction passes its context with that transaction's database.
 * `recordInstruction(ctx, { subjectType: 'proposal', subjectId, text, level, instructedOn, leaderName })`
 */
export async function recordInstruction(
  { database, actor }: CommandContext,
  { subjectType, subjectId, subjectCommitteeId, ...input }: { subjectType: string; subjectId: string; subjectCommitteeId?: string } & InstructionInput,
) {
  return database.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(instructions)
      .values({ committeeId: actor.committeeId, subjectType, subjectId, leaderUserId: actor.userId, ...input })
      .returning();
    await auditAcross(tx, actor, [subjectCommitteeId], { action: 'instruction.record', subjectType, subjectId, after: row });
    return row;
  });
}
