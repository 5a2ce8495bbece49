import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { Role } from '../../platform/auth/actor.js';
import { AppError } from '../../platform/errors.js';
import { assertOwned } from '../org/lookups.js';
import { members } from '../members/schema.js';

/** What ties an account to the committee's records, by role. */
export interface Links {
  roles?: Role[];
  office?: string | null;
  memberId?: string | null;
  unitId?: string | null;
  actsFor?: string[];
}

/** A role needs its link: staff an office, a member account its member, a unit account its unit. */
export async function checkLinks(db: Executor, committeeId: string, u: Links) {
  const r = u.roles ?? [];
  if (r.includes('staff') && !u.office) throw AppError.field('office', '所属部门', '机关工作人员须选择所属部门');
  if (r.includes('member') && !u.memberId) throw AppError.field('memberId', '关联委员', '委员账号须关联委员');
  if (r.includes('unit') && !u.unitId) throw AppError.field('unitId', '关联承办单位', '承办单位账号须关联单位');
  if (u.actsFor?.length && !r.includes('staff')) throw AppError.field('actsFor', '经办集体提案单位', '只有机关工作人员可以经办集体提案');
  if (r.includes('admin') && r.includes('auditor')) throw AppError.field('roles', '角色', '系统管理员与安全审计员不能由同一账号担任');
  if (r.includes('secadmin') && r.includes('auditor')) throw AppError.field('roles', '角色', '安全管理员与安全审计员不能由同一账号担任');
  if (r.includes('admin') && r.includes('secadmin')) throw AppError.field('roles', '角色', '系统管理员与安全管理员不能由同一账号担任');
  if (u.memberId) {
    const [m] = await db.select({ id: members.id }).from(members).where(and(eq(members.id, u.memberId), eq(members.committeeId, committeeId)));
    if (!m) throw AppError.field('memberId', '关联委员', '不存在');
  }
  await assertOwned(db, 'units', [u.unitId], committeeId, 'unitId', '关联承办单位');
}

/** The unique index on user names, as the error that names the field. */
export const uniqueUsername = { users_username_unique: { field: 'username', label: '用户名' } };
