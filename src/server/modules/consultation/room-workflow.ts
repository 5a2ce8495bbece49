import { defineWorkflow } from '../../platform/workflow/workflow.js';
import { postStates, roomStates, type PostState, type RoomPhase, type RoomState } from '../../../shared/consultation/labels.js';
import type { consultationRoomPosts, consultationRooms } from './schema.js';
import { officeOnly } from './workflow.js';

export type Room = typeof consultationRooms.$inferSelect;
export type RoomPost = typeof consultationRoomPosts.$inferSelect;
export type RoomAction = 'close' | 'reopen' | 'summarize';
export type PostAction = 'approve' | 'reject' | 'hide';

/**
 * A room's stored state read against the app's clock: open rooms are `upcoming` before `opensAt`
 * and `closed` from `closesAt` on. Only an `open` room takes posts, replies, support and ballots.
 */
export function phaseOf(room: Pick<Room, 'status' | 'opensAt' | 'closesAt'>, now: Date): RoomPhase {
  if (room.status !== 'open') return room.status as RoomPhase;
  if (now < room.opensAt) return 'upcoming';
  return now < room.closesAt ? 'open' : 'closed';
}

/**
 * The office closes a room early or reopens it (with a new end), and summarises it: the summary
 * is the room's outcome and the room stays read-only after it.
 */
export const roomWorkflow = defineWorkflow<RoomState, RoomAction, Room>({
  name: 'consultationRoom',
  stateLabels: roomStates,
  transitions: [
    { action: 'close', label: '结束议政', from: ['open'], to: 'closed', roles: ['staff', 'admin'], guard: officeOnly },
    { action: 'reopen', label: '重新开放', from: ['closed'], to: 'open', roles: ['staff', 'admin'], guard: officeOnly },
    { action: 'summarize', label: '形成议政综述', from: ['open', 'closed'], to: 'summarized', roles: ['staff', 'admin'], guard: officeOnly },
  ],
});

/** Moderation: a held post is published or rejected; a published one is hidden with a reason. */
export const postWorkflow = defineWorkflow<PostState, PostAction, RoomPost>({
  name: 'consultationRoomPost',
  stateLabels: postStates,
  transitions: [
    { action: 'approve', label: '审核通过', from: ['pending'], to: 'published', roles: ['staff', 'admin'], guard: officeOnly },
    { action: 'reject', label: '不予发布', from: ['pending'], to: 'rejected', roles: ['staff', 'admin'], guard: officeOnly },
    { action: 'hide', label: '隐藏', from: ['published'], to: 'hidden', roles: ['staff', 'admin'], guard: officeOnly },
  ],
});
