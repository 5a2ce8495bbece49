import { z } from 'zod';
import { keysOf } from '../labels.js';
import { challengeAnswer, phone } from '../requests/inputs.js';
import { questionLimits as L, questionScopes } from './labels.js';

/** What the public, staff and members send about studios; the server validates every request with these. */

const version = z.number().int().min(1).describe('版本');
const text = (label: string, min: number, max: number) => z.string().trim().min(min).max(max).describe(label);
const email = z.string().trim().regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/);

export const studioIdParams = z.object({ id: z.uuid().describe('委员工作室') });
export const portalStudiosQuery = z.object({ committeeId: z.uuid().describe('政协') });

/** 线上咨询 from a studio's portal page: name optional, a phone or e-mail to reach the asker, the question, the challenge. */
export const questionSubmission = z.object({
  askerName: z.string().trim().max(L.name).optional().transform((s) => s || null).describe('姓名'),
  askerContact: z.union([phone, email], '请填写手机号、带区号的固定电话或电子邮箱').describe('联系方式'),
  body: text('咨询内容', L.bodyMin, L.body),
  ...challengeAnswer,
});

/** The studio's public profile, kept by staff (the studio's version: its catalog row's). */
export const profileInput = z.object({
  version,
  place: text('地点', 0, 100),
  openingHours: text('开放时间', 0, 100),
  introduction: text('简介', 0, 2000),
});

export const questionQuery = z.object({ scope: z.enum(keysOf(questionScopes)).optional().describe('范围') });

/** Payload of each action on a question (POST /api/studios/questions/:id/actions/:action). */
export const questionActionBodies = {
  answer: z.object({ version, answer: text('答复内容', L.answerMin, L.answer) }),
  publish: z.object({ version }),
  unpublish: z.object({ version }),
} as const;
export type QuestionAction = keyof typeof questionActionBodies;
export const questionActionParams = z.object({
  id: z.uuid().describe('咨询'),
  action: z.enum(Object.keys(questionActionBodies) as [QuestionAction, ...QuestionAction[]]).describe('操作'),
});
