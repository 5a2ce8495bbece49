import { z } from 'zod';
import { keysOf } from '../labels.js';
import { ballotChoices, campaignPhases } from './labels.js';
import { phone } from '../requests/inputs.js';

/** What the web sends about 民主评议; the server validates every request with the same schemas. */

const version = z.number().int().min(1).describe('版本');
const text = (label: string, min = 2, max = 2000) => z.string().trim().min(min).max(max).describe(label);
const day = (label: string) => z.iso.date().describe(label);

/** One weighted indicator of the questionnaire (e.g. 办理成效, weight 30). */
export const indicator = z.object({
  key: z.string().trim().regex(/^[a-zA-Z][a-zA-Z0-9]{0,29}$/, '只能用英文字母和数字').describe('指标代码'),
  label: text('指标名称', 2, 40),
  weight: z.number().int().min(1).max(100).describe('权重'),
});
export const indicators = z
  .array(indicator)
  .min(1)
  .max(10)
  .refine((l) => new Set(l.map((i) => i.key)).size === l.length, '指标代码不能重复')
  .describe('评议指标');
export type Indicator = z.output<typeof indicator>;

const span = z
  .object({ from: day('开始日期'), to: day('结束日期') })
  .refine((s) => s.from <= s.to, { message: '结束日期不能早于开始日期', path: ['to'] });
/** The planned dates of the phases, each from–to. */
export const phasePlan = z.object(Object.fromEntries(keysOf(campaignPhases).map((k) => [k, span.describe(`${campaignPhases[k]}阶段`)])) as Record<keyof typeof campaignPhases, typeof span>).describe('阶段安排');
export type PhasePlan = z.output<typeof phasePlan>;

export const campaignInput = z.object({
  year: z.number().int().min(2000).max(2100).describe('年度'),
  title: text('活动名称', 4, 80),
  unitIds: z.array(z.uuid().describe('评议部门')).min(2).max(60).describe('评议部门'),
  invitedMemberIds: z.array(z.uuid().describe('参评委员')).min(1).max(1000).describe('参评委员'),
  phases: phasePlan,
  /** 向社会公众开放: the public may answer through the portal during the 调查走访 dates */
  publicOpen: z.boolean().optional().describe('向社会公众开放问卷'),
  /** left out: the committee's current indicators (the 民主评议 setting) */
  indicators: indicators.optional(),
});
export const campaignPatch = campaignInput.partial().extend({ version });

/** Payload of each workflow action (POST /api/evaluation/campaigns/:id/actions/:action). */
export const campaignActionBodies = {
  /** 主席会议提出: the chairs' meeting proposed the departments on that day */
  propose: z.object({ version, on: day('主席会议日期'), note: text('主席会议意见', 2, 1000) }),
  /** 党委批准 */
  approve: z.object({ version, on: day('党委批准日期'), note: text('党委批准意见', 2, 1000) }),
  /** 党委未批准: back to the office to adjust the departments */
  reject: z.object({ version, note: text('退回意见', 2, 1000) }),
  startSurvey: z.object({ version }),
  startDeliberation: z.object({ version }),
  publish: z.object({ version }),
  startRecheck: z.object({ version }),
  finish: z.object({ version }),
} as const;
export type CampaignDecision = keyof typeof campaignActionBodies;
export const campaignActionParams = z.object({
  id: z.uuid().describe('活动编号'),
  action: z.enum(Object.keys(campaignActionBodies) as [CampaignDecision, ...CampaignDecision[]]).describe('操作'),
});

/** One member's ballot on one department: a choice for every indicator. */
export const responseInput = z.object({
  unitId: z.uuid().describe('评议部门'),
  answers: z.record(z.string().max(30).describe('指标'), z.enum(keysOf(ballotChoices)).describe('评议意见')).describe('评议意见'),
});

/** 特邀群众代表 / 服务对象代表: who they are (shown to the office only). */
export const representativeInput = z.object({
  name: text('代表姓名', 2, 40),
  organisation: text('界别或单位', 2, 80),
  phone: z.literal('').transform(() => null).or(phone.nullish()),
});
/** Revoke or re-issue a representative's link. */
export const representativeActionBody = z.object({ version });
export const representativeActionParams = z.object({
  id: z.uuid().describe('代表编号'),
  action: z.enum(['revoke', 'reissue']).describe('操作'),
});
/** A representative's personal link: the token only they were given. */
export const invitationParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{32}$/, '评议链接无效').describe('评议链接') });
/** The portal's public questionnaire of one committee. */
export const portalEvaluationQuery = z.object({ committeeId: z.uuid().describe('政协') });

/** 整改事项: a finding for one department, sent to it with a deadline. */
export const findingInput = z.object({ unitId: z.uuid().describe('整改部门'), text: text('整改事项', 6, 2000) });

/** 回头看: the office rechecks a replied item — passed, or back for a second round. */
export const recheckBody = z.object({
  version,
  passed: z.boolean().describe('回头看结论'),
  note: text('回头看情况', 2, 2000),
});

export const idParams = z.object({ id: z.uuid().describe('编号') });
export const yearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional().describe('年度') });
