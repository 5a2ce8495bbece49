import { z } from 'zod';
import { handlingRoles, keysOf } from '../handling/labels.js';
import { adoptionModes, authorChoices, levels, opinionScopes, sendKinds } from './labels.js';

/** What the web sends about 社情民意; the server validates every request with the same schemas. */

const version = z.number().int().min(1).describe('版本');
const level = z.enum(keysOf(levels));
const text = (label: string, min = 2, max = 2000) => z.string().trim().min(min).max(max).describe(label);
/** The body's real limit is the committee's setting (checked by the command); this is a hard cap. */
const body = z.string().trim().min(20).max(10000).describe('正文');

export const opinionDraft = z.object({
  title: text('标题', 4, 100),
  body,
  category: z.string().trim().min(1).max(20).describe('类别'),
  authorType: z.enum(keysOf(authorChoices)).default('member').describe('报送方式'),
  authorBody: z.string().trim().max(60).nullish().describe('报送单位'),
  /** 社情民意联系点 the report came through */
  contactPointId: z.uuid().nullish().describe('联系点'),
});
export const opinionPatch = opinionDraft.partial().extend({ version });

export const opinionQuery = z.object({
  scope: z.enum(opinionScopes).default('all').describe('范围'),
  status: z.string().max(20).optional().describe('状态'),
  // the committee-wide list opens on the current year; 'all' spans every year (src/server/modules/opinions/queries.ts)
  year: z.union([z.literal('all'), z.coerce.number().int().min(2000).max(2100)]).optional().describe('年度'),
  adoptedAt: z.enum(keysOf(levels)).optional().describe('采用级别'),
  instructed: z.enum(keysOf(levels)).optional().describe('批示级别'),
  contactPointId: z.uuid().optional().describe('联系点'),
  q: z.string().trim().max(100).optional().describe('关键词'),
  page: z.coerce.number().int().min(1).max(10000).default(1).describe('页码'),
  pageSize: z.coerce.number().int().min(1).max(200).default(20).describe('每页条数'),
});

/** Payload of each workflow action (POST /api/opinions/:id/actions/:action). */
export const actionBodies = {
  submit: z.object({ version }),
  withdraw: z.object({ version }),
  decline: z.object({ version, feedback: text('反馈意见') }),
  adopt: z.object({ version, issueId: z.uuid().describe('期刊') }),
  sendUp: z.object({ version, note: z.string().trim().max(500).optional().describe('报送说明') }),
} as const;
export type OpinionDecision = keyof typeof actionBodies;
export const actionParams = z.object({ id: z.uuid().describe('信息编号'), action: z.enum(Object.keys(actionBodies) as [OpinionDecision, ...OpinionDecision[]]).describe('操作') });

export const editBody = z.object({ version, title: text('标题', 4, 100), body, note: z.string().trim().max(500).optional().describe('修改说明') });

export const combineBody = z.object({
  ids: z.array(z.uuid().describe('被综合信息')).min(2).max(20).describe('被综合信息'),
  versions: z.record(z.uuid(), z.number().int().min(1)).describe('版本'),
  title: text('综合标题', 4, 100),
  body,
  category: z.string().trim().min(1).max(20).describe('类别'),
});

export const sendBody = z.object({
  kind: z.enum(keysOf(sendKinds)).describe('报送对象类别'),
  targetName: text('报送单位', 2, 60),
  sentOn: z.iso.date().describe('报送日期'),
  issueId: z.uuid().nullish().describe('期刊'),
});

export const adoptionBody = z.object({
  level: level.describe('采用层级'),
  mode: z.enum(keysOf(adoptionModes)).describe('采用方式'),
  adoptedBy: text('采用单位或刊物', 2, 100),
  department: z.string().trim().max(60).nullish().describe('采用部门'),
  adoptedOn: z.iso.date().describe('采用日期'),
  note: z.string().trim().max(500).nullish().describe('备注'),
});

export const instructionBody = z.object({
  leaderName: text('批示领导', 2, 40),
  level: level.describe('批示层级'),
  instructedOn: z.iso.date().describe('批示日期'),
  text: text('批示内容'),
  followUp: z.string().trim().max(2000).nullish().describe('落实情况'),
});
export const followUpBody = z.object({ followUp: text('落实情况') });

export const assignBody = z.object({
  version,
  assignments: z.array(z.object({ unitId: z.uuid().describe('承办单位'), role: z.enum(keysOf(handlingRoles)).describe('交办方式') })).min(1).max(10).describe('承办单位'),
});

/** The parent committee's decision on a report sent up to it; `version` is the send record's. */
export const incomingAdoptBody = z.object({
  version,
  mode: z.enum(keysOf(adoptionModes)).default('alone').describe('采用方式'),
  issueId: z.uuid().nullish().describe('本会期刊'),
  note: z.string().trim().max(500).nullish().describe('备注'),
});
export const incomingDeclineBody = z.object({ version, feedback: text('反馈意见') });

export const issueCreate = z.object({ title: z.string().trim().min(2).max(100).optional().describe('期刊标题') });
export const issueActionBody = z.object({ version, signedByName: z.string().trim().min(2).max(40).optional().describe('签发人') });
export const issueActionParams = z.object({ id: z.uuid().describe('期刊编号'), action: z.enum(['approve', 'sign', 'publish', 'reopen']).describe('操作') });
export const issueOrderBody = z.object({ version, opinionIds: z.array(z.uuid().describe('信息')).max(200).describe('信息顺序') });
export const yearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional().describe('年度') });

export const similarQuery = z.object({
  text: z.string().trim().min(2).max(20000).describe('标题或正文'),
  limit: z.coerce.number().int().min(1).max(50).default(8).describe('条数'),
  exclude: z.uuid().optional().describe('排除的信息'),
});

export const idParams = z.object({ id: z.uuid().describe('信息编号') });
export const issueParams = z.object({ id: z.uuid().describe('期刊编号') });
export const attachmentParams = idParams.extend({ attachmentId: z.uuid().describe('附件编号') });
export const followUpParams = idParams.extend({ instructionId: z.uuid().describe('批示编号') });
