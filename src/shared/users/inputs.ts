import { z } from 'zod';
import { offices, roles } from '../auth/roles.js';

/** What the web sends about accounts; the server validates every request with the same schemas. */

export const userInput = z.object({
  username: z.string().trim().min(3).max(32).regex(/^[A-Za-z0-9_.-]+$/).describe('用户名'),
  displayName: z.string().trim().min(1).max(40).describe('姓名'),
  roles: z.array(z.enum(roles).describe('角色')).min(1).max(4).describe('角色'),
  office: z.enum(offices).nullish().describe('所属部门'),
  memberId: z.uuid().nullish().describe('关联委员'),
  unitId: z.uuid().nullish().describe('关联承办单位'),
  actsFor: z.array(z.string().trim().min(2).max(60).describe('经办集体提案单位')).max(20).optional().describe('经办集体提案单位'),
  phone: z.string().trim().max(20).nullish().describe('手机号'),
  password: z.string().min(1).max(128).describe('初始密码'),
});
export const userPatch = userInput.omit({ password: true, username: true }).partial().extend({
  active: z.boolean().optional().describe('状态'),
  version: z.number().int().min(1).describe('版本'),
});
export const passwordReset = z.object({ password: z.string().min(1).max(128).describe('新密码') });
