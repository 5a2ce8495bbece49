import { z } from 'zod';
import { keysOf } from '../handling/labels.js';
import { councilItemStates, councilParties } from './council-labels.js';

/** What the web sends about 基层协商 (grassroots councils); every field is named in Chinese. */

const version = z.number().int().min(1).describe('版本');
const text = (label: string, min: number, max: number) => z.string().trim().min(min).max(max).describe(label);
const optionalText = (label: string, max: number) => z.string().trim().max(max).nullish().describe(label);
const day = (label: string) => z.iso.date().describe(label);

export const councilParams = z.object({ id: z.uuid().describe('议事会') });
export const councilParticipantParams = z.object({ id: z.uuid().describe('议事会'), participantId: z.uuid().describe('参加人员') });
export const councilItemParams = z.object({ id: z.uuid().describe('议事会'), itemId: z.uuid().describe('议定事项') });
export const councilListQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional().describe('年度'), status: z.string().max(20).optional().describe('步骤') });

/** 收集民意: the office opens a council with the question people raised and where it will be discussed. */
export const councilCreate = z.object({
  topic: text('议题', 4, 60),
  organizer: text('组织单位', 2, 60),
  place: text('议事地点', 2, 60),
  opinions: optionalText('民意收集情况', 4000),
});

/** The record's texts, corrected at any step before it is done (the version says what was seen). */
export const councilPatch = z.object({
  version,
  topic: text('议题', 4, 60).optional(),
  organizer: text('组织单位', 2, 60).optional(),
  place: text('议事地点', 2, 60).optional(),
  opinions: optionalText('民意收集情况', 4000),
  research: optionalText('议前调研情况', 4000),
  minutes: optionalText('协商议事情况', 4000),
  result: optionalText('协商结果', 4000),
});

/** Each step's payload: holding the council names its day; publishing states the result; voiding says why. */
export const councilActionBodies = {
  setTopic: z.object({ version }),
  research: z.object({ version }),
  deliberate: z.object({ version, day: day('议事日期'), minutes: optionalText('协商议事情况', 4000) }),
  publish: z.object({ version, result: text('协商结果', 10, 4000) }),
  follow: z.object({ version }),
  finish: z.object({ version }),
  void: z.object({ version, reason: text('作废理由', 2, 500) }),
} as const;
export type CouncilDecision = keyof typeof councilActionBodies;
export const councilActionParams = z.object({
  id: z.uuid().describe('议事会'),
  action: z.enum(Object.keys(councilActionBodies) as [CouncilDecision, ...CouncilDecision[]]).describe('操作'),
});

/**
 * A participant: a member is picked from the roster (name and unit come from it); anyone else is
 * written in — a resident needs no account. A phone stays with the office.
 */
export const councilParticipantInput = z.object({
  version,
  party: z.enum(keysOf(councilParties)).describe('参加方'),
  memberId: z.uuid().nullish().describe('委员'),
  name: text('姓名', 2, 30).nullish(),
  unit: optionalText('单位或组织', 60),
  phone: z.string().trim().regex(/^[0-9+\- ]{5,20}$/, '电话号码格式不正确').nullish().describe('联系电话'),
});
export const councilParticipantRemove = z.object({ version });

/** 议定事项: what was agreed, who is responsible, by when. */
export const councilItemInput = z.object({
  version,
  title: text('议定事项', 4, 200),
  responsible: text('责任单位', 2, 60),
  dueOn: day('完成时限').nullish(),
});
/** 跟踪落实: progress noted, the item marked done or reopened. */
export const councilItemPatch = z.object({
  version,
  status: z.enum(keysOf(councilItemStates)).optional().describe('落实状态'),
  progress: optionalText('落实情况', 1000),
});

export const portalCouncilsQuery = z.object({ committeeId: z.uuid().describe('政协') });
