import { z } from 'zod';
import { keysOf } from '../labels.js';
import { requestRatings, requestScopes } from './labels.js';

/** What the public and staff send about 民生诉求; the server validates every request with these schemas. */

const version = z.number().int().min(1).describe('版本');
const text = (label: string, min: number, max: number) => z.string().trim().min(min).max(max).describe(label);
export const phone = z.string().trim().regex(/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, '请填写11位手机号或带区号的固定电话').describe('联系电话');

/** The server's arithmetic question and its answer: sent with every public form. */
export const challengeAnswer = {
  challengeId: z.uuid('请先获取验证题').describe('验证题'),
  challengeAnswer: z.coerce.number('请填写验证题答案').int('请填写整数').min(-100).max(1000).describe('验证题答案'),
};

/** 民生诉求 from the portal (photos come as files of the same multipart form, field 照片). */
export const requestSubmission = z.object({
  committeeId: z.uuid().describe('政协'),
  senderName: z.string().trim().max(20).optional().transform((s) => s || null).describe('姓名'),
  senderPhone: phone,
  category: text('类别', 1, 20),
  place: text('地点', 2, 100),
  body: text('诉求内容', 10, 2000),
  ...challengeAnswer,
});

/** 群众出题 from the portal, with the same challenge. */
export const portalTopicSubmission = z.object({
  committeeId: z.uuid().describe('政协'),
  title: text('议题名称', 4, 60),
  reason: text('选题理由', 10, 1000),
  contactName: text('联系人', 1, 20),
  contactPhone: phone,
  ...challengeAnswer,
});

/** Following a request by its receipt code (spaces, dashes and lower case are forgiven). */
export const followQuery = z.object({
  code: z
    .string()
    .trim()
    .transform((s) => s.toUpperCase().replace(/[\s-]/g, ''))
    .pipe(z.string().regex(/^[0-9A-Z]{10}$/, '回执码为10位字母和数字'))
    .describe('回执码'),
});
export const rateInput = z.object({
  code: followQuery.shape.code,
  rating: z.enum(keysOf(requestRatings)).describe('满意度'),
  comment: z.string().trim().max(500).optional().describe('评价意见'),
});
export const challengeQuery = z.object({ committeeId: z.uuid().describe('政协') });
export const portalRequestQuery = z.object({ committeeId: z.uuid().describe('政协') });

export const requestQuery = z.object({
  scope: z.enum(keysOf(requestScopes)).optional().describe('范围'),
  year: z.coerce.number().int().min(2000).max(2100).optional().describe('年度'),
});
export const idParams = z.object({ id: z.uuid().describe('民生诉求') });
export const photoParams = z.object({ id: z.uuid().describe('民生诉求'), attachmentId: z.uuid().describe('照片') });

/** Payload of each staff or member action (POST /api/requests/:id/actions/:action). */
export const requestActionBodies = {
  route: z.object({
    version,
    studioId: z.uuid().nullish().describe('委员工作室'),
    memberId: z.uuid().nullish().describe('承办委员'),
    note: z.string().trim().max(500).optional().describe('分办意见'),
  }),
  start: z.object({ version }),
  record: z.object({ version, body: text('办理情况', 4, 1000) }),
  finish: z.object({ version, outcome: text('办理结果', 4, 1000) }),
  decline: z.object({ version, reason: text('不予办理理由', 4, 500) }),
  publish: z.object({ version }),
  unpublish: z.object({ version }),
} as const;
export type RequestAction = keyof typeof requestActionBodies;
export const requestActionParams = z.object({
  id: z.uuid().describe('民生诉求'),
  action: z.enum(Object.keys(requestActionBodies) as [RequestAction, ...RequestAction[]]).describe('操作'),
});

/** 转化: into a proposal draft of the member in charge, or an opinion report. */
export const convertInput = z.object({
  version,
  into: z.enum(['proposal', 'opinion']).describe('转化为'),
  title: text('标题', 4, 100),
});
