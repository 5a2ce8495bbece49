import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKinds } from '../support/db.js';
import { startTestApp, type Client, type TestApp } from '../support/app.js';

const year = new Date().getFullYear();
const roles = ['admin', 'staff', 'office', 'roster', 'leader', 'member', 'unit'] as const;
type Who = (typeof roles)[number];
const later = (days: number, h: number) => new Date(Date.now() + days * 86_400_000 + h * 3600_000).toISOString();

/**
 * Who may do what, one row per route and one column per demo account (提案委 staff, 办公室 office,
 * 委员科 roster): 404 where the record is not theirs to see, 403 where they see it but may not act.
 */
const table: { name: string; method: 'GET' | 'POST'; url: string; body?: () => unknown; expect: Record<Who, number> }[] = [
  { name: 'meeting list', method: 'GET', url: '/api/meetings', expect: { admin: 200, staff: 200, office: 200, roster: 200, leader: 200, member: 200, unit: 200 } },
  {
    name: 'schedule a plenary session', method: 'POST', url: '/api/meetings/plenary',
    body: () => ({ title: '权限测试全体会议', invitations: [{ type: 'everyone' }], halfDays: [{ startsAt: later(40, 0), endsAt: later(40, 3) }] }),
    expect: { admin: 200, staff: 200, office: 200, roster: 200, leader: 403, member: 403, unit: 404 },
  },
  { name: 'leave queue', method: 'GET', url: '/api/meetings/leave', expect: { admin: 200, staff: 403, office: 200, roster: 403, leader: 403, member: 403, unit: 403 } },
  { name: 'attendance statistics', method: 'GET', url: `/api/meetings/stats?year=${year}`, expect: { admin: 200, staff: 200, office: 200, roster: 200, leader: 200, member: 403, unit: 403 } },
  { name: 'speeches', method: 'GET', url: '/api/meetings/speeches', expect: { admin: 200, staff: 200, office: 200, roster: 200, leader: 200, member: 200, unit: 200 } },
  { name: 'my performance', method: 'GET', url: `/api/performance/me?year=${year}`, expect: { admin: 404, staff: 404, office: 404, roster: 404, leader: 200, member: 200, unit: 404 } },
  { name: 'rankings', method: 'GET', url: `/api/performance/rankings?year=${year}`, expect: { admin: 200, staff: 200, office: 200, roster: 200, leader: 200, member: 404, unit: 404 } },
  { name: 'commend and talk lists', method: 'GET', url: `/api/performance/lists?year=${year}`, expect: { admin: 200, staff: 200, office: 200, roster: 200, leader: 200, member: 404, unit: 404 } },
  { name: 'send reminders', method: 'POST', url: '/api/performance/reminders', body: () => ({ year, memberIds: [] }), expect: { admin: 200, staff: 403, office: 200, roster: 200, leader: 403, member: 404, unit: 404 } },
];

describe.each(dbKinds)('meetings and performance permissions on %s', (kind) => {
  let t: TestApp;
  const sessions = new Map<Who, Client>();
  beforeAll(async () => {
    t = await startTestApp(kind);
    for (const r of roles) sessions.set(r, await t.as(r));
  });
  afterAll(() => t.close());

  it.each(table)('$name', async (row) => {
    const got: Record<string, number> = {};
    for (const who of roles) {
      const c = sessions.get(who)!;
      got[who] = (row.method === 'GET' ? await c.get(row.url) : await c.post(row.url, row.body?.())).status;
    }
    expect(got).toEqual(row.expect);
  });

  it('anonymous: every route asks for a login', async () => {
    for (const row of table) expect((await t.anonymous[row.method === 'GET' ? 'get' : 'post'](row.url, row.body?.())).status, row.name).toBe(401);
  });
});
