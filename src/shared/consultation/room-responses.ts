import { z } from 'zod';
import { instant, itemsOf, listOf, type Wire } from '../http/responses.js';

/** What the server answers about 网络议政室; the room presenter is typed against these schemas. */

export const roomRow = z.object({
  id: z.string(),
  version: z.number(),
  consultationId: z.string(),
  consultationTitle: z.string(),
  title: z.string(),
  intro: z.string(),
  opensAt: instant,
  closesAt: instant,
  publicAccess: z.boolean(),
  status: z.string(),
  /** the state read against the app's clock: upcoming | open | closed | summarized */
  phase: z.string(),
  phaseLabel: z.string(),
  postCount: z.number(),
  /** posts waiting for the office (counted only for the office) */
  pendingCount: z.number(),
  actions: z.array(z.string()),
});
export type RoomRow = Wire<typeof roomRow>;

export const roomPost = z.object({
  id: z.string(),
  version: z.number(),
  parentId: z.string().nullable(),
  authorKind: z.string(),
  authorName: z.string(),
  body: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  /** why it was rejected or hidden: to the author and the office only */
  reason: z.string().nullable(),
  supportCount: z.number(),
  supportedByMe: z.boolean(),
  mine: z.boolean(),
  createdAt: instant,
  actions: z.array(z.string()),
});
export type RoomPost = Wire<typeof roomPost>;

/** A poll's result: every part's value and their sum (votes, selections or ranking points). */
export const pollResult = z.object({
  unit: z.string(),
  total: z.number(),
  voters: z.number(),
  parts: z.array(z.object({ option: z.string(), value: z.number() })),
});

export const roomPoll = z.object({
  id: z.string(),
  question: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  options: z.array(z.string()),
  maxChoices: z.number().nullable(),
  /** this member's ballot, option indexes */
  myChoices: z.array(z.number()).nullable(),
  result: pollResult,
  actions: z.array(z.string()),
});
export type RoomPoll = Wire<typeof roomPoll>;

export const roomDetail = roomRow.extend({
  summary: z.string().nullable(),
  summarizedOn: z.string().nullable(),
  /** top-level posts with their replies, oldest first */
  posts: z.array(roomPost.extend({ replies: z.array(roomPost) })),
  /** the office's moderation queue: every post waiting, oldest first */
  moderation: z.array(roomPost),
  polls: z.array(roomPoll),
  /** members' posts: 先发后审 (publishFirst) or 先审后发 (reviewFirst) */
  memberModeration: z.string(),
});
export type RoomDetail = Wire<typeof roomDetail>;

/** What the portal shows of a room opened to the public: approved posts only, no member or person id. */
export const portalRoom = z.object({
  id: z.string(),
  title: z.string(),
  intro: z.string(),
  consultationTitle: z.string(),
  opensAt: instant,
  closesAt: instant,
  phase: z.string(),
  phaseLabel: z.string(),
  summary: z.string().nullable(),
  posts: z.array(z.object({ id: z.string(), authorName: z.string(), body: z.string(), supportCount: z.number(), createdAt: instant, replies: z.array(z.object({ id: z.string(), authorName: z.string(), body: z.string(), createdAt: instant })) })),
  polls: z.array(z.object({ question: z.string(), kindLabel: z.string(), result: pollResult })),
});
export type PortalRoom = Wire<typeof portalRoom>;

/** 网络议政室列表 (the rows and 'create'), and the rooms open to the public on the portal. */
export const roomList = listOf(roomRow);
export const portalRooms = itemsOf(portalRoom);
