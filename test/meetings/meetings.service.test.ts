import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { dbKinds } from '../support/db.js';
import { startTestApp, type Client, type TestApp } from '../support/app.js';
import { ok } from '../support/proposals.js';
import { verifyAuditChain } from '../../src/server/platform/audit/audit.js';
import { ledgerEntries } from '../../src/server/platform/ledger/schema.js';
import { plenarySpeeches } from '../../src/server/modules/meetings/schema.js';
import { activities, activityInvitees } from '../../src/server/platform/activity/schema.js';
import { movableClock } from '../foundation/support.js';
import { CHECK_IN_SECRET, installationSecret, signCheckInToken } from '../../src/server/platform/activity/checkin-token.js';

const minutes = (n: number) => new Date(Date.now() + n * 60_000).toISOString();

describe.each(dbKinds)('meetings and check-in on %s', (kind) => {
  let t: TestApp;
  let m1: string;
  let m2: string;
  // one login per account: the login route is rate-limited
  const sessions = new Map<string, Client>();
  const as = async (username: string) => {
    if (!sessions.has(username)) sessions.set(username, await t.as(username));
    return sessions.get(username)!;
  };
  beforeAll(async () => {
    t = await startTestApp(kind);
    m1 = (await (await as('member')).get('/api/auth/me')).body.user.memberId;
    m2 = (await (await as('member2')).get('/api/auth/me')).body.user.memberId;
  });
  afterAll(() => t.close());

  /** A mandatory activity day that started 30 minutes ago and lasts three hours, for `member` and `member2`. */
  async function activityDay(title = '委员活动日：走进龙岗社区') {
    const office = await as('office');
    return ok(office.post('/api/meetings', { kind: 'activityDay', title, startsAt: minutes(-30), endsAt: minutes(150), location: '龙城街道委员工作室', mandatory: true, invitations: [{ type: 'members', ids: [m1, m2] }] }));
  }

  it('staff-schedules-meeting: invites named members and the whole committee; members see only their own', async () => {
    const office = await as('office');
    const day = await activityDay();
    expect(day.invited).toBe(2);
    expect(day.actions).toEqual(expect.arrayContaining(['close', 'cancel', 'manage', 'attendance']));
    const plenary = await ok(office.post('/api/meetings', { kind: 'plenary', title: '七届五次会议第一次全体会议', startsAt: minutes(60 * 24), endsAt: minutes(60 * 24 + 180), mandatory: true, invitations: [{ type: 'everyone' }] }));
    expect(plenary.invited).toBe(180);
    const member3 = await as('member3');
    const list = await ok(member3.get('/api/meetings'));
    expect(list.items.map((x: any) => x.id)).toContain(plenary.id);
    expect(list.items.map((x: any) => x.id)).not.toContain(day.id);
    expect((await member3.get(`/api/meetings/${day.id}`)).status).toBe(404);
    // a proposal-office clerk may see but not run a meeting of the general office
    const clerk = await as('staff');
    expect((await clerk.patch(`/api/meetings/${day.id}`, { version: day.version, minutes: '纪要' })).status).toBe(403);
    // stale edit → 409
    await ok(office.patch(`/api/meetings/${day.id}`, { version: day.version, materials: '活动方案（文字稿）' }));
    const stale = await office.patch(`/api/meetings/${day.id}`, { version: day.version, minutes: '纪要' });
    expect(stale.status).toBe(409);
  });

  it('member-requests-leave: at most two requests per event, one open at a time; staff-approves or refuses', async () => {
    const day = await activityDay('读书活动前的活动日');
    const member = await as('member');
    const office = await as('office');
    let d = await ok(member.post(`/api/meetings/${day.id}/leave`, { reason: '单位有紧急接待任务' }));
    expect(d.myLeaveRequests).toHaveLength(1);
    // another invited member sees the event, not who asked for leave
    const seenBy2 = await ok((await as('member2')).get(`/api/meetings/${day.id}`));
    expect(seenBy2.history.map((h: any) => h.action)).toEqual(['activity.create']);
    expect(seenBy2.invitees).toEqual([]);
    expect(seenBy2.leaveRequests).toEqual([]);
    const twice = await member.post(`/api/meetings/${day.id}/leave`, { reason: '再次申请' });
    expect(twice.status).toBe(409);
    expect(twice.body.message).toContain('待审批');
    // only the designated office decides; to an office that neither runs the event nor decides leave, the request does not exist
    const clerk = await as('staff');
    const undecided = await clerk.post(`/api/meetings/leave/${d.myLeaveRequests[0].id}/decide`, { version: 1, approve: true });
    expect(undecided.status).toBe(404);
    expect(undecided.body.message).toBe('请假申请不存在或无权查看');
    expect((await member.post(`/api/meetings/leave/${d.myLeaveRequests[0].id}/decide`, { version: 1, approve: true })).status).toBe(403);
    const queue = await ok(office.get('/api/meetings/leave?status=pending'));
    const req1 = queue.items.find((x: any) => x.activityId === day.id);
    expect(req1).toMatchObject({ memberName: expect.any(String), title: day.title });
    await ok(office.post(`/api/meetings/leave/${req1.id}/decide`, { version: req1.version, approve: false, note: '本次活动须出席' }));
    const again = await office.post(`/api/meetings/leave/${req1.id}/decide`, { version: req1.version, approve: true });
    expect(again.status).toBe(409);
    d = await ok(member.post(`/api/meetings/${day.id}/leave`, { reason: '出差在外，已购机票' }));
    const second = d.myLeaveRequests[1];
    d = await ok(office.post(`/api/meetings/leave/${second.id}/decide`, { version: second.version, approve: false }));
    const third = await member.post(`/api/meetings/${day.id}/leave`, { reason: '第三次申请' });
    expect(third.status).toBe(409);
    expect(third.body.message).toContain('最多申请请假2次');
    // an approved request on another event excuses the member
    const other = await activityDay('专题视察准备会');
    const o = await ok(member2Leave(other.id));
    const r = o.myLeaveRequests[0];
    const approved = await ok(office.post(`/api/meetings/leave/${r.id}/decide`, { version: r.version, approve: true }));
    expect(approved.invitees.find((i: any) => i.memberId === m2)).toMatchObject({ leave: 'approved', outcome: 'excused' });
  });

  async function member2Leave(id: string) {
    return (await as('member2')).post(`/api/meetings/${id}/leave`, { reason: '身体不适，需就医' });
  }

  it('member-checks-in by QR: valid once, invited replay fine, uninvited refused, other event and expired refused', async () => {
    const day = await activityDay('委员活动日：社区议事');
    const otherDay = await activityDay('委员活动日：企业走访');
    const office = await as('office');
    const member = await as('member');
    const member2 = await as('member2');
    const member3 = await as('member3');
    const qr = await ok(office.get(`/api/meetings/${day.id}/qr`));
    expect(qr.refreshSeconds).toBe(60);
    // a member cannot fetch the venue code
    expect((await member.get(`/api/meetings/${day.id}/qr`)).status).toBe(403);

    const first = await ok(member.post(`/api/meetings/${day.id}/check-in`, { token: qr.token }));
    expect(first.checkedInAt).toBeTruthy();
    expect((await member.post(`/api/meetings/${day.id}/check-in`, { token: qr.token })).status).toBe(409);
    // the same code scanned by another invited member inside the window: fine, they check in as themselves
    await ok(member2.post(`/api/meetings/${day.id}/check-in`, { token: qr.token }));
    // passed to a member who is not invited: the event is not theirs to see, so it is not found (as a made-up one)
    const stranger = await member3.post(`/api/meetings/${day.id}/check-in`, { token: qr.token });
    expect(stranger.status).toBe(404);
    expect(stranger.body.message).toBe('会议活动不存在或无权查看');
    // the code of one event does not check anyone into another
    const wrong = await member.post(`/api/meetings/${otherDay.id}/check-in`, { token: qr.token });
    expect(wrong.status).toBe(400);
    expect(wrong.body.message).toContain('不属于本次活动');
    // a screenshot kept until after its window: expired
    const secret = await installationSecret(t.database.db, CHECK_IN_SECRET);
    const old = signCheckInToken(secret, otherDay.id, new Date(Date.now() - 10 * 60_000), 90);
    const expired = await member.post(`/api/meetings/${otherDay.id}/check-in`, { token: old.token });
    expect(expired.status).toBe(409);
    expect(expired.body.message).toContain('过期');
    // forged: signed with another key
    const forged = signCheckInToken('f'.repeat(64), otherDay.id, new Date(), 90);
    expect((await member.post(`/api/meetings/${otherDay.id}/check-in`, { token: forged.token })).status).toBe(400);

    const detail = await ok(office.get(`/api/meetings/${day.id}`));
    expect(detail.stats).toMatchObject({ invited: 2, checkedIn: 2, final: false });
    expect(detail.invitees.find((i: any) => i.memberId === m1)).toMatchObject({ checkInMethod: 'qr' });
  });

  it('staff check-in, early leave under 2/3 counts as absent; closing writes ledger entries per outcome; reopening voids them', async () => {
    const day = await activityDay('委员活动日：河道巡查');
    const office = await as('office');
    let d = await ok(office.get(`/api/meetings/${day.id}`));
    const inv1 = d.invitees.find((i: any) => i.memberId === m1);
    const inv2 = d.invitees.find((i: any) => i.memberId === m2);
    // member: checked in by staff at the start, stays
    d = await ok(office.post(`/api/meetings/${day.id}/attendance/${m1}`, { version: inv1.version, checkedInAt: minutes(-30) }));
    // member2: arrives 20 minutes late and leaves after an hour → 1/3 of the meeting → absent
    d = await ok(office.post(`/api/meetings/${day.id}/attendance/${m2}`, { version: inv2.version, checkedInAt: minutes(-10), leftAt: minutes(50) }));
    const stale = await office.post(`/api/meetings/${day.id}/attendance/${m2}`, { version: inv2.version, leftAt: null });
    expect(stale.status).toBe(409);
    expect(d.invitees.find((i: any) => i.memberId === m2)).toMatchObject({ late: true, leftEarly: true, outcome: 'absent' });

    d = await ok(office.post(`/api/meetings/${day.id}/actions/close`, { version: d.version }));
    expect(d.status).toBe('closed');
    expect(d.stats).toMatchObject({ invited: 2, attended: 1, absent: 1, final: true, rate: 50 });
    const credits = await t.database.db.select().from(ledgerEntries).where(eq(ledgerEntries.sourceId, day.id));
    expect(credits.map((c) => `${c.memberId === m1 ? 'm1' : 'm2'}:${c.kind}`).sort()).toEqual(['m1:activity.activityDay.attended', 'm2:activity.activityDay.absent']);
    expect(credits.find((c) => c.memberId === m2)!.note).toContain('早退');

    d = await ok(office.post(`/api/meetings/${day.id}/actions/reopen`, { version: d.version }));
    const live = await t.database.db.select().from(ledgerEntries).where(and(eq(ledgerEntries.sourceId, day.id)));
    expect(live.every((c) => c.voidedAt !== null)).toBe(true);
    d = await ok(office.post(`/api/meetings/${day.id}/attendance/${m2}`, { version: d.invitees.find((i: any) => i.memberId === m2).version, leftAt: null }));
    d = await ok(office.post(`/api/meetings/${day.id}/actions/close`, { version: d.version }));
    expect(d.stats).toMatchObject({ attended: 2, absent: 0 });
    expect(await verifyAuditChain(t.database.db)).toEqual([]);
  });

  it('closing waits for pending leave requests', async () => {
    const day = await activityDay('委员活动日：调研准备');
    await ok(member2Leave(day.id));
    const office = await as('office');
    const res = await office.post(`/api/meetings/${day.id}/actions/close`, { version: day.version });
    expect(res.status).toBe(409);
    expect(res.body.message).toContain('未审批');
  });

  it('the reply, the close and the voids of a reopen are dated by the app clock, not the machine', async () => {
    const day = await activityDay('委员活动日：时钟');
    const office = await as('office');
    const member = await as('member');
    // the app's clock runs minutes ahead of the machine (within the session's idle time): every stored date must say so too
    const replied = new Date(Date.now() + 7 * 60_000);
    movableClock(t, replied);
    try {
      await ok(member.post(`/api/meetings/${day.id}/reply`, { attend: true }));
      const [mine] = await t.database.db.select().from(activityInvitees).where(and(eq(activityInvitees.activityId, day.id), eq(activityInvitees.memberId, m1)));
      expect(mine.repliedAt?.toISOString()).toBe(replied.toISOString());
      const closed = new Date(replied.getTime() + 3 * 60_000);
      movableClock(t, closed);
      let d = await ok(office.post(`/api/meetings/${day.id}/actions/close`, { version: day.version }));
      const [row] = await t.database.db.select().from(activities).where(eq(activities.id, day.id));
      expect(row.closedAt?.toISOString()).toBe(closed.toISOString());
      const reopened = new Date(closed.getTime() + 3 * 60_000);
      movableClock(t, reopened);
      d = await ok(office.post(`/api/meetings/${day.id}/actions/reopen`, { version: d.version }));
      const voided = await t.database.db.select().from(ledgerEntries).where(eq(ledgerEntries.sourceId, day.id));
      expect(voided.length).toBe(2);
      expect(voided.map((e) => e.voidedAt?.toISOString())).toEqual([reopened.toISOString(), reopened.toISOString()]);
    } finally {
      t.app.services.now = () => new Date();
    }
  });

  it('plenary speeches: member submits, staff select written; the ledger follows the latest choice', async () => {
    const member = await as('member');
    const office = await as('office');
    let s = await ok(member.post('/api/meetings/speeches', { title: '关于推动龙岗制造业数字化转型的发言', body: '制造业是龙岗的立区之本。建议加快工业互联网平台建设，支持中小企业上云用数赋智。' }));
    expect(s.status).toBe('submitted');
    // decided at the app's clock (a test moves it), not the machine's
    const decidedAt = movableClock(t, new Date(Date.now() + 60_000)).now();
    s = await ok(office.post(`/api/meetings/speeches/${s.id}/select`, { version: s.version, status: 'oral' }));
    t.app.services.now = () => new Date();
    const [decided] = await t.database.db.select().from(plenarySpeeches).where(eq(plenarySpeeches.id, s.id));
    expect(decided.decidedAt?.toISOString()).toBe(decidedAt.toISOString());
    s = await ok(office.post(`/api/meetings/speeches/${s.id}/select`, { version: s.version, status: 'written', note: '改为书面发言' }));
    expect(s.statusLabel).toBe('书面发言');
    const rows = await t.database.db.select().from(ledgerEntries).where(eq(ledgerEntries.sourceId, s.id));
    expect(rows.filter((r) => !r.voidedAt).map((r) => r.kind)).toEqual(['speech.written']);
    expect((await member.post(`/api/meetings/speeches/${s.id}/select`, { version: s.version, status: 'oral' })).status).toBe(403);
  });
});
