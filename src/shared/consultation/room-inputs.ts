import { z } from 'zod';
import { keysOf } from '../handling/labels.js';
import { challengeAnswer } from '../requests/inputs.js';
import { pollKinds } from './labels.js';

/** What the web and the portal send about 网络议政室 (online consultation rooms). */

const version = z.number().int().min(1).describe('版本');
const text = (label: string, min: number, max: number) => z.string().trim().min(min).max(max).describe(label);
const instant = z.coerce.date().describe('时间');

export const roomParams = z.object({ id: z.uuid().describe('议政室') });
export const postParams = z.object({ id: z.uuid().describe('发言') });
export const pollParams = z.object({ id: z.uuid().describe('投票') });
export const roomQuery = z.object({ consultationId: z.uuid().optional().describe('协商活动') });

/** The office opens a room on one consultation for a set time. */
export const roomCreate = z.object({
  consultationId: z.uuid().describe('协商活动'),
  title: text('议政主题', 4, 60),
  intro: text('议政说明', 10, 2000),
  opensAt: instant.describe('开始时间'),
  closesAt: instant.describe('结束时间'),
  publicAccess: z.boolean().default(false).describe('向社会公众开放'),
});

/** Payload of each room step: reopening names the new end, the summary is the room's outcome. */
export const roomActionBodies = {
  close: z.object({ version }),
  reopen: z.object({ version, closesAt: instant.describe('结束时间') }),
  summarize: z.object({ version, summary: text('议政综述', 20, 10000) }),
} as const;
export type RoomDecision = keyof typeof roomActionBodies;
export const roomActionParams = z.object({
  id: z.uuid().describe('议政室'),
  action: z.enum(Object.keys(roomActionBodies) as [RoomDecision, ...RoomDecision[]]).describe('操作'),
});

/** A member's post, or a reply when `parentId` names a post of the room. */
export const postCreate = z.object({
  body: text('发言内容', 2, 2000),
  parentId: z.uuid().optional().describe('回复的发言'),
});

/** Moderation: publishing a held post; rejecting or hiding says why. */
export const postActionBodies = {
  approve: z.object({ version }),
  reject: z.object({ version, reason: text('不予发布理由', 2, 200) }),
  hide: z.object({ version, reason: text('隐藏理由', 2, 200) }),
} as const;
export type PostDecision = keyof typeof postActionBodies;
export const postActionParams = z.object({
  id: z.uuid().describe('发言'),
  action: z.enum(Object.keys(postActionBodies) as [PostDecision, ...PostDecision[]]).describe('操作'),
});

export const pollCreate = z.object({
  question: text('投票题目', 4, 100),
  kind: z.enum(keysOf(pollKinds)).describe('投票方式'),
  options: z.array(text('选项', 1, 60)).min(2).max(10).describe('选项'),
  maxChoices: z.number().int().min(1).max(10).nullish().describe('最多可选'),
});

/** A ballot: option indexes (0-based); a ranking lists every option once, first choice first. */
export const ballotInput = z.object({ choices: z.array(z.number().int().min(0).max(9).describe('选项')).min(1).max(10).describe('选择') });

/** A post from the public through the portal: a nickname, never a real name or phone; held for moderation. */
export const portalRoomPost = z.object({
  nickname: text('昵称', 1, 20),
  body: text('发言内容', 5, 1000),
  parentId: z.uuid().optional().describe('回复的发言'),
  ...challengeAnswer,
});
export const portalRoomsQuery = z.object({ committeeId: z.uuid().describe('政协') });
