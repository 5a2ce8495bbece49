import { z } from 'zod';
import { keysOf } from '../labels.js';
import { conversionKinds, reportStates, researchForms, researchSources } from './labels.js';

/** What the web sends about 调研视察; the server validates every request with the same schemas. */

const version = z.number().int().min(1).describe('版本');
const text = (label: string, min: number, max: number) => z.string().trim().min(min).max(max).describe(label);
const day = (label: string) => z.iso.date().describe(label);

export const idParams = z.object({ id: z.uuid().describe('编号') });
export const versionBody = z.object({ version });
/** The topics list; the cockpit's charts open it filtered to what a bar counts (a state, a form). */
export const topicQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().describe('年度'),
  status: z.enum(keysOf(reportStates)).optional().describe('报告状态'),
  form: z.enum(keysOf(researchForms)).optional().describe('形式'),
});

/** A topic the office enters, or one from a special committee's work plan. */
export const topicDraft = z.object({
  source: z.enum(keysOf(researchSources)).describe('课题来源'),
  form: z.enum(keysOf(researchForms)).default('research').describe('形式'),
  title: text('课题名称', 4, 60),
  reason: text('立项理由', 10, 2000),
  specialCommitteeId: z.uuid().nullish().describe('牵头专委会'),
  year: z.coerce.number().int().min(2000).max(2100).optional().describe('年度'),
});

/** 调研方案: the questions, places, departments and dates. */
export const planBody = z.object({
  version,
  questions: text('调研提纲', 0, 3000),
  places: z.array(text('调研地点', 2, 60)).max(20).describe('调研地点'),
  unitIds: z.array(z.uuid().describe('相关部门')).max(20).describe('相关部门'),
  startsOn: day('开始日期').nullish(),
  endsOn: day('结束日期').nullish(),
});

export const volunteerBody = z.object({ note: z.string().trim().max(200).default('').describe('报名说明') });
export const decideBody = z.object({ memberId: z.uuid().describe('委员'), decision: z.enum(['confirm', 'decline']).describe('确认结果'), note: z.string().trim().max(200).default('').describe('说明') });
export const leadBody = z.object({ version, memberId: z.uuid().describe('组长') });

/** A field visit: scheduled through the activity primitive, inviting the confirmed group. */
export const visitBody = z.object({
  startsAt: z.coerce.date().describe('开始时间'),
  endsAt: z.coerce.date().describe('结束时间'),
  place: text('调研地点', 2, 100),
  agenda: z.string().trim().max(2000).optional().describe('行程安排'),
});

/** 调研报告: the situation found, the problems, the suggestions. */
export const reportBody = z.object({
  version,
  reportTitle: text('报告标题', 4, 100),
  background: text('基本情况', 0, 20000),
  problems: text('存在问题', 0, 20000),
  suggestions: text('对策建议', 0, 20000),
});

export const reportActions = ['submit', 'passCommittee', 'passOffice', 'return'] as const;
export type ReportAction = (typeof reportActions)[number];
export const reportActionParams = z.object({ id: z.uuid().describe('编号'), action: z.enum(reportActions).describe('操作') });
/** Returning needs a reason; passing may carry a note. */
export const reportActionBodies = {
  submit: z.object({ version }),
  passCommittee: z.object({ version, note: z.string().trim().max(500).optional().describe('审核意见') }),
  passOffice: z.object({ version, note: z.string().trim().max(500).optional().describe('审核意见') }),
  return: z.object({ version, note: text('退回理由', 2, 500) }),
} as const;

/** 成果转化: one action turns the finished report into a proposal draft, a 社情民意 report, a plenary speech or a 直通车 report. */
export const convertBody = z.object({
  version,
  kind: z.enum(keysOf(conversionKinds)).describe('转化为'),
  title: text('标题', 4, 100),
  /** proposals and 社情民意 reports (a speech has none) */
  category: z.string().trim().max(20).optional().describe('类别'),
  /** collective proposal: the body in whose name it is submitted (a special committee) */
  collectiveBody: z.string().trim().max(60).nullish().describe('集体提案单位'),
  /** 社情民意, 直通车 and speeches: the text (the report's problems and suggestions by default; a speech the whole report) */
  body: z.string().trim().max(20000).optional().describe('正文'),
});

export const instructionBody = z.object({
  leaderName: text('批示领导', 2, 20),
  level: z.enum(['district', 'city', 'province', 'national']).default('district').describe('批示层级'),
  text: text('批示内容', 2, 2000),
  instructedOn: day('批示日期'),
});

export const assignBody = z.object({
  items: z
    .array(z.object({ text: text('落实事项', 4, 2000), unitIds: z.array(z.uuid().describe('承办部门')).min(1).max(6).describe('承办部门') }))
    .min(1)
    .max(30)
    .describe('落实事项'),
});

export const originQuery = z.object({ type: z.enum(['proposal', 'opinion', 'speech']).describe('类型'), id: z.uuid().describe('编号') });
export const attachmentParams = idParams.extend({ attachmentId: z.uuid().describe('附件编号') });
