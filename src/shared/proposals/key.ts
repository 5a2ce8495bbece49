import { z } from 'zod';
import { keysOf } from '../labels.js';
import { instant, type Wire } from '../http/responses.js';

/**
 * 重点提案督办 and 优秀提案: labels, inputs, paths and answers shared by the server and the web.
 * Key proposals: the proposal office shortlists (拟重点), the chairs' meeting decides, a leading chair
 * (领衔督办政协领导) and a government leader lead it; the chair reviews it before handling (办前阅批),
 * schedules during handling (办中调度: a meeting or inspection) and signs off the reply (办后阅签).
 */
export const keyStates = {
  shortlisted: '拟重点（待主席会议确定）',
  declined: '主席会议未确定为重点',
  selected: '已确定为重点（待阅批）',
  reviewed: '已阅批（办理中督办）',
  signedOff: '已阅签',
} as const;
export type KeyState = keyof typeof keyStates;

export const keyActions = { select: '主席会议确定为重点', decline: '主席会议未确定', review: '阅批', schedule: '调度', signOff: '阅签' } as const;
export type KeyAction = keyof typeof keyActions;

/** 调度 takes the form of a meeting (座谈/调度会) or an inspection (视察) through the activity primitive. */
export const scheduleKinds = { forum: '调度会（座谈）', inspection: '视察' } as const;

/** 优秀提案: nominated by the proposal office or a special committee, reviewed, decided, published. */
export const excellentStates = {
  nominated: '已推荐（待初审）',
  reviewed: '初审通过（待评定）',
  decided: '评定为优秀提案（待公布）',
  published: '已公布',
  notSelected: '未评为优秀',
} as const;
export type ExcellentState = keyof typeof excellentStates;
export const excellentActions = { review: '初审通过', decide: '评定为优秀提案', publish: '在门户公布', reject: '不予评定' } as const;
export type ExcellentAction = keyof typeof excellentActions;
export const nominationSources = { office: '提案委', specialCommittee: '专门委员会' } as const;

const version = z.number().int().min(1).describe('版本');
const text = (label: string, min: number, max: number) => z.string().trim().min(min).max(max).describe(label);

export const keyIdParams = z.object({ id: z.uuid().describe('编号') });
export const keyActionParams = z.object({ id: z.uuid().describe('编号'), action: z.enum(keysOf(keyActions)).describe('操作') });
export const excellentActionParams = z.object({ id: z.uuid().describe('编号'), action: z.enum(keysOf(excellentActions)).describe('操作') });

/** 拟重点: the office shortlists a filed proposal with its reason. */
export const shortlistBody = z.object({ proposalId: z.uuid().describe('提案'), note: text('推荐理由', 2, 1000) });

export const keyActionBodies = {
  select: z.object({
    version,
    decidedOn: z.iso.date().describe('主席会议日期'),
    decisionRef: text('主席会议及决定', 2, 200),
    chairUserId: z.uuid().describe('领衔督办政协领导'),
    govLeaderUserId: z.uuid().nullish().describe('领办政府领导（账号）'),
    govLeaderName: text('领办政府领导', 2, 60),
  }),
  decline: z.object({ version, decidedOn: z.iso.date().describe('主席会议日期'), decisionRef: text('主席会议及决定', 2, 200) }),
  review: z.object({ version, text: text('阅批意见', 2, 2000) }),
  schedule: z.object({
    version,
    kind: z.enum(keysOf(scheduleKinds)).describe('调度形式'),
    title: text('调度活动名称', 4, 100),
    startsAt: z.coerce.date().describe('开始时间'),
    endsAt: z.coerce.date().describe('结束时间'),
    place: text('地点', 2, 100),
    agenda: text('调度事项', 2, 2000),
  }),
  signOff: z.object({ version, text: text('阅签意见', 2, 2000) }),
} as const;

export const nominateBody = z.object({
  proposalId: z.uuid().describe('提案'),
  source: z.enum(keysOf(nominationSources)).describe('推荐方'),
  specialCommitteeId: z.uuid().nullish().describe('推荐的专门委员会'),
  reason: text('推荐理由', 2, 1000),
});
export const excellentActionBody = z.object({ version, note: z.string().trim().max(1000).optional().describe('意见') });
export const yearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional().describe('年度') });

export const keyPaths = {
  /** the key proposals of the year (office), or those the leader leads */
  list: '/api/proposals/key-proposals',
  options: '/api/proposals/key-proposals/options',
  action: '/api/proposals/key-proposals/:id/actions/:action',
  /** the key proposal of one proposal, if any */
  ofProposal: '/api/proposals/:id/key-proposal',
  /** the key proposal a scheduling meeting belongs to (the meeting's page links back) */
  ofActivity: '/api/proposals/key-proposals/by-activity/:id',
  excellent: '/api/proposals/excellent',
  excellentAction: '/api/proposals/excellent/:id/actions/:action',
} as const;

const keyUnit = z.object({ unitName: z.string(), roleLabel: z.string(), status: z.string(), replyDeadline: z.string(), overdue: z.boolean(), daysLeft: z.number().nullable() });
export type KeyUnit = Wire<typeof keyUnit>;
const keySchedule = z.object({ activityId: z.string(), kind: z.string(), title: z.string(), startsAt: instant, place: z.string(), agenda: z.string() });
export type KeySchedule = Wire<typeof keySchedule>;
/** A 提案办理协商 that discussed the key proposal: when (held, else as scheduled), its page, and what came of it. */
const keyConsultation = z.object({ id: z.string(), title: z.string(), date: z.string().nullable(), statusLabel: z.string(), link: z.string(), outcome: z.string().nullable(), minutes: z.string().nullable() });
export type KeyConsultation = Wire<typeof keyConsultation>;
const keyAction = z.enum(keysOf(keyActions));
export const keyProposalView = z.object({
  id: z.string(),
  version: z.number(),
  proposalId: z.string(),
  title: z.string(),
  numberText: z.string().nullable(),
  proposalStatus: z.string(),
  proposalStatusLabel: z.string(),
  status: z.enum(keysOf(keyStates)),
  statusLabel: z.string(),
  shortlistNote: z.string(),
  shortlistedOn: z.string(),
  decidedOn: z.string().nullable(),
  decisionRef: z.string().nullable(),
  chairName: z.string().nullable(),
  govLeaderName: z.string().nullable(),
  reviewedOn: z.string().nullable(),
  reviewText: z.string().nullable(),
  signedOn: z.string().nullable(),
  signText: z.string().nullable(),
  schedules: z.array(keySchedule),
  consultations: z.array(keyConsultation),
  units: z.array(keyUnit),
  overdue: z.number(),
  actions: z.array(keyAction),
  blocked: z.partialRecord(keyAction, z.string()),
});
export type KeyProposalView = Wire<typeof keyProposalView>;
export const excellentView = z.object({
  id: z.string(),
  version: z.number(),
  proposalId: z.string(),
  title: z.string(),
  numberText: z.string().nullable(),
  proposer: z.string(),
  year: z.number(),
  source: z.string(),
  sourceLabel: z.string(),
  reason: z.string(),
  status: z.enum(keysOf(excellentStates)),
  statusLabel: z.string(),
  decidedOn: z.string().nullable(),
  publishedOn: z.string().nullable(),
  actions: z.array(z.enum(keysOf(excellentActions))),
});
export type ExcellentView = Wire<typeof excellentView>;

/** The answers of the key proposal routes. */
export const keyProposalList = z.object({ year: z.number(), items: z.array(keyProposalView) });
export const excellentList = z.object({ year: z.number(), items: z.array(excellentView), mayManage: z.boolean() });
export const keyOptions = z.object({ leaders: z.array(z.object({ id: z.string(), displayName: z.string() })), specialCommittees: z.array(z.object({ id: z.string(), name: z.string() })) });
/** One proposal's key supervision and nomination, with what this person may start on it. */
export const keyOfProposal = z.object({ key: keyProposalView.nullable(), excellent: excellentView.nullable(), mayShortlist: z.boolean(), mayNominate: z.boolean() });
/** The key proposal a scheduling event belongs to (null for one the caller may not read). */
export const keyOfActivity = z.object({ proposal: z.object({ id: z.string(), title: z.string(), numberText: z.string().nullable() }).nullable() });
