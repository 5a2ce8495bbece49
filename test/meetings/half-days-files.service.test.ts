import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { dbKinds } from '../support/db.js';
import { startTestApp, type Client, type TestApp } from '../support/app.js';
import { ok } from '../support/proposals.js';
import { activities, activityFiles, activityInvitees } from '../../src/server/platform/activity/schema.js';
import { plenarySessions } from '../../src/server/modules/org/schema.js';
import { ledgerEntries } from '../../src/server/platform/ledger/schema.js';

/** A multipart/form-data body with one file field, as a browser's upload sends it. */
function upload(name: string, content: Buffer, type = 'application/octet-stream') {
  const boundary = `----sl${Date.now()}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`;
  return { payload: Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
const at = (day: number, hh: number, mm = 0) => new Date(Date.UTC(2031, 2, day, hh - 8, mm)).toISOString();

describe.each(dbKinds)('plenary half-days, materials and minutes, check-in page on %s', (kind) => {
  let t: TestApp;
  const sessions = new Map<string, Client>();
  const as = async (username: string) => {
    if (!sessions.has(username)) sessions.set(username, await t.as(username));
    return sessions.get(username)!;
  };
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it('staff schedule a plenary session as one event per half-day, everyone invited to each', async () => {
    const office = await as('office');
    const res = await ok(office.post('/api/meetings/plenary', {
      title: '政协第七届委员会第五次会议', location: '区会议中心', mandatory: true, invitations: [{ type: 'everyone' }],
      halfDays: [{ startsAt: at(3, 14, 30), endsAt: at(3, 17, 30) }, { startsAt: at(3, 8, 30), endsAt: at(3, 12) }],
    }));
    expect(res.items.map((x: any) => x.title)).toEqual(['政协第七届委员会第五次会议（3月3日上午）', '政协第七届委员会第五次会议（3月3日下午）']);
    expect(res.items.every((x: any) => x.kind === 'plenary' && x.year === 2031)).toBe(true);
    const invited = await t.database.db.select().from(activityInvitees).where(eq(activityInvitees.activityId, res.items[1].id));
    expect(invited).toHaveLength(180);
    // overlapping half-days and a half-day ending before it starts name the field
    const overlap = await office.post('/api/meetings/plenary', { title: '第五次会议', invitations: [{ type: 'everyone' }], halfDays: [{ startsAt: at(4, 8), endsAt: at(4, 12) }, { startsAt: at(4, 11), endsAt: at(4, 17) }] });
    expect(overlap.status).toBe(400);
    expect(overlap.body.message).toContain('重叠');
    const backwards = await office.post('/api/meetings/plenary', { title: '第五次会议', invitations: [{ type: 'everyone' }], halfDays: [{ startsAt: at(4, 12), endsAt: at(4, 8) }] });
    expect(backwards.body.fields[0]).toMatchObject({ field: 'halfDays.0.endsAt', label: '结束时间' });
    // a member may not schedule
    expect((await (await as('member')).post('/api/meetings/plenary', { title: '第五次会议', invitations: [{ type: 'everyone' }], halfDays: [{ startsAt: at(5, 8), endsAt: at(5, 12) }] })).status).toBe(403);
  });

  it('half-days on the dates of a plenary session belong to it, and their attendance entries name it', async () => {
    const office = await as('office');
    const when = (day: number, hh: number) => new Date(Date.UTC(2027, 0, day, hh - 8)).toISOString();
    const res = await ok(office.post('/api/meetings/plenary', {
      title: '政协第七届委员会第五次会议', location: '区会议中心', mandatory: true, invitations: [{ type: 'everyone' }],
      halfDays: [{ startsAt: when(11, 9), endsAt: when(11, 12) }, { startsAt: when(11, 14), endsAt: when(11, 17) }],
    }));
    const [session] = await t.database.db.select().from(plenarySessions).where(eq(plenarySessions.name, '七届五次会议'));
    const rows = await t.database.db.select().from(activities).where(inArray(activities.id, res.items.map((x: any) => x.id)));
    expect(rows.map((r) => r.sessionId)).toEqual([session.id, session.id]);
    // closing a half-day: every invitee's entry carries the session, so sanctions count plenaries, not half-days
    const first = res.items[0];
    await ok(office.post(`/api/meetings/${first.id}/actions/close`, { version: first.version }));
    const entries = await t.database.db.select().from(ledgerEntries).where(eq(ledgerEntries.sourceId, first.id));
    expect(entries.length).toBe(180);
    expect(new Set(entries.map((x) => x.occasionId))).toEqual(new Set([session.id]));
  });

  it('organisers attach materials and minutes; invitees download them; removal keeps the record', async () => {
    const office = await as('office');
    const member = await as('member');
    const me = (await member.get('/api/auth/me')).body.user.memberId;
    const day = await ok(office.post('/api/meetings', { kind: 'reading', title: '读书活动：《习近平谈治国理政》', startsAt: at(10, 9), endsAt: at(10, 11), invitations: [{ type: 'members', ids: [me] }] }));
    const file = upload('读书活动方案.txt', Buffer.from('一、活动安排……'), 'text/plain');
    let d = await ok(office.request({ method: 'POST', url: `/api/meetings/${day.id}/files?kind=materials`, ...file }));
    expect(d.files).toEqual([expect.objectContaining({ kind: 'materials', kindLabel: '会议材料', filename: '读书活动方案.txt', size: Buffer.byteLength('一、活动安排……') })]);
    const down = await member.get(`/api/meetings/${day.id}/files/${d.files[0].id}`);
    expect(down.status).toBe(200);
    expect(down.raw).toBe('一、活动安排……');
    expect(String(down.headers['content-disposition'])).toContain(encodeURIComponent('读书活动方案.txt'));
    // members do not upload; odd file types are refused with the field named
    expect((await member.request({ method: 'POST', url: `/api/meetings/${day.id}/files?kind=minutes`, ...upload('纪要.txt', Buffer.from('x')) })).status).toBe(403);
    const exe = await office.request({ method: 'POST', url: `/api/meetings/${day.id}/files?kind=minutes`, ...upload('virus.exe', Buffer.from('MZ')) });
    expect(exe.status).toBe(400);
    expect(exe.body.fields[0]).toMatchObject({ field: 'file', label: '文件' });
    // someone not invited sees neither the event nor its files
    expect((await (await as('member3')).get(`/api/meetings/${day.id}/files/${d.files[0].id}`)).status).toBe(404);
    // removed at the app's clock (a test sets it minutes ahead, within the session's idle time), not the machine's
    const fileId = d.files[0].id;
    const removedAt = new Date(Date.now() + 7 * 60_000);
    t.app.services.now = () => removedAt;
    try {
      d = await ok(office.post(`/api/meetings/${day.id}/files/${fileId}/remove`));
    } finally {
      t.app.services.now = () => new Date();
    }
    expect(d.files).toEqual([]);
    const [kept] = await t.database.db.select({ removedAt: activityFiles.removedAt }).from(activityFiles).where(eq(activityFiles.id, fileId));
    expect(kept.removedAt?.toISOString()).toBe(removedAt.toISOString());
    expect(d.history.map((h: any) => h.action)).toEqual(expect.arrayContaining(['activity.attachFile', 'activity.removeFile']));
  });

  it('the check-in page needs only the token: it names the event', async () => {
    const office = await as('office');
    const member = await as('member');
    const me = (await member.get('/api/auth/me')).body.user.memberId;
    const soon = (n: number) => new Date(Date.now() + n * 60_000).toISOString();
    const day = await ok(office.post('/api/meetings', { kind: 'training', title: '新任委员履职培训', startsAt: soon(-5), endsAt: soon(120), invitations: [{ type: 'members', ids: [me] }] }));
    const qr = await ok(office.get(`/api/meetings/${day.id}/qr`));
    const res = await ok(member.post('/api/meetings/check-in', { token: qr.token }));
    expect(res.meeting).toMatchObject({ id: day.id, title: '新任委员履职培训' });
    expect(res.checkedInAt).toBeTruthy();
    const bad = await member.post('/api/meetings/check-in', { token: 'v1.not-an-event.1.2.sig' });
    expect(bad.status).toBe(400);
    expect(bad.body.fields[0]).toMatchObject({ field: 'token', label: '签到码' });
  });
});
