import { and, eq } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client.js';
import type { Actor, Role } from '../../platform/auth/actor.js';
import { users } from '../../platform/auth/schema.js';
import { hashPassword, passwordProblem } from '../../platform/auth/passwords.js';
import { endUserSessions } from '../../platform/auth/sessions.js';
import { AppError } from '../../platform/errors.js';
import { createRecord, loadRecord, updateRecord } from '../../platform/records/records.js';
import { assertOwned } from '../org/lookups.js';
import { members } from '../members/schema.js';
import { userPolicy } from './policy.js';

export type User = typeof users.$inferSelect;
const uniqueUsername = { users_username_unique: { field: 'username', label: '用户名' } };

interface Links {
  roles?: Role[];
  office?: string | null;
  memberId?: string | null;
  unitId?: string | null;
  actsFor?: string[];
}

/** A role needs its link: staff an office, a member account its member, a unit account its unit. */
async function checkLinks(db: Executor, committeeId: string, u: Links) {
  const r = u.roles ?? [];
  if (r.includes('staff') && !u.office) throw AppError.field('office', '所属部门', '机关工作人员须选择所属部门');
  if (r.includes('member') && !u.memberId) throw AppError.field('memberId', '关联委员', '委员账号须关联委员');
  if (r.includes('unit') && !u.unitId) throw AppError.field('unitId', '关联承办单位', '承办单位账号须关联单位');
  if (u.actsFor?.length && !r.includes('staff')) throw AppError.field('actsFor', '经办集体提案单位', '只有机关工作人员可以经办集体提案');
  if (r.includes('admin') && r.includes('auditor')) throw AppError.field('roles', '角色', '系统管理员与安全审计员不能由同一账号担任');
  if (r.includes('secadmin') && r.includes('auditor')) throw AppError.field('roles', '角色', '安全管理员与安全审计员不能由同一账号担任');
  if (u.memberId) {
    const [m] = await db.select({ id: members.id }).from(members).where(and(eq(members.id, u.memberId), eq(members.committeeId, committeeId)));
    if (!m) throw AppError.field('memberId', '关联委员', '不存在');
  }
  await assertOwned(db, 'units', [u.unitId], committeeId, 'unitId', '关联承办单位');
}

export async function createUser(database: Database, actor: Actor, input: Links & { username: string; displayName: string; roles: Role[]; password: string; phone?: string | null }) {
  const problem = passwordProblem(input.password, input.username);
  if (problem) throw AppError.field('password', '初始密码', problem);
  await checkLinks(database.db, actor.committeeId, input);
  const { password, ...rest } = input;
  return createRecord<User>(database, { table: users, policy: userPolicy, actor, values: { ...rest, passwordHash: await hashPassword(password) }, uniqueFields: uniqueUsername });
}

export async function updateUser(database: Database, actor: Actor, id: string, version: number, changes: Links & { active?: boolean; displayName?: string }) {
  const current = await loadRecord<User>(database.db, users, id, actor, userPolicy);
  const merged = { roles: current.roles as Role[], office: current.office, memberId: current.memberId, unitId: current.unitId, actsFor: current.actsFor, ...changes };
  await checkLinks(database.db, actor.committeeId, merged);
  if (changes.roles && current.id === actor.userId) throw AppError.field('roles', '角色', '不能修改自己的角色');
  const row = await updateRecord<User>(database, { table: users, policy: userPolicy, actor, id, version, changes: { ...changes }, uniqueFields: uniqueUsername });
  if (changes.active === false || changes.roles) await endUserSessions(database, id);
  return row;
}

export async function resetPassword(database: Database, actor: Actor, id: string, password: string) {
  const current = await loadRecord<User>(database.db, users, id, actor, userPolicy);
  const problem = passwordProblem(password, current.username);
  if (problem) throw AppError.field('password', '新密码', problem);
  const row = await updateRecord<User>(database, {
    table: users, policy: userPolicy, actor, id, version: current.version, action: 'resetPassword',
    changes: { passwordHash: await hashPassword(password), passwordChangedAt: new Date(), failedLogins: 0, lockedUntil: null },
  });
  await endUserSessions(database, id);
  return row;
}

/** Accounts as the client sees them: never the password hash. */
export function presentUser({ passwordHash: _omit, ...u }: User, actions: string[]) {
  return { ...u, actions };
}
