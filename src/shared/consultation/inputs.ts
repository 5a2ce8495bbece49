import { z } from 'zod';
import { keysOf } from '../handling/labels.js';
import { consultationForms, qualityAnswers, topicSources } from './labels.js';

/** What the web sends about 协商议政; the server validates every request with the same schemas. */

const version = z.number().int().min(1).describe('版本');
const text = (label: string, min: number, max: number) => z.string().trim().min(min).max(max).describe(label);
const year = z.coerce.number().int().min(2000).max(2100).describe('年度');

/** A topic suggestion; the source decides who may enter it (members suggest as 委员荐题 only). */
export const topicDraft = z.object({
  source: z.enum(keysOf(topicSources)).default('member').describe('选题来源'),
  title: text('议题名称', 4, 60),
  reason: text('选题理由', 10, 2000),
  /** 政协选题: the special committee that proposes it */
  specialCommitteeId: z.uuid().nullish().describe('提出的专委会'),
  /** 党政点题: the party or government body that set it, as printed (区委办公室, 区政府办公室…) */
  proposerName: z.string().trim().max(40).nullish().describe('点题单位'),
  year: year.optional(),
});

/** 群众出题 through the portal: name and phone so the office can reply; nothing is shown before moderation. */
export const publicTopicDraft = z.object({
  title: text('议题名称', 4, 60),
  reason: text('选题理由', 10, 1000),
  contactName: text('联系人', 1, 20),
  contactPhone: z.string().trim().regex(/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, '请填写手机号或固定电话').describe('联系电话'),
});

export const topicQuery = z.object({
  year: year.optional(),
  scope: z.enum(['all', 'mine', 'moderation']).default('all').describe('范围'),
  status: z.string().max(20).optional().describe('状态'),
});

export const similarQuery = z.object({
  text: text('议题', 2, 2000),
  limit: z.coerce.number().int().min(1).max(20).default(5).describe('条数'),
  exclude: z.uuid().optional().describe('排除'),
});

/** Payload of each topic action (POST /api/consultation/topics/:id/actions/:action). */
export const topicActionBodies = {
  publish: z.object({ version }),
  reject: z.object({ version, feedback: text('审核意见', 2, 500) }),
  decline: z.object({ version, feedback: text('未采纳理由', 2, 500) }),
  withdraw: z.object({ version }),
} as const;
export type TopicDecision = keyof typeof topicActionBodies;
export const topicActionParams = z.object({
  id: z.uuid().describe('议题编号'),
  action: z.enum(Object.keys(topicActionBodies) as [TopicDecision, ...TopicDecision[]]).describe('操作'),
});

export const idParams = z.object({ id: z.uuid().describe('编号') });
export const itemParams = z.object({ id: z.uuid().describe('计划编号'), itemId: z.uuid().describe('议题编号') });
export const yearQuery = z.object({ year: year.optional() });

export const planCreate = z.object({ year });

const planNote = z.object({ version, note: z.string().trim().max(500).optional().describe('审查意见') });
/** Payload of each plan step: a return must say why. */
export const planActionBodies = {
  submit: planNote,
  passCommittee: planNote,
  passOffice: planNote,
  passChairs: planNote,
  approve: planNote,
  return: z.object({ version, note: text('退回理由', 2, 500) }),
  revise: z.object({ version, note: text('调整理由', 2, 500) }),
} as const;
export type PlanDecision = keyof typeof planActionBodies;
export const planActionParams = z.object({
  id: z.uuid().describe('计划编号'),
  action: z.enum(Object.keys(planActionBodies) as [PlanDecision, ...PlanDecision[]]).describe('操作'),
});

/** One topic of the plan: its form, who leads, which departments take part, when. */
export const planItemInput = z.object({
  version,
  topicId: z.uuid().nullish().describe('来源选题'),
  title: text('协商议题', 4, 60),
  form: z.enum(keysOf(consultationForms)).describe('协商形式'),
  leadSpecialCommitteeId: z.uuid().nullish().describe('牵头专委会'),
  unitIds: z.array(z.uuid().describe('参与部门')).max(12).default([]).describe('参与部门'),
  month: z.number().int().min(1).max(12).describe('计划月份'),
  /** 先调研、后协商 */
  researchFirst: z.boolean().default(true).describe('先调研后协商'),
  description: z.string().trim().max(1000).nullish().describe('协商内容'),
});
export const planItemPatch = planItemInput.omit({ topicId: true }).partial().extend({ version });
export const versionBody = z.object({ version });
/** 提案办理协商: the key proposals of the consultation's committee and year it discusses (replaces the list). */
export const keyProposalsBody = z.object({ version, keyProposalIds: z.array(z.uuid().describe('重点提案')).max(50).describe('讨论的重点提案') });

// ── a consultation held ──
const instant = z.coerce.date().describe('时间');
export const scheduleBody = z.object({
  version,
  startsAt: instant.describe('开始时间'),
  endsAt: instant.describe('结束时间'),
  location: text('地点', 2, 100),
  /** the members invited through the activity primitive */
  memberIds: z.array(z.uuid().describe('委员')).max(200).default([]).describe('参加委员'),
  agenda: z.string().trim().max(2000).optional().describe('议程'),
});
export const participantBody = z.object({
  kind: z.enum(['expert', 'public', 'department']).describe('人员类别'),
  name: text('姓名', 1, 20),
  affiliation: z.string().trim().max(60).default('').describe('单位职务'),
});
export const participantParams = z.object({ id: z.uuid().describe('协商编号'), participantId: z.uuid().describe('参加人员') });
export const speechBody = z.object({
  /** the office records anyone's speech; a member hands in their own written opinion without it */
  participantId: z.uuid().optional().describe('发言人'),
  kind: z.enum(['oral', 'written']).describe('发言类型'),
  text: text('发言内容', 10, 5000),
});
export const holdBody = z.object({ version, heldOn: z.iso.date().describe('召开日期'), minutes: text('会议纪要', 10, 20000) });
export const reportBody = z.object({
  version,
  outcomeKind: z.enum(['report', 'recommendation', 'digest']).describe('成果形式'),
  outcomeTitle: text('成果标题', 4, 100),
  outcomeText: text('成果内容', 20, 20000),
  sentOn: z.iso.date().describe('报送日期'),
});
export const assignBody = z.object({
  version,
  items: z
    .array(z.object({ text: text('建议内容', 4, 2000), unitIds: z.array(z.uuid().describe('承办部门')).min(1).max(6).describe('承办部门') }))
    .min(1)
    .max(30)
    .describe('落实事项'),
});
export const instructionBody = z.object({
  leaderName: text('批示领导', 2, 20),
  level: z.enum(['district', 'city', 'province', 'national']).default('district').describe('批示层级'),
  text: text('批示内容', 2, 2000),
  instructedOn: z.iso.date().describe('批示日期'),
});

/** 协商质量评价: one answer per question of the committee's questionnaire, in its order, and a remark. */
export const ratingBody = z.object({
  answers: z.array(z.enum(keysOf(qualityAnswers)).describe('评价')).min(1).max(10).describe('评价'),
  comment: z.string().trim().max(500).default('').describe('意见建议'),
});

/** 年度协商计划 on the portal: a committee's approved plan of a year (the latest approved one without `year`). */
export const portalPlanQuery = z.object({
  committeeId: z.uuid().describe('政协'),
  year: z.coerce.number().int().min(2000).max(2100).optional().describe('年度'),
});
export const portalPlanDocumentQuery = portalPlanQuery.extend({ format: z.enum(['docx', 'pdf']).default('docx').describe('文件格式') });
