import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../platform/auth/actor.js';
import { allowedActions, can } from '../../platform/policy/policy.js';
import { availableActions } from '../../platform/workflow/workflow.js';
import type { Presented } from '../../../shared/http/responses.js';
import { pollKinds, postStates, roomPhases, type PollKind, type PostState } from '../../../shared/consultation/labels.js';
import type { portalRoom, roomDetail, roomPoll, roomPost, roomRow } from '../../../shared/consultation/room-responses.js';
import { supportsOf } from './commands/room-posts.js';
import { pollResultOf } from './poll-result.js';
import { postPolicy, roomPolicy, type RoomSubject } from './room-policy.js';
import { postWorkflow, roomWorkflow, type RoomPost } from './room-workflow.js';
import { consultationRoomBallots, consultationRoomPolls, consultationRoomPosts, consultations } from './schema.js';

/** The buttons of a room: its steps (the office) and what the person may do in it now. */
const roomActions = (actor: Actor, r: RoomSubject) => [
  ...(r.phase === 'summarized' ? [] : availableActions(roomWorkflow, actor, r)),
  ...allowedActions(roomPolicy, actor, r).filter((a) => a !== 'read'),
];

/** Rooms as rows: published posts counted for all, held ones for the office. */
export async function presentRooms(db: Executor, actor: Actor, rooms: RoomSubject[]): Promise<Presented<typeof roomRow>[]> {
  if (!rooms.length) return [];
  const ids = rooms.map((r) => r.id);
  const [titles, counts] = await Promise.all([
    db.select({ id: consultations.id, title: consultations.title }).from(consultations).where(inArray(consultations.id, [...new Set(rooms.map((r) => r.consultationId))])),
    db.select({ roomId: consultationRoomPosts.roomId, status: consultationRoomPosts.status, n: count() }).from(consultationRoomPosts).where(inArray(consultationRoomPosts.roomId, ids)).groupBy(consultationRoomPosts.roomId, consultationRoomPosts.status),
  ]);
  const n = (roomId: string, status: string) => counts.find((c) => c.roomId === roomId && c.status === status)?.n ?? 0;
  return rooms.map((r) => ({
    id: r.id, version: r.version, consultationId: r.consultationId, consultationTitle: titles.find((t) => t.id === r.consultationId)?.title ?? '',
    title: r.title, intro: r.intro, opensAt: r.opensAt, closesAt: r.closesAt, publicAccess: r.publicAccess, status: r.status, phase: r.phase, phaseLabel: roomPhases[r.phase],
    postCount: n(r.id, 'published'), pendingCount: can(roomPolicy, 'manage', actor, r) ? n(r.id, 'pending') : 0, actions: roomActions(actor, r),
  }));
}

/**
 * A room's page: its posts as this person may read them (published ones; their own held, rejected
 * or hidden ones with the reason; everything for the office), supports, polls with their results and
 * this member's ballot, and the office's moderation queue.
 */
export async function presentRoom(db: Executor, actor: Actor, room: RoomSubject, memberModeration: string): Promise<Presented<typeof roomDetail>> {
  const [[row], posts, supports, polls] = await Promise.all([
    presentRooms(db, actor, [room]),
    db.select().from(consultationRoomPosts).where(eq(consultationRoomPosts.roomId, room.id)).orderBy(asc(consultationRoomPosts.createdAt)),
    supportsOf(db, room.id),
    db.select().from(consultationRoomPolls).where(eq(consultationRoomPolls.roomId, room.id)).orderBy(asc(consultationRoomPolls.position)),
  ]);
  const ballots = polls.length ? await db.select().from(consultationRoomBallots).where(inArray(consultationRoomBallots.pollId, polls.map((p) => p.id))) : [];
  const office = can(roomPolicy, 'manage', actor, room);
  const present = (p: RoomPost): Presented<typeof roomPost> => {
    const subject = { ...p, phase: room.phase };
    const mine = p.authorMemberId !== null && p.authorMemberId === actor.memberId;
    return {
      id: p.id, version: p.version, parentId: p.parentId, authorKind: p.authorKind, authorName: p.authorName, body: p.body,
      status: p.status, statusLabel: postStates[p.status as PostState] ?? p.status, reason: office || mine ? p.reason : null,
      supportCount: supports.filter((s) => s.postId === p.id).length, supportedByMe: supports.some((s) => s.postId === p.id && s.memberId === actor.memberId), mine,
      createdAt: p.createdAt,
      actions: [...(office ? availableActions(postWorkflow, actor, p) : []), ...allowedActions(postPolicy, actor, subject).filter((a) => a !== 'read')],
    };
  };
  const readable = posts.filter((p) => can(postPolicy, 'read', actor, { ...p, phase: room.phase }));
  return {
    ...row!,
    summary: room.summary, summarizedOn: room.summarizedOn,
    posts: readable.filter((p) => !p.parentId).map((p) => ({ ...present(p), replies: readable.filter((r) => r.parentId === p.id).map(present) })),
    moderation: office ? posts.filter((p) => p.status === 'pending').map(present) : [],
    polls: polls.map((p): Presented<typeof roomPoll> => {
      const mine = ballots.find((b) => b.pollId === p.id && b.memberId === actor.memberId);
      return {
        id: p.id, question: p.question, kind: p.kind, kindLabel: pollKinds[p.kind as PollKind] ?? p.kind, options: p.options, maxChoices: p.maxChoices,
        myChoices: mine?.choices ?? null, result: pollResultOf(p, ballots.filter((b) => b.pollId === p.id)),
        actions: can(roomPolicy, 'vote', actor, room) ? ['vote'] : [],
      };
    }),
    memberModeration,
  };
}

/** What the portal shows: approved posts and replies under the names they were posted with, poll results, the summary. */
export async function presentPortalRoom(db: Executor, room: RoomSubject): Promise<Presented<typeof portalRoom>> {
  const [[c], posts, supports, polls] = await Promise.all([
    db.select({ title: consultations.title }).from(consultations).where(eq(consultations.id, room.consultationId)),
    db.select().from(consultationRoomPosts).where(and(eq(consultationRoomPosts.roomId, room.id), eq(consultationRoomPosts.status, 'published'))).orderBy(asc(consultationRoomPosts.createdAt)),
    supportsOf(db, room.id),
    db.select().from(consultationRoomPolls).where(eq(consultationRoomPolls.roomId, room.id)).orderBy(asc(consultationRoomPolls.position)),
  ]);
  const ballots = polls.length ? await db.select({ pollId: consultationRoomBallots.pollId, choices: consultationRoomBallots.choices }).from(consultationRoomBallots).where(inArray(consultationRoomBallots.pollId, polls.map((p) => p.id))) : [];
  const brief = (p: RoomPost) => ({ id: p.id, authorName: p.authorName, body: p.body, createdAt: p.createdAt });
  return {
    id: room.id, title: room.title, intro: room.intro, consultationTitle: c?.title ?? '', opensAt: room.opensAt, closesAt: room.closesAt,
    phase: room.phase, phaseLabel: roomPhases[room.phase], summary: room.summary,
    posts: posts.filter((p) => !p.parentId).map((p) => ({ ...brief(p), supportCount: supports.filter((s) => s.postId === p.id).length, replies: posts.filter((r) => r.parentId === p.id).map(brief) })),
    polls: polls.map((p) => ({ question: p.question, kindLabel: pollKinds[p.kind as PollKind] ?? p.kind, result: pollResultOf(p, ballots.filter((b) => b.pollId === p.id)) })),
  };
}
