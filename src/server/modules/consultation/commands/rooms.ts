import type { z } from 'zod';
import type { CommandContext } from '../../../platform/commands/context.js';
import { audit } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/errors.js';
import { inTransaction } from '../../../platform/jobs/after-commit.js';
import { authorize, can, committeeSubject } from '../../../platform/policy/policy.js';
import { applyTransition } from '../../../platform/workflow/apply.js';
import type { roomActionBodies, roomCreate, RoomDecision } from '../../../../shared/consultation/room-inputs.js';
import { loadConsultation } from '../load.js';
import { notifyParticipants } from '../notices.js';
import { loadRoom } from '../room-load.js';
import { roomCollectionPolicy, roomPolicy } from '../room-policy.js';
import { roomWorkflow, type Room } from '../room-workflow.js';
import { consultationRooms } from '../schema.js';

/**
 * 开设网络议政室: the office opens a room on a consultation of an approved plan (not one already
 * done), for a set time; the members taking part are told.
 */
export async function openRoom(ctx: CommandContext, input: z.output<typeof roomCreate>): Promise<Room> {
  const { database, actor } = ctx;
  if (!can(roomCollectionPolicy, 'create', actor, committeeSubject(actor))) throw AppError.forbidden('只有办公室工作人员可以开设网络议政室');
  const c = await loadConsultation(database.db, actor, input.consultationId).catch(() => {
    throw AppError.field('consultationId', '协商活动', '不存在');
  });
  if (c.planStatus !== 'approved' && c.status === 'planned') throw AppError.field('consultationId', '协商活动', '所属年度协商计划尚未批准');
  if (c.status === 'done') throw AppError.field('consultationId', '协商活动', '该协商已办结，不能再开设议政室');
  if (input.closesAt <= input.opensAt) throw AppError.field('closesAt', '结束时间', '须晚于开始时间');
  if (input.closesAt <= ctx.now) throw AppError.field('closesAt', '结束时间', '须晚于现在');
  return inTransaction(database, async ({ tx }) => {
    const [row] = await tx
      .insert(consultationRooms)
      .values({ committeeId: actor.committeeId, consultationId: c.id, year: c.year, title: input.title, intro: input.intro, opensAt: input.opensAt, closesAt: input.closesAt, publicAccess: input.publicAccess, createdByUserId: actor.userId })
      .returning();
    await audit(tx, actor, { action: 'consultationRoom.create', subjectType: 'consultationRoom', subjectId: row.id, after: row });
    await notifyParticipants(tx, c.committeeId, c.id, `网络议政室已开设：${row.title}`, '欢迎在议政室发言、投票');
    return row;
  });
}

type Payload = z.output<(typeof roomActionBodies)[RoomDecision]>;

/** 结束议政、重新开放（新的结束时间）、形成议政综述 (the room's outcome; read-only from then on). */
export async function decideRoom(ctx: CommandContext, input: { id: string; action: RoomDecision; body: Payload }): Promise<Room> {
  const { database, actor, now, today } = ctx;
  const room = await loadRoom(database.db, actor, input.id, now);
  authorize(roomPolicy, 'manage', actor, room);
  const { body } = input;
  if ('closesAt' in body && body.closesAt <= now) throw AppError.field('closesAt', '结束时间', '须晚于现在');
  return applyTransition(database, {
    workflow: roomWorkflow, table: consultationRooms, id: room.id, action: input.action, actor, version: body.version, label: roomPolicy.label,
    patch: () => ('closesAt' in body ? { closesAt: body.closesAt } : 'summary' in body ? { summary: body.summary, summarizedOn: today } : {}),
  });
}

