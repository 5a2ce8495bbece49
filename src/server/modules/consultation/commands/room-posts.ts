import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Database, Executor } from '../../../db/client.js';
import type { CommandContext } from '../../../platform/commands/context.js';
import { systemActor } from '../../../platform/auth/actor.js';
import { audit } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/errors.js';
import { inTransaction } from '../../../platform/jobs/after-commit.js';
import { recordLedger, voidLedger } from '../../../platform/ledger/ledger.js';
import { officeUserIds } from '../../../platform/handling/assignments.js';
import { notify } from '../../../platform/notifications/notify.js';
import { authorize } from '../../../platform/policy/policy.js';
import { getSettings } from '../../../platform/settings/settings.js';
import { applyTransition } from '../../../platform/workflow/apply.js';
import { chinaToday } from '../../../platform/calendar/workdays.js';
import { members } from '../../members/schema.js';
import type { PostDecision, portalRoomPost, postActionBodies, postCreate } from '../../../../shared/consultation/room-inputs.js';
import { assertOpen, loadPost, loadRoom, roomLink } from '../room-load.js';
import { postPolicy, roomPolicy, type RoomSubject } from '../room-policy.js';
import { phaseOf, postWorkflow, type RoomPost } from '../room-workflow.js';
import { consultationRoomPosts, consultationRooms, consultationRoomSupports } from '../schema.js';
import { consultationSettings } from '../settings.js';

/** The ledger kind of a member's published room post (网络议政发言), counted by the presets. */
export const roomPostKind = 'consultation.roomPost';

const credit = (tx: Executor, p: RoomPost, room: { title: string }, day: string) =>
  p.authorMemberId ? recordLedger(tx, [{ committeeId: p.committeeId, memberId: p.authorMemberId, kind: roomPostKind, day, sourceType: 'consultationRoomPost', sourceId: p.id, note: room.title }]) : Promise.resolve();

/** A reply answers a published top-level post of the same room (one level deep). */
async function checkParent(db: Executor, roomId: string, parentId: string | undefined) {
  if (!parentId) return;
  const [parent] = await db.select().from(consultationRoomPosts).where(eq(consultationRoomPosts.id, parentId));
  if (!parent || parent.roomId !== roomId || parent.status !== 'published') throw AppError.field('parentId', '回复的发言', '不存在或尚未发布');
  if (parent.parentId) throw AppError.field('parentId', '回复的发言', '只能回复主帖');
}

const notifyModerators = async (tx: Executor, room: { committeeId: string; id: string; title: string }, who: string) =>
  notify(tx, { committeeId: room.committeeId, userIds: await officeUserIds(tx, room.committeeId, 'general'), title: `网络议政待审核：${who}在「${room.title}」的发言`, body: '', link: roomLink(room.id) });

/**
 * 委员发言或回复 while the room is open. Shown at once (先发后审) and counted in the member's ledger,
 * or held for the office first (先审后发) when the committee sets it; counted when published.
 */
export async function postInRoom(ctx: CommandContext, input: { roomId: string } & z.output<typeof postCreate>): Promise<RoomPost> {
  const { database, actor, now, today } = ctx;
  const room = await loadRoom(database.db, actor, input.roomId, now);
  assertOpen(room);
  authorize(roomPolicy, 'post', actor, room);
  await checkParent(database.db, room.id, input.parentId);
  const { roomMemberModeration } = await getSettings(database.db, consultationSettings, room.committeeId, room.year);
  const status = roomMemberModeration === 'reviewFirst' ? 'pending' : 'published';
  const [me] = await database.db.select({ name: members.name }).from(members).where(eq(members.id, actor.memberId!));
  return inTransaction(database, async ({ tx }) => {
    const [row] = await tx
      .insert(consultationRoomPosts)
      .values({ committeeId: room.committeeId, roomId: room.id, parentId: input.parentId ?? null, authorKind: 'member', authorMemberId: actor.memberId, authorUserId: actor.userId, authorName: me?.name ?? actor.name, body: input.body, status })
      .returning();
    await audit(tx, actor, { action: 'consultationRoomPost.create', subjectType: 'consultationRoomPost', subjectId: row.id, after: { roomId: room.id, parentId: row.parentId, status } });
    if (status === 'published') await credit(tx, row, room, today);
    else await notifyModerators(tx, room, row.authorName);
    return row;
  });
}

/**
 * 网友发言 through the portal (the caller has passed the challenge and the per-address ceiling): only in
 * a room opened to the public while it is open, always held for the office, shown under a nickname.
 */
export async function postFromPublic(database: Database, input: { roomId: string; committeeId: string; now: Date } & Omit<z.output<typeof portalRoomPost>, 'challengeId' | 'challengeAnswer'>): Promise<RoomPost> {
  const [row] = await database.db.select().from(consultationRooms).where(eq(consultationRooms.id, input.roomId));
  if (!row || row.committeeId !== input.committeeId || !row.publicAccess) throw AppError.notFound('网络议政室');
  const room: RoomSubject = { ...row, phase: phaseOf(row, input.now) };
  assertOpen(room);
  await checkParent(database.db, room.id, input.parentId);
  const authorName = `网友「${input.nickname}」`;
  const portal = { ...systemActor(room.committeeId), name: authorName, roles: [] };
  return inTransaction(database, async ({ tx }) => {
    const [post] = await tx
      .insert(consultationRoomPosts)
      .values({ committeeId: room.committeeId, roomId: room.id, parentId: input.parentId ?? null, authorKind: 'public', authorName, body: input.body, status: 'pending' })
      .returning();
    await audit(tx, portal, { action: 'consultationRoomPost.createPublic', subjectType: 'consultationRoomPost', subjectId: post.id, after: { roomId: room.id, parentId: post.parentId } });
    await notifyModerators(tx, room, authorName);
    return post;
  });
}

/** 支持: once per member and post (a second time is refused), on others' published posts while the room is open. */
export async function supportPost(ctx: CommandContext, input: { id: string }) {
  const { database, actor, now } = ctx;
  const { post, room } = await loadPost(database.db, actor, input.id, now);
  assertOpen(room);
  authorize(postPolicy, 'support', actor, post);
  return inTransaction(database, async ({ tx }) => {
    const [row] = await tx.insert(consultationRoomSupports).values({ committeeId: post.committeeId, postId: post.id, memberId: actor.memberId! }).onConflictDoNothing().returning();
    if (!row) throw AppError.invalidState('您已经支持过这条发言');
    await audit(tx, actor, { action: 'consultationRoomPost.support', subjectType: 'consultationRoomPost', subjectId: post.id });
    return { ...row, roomId: room.id };
  });
}

type Payload = z.output<(typeof postActionBodies)[PostDecision]>;

/**
 * Moderation by the office: publish a held post (the member's ledger entry is written then), reject
 * it, or hide a published one (its entry is voided). Allowed after the room closed too: the record
 * of what was said is kept right.
 */
export async function moderatePost(ctx: CommandContext, input: { id: string; action: PostDecision; body: Payload }): Promise<RoomPost> {
  const { database, actor, now } = ctx;
  const { post, room } = await loadPost(database.db, actor, input.id, now);
  authorize(roomPolicy, 'manage', actor, room);
  const reason = 'reason' in input.body ? input.body.reason : undefined;
  return applyTransition(database, {
    workflow: postWorkflow, table: consultationRoomPosts, id: post.id, action: input.action, actor, version: input.body.version, label: postPolicy.label, note: reason,
    patch: () => (reason ? { reason } : {}),
    alsoDo: async (p, _before, { tx }) => {
      if (input.action === 'approve') await credit(tx, p, room, chinaToday(now));
      if (input.action === 'hide') await voidLedger(tx, { sourceType: 'consultationRoomPost', sourceId: p.id, kind: roomPostKind, at: now });
      if (p.authorUserId && input.action !== 'approve') await notify(tx, { committeeId: p.committeeId, userIds: [p.authorUserId], title: `您在「${room.title}」的发言${input.action === 'hide' ? '已被隐藏' : '未予发布'}`, body: reason ?? '', link: roomLink(room.id) });
    },
  });
}

/** The supports of a room's posts: how many each has and whether this member gave one. */
export async function supportsOf(db: Executor, roomId: string) {
  return db
    .select({ postId: consultationRoomSupports.postId, memberId: consultationRoomSupports.memberId })
    .from(consultationRoomSupports)
    .innerJoin(consultationRoomPosts, and(eq(consultationRoomPosts.id, consultationRoomSupports.postId), eq(consultationRoomPosts.roomId, roomId)));
}
