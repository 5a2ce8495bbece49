import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKinds } from '../support/db.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { signIn } from './support.js';

/**
 * /api/auth/session, the web client's first request on every page: it answers an anonymous visitor
 * with 200 and no user (a 401 there is an error in the portal visitor's console), and a logged-in
 * one with the same user and CSRF token as /api/auth/me, which keeps answering 401 without a session.
 */
describe.each(dbKinds)('the session probe on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it('answers every visitor: no user without a session, the user and CSRF token with one, none after logout', async () => {
    const anonymous = await t.anonymous.get('/api/auth/session');
    expect([anonymous.status, anonymous.body]).toEqual([200, { user: null, csrfToken: null }]);
    expect((await t.anonymous.get('/api/auth/me')).status).toBe(401);

    const member = await signIn(t, 'member');
    const session = await member.get('/api/auth/session');
    const me = await member.get('/api/auth/me');
    expect(session.status).toBe(200);
    expect(session.body).toEqual(me.body);
    expect(session.body.user.roles).toContain('member');

    expect((await member.post('/api/auth/logout')).status).toBe(200);
    expect((await member.get('/api/auth/session')).body).toEqual({ user: null, csrfToken: null });
  });
});
