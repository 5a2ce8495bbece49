import { z } from 'zod';
import { keysOf } from '../labels.js';
import { genders, memberStatuses, positions } from './labels.js';

/** What the web sends about members; the server validates every request (and every roster row) with the same schemas. */

const optionalText = (label: string, max: number) => z.string().trim().max(max).describe(label).nullish();

/** The fields of a member, without defaults (so a partial update never resets a field); the form checks each against these. */
export const memberFields = z.object({
  termId: z.uuid().describe('届次'),
  code: z.string().trim().min(1).max(20).describe('委员编号'),
  name: z.string().trim().min(1).max(40).describe('姓名'),
  gender: z.enum(genders).describe('性别'),
  ethnicity: z.string().trim().min(1).max(20).describe('民族'),
  birthDate: z.iso.date().describe('出生日期').nullish(),
  partyId: z.uuid().describe('党派').nullish(),
  sectorId: z.uuid().describe('界别').nullish(),
  specialCommitteeIds: z.array(z.uuid().describe('专委会')).max(5).describe('专委会'),
  position: z.enum(positions).describe('职务'),
  studioId: z.uuid().describe('委员工作室').nullish(),
  streetGroupId: z.uuid().describe('街道联络组').nullish(),
  workplace: optionalText('工作单位', 100),
  jobTitle: optionalText('职务职称', 100),
  phone: z.string().trim().regex(/^[0-9+\- ]{5,20}$/).describe('联系电话').nullish().or(z.literal('').transform(() => null)),
  email: z.email().describe('电子邮箱').nullish().or(z.literal('').transform(() => null)),
  status: z.enum(keysOf(memberStatuses)).describe('状态'),
});

/** A member as entered on the form or in a roster row (references already resolved to ids). */
export const memberInput = memberFields.extend({
  ethnicity: memberFields.shape.ethnicity.default('汉族'),
  specialCommitteeIds: memberFields.shape.specialCommitteeIds.default([]),
  position: memberFields.shape.position.default('member'),
  status: memberFields.shape.status.default('active'),
});
export type MemberInput = z.output<typeof memberInput>;

export const memberPatch = memberFields.partial().extend({ version: z.number().int().min(1).describe('版本') });

export const memberQuery = z.object({
  q: z.string().trim().max(50).optional().describe('关键词'),
  sectorId: z.uuid().optional().describe('界别'),
  specialCommitteeId: z.uuid().optional().describe('专委会'),
  position: z.enum(positions).optional().describe('职务'),
  termId: z.uuid().optional().describe('届次'),
  page: z.coerce.number().int().min(1).max(10000).default(1).describe('页码'),
  pageSize: z.coerce.number().int().min(1).max(500).default(20).describe('每页条数'),
});
