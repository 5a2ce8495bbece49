import { z } from 'zod';
import { contactWayList } from './labels.js';

/** What the web sends about outreach; the server validates every request with the same schemas. */

const version = z.number().int().min(1).describe('版本');
const day = (label: string) => z.iso.date().describe(label);
const text = (label: string, min: number, max: number) => z.string().trim().min(min).max(max).describe(label);
const optionalText = (label: string, max: number) => z.string().trim().max(max).nullish().describe(label);
/** Staff record on behalf of a member; a member's own records ignore it. */
const onBehalf = z.uuid().optional().describe('委员');


export const partnerInput = z.object({
  memberId: onBehalf,
  name: text('姓名', 2, 40),
  sector: text('界别或单位', 2, 100),
  phone: z.string().trim().regex(/^[0-9+\-\s]{5,20}$/).nullish().describe('联系电话'),
  note: optionalText('备注', 500),
});
export const partnerPatch = partnerInput.omit({ memberId: true }).partial().extend({ version });

const person = z.object({
  name: text('姓名', 1, 40),
  sector: z.string().trim().max(100).default('').describe('界别或单位'),
  partnerId: z.uuid().nullish().describe('结对联系对象'),
}).describe('联系对象');

export const contactInput = z.object({
  memberId: onBehalf,
  day: day('联系日期'),
  way: z.enum(contactWayList).describe('联系方式'),
  people: z.array(person).min(1).max(50).describe('联系对象'),
  raised: text('反映的问题', 4, 5000),
  followUp: optionalText('跟进情况', 5000),
});
export const contactPatch = contactInput.omit({ memberId: true }).partial().extend({ version });

export const deedInput = z.object({
  memberId: onBehalf,
  title: text('事项名称', 4, 100),
  problem: text('群众困难或问题', 4, 5000),
  action: text('办理措施', 4, 5000),
  beneficiaries: text('受益群众', 1, 200),
  day: day('开始日期'),
});
export const deedPatch = deedInput.omit({ memberId: true }).partial().extend({ version });
export const completeBody = z.object({ version, completedOn: day('办结日期'), result: optionalText('办理结果', 5000) });

export const serviceInput = z.object({
  memberId: onBehalf,
  title: text('活动名称', 2, 100),
  day: day('活动日期'),
  hours: z.number().min(0.5).max(24).describe('时长（小时）'),
  place: optionalText('地点', 200),
  note: optionalText('备注', 2000),
});
export const servicePatch = serviceInput.omit({ memberId: true }).partial().extend({ version });

export const voidBody = z.object({ version, reason: text('作废原因', 2, 500) });
export const versionBody = z.object({ version });
export const idParams = z.object({ id: z.uuid().describe('编号') });
export const listQuery = z.object({
  memberId: z.uuid().optional().describe('委员'),
  year: z.coerce.number().int().min(2000).max(2100).optional().describe('年度'),
  status: z.string().trim().max(20).optional().describe('状态'),
});
export const yearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional().describe('年度') });
