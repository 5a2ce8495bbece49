import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKinds } from '../support/db.js';
import { startTestApp, type Client, type TestApp } from '../support/app.js';
import { ok } from '../support/proposals.js';
import { signIn } from './support.js';

/** 用户与角色: accounts, their links and roles, and what a change does to open sessions. */
describe.each(dbKinds)('user accounts on %s', (kind) => {
  let t: TestApp;
  let admin: Client;
  beforeAll(async () => {
    t = await startTestApp(kind);
    admin = await signIn(t, 'admin');
  });
  afterAll(() => t.close());

  const newUser = { username: 'new_staff', displayName: '新同事', roles: ['staff'], office: 'info', password: 'Welcome#2026' };

  it('creates an account that can log in, never showing the password hash, and edits it with a version check', async () => {
    // the initial password is set at the app's clock (a few minutes on), not the machine's
    const createdAt = new Date(Math.floor(Date.now() / 1000) * 1000 + 7 * 60_000);
    t.app.services.now = () => createdAt;
    const u = await ok(admin.post('/api/users', newUser)).finally(() => (t.app.services.now = () => new Date()));
    const [stamped] = await t.database.query<{ password_changed_at: Date | string }>('select password_changed_at from users where id = $1', [u.id]);
    expect(new Date(stamped.password_changed_at).toISOString()).toBe(createdAt.toISOString());
    expect(u).not.toHaveProperty('passwordHash');
    expect(JSON.stringify((await ok(admin.get('/api/users'))).items)).not.toMatch(/scrypt\$/);
    const me = await signIn(t, 'new_staff', 'Welcome#2026');
    expect((await ok(me.get('/api/auth/me'))).user.office).toBe('info');
    const edited = await ok(admin.patch(`/api/users/${u.id}`, { version: 1, displayName: '新同事（信息科）' }));
    expect(edited.version).toBe(2);
    expect((await admin.patch(`/api/users/${u.id}`, { version: 1, displayName: '过期' })).status).toBe(409);
    // a role change or disabling ends the account's open sessions at once
    await ok(admin.patch(`/api/users/${u.id}`, { version: 2, office: 'members' }));
    expect((await me.get('/api/auth/me')).status).toBe(200);
    await ok(admin.patch(`/api/users/${u.id}`, { version: 3, roles: ['staff', 'leader'] }));
    expect((await me.get('/api/auth/me')).status).toBe(401);
    const again = await signIn(t, 'new_staff', 'Welcome#2026');
    await ok(admin.patch(`/api/users/${u.id}`, { version: 4, active: false }));
    expect((await again.get('/api/auth/me')).status).toBe(401);
    const login = await t.anonymous.post('/api/auth/login', { username: 'new_staff', password: 'Welcome#2026' });
    expect([login.status, login.body.message]).toEqual([401, '该账号已停用，请联系管理员']);
  });

  it('names the field in Chinese for every refused account', async () => {
    const cases: [object, string][] = [
      [{ ...newUser, username: 'ab' }, '用户名：至少3个字'],
      [{ ...newUser, username: '中文名' }, '用户名：格式不正确'],
      [{ ...newUser, username: 'admin' }, '用户名：已存在相同的值'],
      [{ ...newUser, username: 'weak_pw', password: 'password' }, '初始密码：密码须包含大写字母、小写字母、数字、符号中的至少三类'],
      [{ ...newUser, username: 'short_pw', password: 'Aa1!' }, '初始密码：密码至少8位'],
      [{ ...newUser, username: 'has_name', password: 'has_name#2026A' }, '初始密码：密码不能包含用户名'],
      [{ ...newUser, username: 'no_office', office: null }, '所属部门：机关工作人员须选择所属部门'],
      [{ ...newUser, username: 'no_member', roles: ['member'] }, '关联委员：委员账号须关联委员'],
      [{ ...newUser, username: 'no_unit', roles: ['unit'] }, '关联承办单位：承办单位账号须关联单位'],
      [{ ...newUser, username: 'two_hats', roles: ['admin', 'auditor'] }, '角色：系统管理员与安全审计员不能由同一账号担任'],
      [{ ...newUser, username: 'two_hats2', roles: ['secadmin', 'auditor'] }, '角色：安全管理员与安全审计员不能由同一账号担任'],
      [{ ...newUser, username: 'two_hats3', roles: ['admin', 'secadmin'] }, '角色：系统管理员与安全管理员不能由同一账号担任'],
      // 三员 roles are the operator's to set on the server, not the system administrator's to grant
      [{ ...newUser, username: 'new_auditor', roles: ['auditor'] }, '角色：安全审计员（三员）只能由运维人员在服务器上设置'],
      [{ ...newUser, username: 'bad_role', roles: ['root'] }, '角色：不在可选范围内'],
      [{ ...newUser, username: 'far_member', roles: ['member'], memberId: '00000000-0000-4000-8000-000000000000' }, '关联委员：不存在'],
    ];
    for (const [body, message] of cases) {
      const res = await admin.post('/api/users', body);
      expect(res.status, message).toBe(400);
      expect(res.body.message).toBe(message);
    }
    const users = (await ok(admin.get('/api/users'))).items.map((u: any) => u.username);
    expect(users.filter((u: string) => ['ab', 'weak_pw', 'short_pw', 'has_name', 'no_office', 'two_hats', 'far_member'].includes(u))).toEqual([]);
  });

  it('lets the security administrator reset a password and unlock, ending the old sessions', async () => {
    const secadmin = await signIn(t, 'secadmin');
    const member2 = await signIn(t, 'member2');
    for (let i = 0; i < 5; i++) await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'member2', password: 'Wrong#1234' }, remoteAddress: '192.0.2.44' });
    // the lock holds the address that guessed (another address is not locked: auth.service.test.ts)
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'member2', password: 'Demo@2026' }, remoteAddress: '192.0.2.44' })).statusCode).toBe(423);
    const id = (await ok(admin.get('/api/users'))).items.find((u: any) => u.username === 'member2').id;
    const weak = await secadmin.post(`/api/users/${id}/reset-password`, { password: '12345678' });
    expect(weak.body.message).toBe('新密码：密码须包含大写字母、小写字母、数字、符号中的至少三类');
    const reset = await ok(secadmin.post(`/api/users/${id}/reset-password`, { password: 'Reset#2026x' }));
    expect(reset).not.toHaveProperty('passwordHash');
    expect((await member2.get('/api/auth/me')).status).toBe(401);
    expect((await signIn(t, 'member2', 'Reset#2026x')).cookie).toMatch(/^sl_session=/);
    // and the reset unlocked the address that had guessed
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'member2', password: 'Reset#2026x' }, remoteAddress: '192.0.2.44' })).statusCode).toBe(200);
  });

  it('三员分立: no one of the three grants, strips, deactivates or resets another in the application; the operator sets them on the server', async () => {
    const secadmin = await signIn(t, 'secadmin');
    const all = (await ok(admin.get('/api/users'))).items;
    const idOf = (username: string) => all.find((u: any) => u.username === username).id;
    const versionOf = (username: string) => all.find((u: any) => u.username === username).version;
    // the admin may not take the secadmin's role, deactivate the auditor, or make a staff member the auditor
    expect((await admin.patch(`/api/users/${idOf('auditor')}`, { version: versionOf('auditor'), active: false })).status).toBe(403);
    expect((await admin.patch(`/api/users/${idOf('secadmin')}`, { version: versionOf('secadmin'), roles: ['staff'], office: 'general' })).status).toBe(403);
    const promote = await admin.patch(`/api/users/${idOf('staff')}`, { version: versionOf('staff'), roles: ['staff', 'auditor'] });
    expect(promote.status).toBe(400);
    expect(promote.body.message).toBe('角色：安全审计员（三员）只能由运维人员在服务器上设置');
    // the security admin may not reset the admin's or the auditor's password (and sign in as them)
    for (const who of ['admin', 'auditor']) expect((await secadmin.post(`/api/users/${idOf(who)}/reset-password`, { password: 'Reset#2026x' })).status).toBe(403);
    expect((await signIn(t, 'auditor')).cookie).toMatch(/^sl_session=/);

    // the operator moves the auditor's role to a new account: the old one loses it and its sessions
    const { setOfficer } = await import('../../src/server/modules/users/officers.js');
    const oldAuditor = await signIn(t, 'auditor');
    // the password is set at the command line's clock, given to it (here a few minutes on, unlike the database's)
    const setAt = new Date(Math.floor(Date.now() / 1000) * 1000 + 5 * 60_000);
    const r = await setOfficer(t.database, { shortName: '龙岗区政协', username: 'lg_auditor2', role: 'auditor', displayName: '审计员 钱二', now: setAt });
    expect(r.created).toBe(true);
    const changedAt = async () =>
      new Date((await t.database.query<{ password_changed_at: Date | string }>('select password_changed_at from users where username = $1', ['lg_auditor2']))[0].password_changed_at).toISOString();
    expect(await changedAt()).toBe(setAt.toISOString());
    expect((await oldAuditor.get('/api/audit')).status).toBe(401);
    const fresh = await signIn(t, 'lg_auditor2', r.password);
    expect((await fresh.get('/api/audit')).status).toBe(200);
    const roles = (await ok(admin.get('/api/users'))).items.find((u: any) => u.username === 'auditor').roles;
    expect(roles).not.toContain('auditor');
    // one account holds one of the three
    await expect(setOfficer(t.database, { shortName: '龙岗区政协', username: 'lg_auditor2', role: 'admin', now: setAt })).rejects.toThrow('三员不能由同一账号担任');
    // setting the role again on the existing account resets its password, at the command line's clock
    const resetAt = new Date(setAt.getTime() + 60 * 60_000);
    const again = await setOfficer(t.database, { shortName: '龙岗区政协', username: 'lg_auditor2', role: 'auditor', now: resetAt });
    expect(again.created).toBe(false);
    expect(await changedAt()).toBe(resetAt.toISOString());
    expect((await signIn(t, 'lg_auditor2', again.password)).cookie).toMatch(/^sl_session=/);
  });
});
