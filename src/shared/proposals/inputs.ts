import { z } from 'zod';
import { handlingRoles, instructionLevels, keysOf, ratingLabels } from '../handling/labels.js';
import { authorTypes, conversionTargets, proposalScopes } from './labels.js';

/** What the web sends about proposals; the server validates every request with the same schemas. */

const body = (label: string) => z.string().trim().max(20000).describe(label);

export const proposalDraft = z.object({
  title: z.string().trim().min(4).max(100).describe('案由（标题）'),
  background: body('情况'),
  analysis: body('分析'),
  suggestions: body('建议'),
  category: z.string().trim().min(1).max(20).describe('类别'),
  authorType: z.enum(keysOf(authorTypes)).describe('提案方式'),
  collectiveBody: z.string().trim().max(60).nullish().describe('集体提案单位'),
  proposerConsent: z.boolean().optional().describe('同意公开'),
  cosignerIds: z.array(z.uuid().describe('联名委员')).max(30).optional().describe('联名委员'),
  /** 提案参考选题 the proposal answers: one of the year's published topics */
  topicId: z.uuid().nullish().describe('参考选题'),
});
export const proposalPatch = proposalDraft.partial().extend({ version: z.number().int().min(1).describe('版本') });

export const proposalQuery = z.object({
  scope: z.enum(proposalScopes).default('all').describe('范围'),
  status: z.string().max(20).optional().describe('状态'),
  // which sessions a committee-wide list shows: one by id, 'history' (imported), 'all', or 'current' —
  // the default when no session, year or history filter is named (src/server/modules/proposals/queries.ts)
  session: z.union([z.enum(['current', 'history', 'all']), z.uuid()]).optional().describe('会议'),
  sessionId: z.uuid().optional().describe('会议'),
  category: z.string().max(20).optional().describe('类别'),
  unitId: z.uuid().optional().describe('承办单位'),
  topicId: z.uuid().optional().describe('参考选题'),
  year: z.coerce.number().int().min(2000).max(2100).optional().describe('年度'),
  rating: z.enum(keysOf(ratingLabels)).optional().describe('办理结果评价'),
  q: z.string().trim().max(100).optional().describe('关键词'),
  historical: z.enum(['0', '1']).optional().describe('往年提案'),
  overdue: z.enum(['0', '1']).optional().describe('仅超期'),
  page: z.coerce.number().int().min(1).max(10000).default(1).describe('页码'),
  pageSize: z.coerce.number().int().min(1).max(200).default(20).describe('每页条数'),
});

const version = z.number().int().min(1).describe('版本');
const reason = (label: string) => z.string().trim().min(2).max(2000).describe(label);

/** Payload of each workflow action (POST /api/proposals/:id/actions/:action). */
export const actionBodies = {
  submit: z.object({ version }),
  withdraw: z.object({ version }),
  preReview: z.object({ version, opinion: reason('预审意见') }),
  reReview: z.object({ version, opinion: reason('复审意见') }),
  file: z.object({ version, opinion: z.string().trim().max(2000).optional().describe('审定意见'), category: z.string().trim().max(20).optional().describe('类别') }),
  reject: z.object({ version, reasonCode: z.string().min(1).max(20).describe('不予立案理由'), reason: z.string().trim().max(2000).optional().describe('补充说明') }),
  convert: z.object({ version, to: z.enum(keysOf(conversionTargets)).describe('转为'), reason: reason('转办说明') }),
  return: z.object({ version, reason: reason('退回理由') }),
  close: z.object({ version, reason: z.string().trim().max(2000).optional().describe('办结说明') }),
} as const;
export type DecisionAction = keyof typeof actionBodies;
export const actionParams = z.object({ id: z.uuid().describe('提案编号'), action: z.enum(Object.keys(actionBodies) as [DecisionAction, ...DecisionAction[]]).describe('操作') });

export const mergeBody = z.object({
  primaryId: z.uuid().describe('主提案'),
  versions: z.record(z.uuid(), z.number().int().min(1)).describe('版本'),
  otherIds: z.array(z.uuid().describe('并入提案')).min(1).max(20).describe('并入提案'),
  reason: reason('并案说明'),
});

export const assignBody = z.object({
  version,
  assignments: z.array(z.object({ unitId: z.uuid().describe('承办单位'), role: z.enum(keysOf(handlingRoles)).describe('交办方式') })).min(1).max(10).describe('承办单位'),
});

export const rateBody = z.object({
  version,
  attitude: z.enum(keysOf(ratingLabels)).describe('办理态度'),
  result: z.enum(keysOf(ratingLabels)).describe('办理结果'),
  comment: z.string().trim().max(2000).nullish().describe('评价意见'),
});

export const instructionBody = z.object({
  text: z.string().trim().min(2).max(2000).describe('批示内容'),
  level: z.enum(keysOf(instructionLevels)).default('district').describe('批示层级'),
  instructedOn: z.iso.date().optional().describe('批示日期'),
  leaderName: z.string().trim().max(40).optional().describe('批示领导'),
});

export const cosignResponse = z.object({ accept: z.boolean().describe('是否同意联名') });
export const publishBody = z.object({ version, publish: z.boolean().describe('是否公开') });

export const idParams = z.object({ id: z.uuid().describe('提案编号') });
export const attachmentParams = idParams.extend({ attachmentId: z.uuid().describe('附件编号') });

/** GET similar proposals while writing; with a title given, `text` is the body and the title is matched against titles too. */
export const similarQuery = z.object({
  text: z.string().trim().min(2).max(20000).describe('标题或正文'),
  title: z.string().trim().max(200).optional().describe('标题'),
  category: z.string().trim().max(20).optional().describe('类别'),
  limit: z.coerce.number().int().min(1).max(50).default(10).describe('条数'),
  exclude: z.uuid().optional().describe('排除的提案'),
});
/** The plenary session a review queue or a statistics page is about (the current one when left out). */
export const sessionQuery = z.object({ sessionId: z.uuid().optional().describe('会议') });
