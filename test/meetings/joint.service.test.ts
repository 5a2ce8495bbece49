import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { dbKinds } from '../support/db.js';
import { startTestApp, type Client, type TestApp } from '../support/app.js';
import { memberIdOf, ok } from '../support/proposals.js';
import { activities, activityInvitees } from '../../src/server/platform/activity/schema.js';
import { auditLog } from '../../src/server/platform/audit/schema.js';
import { ledgerEntries } from '../../src/server/platform/ledger/schema.js';
import { committees } from '../../src/server/platform/tenancy/schema.js';
import { proposals } from '../../src/server/modules/proposals/schema.js';
import { opinions } from '../../src/server/modules/opinions/schema.js';
import { members } from '../../src/server/modules/members/schema.js';
import { jointParts } from '../../src/server/modules/joint/schema.js';

const at = (day: number, hh: number, mm = 0) => new Date(Date.UTC(2031, 3, day, hh - 8, mm)).toISOString();

/**
 * 上下联动: the city (深圳市政协) runs a joint inspection with members of 龙岗区 and 福田区; each
 * district's members see it in their own committee, are checked in by the city and earn their own
 * committee's ledger entries; the district's staff see their own members take part, read only; the
 * city sees its districts' totals (sums only) and what each sent up, nothing else of them.
 */
describe.each(dbKinds)('joint inspections and district totals (上下联动) on %s', (kind) => {
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
  beforeAll(async () => {
    t = await startTestApp(kind);
    const byName = async (shortName: string) => (await t.database.db.select({ id: committees.id }).from(committees).where(eq(committees.shortName, shortName)))[0].id;
    [lg, ft, city] = await Promise.all([byName('龙岗区政协'), byName('福田区政协'), byName('深圳市政协')]);
  });
  afterAll(() => t.close());

  it('the city picks its districts, then members of each, and organises a joint inspection', async () => {
    const cityAdmin = await as('city_admin');
    const districts = await ok(cityAdmin.get('/api/joint/districts'));
    expect(districts.items.map((d: any) => d.name)).toEqual(expect.arrayContaining(['龙岗区政协', '福田区政协']));
    const lgMembers = await ok(cityAdmin.get(`/api/joint/districts/${lg}/members`));
    const [member, member2, ftMember] = await Promise.all([memberIdOf(t, 'member'), memberIdOf(t, 'member2'), memberIdOf(t, 'ft_member')]);
    expect(lgMembers.items.map((m: any) => m.id)).toContain(member);
    expect(Object.keys(lgMembers.items[0]).sort()).toEqual(['code', 'id', 'name', 'sector']);
    const body = {
      kind: 'inspection', title: '深圳市政协联合视察：河湖长制落实情况', startsAt: at(10, 9), endsAt: at(10, 12), location: '茅洲河',
      districts: [{ committeeId: lg, memberIds: [member, member2] }, { committeeId: ft, memberIds: [ftMember] }],
    };
    // a member of another district in a district's list, a committee not below the city, a repeated district: named fields
    const wrongMember = await cityAdmin.post('/api/joint/activities', { ...body, districts: [{ committeeId: lg, memberIds: [ftMember] }] });
    expect(wrongMember.status).toBe(400);
    expect(wrongMember.body.message).toContain('邀请的委员');
    const notBelow = await cityAdmin.post('/api/joint/activities', { ...body, districts: [{ committeeId: city, memberIds: [member] }] });
    expect(notBelow.status).toBe(400);
    expect(notBelow.body.message).toContain('参加的区政协');
    const twice = await cityAdmin.post('/api/joint/activities', { ...body, districts: [body.districts[0], body.districts[0]] });
    expect(twice.status).toBe(400);
    const backwards = await cityAdmin.post('/api/joint/activities', { ...body, endsAt: at(10, 8) });
    expect(backwards.status).toBe(400);
    expect(backwards.body.message).toContain('结束时间');
    joint = await ok(cityAdmin.post('/api/joint/activities', body));
    expect(joint.districts.map((d: any) => [d.name, d.invited])).toEqual([['福田区政协', 1], ['龙岗区政协', 2]]);
    expect(joint.actions).toEqual(expect.arrayContaining(['close', 'attendance']));
    // each district's part is an event of the district; the city's trail and each district's say who set it up
    const parts = await t.database.db.select().from(jointParts).where(eq(jointParts.jointActivityId, joint.id));
    const events = await t.database.db.select().from(activities).where(inArray(activities.id, parts.map((p) => p.activityId)));
    expect(events.map((e) => e.committeeId).sort()).toEqual([lg, ft].sort());
    const trail = await t.database.db.select().from(auditLog).where(inArray(auditLog.subjectId, [joint.id, ...events.map((e) => e.id)]));
    expect(trail.map((a) => `${a.committeeId === city ? 'city' : a.committeeId === lg ? 'lg' : 'ft'}:${a.action}`).sort()).toEqual(['city:activity.create', 'city:joint.invite', 'ft:activity.create', 'lg:activity.create']);
    expect((await ok(cityAdmin.get('/api/joint/activities'))).items.map((x: any) => x.id)).toContain(joint.id);
  });

  it('a district member sees it in their own committee and replies; the district staff see their members, read only; a sibling sees nothing', async () => {
    const member = await as('member');
    const mine = await ok(member.get('/api/meetings?scope=mine'));
    const event = mine.items.find((x: any) => x.title === joint.title);
    expect(event).toBeTruthy();
    expect(event.actions).toContain('reply');
    expect(event.actions).not.toContain('requestLeave');
    await ok(member.post(`/api/meetings/${event.id}/reply`, { attend: true }));
    const ftMember = await as('ft_member');
    const ftEvent = (await ok(ftMember.get('/api/meetings?scope=mine'))).items.find((x: any) => x.title === joint.title);
    expect(ftEvent.id).not.toBe(event.id);
    // the district's staff: their own members take part; nothing to manage
    for (const username of ['staff', 'office', 'admin']) {
      const detail = await ok((await as(username)).get(`/api/meetings/${event.id}`));
      expect(detail.invitees.map((i: any) => i.name).length).toBe(2);
      expect(detail.actions.filter((a: string) => ['close', 'cancel', 'manage', 'attendance', 'decideLeave'].includes(a))).toEqual([]);
    }
    const office = await as('office');
    const closeTry = await office.post(`/api/meetings/${event.id}/actions/close`, { version: event.version });
    expect(closeTry.status).toBeGreaterThanOrEqual(400);
    expect((await office.post(`/api/meetings/${event.id}/qr`)).status).toBeGreaterThanOrEqual(400);
    // 福田区 never reads 龙岗区's part, nor the city's event; 龙岗区 none of the joint routes
    for (const username of ['ft_staff', 'ft_admin', 'ft_member']) expect((await (await as(username)).get(`/api/meetings/${event.id}`)).status).toBe(404);
    for (const username of ['staff', 'admin', 'member']) {
      const who = await as(username);
      expect((await who.get(`/api/joint/activities/${joint.id}`)).status).toBe(404);
      expect((await who.get(`/api/meetings/${joint.id}`)).status).toBe(404);
      expect((await who.get(`/api/joint/districts/${ft}/members`)).status).toBe(404);
      expect((await who.get(`/api/joint/districts/${ft}/sent-up`)).status).toBe(404);
    }
    // the city's own event is run from its joint page, never as a meeting
    expect((await (await as('city_admin')).get(`/api/meetings/${joint.id}`)).status).toBe(404);
  });

  it('the city checks both districts’ members in (409 on a stale version) and closes: each earns the entry in their own committee', async () => {
    const cityAdmin = await as('city_admin');
    const [member, member2, ftMember] = await Promise.all([memberIdOf(t, 'member'), memberIdOf(t, 'member2'), memberIdOf(t, 'ft_member')]);
    const participant = (j: any, id: string) => j.districts.flatMap((d: any) => d.participants).find((p: any) => p.memberId === id);
    let j = await ok(cityAdmin.get(`/api/joint/activities/${joint.id}`));
    j = await ok(cityAdmin.post(`/api/joint/activities/${joint.id}/attendance/${member}`, { version: participant(j, member).version, present: true }));
    const stale = await cityAdmin.post(`/api/joint/activities/${joint.id}/attendance/${member}`, { version: 1, present: true });
    expect(stale.status).toBe(409);
    j = await ok(cityAdmin.post(`/api/joint/activities/${joint.id}/attendance/${ftMember}`, { version: participant(j, ftMember).version, present: true }));
    const stranger = await cityAdmin.post(`/api/joint/activities/${joint.id}/attendance/${await memberIdOf(t, 'member3')}`, { version: 1, present: true });
    expect(stranger.status).toBe(400);
    expect(stranger.body.message).toContain('委员');
    expect(participant(j, member).checkedInAt).toBeTruthy();
    expect(j.districts.map((d: any) => d.checkedIn)).toEqual([1, 1]);
    // the city_info office does not organise it
    expect((await (await as('city_info')).post(`/api/joint/activities/${joint.id}/close`, { version: j.version })).status).toBe(409);
    expect((await cityAdmin.post(`/api/joint/activities/${joint.id}/close`, { version: j.version + 1 })).status).toBe(409);
    j = await ok(cityAdmin.post(`/api/joint/activities/${joint.id}/close`, { version: j.version }));
    expect(j.status).toBe('closed');
    expect(participant(j, member).outcome).toBe('attended');
    expect(participant(j, member2).outcome).toBe('none'); // voluntary: not coming costs nothing
    const parts = await t.database.db.select().from(jointParts).where(eq(jointParts.jointActivityId, joint.id));
    const entries = await t.database.db.select().from(ledgerEntries).where(and(inArray(ledgerEntries.sourceId, [joint.id, ...parts.map((p) => p.activityId)]), isNull(ledgerEntries.voidedAt)));
    expect(entries.map((e) => [e.committeeId, e.memberId, e.kind]).sort()).toEqual([[lg, member, 'activity.inspection.attended'], [ft, ftMember, 'activity.inspection.attended']].sort());
    const lgEvent = parts.find((p) => p.districtId === lg)!.activityId;
    expect(entries.find((e) => e.memberId === member)!.sourceId).toBe(lgEvent);
    // the member's own performance record shows it, in their committee
    const record = await ok((await as('member')).get(`/api/performance/members/${member}?year=2031`));
    expect(JSON.stringify(record)).toContain(lgEvent);
    const closed = await t.database.db.select().from(activityInvitees).where(eq(activityInvitees.activityId, lgEvent));
    expect(closed.every((i) => i.outcome !== null)).toBe(true);
  });

  it('shows the city its districts’ totals — sums only, each figure the sum of its parts — and only what a district sent up', async () => {
    const cityInfo = await as('city_info');
    // the year most of 龙岗区's own (not imported) proposals belong to
    const years = await t.database.db.select({ year: proposals.year }).from(proposals).where(and(eq(proposals.committeeId, lg), eq(proposals.historical, false)));
    const counted = new Map<number, number>();
    for (const r of years) counted.set(r.year, (counted.get(r.year) ?? 0) + 1);
    const y = [...counted].sort((a, b) => b[1] - a[1])[0][0];
    const totals = await ok(cityInfo.get(`/api/joint/totals?year=${y}`));
    expect(totals.districts.map((d: any) => d.name)).toEqual(expect.arrayContaining(['龙岗区政协', '福田区政协']));
    const fig = (d: any, key: string) => d.figures.find((f: any) => f.key === key);
    for (const key of ['proposalsReceived', 'proposalsFiled', 'proposalsReplied', 'opinionsReceived', 'opinionsAdopted', 'meetingsHeld']) {
      expect(fig(totals.total, key).value).toBe(totals.districts.reduce((s: number, d: any) => s + fig(d, key).value, 0));
    }
    for (const key of ['satisfaction', 'attendance']) {
      const parts = fig(totals.total, key).parts;
      parts.forEach((p: any, i: number) => expect(p.value).toBe(totals.districts.reduce((s: number, d: any) => s + fig(d, key).parts[i].value, 0)));
    }
    const lgRow = totals.districts.find((d: any) => d.name === '龙岗区政协');
    expect(fig(lgRow, 'proposalsReceived').value).toBeGreaterThan(0);
    // the city's cockpit draws the counts of the same answer (its rates stay on this page)
    const cockpit = await ok((await as('city_admin')).get(`/api/cockpit?year=${y}`));
    expect(cockpit.districts.find((d: any) => d.name === '龙岗区政协').figures).toEqual(lgRow.figures.filter((f: any) => f.unit !== '%').map(({ parts: _p, ...f }: any) => f));
    // no record of a district: no proposal id, no member name
    const someIds = (await t.database.db.select({ id: proposals.id }).from(proposals).where(eq(proposals.committeeId, lg)).limit(50)).map((p) => p.id);
    const someNames = (await t.database.db.select({ name: members.name }).from(members).where(eq(members.committeeId, lg)).limit(20)).map((m) => m.name);
    const raw = JSON.stringify(totals);
    expect(someIds.filter((id) => raw.includes(id))).toEqual([]);
    expect(someNames.filter((name) => raw.includes(`"${name}"`))).toEqual([]);
    // the drill-down: what 龙岗区 sent up to the city, and nothing else of its reports
    const sent = await ok(cityInfo.get(`/api/joint/districts/${lg}/sent-up`));
    expect(sent.total).toBeGreaterThan(0);
    const ids = sent.items.map((i: any) => i.id);
    const rows = await t.database.db.select().from(opinions).where(inArray(opinions.id, ids));
    expect(rows.every((o) => o.committeeId === lg && o.sentUpToCommitteeId === city)).toBe(true);
    expect(sent.byStatus.reduce((s: number, x: any) => s + x.value, 0)).toBe(sent.total);
    for (const id of ids) expect((await cityInfo.get(`/api/opinions/${id}`)).status).toBe(200);
    // a district has no districts: its totals are empty; a member has no such page
    expect((await ok((await as('staff')).get('/api/joint/totals'))).districts).toEqual([]);
    expect((await (await as('member')).get('/api/joint/totals')).status).toBe(404);
  });
});
