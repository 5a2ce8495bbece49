import { z } from 'zod';
import { contactMethods, contactStages, handledTypes, keysOf, promiseOutcomes, promiseStates } from './labels.js';

/** What units and the overseeing office send about an assignment, for every handled type. */

export const version = z.number().int().min(1).describe('版本');
export const idParams = z.object({ id: z.uuid().describe('编号') });
export const handledSubject = z.object({ type: z.enum(keysOf(handledTypes)).describe('事项类型'), subjectId: z.uuid().describe('事项编号') });

export const signBody = z.object({ version });
export const objectBody = z.object({ version, reason: z.string().trim().min(4).max(1000).describe('异议理由') });
export const objectionDecisionBody = z.object({
  version,
  accept: z.boolean().describe('是否同意'),
  replacementUnitId: z.uuid().nullish().describe('改交单位'),
  note: z.string().trim().min(2).max(1000).describe('处理意见'),
});
export const extensionBody = z.object({ version, days: z.number().int().min(1).max(130).describe('延期工作日'), reason: z.string().trim().min(4).max(1000).describe('延期理由') });
export const extensionDecisionBody = z.object({ version, approve: z.boolean().describe('是否批准') });
export const opinionBody = z.object({ version, text: z.string().trim().min(4).max(5000).describe('协办意见') });

export const contactBody = handledSubject.extend({
  stage: z.enum(keysOf(contactStages)).describe('沟通阶段'),
  method: z.enum(keysOf(contactMethods)).describe('沟通方式'),
  contactOn: z.iso.date().describe('沟通日期'),
  summary: z.string().trim().min(4).max(3000).describe('沟通情况'),
  unitId: z.uuid().nullish().describe('沟通单位'),
});

export const replyBody = handledSubject.extend({
  version: version.optional(),
  answerClass: z.string().min(1).max(4).describe('答复类别'),
  body: z.string().trim().min(20).max(20000).describe('答复正文'),
  contactPerson: z.string().trim().min(1).max(40).describe('联系人'),
  contactPhone: z.string().trim().regex(/^[0-9+\- ]{5,20}$/).describe('联系电话'),
  disclose: z.boolean().describe('是否公开'),
  nondisclosureReason: z.string().trim().max(500).nullish().describe('不公开理由'),
  // required when the class is a promise (列入计划; the settings say which), dropped otherwise
  promise: z.string().trim().max(2000).nullish().describe('承诺事项'),
  promisedBy: z.iso.date().nullish().describe('承诺完成期限'),
});
export const signReplyBody = z.object({ version, signedBy: z.string().trim().min(2).max(40).describe('签发人') });
export const sendReplyBody = z.object({ version });

/** 承诺兑现情况: what became of a reply's promise, as of the day it was checked. */
export const promiseOutcomeBody = z.object({
  version,
  outcome: z.enum(keysOf(promiseOutcomes)).describe('兑现情况'),
  note: z.string().trim().min(4).max(2000).describe('情况说明'),
  checkedOn: z.iso.date().describe('核实日期'),
});
/** The promises a unit made, or those the office oversees: of one handled type, in one state. */
export const promisesQuery = z.object({
  type: z.enum(keysOf(handledTypes)).optional().describe('事项类型'),
  state: z.enum(keysOf(promiseStates)).optional().describe('承诺状态'),
});
