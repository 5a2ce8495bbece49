import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { audit } from '../../platform/audit/audit.js';
import { systemActor, type Role } from '../../platform/auth/actor.js';
import { users } from '../../platform/auth/schema.js';
import { hashPassword } from '../../platform/auth/passwords.js';
import { endUserSessions } from '../../platform/auth/sessions.js';
import { AppError } from '../../platform/errors.js';
import { inTransaction } from '../../platform/jobs/after-commit.js';
import { committees } from '../../platform/tenancy/schema.js';
import { isOfficerRole, roleLabels } from '../../../shared/auth/roles.js';
import type { CliCommand } from '../../platform/modules/manifest.js';

/** The application refuses to grant or take away a 三员 role; the operator sets them with `officer`. */
export function refuseOfficerRoles(roles: readonly string[] | undefined, current: readonly string[] = []) {
  const changed = [...(roles ?? []), ...current].filter(isOfficerRole).filter((r) => (roles ?? current).includes(r) !== current.includes(r));
  if (changed.length) throw AppError.field('roles', '角色', `${changed.map((r) => roleLabels[r as Role]).join('、')}（三员）只能由运维人员在服务器上设置`);
}

/** A password the operator reads out once: 16 characters of letters, digits and a sign, past the complexity policy. */
const freshPassword = () => `${randomBytes(9).toString('base64url')}#A7`;

/**
 * Makes `username` of the committee the one 三员 account of `role`: creates it, or moves the role to
 * it, with a new password printed once; any other account holding the role loses it and its
 * sessions. An account holds one 三员 role only. The password is set at `now`, the operator's
 * clock (the command line's; there is no app clock outside the server), whether the account is new
 * or its password is reset: `passwordChangedAt` is what the password's age is reckoned from.
 * `setOfficer(database, { shortName: '龙岗区政协', username, role: 'auditor', displayName, now })`
 */
export async function setOfficer(
  database: Database,
  { shortName, username, role, displayName, now }: { shortName: string; username: string; role: 'admin' | 'secadmin' | 'auditor'; displayName?: string; now: Date },
): Promise<{ password: string; created: boolean }> {
  const [committee] = await database.db.select().from(committees).where(eq(committees.shortName, shortName));
  if (!committee) throw AppError.field('committee', '委员会简称', `没有简称为“${shortName}”的政协委员会`);
  const password = freshPassword();
  const passwordHash = await hashPassword(password);
  const operator = { ...systemActor(committee.id), name: '运维人员（命令行）' };
  const result = await inTransaction(database, async (uow) => {
    const holders = await uow.tx.select().from(users).where(eq(users.committeeId, committee.id));
    const [existing] = await uow.tx.select().from(users).where(eq(users.username, username));
    if (existing && existing.committeeId !== committee.id) throw AppError.field('username', '用户名', `“${username}”已被其他政协使用`);
    const others = (existing?.roles ?? []).filter((r) => isOfficerRole(r) && r !== role);
    if (others.length) throw AppError.field('roles', '角色', `该账号已担任${others.map((r) => roleLabels[r as Role]).join('、')}，三员不能由同一账号担任`);
    const demoted = holders.filter((h) => h.id !== existing?.id && h.roles.includes(role));
    for (const h of demoted) {
      await uow.tx.update(users).set({ roles: h.roles.filter((r) => r !== role), version: h.version + 1, updatedAt: now }).where(eq(users.id, h.id));
      await audit(uow.tx, operator, { action: 'user.update', subjectType: 'user', subjectId: h.id, before: { roles: h.roles }, after: { roles: h.roles.filter((r) => r !== role) }, note: `${roleLabels[role]}移交给${username}` });
    }
    if (existing) {
      const roles = [...new Set([...existing.roles, role])];
      await uow.tx.update(users).set({ roles, passwordHash, passwordChangedAt: now, active: true, version: existing.version + 1, updatedAt: now }).where(eq(users.id, existing.id));
      await audit(uow.tx, operator, { action: 'user.update', subjectType: 'user', subjectId: existing.id, before: { roles: existing.roles }, after: { roles }, note: `设为${roleLabels[role]}并重置密码` });
      return { ids: [existing.id, ...demoted.map((h) => h.id)], created: false };
    }
    const [row] = await uow.tx.insert(users).values({ committeeId: committee.id, username, displayName: displayName ?? roleLabels[role], roles: [role], passwordHash, passwordChangedAt: now }).returning();
    await audit(uow.tx, operator, { action: 'user.create', subjectType: 'user', subjectId: row.id, after: { username, roles: [role] }, note: `设为${roleLabels[role]}` });
    return { ids: demoted.map((h) => h.id), created: true };
  });
  // whoever's role changed signs in again
  for (const id of result.ids) await endUserSessions(database, id);
  return { password, created: result.created };
}

export const officerCommand: CliCommand = {
  usage: 'officer <委员会简称> <用户名> <admin|secadmin|auditor> [显示名] — 设置三员账号（系统管理员、安全管理员、安全审计员），输出一次性初始密码，请登录后立即修改',
  run: async (database, [shortName, username, role, displayName]) => {
    if (!shortName || !username || !['admin', 'secadmin', 'auditor'].includes(role ?? '')) {
      console.error('用法：officer <委员会简称> <用户名> <admin|secadmin|auditor> [显示名]');
      return 2;
    }
    // the command line's clock: the moment the operator set the password
    const r = await setOfficer(database, { shortName, username, role: role as 'admin' | 'secadmin' | 'auditor', displayName, now: new Date() });
    console.log(`${r.created ? '已创建' : '已设置'}${roleLabels[role as Role]}账号 ${username}，初始密码（仅显示一次，请登录后立即修改）：${r.password}`);
  },
};
