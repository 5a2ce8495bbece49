import { eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';
import { authorize, readableIds } from '../../platform/policy/policy.js';
import { postPolicy, roomPolicy, type PostSubject, type RoomSubject } from './room-policy.js';
import { phaseOf } from './room-workflow.js';
import { consultationRoomPolls, consultationRoomPosts, consultationRooms } from './schema.js';

export const roomLink = (id: string) => `/consultation/rooms/${id}`;

/** A room the actor may read (else not found), with its phase by the app's clock. */
export async function loadRoom(db: Executor, actor: Actor, id: string, now: Date): Promise<RoomSubject> {
  const [row] = await db.select().from(consultationRooms).where(eq(consultationRooms.id, id));
  if (!row) throw AppError.notFound(roomPolicy.label);
  const room = { ...row, phase: phaseOf(row, now) };
  authorize(roomPolicy, 'read', actor, room);
  return room;
}

/** A post the actor may read, in a room they may read, with the room. */
export async function loadPost(db: Executor, actor: Actor, id: string, now: Date): Promise<{ post: PostSubject; room: RoomSubject }> {
  const [row] = await db.select().from(consultationRoomPosts).where(eq(consultationRoomPosts.id, id));
  if (!row || row.committeeId !== actor.committeeId) throw AppError.notFound(postPolicy.label);
  // a post of a room the actor may not read is one that does not exist (its own words, not the room's)
  const room = await loadRoom(db, actor, row.roomId, now).catch(() => {
    throw AppError.notFound(postPolicy.label);
  });
  const post = { ...row, phase: room.phase };
  authorize(postPolicy, 'read', actor, post);
  return { post, room };
}

/** A poll of a room the actor may read, with the room. */
export async function loadPoll(db: Executor, actor: Actor, id: string, now: Date) {
  const [poll] = await db.select().from(consultationRoomPolls).where(eq(consultationRoomPolls.id, id));
  if (!poll || poll.committeeId !== actor.committeeId) throw AppError.notFound('议政投票');
  const room = await loadRoom(db, actor, poll.roomId, now).catch(() => {
    throw AppError.notFound('议政投票');
  });
  return { poll, room };
}

/** Writes need an open room: a room not yet open, over or summarised is read-only (409). */
export function assertOpen(room: RoomSubject) {
  if (room.phase === 'upcoming') throw AppError.invalidState('议政室尚未开放，请在开始时间后再发言或投票');
  if (room.phase !== 'open') throw AppError.invalidState('议政室已结束，只能查看，不能再发言、支持或投票');
}

/** Of the posts asked, those the viewer may open (a member record's ledger sources). */
export async function readablePostIds(db: Executor, viewer: Actor, ids: string[]): Promise<Set<string>> {
  const rows = await db.select().from(consultationRoomPosts).where(inArray(consultationRoomPosts.id, ids));
  return readableIds(postPolicy, viewer, rows.map((p) => ({ ...p, phase: 'closed' as const })));
}
