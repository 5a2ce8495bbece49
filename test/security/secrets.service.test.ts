import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildApp } from '../../src/server/app.js';
import { dbKinds } from '../support/db.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { ok } from '../support/proposals.js';
import { signIn } from '../foundation/support.js';

/**
 * Secrets never reach the audit trail or the logs (issue 19, finding 2): whatever table a row is
 * of, its password hash, session id, CSRF value, token or signing secret is not in `before`,
 * `after` or `note`; a logged error carries no hash and no request's cookie or CSRF value.
 */
describe.each(dbKinds)('secrets in the audit trail and the logs on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  /** Every secret the database holds now: password hashes, session ids and CSRF values, installation secrets. */
  async function secretsNow(): Promise<string[]> {
    const rows = await t.database.query<{ v: string }>(
      `select password_hash as v from users union all select id from sessions union all select csrf_token from sessions union all select secret from installation_secrets`,
    );
    return rows.map((r) => r.v).filter((v) => v.length >= 16);
  }

  it('keeps password hashes, session ids, CSRF values and secrets out of every audit row', async () => {
    const admin = await signIn(t, 'admin');
    const secadmin = await signIn(t, 'secadmin');
    // an account created, its password reset by the security administrator, then changed by its holder
    const created = await ok(admin.post('/api/users', { username: 'secret_probe', displayName: '保密测试', roles: ['staff'], office: 'info', password: 'First#2026pw' }));
    await ok(secadmin.post(`/api/users/${created.id}/reset-password`, { password: 'Second#2026pw' }));
    const holder = await signIn(t, 'secret_probe', 'Second#2026pw');
    await ok(holder.post('/api/auth/password', { oldPassword: 'Second#2026pw', newPassword: 'Third#2026pw' }));
    await signIn(t, 'secret_probe', 'Third#2026pw');
    // a check-in code is signed with an installation secret
    const office = await signIn(t, 'office');
    const at = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
    const meeting = await ok(office.post('/api/meetings', { kind: 'reading', title: '保密测试读书会', startsAt: at(0), endsAt: at(0.1), invitations: [{ type: 'everyone' }] }));
    await ok(office.get(`/api/meetings/${meeting.id}/qr`));

    const trail = await t.database.query<{ action: string; row: string }>(`select action, coalesce(before::text, '') || ' ' || coalesce(after::text, '') || ' ' || coalesce(note, '') as row from audit_log`);
    const userRows = trail.filter((r) => r.action.startsWith('user.') || r.action.startsWith('auth.'));
    expect(userRows.map((r) => r.action)).toEqual(expect.arrayContaining(['user.create', 'user.resetPassword', 'auth.password_changed', 'auth.login']));
    const problems: string[] = [];
    for (const r of trail) if (/scrypt\$/.test(r.row)) problems.push(`${r.action} holds a password hash`);
    for (const secret of await secretsNow()) for (const r of trail) if (r.row.includes(secret)) problems.push(`${r.action} holds a secret ${secret.slice(0, 12)}…`);
    expect(problems).toEqual([]);
    // the row still says what changed, without the value
    const create = trail.find((r) => r.action === 'user.create' && r.row.includes('secret_probe'))!;
    expect(create.row).toContain('[已隐去]');
  });

  it('logs an unhandled error without the hash in its query, and no request’s cookie or CSRF value', async () => {
    const lines: string[] = [];
    const app = await buildApp({ database: t.database, config: t.config, logStream: { write: (line) => void lines.push(line) } });
    const [{ password_hash: hash }] = await t.database.query<{ password_hash: string }>(`select password_hash from users where username = 'admin'`);
    // a statement that fails in the database with a password hash among its parameters, as a failed write of an account would
    app.post('/api/test/failing-write', { config: { public: true } }, async () => {
      await t.database.db.execute(sql`select ${hash}::text as password_hash, 1 / 0 as boom`);
      return { ok: true };
    });
    await app.ready();
    const member = await signIn(t, 'member');
    const res = await app.inject({ method: 'POST', url: '/api/test/failing-write', headers: { cookie: member.cookie, 'x-csrf-token': member.csrf }, payload: {} });
    await app.close();
    expect(res.statusCode).toBe(500);
    const log = lines.join('');
    expect(log).toContain('unhandled error');
    expect(log).toMatch(/division by zero/);
    expect(log).not.toContain(hash);
    expect(log).not.toMatch(/scrypt\$/);
    expect(log).not.toContain(member.cookie.split('=')[1]);
    expect(log).not.toContain(member.csrf);
  });
});
