import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKinds } from '../support/db.js';
import { client, startTestApp, type TestApp } from '../support/app.js';
import { freshAddress, movableClock, send, sessionCookie, signIn } from './support.js';

const chinese = /[\u4e00-\u9fa5]/;
const login = (t: TestApp, username: string, password: string, extra: { cookie?: string; ip?: string; forwardedFor?: string } = {}) =>
  send(t, {
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    remoteAddress: extra.ip ?? freshAddress(),
    headers: { ...(extra.cookie ? { cookie: extra.cookie } : {}), ...(extra.forwardedFor ? { 'x-forwarded-for': extra.forwardedFor } : {}) },
  });

/**
 * Logging in and staying logged in (等保 identity controls): messages, lockout, timeouts, session
 * fixation, logout, password policy and the login rate limit. Time moves through the app's `now`
 * service, never by sleeping.
 */
describe.each(dbKinds)('authentication on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it('answers success and failure in Chinese without telling which usernames exist', async () => {
    const ok = await login(t, 'member', 'Demo@2026');
    expect(ok.status).toBe(200);
    expect(ok.body.user.displayName).toMatch(chinese);
    expect(ok.body.csrfToken).toBeTruthy();
    const wrong = await login(t, 'member', 'Wrong@2026');
    const unknown = await login(t, 'no_such_user', 'Wrong@2026');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.message).toContain('用户名或密码错误');
    expect(unknown.body.message).toBe(wrong.body.message);
    const empty = await login(t, '', '');
    expect(empty.status).toBe(400);
    expect(empty.body.fields.map((f: any) => f.label)).toEqual(['用户名', '密码']);
  });

  it('locks after five failures for fifteen minutes, then lets the right password in', async () => {
    const clock = movableClock(t);
    try {
      for (let i = 0; i < 4; i++) expect((await login(t, 'member2', 'Wrong@2026')).status).toBe(401);
      const fifth = await login(t, 'member2', 'Wrong@2026');
      expect(fifth.status).toBe(423);
      expect(fifth.body.message).toContain('锁定15分钟');
      clock.advance(14);
      const still = await login(t, 'member2', 'Demo@2026');
      expect(still.status).toBe(423);
      expect(still.body.message).toMatch(/请1分钟后再试/);
      clock.advance(1.5);
      expect((await login(t, 'member2', 'Demo@2026')).status).toBe(200);
      // the counter starts again from zero after a success
      for (let i = 0; i < 4; i++) expect((await login(t, 'member2', 'Wrong@2026')).status).toBe(401);
      expect((await login(t, 'member2', 'Demo@2026')).status).toBe(200);
    } finally {
      t.app.services.now = () => new Date();
    }
  });

  it('ends a session idle for longer than the timeout, keeps an active one up to its maximum age', async () => {
    const clock = movableClock(t);
    try {
      const idle = await signIn(t, 'member');
      const active = await signIn(t, 'member3');
      clock.advance(20);
      expect((await idle.get('/api/auth/me')).status).toBe(200); // 20 min idle: still in
      expect((await active.get('/api/auth/me')).status).toBe(200);
      clock.advance(25);
      expect((await active.get('/api/auth/me')).status).toBe(200);
      clock.advance(26); // the idle one has now waited 51 minutes, the active one 26
      const expired = await idle.get('/api/auth/me');
      expect(expired.status).toBe(401);
      expect(expired.body.message).toBe('请先登录');
      expect((await active.get('/api/auth/me')).status).toBe(200);
      // an active session lives through the working day but not past its 12 hours
      for (let minutes = 71; minutes < 11.5 * 60; minutes += 25) {
        clock.advance(25);
        expect((await active.get('/api/auth/me')).status, `after ${minutes} min`).toBe(200);
      }
      clock.advance(40);
      expect((await active.get('/api/auth/me')).status).toBe(401);
      // and an expired session stays expired when the clock is set back
      t.app.services.now = () => new Date();
      expect((await idle.get('/api/auth/me')).status).toBe(401);
    } finally {
      t.app.services.now = () => new Date();
    }
  });

  it('gives a new session id at login, so a planted or earlier session id is useless', async () => {
    const planted = 'sl_session=attacker-chosen-value';
    const res = await login(t, 'member', 'Demo@2026', { cookie: planted });
    const issued = sessionCookie(res.headers['set-cookie']);
    expect(issued).toMatch(/^sl_session=.{40,}/);
    expect(issued).not.toBe(planted);
    // someone's own valid session, planted in a victim's browser, ends when the victim logs in
    const attacker = await signIn(t, 'member3');
    const victim = await login(t, 'member', 'Demo@2026', { cookie: attacker.cookie });
    expect(sessionCookie(victim.headers['set-cookie'])).not.toBe(attacker.cookie);
    expect((await attacker.get('/api/auth/me')).status).toBe(401);
    const asVictim = client(t.app, sessionCookie(victim.headers['set-cookie']), victim.body.csrfToken);
    expect((await asVictim.get('/api/auth/me')).body.user.username).toBe('member');
  });

  it('logout ends the session on the server, not only in the browser', async () => {
    const member = await signIn(t, 'member');
    const out = await member.post('/api/auth/logout');
    expect(out.status).toBe(200);
    expect(String(out.headers['set-cookie'])).toMatch(/sl_session=;/);
    // replaying the old cookie after logout does not work
    expect((await member.get('/api/auth/me')).status).toBe(401);
    expect((await member.post('/api/notifications/read-all')).status).toBe(401);
  });

  it('enforces the password policy with Chinese reasons and ends other sessions after a change', async () => {
    const member = await signIn(t, 'member3');
    const other = await signIn(t, 'member3');
    const cases: [string, string][] = [
      ['Ab1!', '密码至少8位'],
      ['abcdefgh1', '至少三类'],
      ['member3@Abc', '不能包含用户名'],
      ['Demo@2026', '不能与原密码相同'],
    ];
    for (const [newPassword, reason] of cases) {
      const res = await member.post('/api/auth/password', { oldPassword: 'Demo@2026', newPassword });
      expect(res.status, newPassword).toBe(400);
      expect(res.body.fields[0].label).toBe('新密码');
      expect(res.body.message).toContain(reason);
    }
    const badOld = await member.post('/api/auth/password', { oldPassword: 'nope', newPassword: 'Str0ng#Pass' });
    expect(badOld.status).toBe(400);
    expect(badOld.body.message).toBe('原密码：不正确');
    expect((await member.post('/api/auth/password', { oldPassword: 'Demo@2026', newPassword: 'Str0ng#Pass' })).status).toBe(200);
    expect((await other.get('/api/auth/me')).status).toBe(401);
    expect((await login(t, 'member3', 'Demo@2026')).status).toBe(401);
    expect((await login(t, 'member3', 'Str0ng#Pass')).status).toBe(200);
  });

  it('rate-limits logins per client address, and a forged X-Forwarded-For does not step around it', async () => {
    const ip = '203.0.113.7';
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) statuses.push((await login(t, 'no_such_user', 'x', { ip, forwardedFor: `192.0.2.${i}` })).status);
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    const limited = await login(t, 'member', 'Demo@2026', { ip });
    expect(limited.status).toBe(429);
    expect(limited.body.message).toBe('请求过于频繁，请稍后再试');
    // another address is not affected
    expect((await login(t, 'member', 'Demo@2026', { ip: '203.0.113.8' })).status).toBe(200);
  });
});
