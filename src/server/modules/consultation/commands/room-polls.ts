import { count, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { CommandContext } from '../../../platform/commands/context.js';
import { audit } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/errors.js';
import { inTransaction } from '../../../platform/jobs/after-commit.js';
import { authorize } from '../../../platform/policy/policy.js';
import type { ballotInput, pollCreate } from '../../../../shared/consultation/room-inputs.js';
import { assertOpen, loadPoll, loadRoom } from '../room-load.js';
import { roomPolicy } from '../room-policy.js';
import { consultationRoomBallots, consultationRoomPolls } from '../schema.js';

type Poll = typeof consultationRoomPolls.$inferSelect;

/** 发起投票: the office adds a poll to a room not yet over (single, multiple or ranking). */
export async function addPoll(ctx: CommandContext, input: { roomId: string } & z.output<typeof pollCreate>): Promise<Poll> {
  const { database, actor, now } = ctx;
  const room = await loadRoom(database.db, actor, input.roomId, now);
  authorize(roomPolicy, 'manage', actor, room);
  if (room.phase !== 'open' && room.phase !== 'upcoming') throw AppError.invalidState('议政室已结束，不能再发起投票');
  if (new Set(input.options).size !== input.options.length) throw AppError.field('options', '选项', '选项不能重复');
  const maxChoices = input.kind === 'multiple' ? input.maxChoices ?? null : null;
  if (maxChoices !== null && maxChoices > input.options.length) throw AppError.field('maxChoices', '最多可选', '不能多于选项数');
  return inTransaction(database, async ({ tx }) => {
    const [{ n }] = await tx.select({ n: count() }).from(consultationRoomPolls).where(eq(consultationRoomPolls.roomId, room.id));
    const [row] = await tx.insert(consultationRoomPolls).values({ committeeId: room.committeeId, roomId: room.id, question: input.question, kind: input.kind, options: input.options, maxChoices, position: n + 1 }).returning();
    await audit(tx, actor, { action: 'consultationRoom.addPoll', subjectType: 'consultationRoom', subjectId: room.id, after: row, note: row.question });
    return row;
  });
}

/** Why a ballot does not fit its poll, or null: one option; some (up to the limit); or every option once, in order. */
export function ballotProblem(poll: Pick<Poll, 'kind' | 'options' | 'maxChoices'>, choices: number[]): string | null {
  if (choices.some((c) => c >= poll.options.length)) return '选项不存在';
  if (new Set(choices).size !== choices.length) return '同一选项只能选一次';
  if (poll.kind === 'single' && choices.length !== 1) return '单选题只能选一项';
  if (poll.kind === 'multiple' && poll.maxChoices !== null && choices.length > poll.maxChoices) return `最多可选${poll.maxChoices}项`;
  if (poll.kind === 'ranking' && choices.length !== poll.options.length) return '请为全部选项排序';
  return null;
}

/** 投票: one ballot per member and poll, replaced when the member votes again while the room is open. */
export async function castBallot(ctx: CommandContext, input: { pollId: string } & z.output<typeof ballotInput>) {
  const { database, actor, now } = ctx;
  const { poll, room } = await loadPoll(database.db, actor, input.pollId, now);
  assertOpen(room);
  authorize(roomPolicy, 'vote', actor, room);
  const problem = ballotProblem(poll, input.choices);
  if (problem) throw AppError.field('choices', '选择', problem);
  return inTransaction(database, async ({ tx }) => {
    const [row] = await tx
      .insert(consultationRoomBallots)
      .values({ committeeId: poll.committeeId, pollId: poll.id, memberId: actor.memberId!, choices: input.choices })
      .onConflictDoUpdate({ target: [consultationRoomBallots.pollId, consultationRoomBallots.memberId], set: { choices: input.choices, updatedAt: now } })
      .returning();
    await audit(tx, actor, { action: 'consultationRoom.vote', subjectType: 'consultationRoom', subjectId: room.id, note: poll.question });
    return { ...row, roomId: room.id };
  });
}
