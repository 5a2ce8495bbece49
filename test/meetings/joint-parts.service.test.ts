import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { dbKinds } from '../support/db.js';
import { startTestApp, type Client, type TestApp } from '../support/app.js';
import { memberIdOf, ok } from '../support/proposals.js';
import { activities } from '../../src/server/platform/activity/schema.js';
import { auditLog } from '../../src/server/platform/audit/schema.js';
import { notifications } from '../../src/server/platform/notifications/schema.js';
import { users } from '../../src/server/platform/auth/schema.js';
import { committees } from '../../src/server/platform/tenancy/schema.js';
import { jointParts } from '../../src/server/modules/joint/schema.js';

/**
 * 上下联动 after scheduling: the city picks how the districts' members take part (自愿报名 /
 * 指定参加, defaulting to its settings), invites another district, calls a district's part off and
 * reopens it — each with the city's policy, an audit row in both trails, 409 on a stale version and
 * the district's members told — and the city's one venue code checks each member in to their own
 * committee's part.
 */
describe.each(dbKinds)('joint events: participation, districts after scheduling, venue check-in (上下联动) on %s', (kind) => {
  let t: TestApp;
  const sessions = new Map<string, Client>();
  const as = async (username: string) => {
    if (!sessions.has(username)) sessions.set(username, await t.as(username));
    return sessions.get(username)!;
  };
  let lg: string;
  let ft: string;
  let city: string;
  let joint: any;
  const soon = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();
  const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));
  const trailOf = async (ids: string[]) =>
    (await t.database.db.select().from(auditLog).where(inArray(auditLog.subjectId, ids))).map((a) => `${a.committeeId === city ? 'city' : a.committeeId === lg ? 'lg' : 'ft'}:${a.action}`).sort();
  const partOf = async (districtId: string) => (await t.database.db.select().from(jointParts).where(and(eq(jointParts.jointActivityId, joint.id), eq(jointParts.districtId, districtId))))[0]?.activityId;
  const noticesOf = async (username: string) => {
    const [u] = await t.database.db.select({ id: users.id }).from(users).where(eq(users.username, username));
    return (await t.database.db.select().from(notifications).where(eq(notifications.userId, u.id))).map((n) => n.title);
  };
  beforeAll(async () => {
    t = await startTestApp(kind);
    const byName = async (shortName: string) => (await t.database.db.select({ id: committees.id }).from(committees).where(eq(committees.shortName, shortName)))[0].id;
    [lg, ft, city] = await Promise.all([byName('龙岗区政协'), byName('福田区政协'), byName('深圳市政协')]);
  });
  afterAll(() => t.close());

  it('takes the participation mode from the city’s settings unless the organiser picks one; a made-up mode names the field', async () => {
    const cityAdmin = await as('city_admin');
    const member = await memberIdOf(t, 'member');
    const body = { kind: 'research', title: '深圳市政协联合调研：社区养老服务', startsAt: soon(-5), endsAt: soon(180), location: '龙岗区龙城街道', districts: [{ committeeId: lg, memberIds: [member] }] };
    const wrong = await cityAdmin.post('/api/joint/activities', { ...body, participation: 'sometimes' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.message).toContain('参加方式');
    expect((await ok(cityAdmin.get('/api/joint/districts'))).participation).toBe('voluntary');
    const rules = await ok(cityAdmin.get(`/api/settings/joint?year=${year}`));
    await ok(cityAdmin.request({ method: 'PUT', url: `/api/settings/joint?year=${year}`, payload: { version: rules.version, values: { ...rules.values, participation: 'assigned' } } }));
    expect((await ok(cityAdmin.get('/api/joint/districts'))).participation).toBe('assigned');
    joint = await ok(cityAdmin.post('/api/joint/activities', body));
    expect([joint.participation, joint.participationLabel]).toEqual(['assigned', '指定参加']);
    const [event] = await t.database.db.select().from(activities).where(eq(activities.id, (await partOf(lg))!));
    expect(event.mandatory).toBe(true);
    // an assigned part: the member who cannot come asks their own committee for leave
    const mine = await ok((await as('member')).get(`/api/meetings/${event.id}`));
    expect(mine.actions).toContain('requestLeave');
    expect((await ok((await as('office')).get(`/api/meetings/${event.id}`))).actions).toContain('decideLeave');
    // the organiser's pick wins over the settings
    const voluntary = await ok(cityAdmin.post('/api/joint/activities', { ...body, title: '深圳市政协联合调研：自愿报名', participation: 'voluntary' }));
    expect(voluntary.participation).toBe('voluntary');
  });

  it('invites another district after scheduling: field errors by name, 409 on a stale version, only the organiser, both trails, the district told', async () => {
    const cityAdmin = await as('city_admin');
    const [member, ftMember] = await Promise.all([memberIdOf(t, 'member'), memberIdOf(t, 'ft_member')]);
    const url = `/api/joint/activities/${joint.id}/districts`;
    const again = await cityAdmin.post(url, { version: joint.version, districts: [{ committeeId: lg, memberIds: [member] }] });
    expect(again.status).toBe(400);
    expect(again.body.message).toContain('参加的区政协');
    expect(again.body.message).toContain('龙岗区政协');
    const wrongMember = await cityAdmin.post(url, { version: joint.version, districts: [{ committeeId: ft, memberIds: [member] }] });
    expect(wrongMember.status).toBe(400);
    expect(wrongMember.body.message).toContain('邀请的委员');
    const empty = await cityAdmin.post(url, { version: joint.version, districts: [] });
    expect(empty.status).toBe(400);
    expect(empty.body.message).toContain('参加的区政协');
    expect((await cityAdmin.post(url, { version: joint.version + 1, districts: [{ committeeId: ft, memberIds: [ftMember] }] })).status).toBe(409);
    // the information office reads the joint event but does not organise it; a district never finds it
    expect((await (await as('city_info')).post(url, { version: joint.version, districts: [{ committeeId: ft, memberIds: [ftMember] }] })).status).toBe(403);
    expect((await (await as('admin')).post(url, { version: joint.version, districts: [{ committeeId: ft, memberIds: [ftMember] }] })).status).toBe(404);
    const before = await trailOf([joint.id]);
    joint = await ok(cityAdmin.post(url, { version: joint.version, districts: [{ committeeId: ft, memberIds: [ftMember] }] }));
    expect(joint.districts.map((d: any) => [d.name, d.invited, d.status, d.actions])).toEqual([['福田区政协', 1, 'scheduled', ['cancelPart']], ['龙岗区政协', 1, 'scheduled', ['cancelPart']]]);
    const ftEvent = (await partOf(ft))!;
    expect((await trailOf([joint.id])).length).toBe(before.length + 1);
    expect(await trailOf([ftEvent])).toEqual(['ft:activity.create']);
    const [ftRow] = await t.database.db.select().from(activities).where(eq(activities.id, ftEvent));
    expect([ftRow.committeeId, ftRow.mandatory]).toEqual([ft, true]);
    expect(await noticesOf('ft_member')).toContain(`深圳市政协邀请您参加：${joint.title}`);
  });

  it('calls a district’s part off and reopens it: the reason is required, 409 when stale or already so, both trails, the members told', async () => {
    const cityAdmin = await as('city_admin');
    const url = (action: string) => `/api/joint/activities/${joint.id}/districts/${lg}/${action}`;
    const noReason = await cityAdmin.post(url('cancel'), { version: joint.version, reason: '' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.message).toContain('取消原因');
    expect((await cityAdmin.post(url('cancel'), { version: joint.version - 1, reason: '该区另有全会安排' })).status).toBe(409);
    expect((await (await as('city_info')).post(url('cancel'), { version: joint.version, reason: '该区另有全会安排' })).status).toBe(403);
    expect((await cityAdmin.post(`/api/joint/activities/${joint.id}/districts/${city}/cancel`, { version: joint.version, reason: '该区另有全会安排' })).status).toBe(404);
    expect((await cityAdmin.post(url('reopen'), { version: joint.version })).status).toBe(409); // not called off
    joint = await ok(cityAdmin.post(url('cancel'), { version: joint.version, reason: '该区另有全会安排' }));
    const lgPart = joint.districts.find((d: any) => d.committeeId === lg);
    expect([lgPart.status, lgPart.statusLabel, lgPart.actions]).toEqual(['cancelled', '已取消参加', ['reopenPart']]);
    const lgEvent = (await partOf(lg))!;
    expect((await ok((await as('member')).get(`/api/meetings/${lgEvent}`))).status).toBe('cancelled');
    expect(await noticesOf('member')).toContain(`深圳市政协取消了本会参加：${joint.title}`);
    expect((await cityAdmin.post(url('cancel'), { version: joint.version, reason: '该区另有全会安排' })).status).toBe(409); // already called off
    // a district called off is reopened, not invited again
    const reinvite = await cityAdmin.post(`/api/joint/activities/${joint.id}/districts`, { version: joint.version, districts: [{ committeeId: lg, memberIds: [await memberIdOf(t, 'member')] }] });
    expect(reinvite.status).toBe(400);
    expect(reinvite.body.message).toContain('恢复');
    joint = await ok(cityAdmin.post(url('reopen'), { version: joint.version }));
    expect(joint.districts.find((d: any) => d.committeeId === lg).status).toBe('scheduled');
    expect(await noticesOf('member')).toContain(`深圳市政协恢复邀请您参加：${joint.title}`);
    const cityTrail = await trailOf([joint.id]);
    expect(cityTrail).toEqual(expect.arrayContaining(['city:joint.cancelPart', 'city:joint.reopenPart']));
    expect(await trailOf([lgEvent])).toEqual(['lg:activity.cancel', 'lg:activity.create', 'lg:activity.reopen']);
  });

  it('one venue code of the city checks each district’s member in to their own committee’s part; nobody else', async () => {
    const cityAdmin = await as('city_admin');
    const qrUrl = `/api/joint/activities/${joint.id}/qr`;
    expect((await (await as('city_info')).get(qrUrl)).status).toBe(403);
    expect((await (await as('office')).get(qrUrl)).status).toBe(404);
    const qr = await ok(cityAdmin.get(qrUrl));
    expect(qr.refreshSeconds).toBe(60);
    const [lgEvent, ftEvent] = [(await partOf(lg))!, (await partOf(ft))!];
    const lgIn = await ok((await as('member')).post('/api/meetings/check-in', { token: qr.token }));
    expect(lgIn.meeting.id).toBe(lgEvent);
    expect(lgIn.checkedInAt).toBeTruthy();
    // from the member's own event page too
    const ftIn = await ok((await as('ft_member')).post(`/api/meetings/${ftEvent}/check-in`, { token: qr.token }));
    expect(ftIn.meeting.id).toBe(ftEvent);
    // a member of the district not invited, and a second check-in, are refused
    expect((await (await as('member3')).post('/api/meetings/check-in', { token: qr.token })).status).toBeGreaterThanOrEqual(400);
    expect((await (await as('member')).post('/api/meetings/check-in', { token: qr.token })).status).toBe(409);
    const j = await ok(cityAdmin.get(`/api/joint/activities/${joint.id}`));
    expect(j.districts.map((d: any) => d.checkedIn)).toEqual([1, 1]);
    expect(await trailOf([lgEvent])).toContain('lg:activity.checkIn');
  });
});
