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

  it('locks a name after five failures from one address for fifteen minutes, then lets the right password in', async () => {
    const clock = movableClock(t);
    const ip = '192.0.2.61';
    try {
      for (let i = 0; i < 4; i++) expect((await login(t, 'member2', 'Wrong@2026', { ip })).status).toBe(401);
      const fifth = await login(t, 'member2', 'Wrong@2026', { ip });
      expect(fifth.status).toBe(423);
      expect(fifth.body.message).toContain('锁定15分钟');
      clock.advance(14);
      const still = await login(t, 'member2', 'Demo@2026', { ip });
      expect(still.status).toBe(423);
      expect(still.body.message).toMatch(/请1分钟后再试/);
      clock.advance(1.5);
      expect((await login(t, 'member2', 'Demo@2026', { ip })).status).toBe(200);
      // the counter starts again from zero after a success
      for (let i = 0; i < 4; i++) expect((await login(t, 'member2', 'Wrong@2026', { ip })).status).toBe(401);
      expect((await login(t, 'member2', 'Demo@2026', { ip })).status).toBe(200);
    } finally {
      t.app.services.now = () => new Date();
    }
  });

  it('answers a known and an unknown name alike, guess after guess, locked or not (no enumeration)', async () => {
    const answers = async (username: string, ip: string) => {
      const out: string[] = [];
      for (let i = 0; i < 7; i++) {
        const res = await login(t, username, 'Wrong@2026', { ip });
        out.push(`${res.status} ${res.body.message}`);
      }
      return out;
    };
    const known = await answers('member', '192.0.2.71');
    const unknown = await answers('no_such_member', '192.0.2.72');
    expect(known).toEqual(unknown);
    expect(known.map((a) => a.slice(0, 3))).toEqual(['401', '401', '401', '401', '423', '423', '423']);
    // an unknown name that is locked still says "locked" for the right password of some account: nothing to learn
    expect((await login(t, 'member', 'Demo@2026', { ip: '192.0.2.71' })).status).toBe(423);
  });

  it('locks a name only from the address that guessed: nobody can lock the 三员 (or anyone) out of their own address', async () => {
    for (const [i, username] of ['admin', 'secadmin', 'auditor', 'member3'].entries()) {
      const attacker = `203.0.113.${66 + i}`;
      for (let i = 0; i < 8; i++) await login(t, username, 'Wrong@2026', { ip: attacker });
      expect((await login(t, username, 'Demo@2026', { ip: attacker })).status, username).toBe(423);
      expect((await login(t, username, 'Demo@2026', { ip: '198.51.100.66' })).status, username).toBe(200);
    }
  });

  it('lets no more than five of fifteen parallel guesses be checked, and the right password sent last does not get in', async () => {
    for (const [username, ip] of [['leader', '192.0.2.81'], ['no_such_leader', '192.0.2.82']] as const) {
      const tries = [...Array.from({ length: 14 }, () => 'Wrong@2026'), 'Demo@2026'];
      const answers = await Promise.all(tries.map((password) => login(t, username, password, { ip })));
      const checked = answers.filter((a) => a.status === 200 || (a.status === 401 && a.body.message.startsWith('用户名或密码错误')));
      expect(checked.length, username).toBeLessThanOrEqual(5);
      expect(answers.at(-1)!.status, username).toBe(423);
      expect(answers.every((a) => [401, 423].includes(a.status)), username).toBe(true);
    }
  });

  it('audits logins and failed logins of known accounts with the address they came from', async () => {
    await login(t, 'member3', 'Wrong@2026', { ip: '203.0.113.91' });
    await login(t, 'member3', 'Demo@2026', { ip: '203.0.113.92' });
    const rows = await t.database.query<{ action: string; after: { address?: string } }>(
      `select action, after from audit_log where subject_type = 'user' and action in ('auth.login', 'auth.login_failed') order by seq desc limit 2`,
    );
    expect(rows.map((r) => [r.action, r.after?.address])).toEqual([['auth.login', '203.0.113.92'], ['auth.login_failed', '203.0.113.91']]);
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

  it('enforces the password policy with Chinese reasons and ends other sessions after a change, dated by the app clock', async () => {
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
    // the change is stamped by the app's clock (a few minutes on), not the machine's
    const changedAt = new Date(Math.floor(Date.now() / 1000) * 1000 + 7 * 60_000);
    t.app.services.now = () => changedAt;
    try {
      expect((await member.post('/api/auth/password', { oldPassword: 'Demo@2026', newPassword: 'Str0ng#Pass' })).status).toBe(200);
    } finally {
      t.app.services.now = () => new Date();
    }
    const [stamped] = await t.database.query<{ password_changed_at: Date | string }>(`select password_changed_at from users where username = 'member3'`);
    expect(new Date(stamped.password_changed_at).toISOString()).toBe(changedAt.toISOString());
    expect((await other.get('/api/auth/me')).status).toBe(401);
    expect((await login(t, 'member3', 'Demo@2026')).status).toBe(401);
    expect((await login(t, 'member3', 'Str0ng#Pass')).status).toBe(200);
  });

  it('limits and audits guesses of the current password on the password form, then ends the guessing session', async () => {
    const clock = movableClock(t);
    try {
      const guesser = await signIn(t, 'member2');
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await guesser.post('/api/auth/password', { oldPassword: `Guess#${i}abc`, newPassword: 'Str0ng#Pass2' })).status);
      expect(statuses).toEqual([400, 400, 400, 400, 423]);
      expect((await guesser.get('/api/auth/me')).status).toBe(401); // the session that guessed is over
      // signing in again does not buy more guesses, not even the right one, until the lock runs out
      const again = await signIn(t, 'member2');
      const locked = await again.post('/api/auth/password', { oldPassword: 'Demo@2026', newPassword: 'Str0ng#Pass2' });
      expect([locked.status, locked.body.message]).toEqual([423, '原密码错误次数过多，请15分钟后再试']);
      const rows = await t.database.query<{ action: string }>(`select action from audit_log where action like 'auth.password%' and actor_name = (select display_name from users where username = 'member2') order by seq`);
      expect(rows.map((r) => r.action)).toEqual([...Array(4).fill('auth.password_check_failed'), 'auth.password_locked']);
      clock.advance(16);
      const later = await signIn(t, 'member2');
      expect((await later.post('/api/auth/password', { oldPassword: 'Demo@2026', newPassword: 'Str0ng#Pass2' })).status).toBe(200);
      // parallel guesses do not beat the limit either
      const racer = await signIn(t, 'member2', 'Str0ng#Pass2');
      const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => racer.post('/api/auth/password', { oldPassword: `Guess#${i}xyz`, newPassword: 'Str0ng#Pass3' })));
      expect(answers.filter((a) => a.status === 400).length).toBeLessThanOrEqual(4);
    } finally {
      t.app.services.now = () => new Date();
    }
  });

  it('rate-limits logins per client address, and a forged X-Forwarded-For does not step around it', async () => {
    const ip = '203.0.113.7';
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) statuses.push((await login(t, `no_such_user${i}`, 'x', { ip, forwardedFor: `192.0.2.${i}` })).status);
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    const limited = await login(t, 'member', 'Demo@2026', { ip });
    expect(limited.status).toBe(429);
    expect(limited.body.message).toBe('请求过于频繁，请稍后再试');
    // another address is not affected
    expect((await login(t, 'member', 'Demo@2026', { ip: '203.0.113.8' })).status).toBe(200);
  });
});
