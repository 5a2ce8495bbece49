import { z } from 'zod';
import { handlingRoles, keysOf, ratingLabels } from '../handling/labels.js';
import { suggestionScopes, supervisionActivityKinds, topicSources } from './labels.js';

/** What the web sends about 民主监督; the server validates every request with the same schemas. */

const version = z.number().int().min(1).describe('版本');
const text = (label: string, min = 2, max = 2000) => z.string().trim().min(min).max(max).describe(label);
const year = z.number().int().min(2000).max(2100).describe('年度');

export const groupInput = z.object({
  name: text('小组名称', 2, 40),
  term: text('届次', 2, 20),
  leaderMemberId: z.uuid().describe('组长'),
  memberIds: z.array(z.uuid().describe('组员')).max(40).default([]).describe('组员'),
  unitIds: z.array(z.uuid().describe('监督单位')).min(1).max(60).describe('监督单位'),
  description: z.string().trim().max(1000).nullish().describe('工作说明'),
});
export const groupPatch = groupInput.partial().extend({ version });

/** 特约监督员: not members; named by the committee for the term, optionally attached to a group. */
export const supervisorInput = z.object({
  name: text('姓名', 2, 20),
  workplace: text('工作单位及职务', 2, 80),
  phone: z.string().trim().regex(/^[0-9+\- ]{5,20}$/).nullish().describe('联系电话'),
  groupId: z.uuid().nullish().describe('所在小组'),
  term: text('届次', 2, 20),
});
export const supervisorPatch = supervisorInput.partial().extend({ version });

export const topicInput = z.object({
  year,
  title: text('议题名称', 4, 100),
  source: z.enum(keysOf(topicSources)).describe('议题来源'),
  description: z.string().trim().max(3000).nullish().describe('议题说明'),
  groupId: z.uuid().nullish().describe('承担小组'),
  /** the proposals a topic raised from proposals came from */
  sourceProposalIds: z.array(z.uuid().describe('来源提案')).max(200).default([]).describe('来源提案'),
});

export const suggestionDraft = z.object({
  groupId: z.uuid().describe('监督小组'),
  topicId: z.uuid().nullish().describe('监督议题'),
  title: text('标题', 4, 100),
  /** what the group found (发现的问题) */
  findings: text('发现的问题', 10, 10000),
  /** what it asks the units to do (意见建议) */
  recommendations: text('意见建议', 10, 10000),
});
export const suggestionPatch = suggestionDraft.partial().extend({ version });

/** Payload of each workflow action (POST /api/supervision/suggestions/:id/actions/:action). */
export const suggestionActionBodies = {
  submit: z.object({ version }),
  return: z.object({ version, note: text('退回意见') }),
  approve: z.object({ version, signedByName: text('签发人', 2, 40) }),
  complete: z.object({ version, note: z.string().trim().max(1000).optional().describe('办结说明') }),
} as const;
export type SuggestionDecision = keyof typeof suggestionActionBodies;
export const suggestionActionParams = z.object({
  id: z.uuid().describe('建议编号'),
  action: z.enum(Object.keys(suggestionActionBodies) as [SuggestionDecision, ...SuggestionDecision[]]).describe('操作'),
});

export const assignBody = z.object({
  version,
  assignments: z.array(z.object({ unitId: z.uuid().describe('被监督单位'), role: z.enum(keysOf(handlingRoles)).describe('交办方式') })).min(1).max(10).describe('被监督单位'),
});

/** The group's rating of the units' replies (the leader, or the office on the group's behalf). */
export const rateBody = z.object({
  version,
  attitude: z.enum(keysOf(ratingLabels)).describe('办理态度'),
  result: z.enum(keysOf(ratingLabels)).describe('办理结果'),
  comment: z.string().trim().max(1000).nullish().describe('评价意见'),
});

export const followUpBody = z.object({ version, on: z.iso.date().describe('跟踪日期'), text: text('跟踪落实情况', 4, 3000) });

/**
 * A supervision activity (视察、调研、座谈) of a group: scheduled through the activity primitive,
 * inviting the group's members; held for one of the group's topics, or for the group's units at large.
 */
export const activityBody = z.object({
  kind: z.enum(keysOf(supervisionActivityKinds)).describe('活动形式'),
  title: text('活动名称', 4, 100),
  place: text('活动地点', 2, 100),
  startsAt: z.coerce.date().describe('开始时间'),
  endsAt: z.coerce.date().describe('结束时间'),
  agenda: z.string().trim().max(2000).optional().describe('活动安排'),
  topicId: z.uuid().nullish().describe('监督议题'),
});

/** The register's export: a year's topics and suggestions with their units, deadlines, replies and ratings. */
export const registerQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional().describe('年度') });

export const idParams = z.object({ id: z.uuid().describe('编号') });
export const yearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional().describe('年度') });
export const suggestionQuery = z.object({
  scope: z.enum(suggestionScopes).default('all').describe('范围'),
  status: z.string().max(20).optional().describe('状态'),
  year: z.coerce.number().int().min(2000).max(2100).optional().describe('年度'),
  groupId: z.uuid().optional().describe('监督小组'),
  /** sent to this unit (a live assignment of any round) */
  unitId: z.uuid().optional().describe('被监督单位'),
  /** the group's rating of the latest round */
  rating: z.enum(keysOf(ratingLabels)).optional().describe('评价结果'),
});
