import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKinds } from '../support/db.js';
import { startTestApp, type Client, type TestApp } from '../support/app.js';
import { notify } from '../../src/server/platform/notifications/notify.js';
import { signIn } from './support.js';

/**
 * A sample of policy-table rows (policy-tables.test.ts) through HTTP, so the routes really ask the
 * policies they claim to: each row is account × request → status. 404 for what the account may
 * not even read (another committee's records look missing), 403 for a readable record it may not
 * change.
 */
const accounts = ['admin', 'secadmin', 'auditor', 'staff', 'roster', 'office', 'info', 'leader', 'member', 'member2', 'unit', 'ft_admin', 'ft_secadmin', 'ft_roster', 'ft_office', 'ft_member'];

describe.each(dbKinds)('policies through HTTP on %s', (kind) => {
  let t: TestApp;
  const as: Record<string, Client> = {};
  const id: Record<string, string> = {};
  beforeAll(async () => {
    t = await startTestApp(kind);
    for (const a of accounts) as[a] = await signIn(t, a);
    const users = (await as.admin.get('/api/users')).body.items as any[];
    for (const u of users) id[`user:${u.username}`] = u.id;
    id.member = (await as.member.get('/api/auth/me')).body.user.memberId;
    id.member2 = (await as.member2.get('/api/auth/me')).body.user.memberId;
    id.unit = (await as.admin.get('/api/org/units')).body.items[0].id;
    id.term = (await as.admin.get('/api/org/terms')).body.items[0].id;
  }, 120_000);
  afterAll(() => t.close());

  type Case = [account: string, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: () => string, body: unknown, status: number, why: string, message?: string];
  const cases: Case[] = [
    // organisation
    ['member', 'GET', () => '/api/org/sectors', undefined, 200, 'everyone reads the organisation'],
    ['auditor', 'GET', () => '/api/org/terms', undefined, 200, 'everyone reads the organisation'],
    ['member', 'POST', () => '/api/org/sectors', { name: '委员想加的界别' }, 403, 'a member does not keep the organisation'],
    ['staff', 'PATCH', () => `/api/org/units/${id.unit}`, { version: 1, note: 'x' }, 403, 'the proposal office does not keep catalogs'],
    ['secadmin', 'POST', () => '/api/org/parties', { name: '安全管理员的党派' }, 403, 'the security admin does not keep catalogs'],
    ['office', 'POST', () => '/api/org/studios', { name: '办公室新增工作室', kind: 'regional' }, 200, 'the general office keeps catalogs'],
    ['ft_office', 'PATCH', () => `/api/org/units/${id.unit}`, { version: 1, note: 'x' }, 404, '福田 staff on a 龙岗 unit'],
    ['ft_admin', 'PATCH', () => `/api/org/terms/${id.term}`, { version: 1, name: '改' }, 404, '福田 admin on a 龙岗 term'],
    ['ft_admin', 'POST', () => '/api/org/sessions', () => ({ termId: id.term, number: 9, name: '跨区会议', year: 2027, startDate: '2027-01-10', endDate: '2027-01-12' }), 400, 'a 龙岗 term is not a 福田 term', '届次：不存在'],
    // members
    ['unit', 'GET', () => `/api/members/${id.member}`, undefined, 200, 'units read the roster'],
    ['secadmin', 'GET', () => `/api/members/${id.member}`, undefined, 404, 'the 三员 security admin has no roster'],
    ['auditor', 'GET', () => '/api/members', undefined, 404, 'the auditor has no roster'],
    ['member', 'PATCH', () => `/api/members/${id.member}`, { version: 1, workplace: '自己改' }, 403, 'members do not edit the roster, even their own record'],
    ['staff', 'POST', () => '/api/members', () => ({ termId: id.term, code: 'P0001', name: '提案委加的', gender: '男' }), 403, 'only the members and general offices keep the roster'],
    ['member', 'GET', () => '/api/members/export', undefined, 403, 'members cannot export the roster'],
    ['leader', 'GET', () => '/api/members/export', undefined, 200, 'leaders export the roster'],
    ['ft_roster', 'GET', () => `/api/members/${id.member}`, undefined, 404, '福田 members office on a 龙岗 member'],
    ['ft_roster', 'PATCH', () => `/api/members/${id.member}`, { version: 1, workplace: '跨区' }, 404, '福田 members office edits a 龙岗 member'],
    // users and 三员分立
    ['staff', 'GET', () => '/api/users', undefined, 404, 'staff do not see accounts'],
    ['auditor', 'GET', () => '/api/users', undefined, 200, 'the auditor reads accounts'],
    ['auditor', 'PATCH', () => `/api/users/${id['user:member2']}`, { version: 1, roles: ['admin'] }, 403, 'the auditor cannot change roles'],
    ['auditor', 'POST', () => `/api/users/${id['user:member2']}/reset-password`, { password: 'Reset#2026x' }, 403, 'the auditor cannot reset passwords'],
    ['secadmin', 'PATCH', () => `/api/users/${id['user:member2']}`, { version: 1, roles: ['member', 'admin'] }, 403, 'the security admin cannot grant admin'],
    ['secadmin', 'POST', () => '/api/users', { username: 'sec_made', displayName: '新管理员', roles: ['admin'], password: 'Strong#2026x' }, 403, 'the security admin cannot create accounts'],
    ['secadmin', 'POST', () => `/api/users/${id['user:secadmin']}/reset-password`, { password: 'Reset#2026x' }, 403, 'nobody resets their own password here'],
    ['secadmin', 'POST', () => `/api/users/${id['user:member2']}/reset-password`, { password: 'Reset#2026x' }, 200, 'the security admin resets passwords'],
    ['admin', 'POST', () => `/api/users/${id['user:auditor']}/reset-password`, { password: 'Reset#2026x' }, 403, 'the admin cannot take over the auditor account'],
    ['admin', 'PATCH', () => `/api/users/${id['user:admin']}`, { version: 1, roles: ['admin', 'secadmin'] }, 403, 'no one changes a 三员 account in the application, their own included'],
    ['ft_admin', 'PATCH', () => `/api/users/${id['user:member']}`, { version: 1, displayName: '跨区' }, 404, '福田 admin on a 龙岗 account'],
    ['ft_secadmin', 'POST', () => `/api/users/${id['user:member']}/reset-password`, { password: 'Reset#2026x' }, 404, '福田 security admin on a 龙岗 account'],
    // the audit trail: the admin neither reads nor erases it
    ['admin', 'GET', () => '/api/audit', undefined, 404, 'the admin cannot read the audit trail'],
    ['admin', 'GET', () => '/api/audit/verify', undefined, 404, 'nor verify it'],
    ['admin', 'PUT', () => '/api/settings/security', { version: 0, values: { auditRetentionDays: 3650 } }, 403, 'nor sets its retention: the auditor does (三员分立)'],
    ['auditor', 'PUT', () => '/api/settings/security', { version: 0, values: { auditRetentionDays: 30 } }, 400, 'the auditor cannot shorten it under 180 days'],
    ['auditor', 'GET', () => '/api/settings/security', undefined, 200, 'the auditor reads the retention'],
    ['auditor', 'GET', () => '/api/settings/proposals', undefined, 404, 'but no other module’s rules'],
    ['auditor', 'PUT', () => '/api/settings/proposals', { version: 0, values: {} }, 404, 'nor changes them'],
    ['auditor', 'GET', () => '/api/audit?pageSize=1', undefined, 200, 'the auditor reads the trail'],
    // settings and calendar
    ['member', 'GET', () => '/api/settings/proposals', undefined, 200, 'rules are readable by the committee'],
    ['secadmin', 'GET', () => '/api/settings', undefined, 404, 'the security admin has no rule settings'],
    ['staff', 'PUT', () => '/api/settings/security', { version: 0, values: { auditRetentionDays: 400 } }, 403, 'only admins change rules'],
    ['member', 'POST', () => '/api/calendar/notice', { year: 2027, days: [{ day: '2027-01-01', name: '元旦', isOffDay: true }] }, 403, 'only the platform’s admin enters holiday notices'],
    ['unit', 'GET', () => '/api/calendar?year=2026', undefined, 200, 'everyone reads the calendar'],
  ];

  it.each(cases.map((c) => [`${c[0]} ${c[1]} ${c[2].toString().replace(/^\(\) => /, '')} → ${c[4]} (${c[5]})`, c] as const))('%s', async (_name, [account, method, url, body, status, _why, message]) => {
    const payload = typeof body === 'function' ? body() : body;
    const res = await as[account].request({ method, url: url(), payload });
    expect(res.status, res.raw.slice(0, 200)).toBe(status);
    if (status >= 400) expect(res.body.message).toMatch(/[\u4e00-\u9fa5]/);
    if (message) expect(res.body.message).toContain(message);
  });

  it('shows contact details to staff, leaders and the member themself, never to another member or a unit', async () => {
    const seen = async (account: string, memberId: string) => (await as[account].get(`/api/members/${memberId}`)).body;
    expect((await seen('member', id.member)).phone).toBeTruthy();
    for (const account of ['staff', 'info', 'leader', 'admin']) expect((await seen(account, id.member2)).phone, account).toBeTruthy();
    for (const account of ['member', 'unit']) {
      const other = await seen(account, id.member2);
      expect([other.phone, other.email, other.birthDate], account).toEqual([null, null, null]);
      expect(other.name).toBeTruthy();
    }
    // nor in the list
    const list = (await as.member.get('/api/members?pageSize=50')).body.items as any[];
    expect(list.filter((m) => m.id !== id.member && (m.phone || m.email || m.birthDate))).toEqual([]);
  });

  it('lets nobody read or mark another person’s notifications; one marks their own read at the app’s clock', async () => {
    await notify(t.database.db, { committeeId: (await as.member.get('/api/auth/me')).body.user.committee.id, userIds: [id['user:member']], title: '测试通知', body: '只给委员本人' });
    const mine = (await as.member.get('/api/notifications')).body.items as any[];
    const notice = mine.find((n) => n.title === '测试通知');
    expect(notice).toBeTruthy();
    for (const account of ['leader', 'admin', 'ft_member']) {
      expect(((await as[account].get('/api/notifications')).body.items as any[]).some((n) => n.id === notice.id), account).toBe(false);
      expect((await as[account].post(`/api/notifications/${notice.id}/read`)).status, account).toBe(404);
    }
    expect((await as.member.get('/api/notifications?unread=1')).body.items.some((n: any) => n.id === notice.id)).toBe(true);
    // read at the app's clock (a few minutes on, so the session stays fresh), not the machine's: one notice, then all the rest
    const readAt = new Date(Math.floor(Date.now() / 1000) * 1000 + 7 * 60_000);
    const allReadAt = new Date(readAt.getTime() + 60_000);
    await notify(t.database.db, { committeeId: (await as.member.get('/api/auth/me')).body.user.committee.id, userIds: [id['user:member']], title: '测试通知（全部已读）' });
    const readOf = async (noticeId: string) =>
      new Date((await t.database.query<{ read_at: Date | string }>('select read_at from notifications where id = $1', [noticeId]))[0].read_at).toISOString();
    try {
      t.app.services.now = () => readAt;
      expect((await as.member.post(`/api/notifications/${notice.id}/read`)).body.updated).toBe(1);
      t.app.services.now = () => allReadAt;
      expect((await as.member.post('/api/notifications/read-all')).body.updated).toBeGreaterThanOrEqual(1);
    } finally {
      t.app.services.now = () => new Date();
    }
    expect(await readOf(notice.id)).toBe(readAt.toISOString());
    const rest = ((await as.member.get('/api/notifications')).body.items as any[]).find((n) => n.title === '测试通知（全部已读）');
    expect(await readOf(rest.id)).toBe(allReadAt.toISOString());
    expect(rest.readAt).toBe(allReadAt.toISOString());
  });

  it('has no route that changes or deletes the audit trail', () => {
    expect(t.app.routeTable.filter((r) => r.url.startsWith('/api/audit') && r.method !== 'GET')).toEqual([]);
  });
});
