import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq, like } from 'drizzle-orm';
import { dbKinds } from '../support/db.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { serverUrl } from '../support/pg-url.js';
import { filedProposal, memberIdOf, ok, sampleDraft, unitIdByName } from '../support/proposals.js';
import { startReceiver } from '../support/receiver.js';
import { openPostgres, type Database } from '../../src/server/db/client.js';
import { assignments } from '../../src/server/platform/handling/schema.js';
import { remindDueReplies } from '../../src/server/platform/handling/reminders.js';
import { notifications } from '../../src/server/platform/notifications/schema.js';
import { outbox, scheduledJobs } from '../../src/server/platform/jobs/schema.js';
import { runDueJobs, type JobDefinition } from '../../src/server/platform/jobs/runner.js';
import { deliverDue, outboxDepth } from '../../src/server/platform/jobs/outbox.js';
import { inTransaction } from '../../src/server/platform/jobs/after-commit.js';
import { notify } from '../../src/server/platform/notifications/notify.js';
import { webhookChannel } from '../../src/server/platform/notifications/webhook.js';
import { remindRatings } from '../../src/server/modules/proposals/commands/rating-deadline.js';
import { scheduledJobList } from '../../src/server/scheduler.js';
import { assignedJointProposal } from '../documents/scenario.js';
import { loadCalendar } from '../../src/server/platform/calendar/store.js';
import { addWorkdays } from '../../src/server/platform/calendar/workdays.js';

/**
 * Several processes on one database: on PostgreSQL a second connection pool is a second process
 * as far as the server can tell; PGlite has one connection (and the folder lock keeps a second
 * process out), so there two runners interleave on it — the race the claims must win either way.
 */
describe.each(dbKinds)('jobs and the outbox with several runners on %s', (kind) => {
  let t: TestApp;
  let other: Database;
  beforeAll(async () => {
    t = await startTestApp(kind);
    if (kind === 'postgres') {
      const [{ name }] = await t.database.query<{ name: string }>('select current_database() as name');
      other = await openPostgres(serverUrl(name), 4);
    } else other = t.database;
  });
  afterAll(async () => {
    if (other !== t.database) await other.close();
    await t.close();
  });

  it('a scheduled job runs once per period however many runners tick at once', async () => {
    let runs = 0;
    const job: JobDefinition = {
      name: `test.count-${kind}`,
      everySeconds: 3600,
      run: async () => {
        runs++;
        await new Promise((r) => setImmediate(r)); // let the other runners try while this one works
      },
    };
    const at = new Date('2030-01-01T01:00:00Z');
    const tick = (now: Date) => Promise.all([0, 1, 2, 3, 4, 5].map((i) => runDueJobs(i % 2 ? other : t.database, [job], { now, owner: `runner-${i}` })));
    await tick(at);
    expect(runs).toBe(1);
    await tick(new Date(at.getTime() + 1800_000)); // half an hour later: not due
    expect(runs).toBe(1);
    await tick(new Date(at.getTime() + 3601_000));
    expect(runs).toBe(2);
    const [row] = await t.database.db.select().from(scheduledJobs).where(eq(scheduledJobs.name, job.name));
    expect(row).toMatchObject({ runs: 2, failures: 0, lockedBy: null, lastError: null });
  });

  it('a failed run is recorded and retried within minutes, not after a whole period', async () => {
    let calls = 0;
    const job: JobDefinition = { name: `test.flaky-${kind}`, everySeconds: 3600, run: async () => { if (++calls === 1) throw new Error('数据库重启中'); } };
    const at = new Date('2030-02-01T01:00:00Z');
    const [first] = await runDueJobs(t.database, [job], { now: at });
    expect(first).toMatchObject({ ok: false, error: '数据库重启中' });
    expect(await runDueJobs(t.database, [job], { now: new Date(at.getTime() + 60_000) })).toEqual([]);
    const [again] = await runDueJobs(other, [job], { now: new Date(at.getTime() + 301_000) });
    expect(again.ok).toBe(true);
    const [row] = await t.database.db.select().from(scheduledJobs).where(eq(scheduledJobs.name, job.name));
    expect(row).toMatchObject({ runs: 2, failures: 1, lastError: null });
  });

  it("the product's own jobs are claimed once across runners", async () => {
    const jobs = scheduledJobList(t.config);
    const at = new Date(); // real time: the audit purge's database guard counts its 180 days from now()
    const results = await Promise.all([runDueJobs(t.database, jobs, { now: at, owner: 'a' }), runDueJobs(other, jobs, { now: at, owner: 'b' })]);
    const started = results.flat().map((r) => r.name).sort();
    expect(started).toEqual(jobs.map((j) => j.name).sort());
    expect(results.flat().filter((r) => !r.ok).map((r) => `${r.name}: ${r.error}`)).toEqual([]);
  });

  it('a unit is reminded of a due reply once, though two runners remind at the same time', async () => {
    const title = '关于规范共享单车停放管理的建议';
    const { p, staff } = await filedProposal(t, { ...sampleDraft, title });
    const unitId = await unitIdByName(staff, '区教育局');
    const q = await ok(staff.post(`/api/proposals/${p.id}/assign`, { version: p.version, assignments: [{ unitId, role: 'sole' }] }));
    await t.database.db.update(assignments).set({ replyDeadline: '2026-11-30' }).where(eq(assignments.id, q.assignments[0].id));
    const counts = await Promise.all([remindDueReplies(t.database, new Date('2026-11-23T10:00:00+08:00')), remindDueReplies(other, new Date('2026-11-23T10:00:00+08:00')), remindDueReplies(t.database, new Date('2026-11-23T10:00:00+08:00'))]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1);
    const unit = await t.as('unit');
    const inbox = (await ok(unit.get('/api/notifications'))).items.filter((n: any) => n.title === `即将到期：${title}`);
    expect(inbox).toHaveLength(1);
  });

  it('a proposer is reminded to rate once, though two runners remind at the same time', async () => {
    const { p, member } = await assignedJointProposal(t, '关于加强城中村消防安全隐患整治的建议', { reply: 'sent' });
    const due = new Date(`${addWorkdays(await loadCalendar(t.database.db), p.rateDeadline, -2)}T10:00:00+08:00`);
    await Promise.all([remindRatings(t.database, due), remindRatings(other, due), remindRatings(t.database, due)]);
    const inbox = (await ok(member.get('/api/notifications'))).items.filter((n: any) => n.title === `请于${p.rateDeadline}前评价办理结果：${p.title}`);
    expect(inbox).toHaveLength(1);
    // remembered at the job runner's clock, not the machine's
    const [{ rate_reminded_at: remindedAt }] = await t.database.query<{ rate_reminded_at: Date }>(`select rate_reminded_at from proposals where id = '${p.id}'`);
    expect(new Date(remindedAt).toISOString()).toBe(due.toISOString());
  });

  it('a notice and its outbox row are written with the change or not at all', async () => {
    const before = await t.database.db.select().from(outbox);
    const [{ id: userId }] = await t.database.query<{ id: string }>(`select id from users where username = 'member'`);
    const [{ committee_id: committeeId }] = await t.database.query<{ committee_id: string }>(`select committee_id from users where username = 'member'`);
    await expect(
      inTransaction(t.database, async (uow) => {
        await notify(uow.tx, { committeeId, userIds: [userId], title: '回滚测试通知' });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await t.database.db.select().from(notifications).where(eq(notifications.title, '回滚测试通知'))).toHaveLength(0);
    expect(await t.database.db.select().from(outbox)).toHaveLength(before.length);
  });

  it('outbox rows go out through the webhook, retried with backoff after a failure, each once across two workers', async () => {
    const receiver = await startReceiver((n) => (n === 1 ? 500 : 200));
    try {
      const channels = [webhookChannel({ url: receiver.url })];
      // drain what earlier tests left, so the counts below are this test's
      await deliverDue(t.database, [], { now: new Date(Date.now() + 86400_000), batch: 10_000 });
      const member = await t.as('member');
      const m2 = await memberIdOf(t, 'member2');
      const title = '关于完善社区嵌入式托育服务的建议';
      await ok(member.post('/api/proposals', { ...sampleDraft, title, authorType: 'joint', cosignerIds: [m2] }));
      expect((await outboxDepth(t.database)).pending).toBe(1);

      const now = new Date();
      const first = await deliverDue(t.database, channels, { now });
      expect(first).toMatchObject({ claimed: 1, retried: 1, delivered: 0 });
      const [row] = await t.database.db.select().from(outbox).orderBy(desc(outbox.id)).limit(1);
      expect(row).toMatchObject({ attempts: 1, lastError: 'webhook: HTTP 500', deliveredAt: null });
      expect(row.nextAttemptAt.getTime()).toBeGreaterThan(now.getTime() + 25_000);
      // not due again yet; due after the backoff, and then two workers race for it
      expect((await deliverDue(t.database, channels, { now: new Date(now.getTime() + 10_000) })).claimed).toBe(0);
      const later = new Date(now.getTime() + 31_000);
      const raced = await Promise.all([deliverDue(t.database, channels, { now: later }), deliverDue(other, channels, { now: later })]);
      expect(raced.map((r) => r.delivered).sort()).toEqual([0, 1]);
      expect(await outboxDepth(t.database)).toEqual({ pending: 0, failed: 0 });

      expect(receiver.received).toHaveLength(2);
      expect(receiver.received[0].key).toBe(receiver.received[1].key);
      expect(receiver.received[1].body).toMatchObject({ topic: 'notice', title: `联名邀请：${title}`, recipients: [expect.objectContaining({ username: 'member2' })] });
    } finally {
      await receiver.close();
    }
  });

  it('a row whose channel keeps failing is given up after the last attempt and counted', async () => {
    const receiver = await startReceiver(() => 503);
    try {
      await deliverDue(t.database, [], { now: new Date(Date.now() + 86400_000), batch: 10_000 });
      const [{ id: userId, committee_id: committeeId }] = await t.database.query<{ id: string; committee_id: string }>(`select id, committee_id from users where username = 'member'`);
      await inTransaction(t.database, (uow) => notify(uow.tx, { committeeId, userIds: [userId], title: '总是失败的通知' }));
      const channels = [webhookChannel({ url: receiver.url })];
      let at = new Date();
      for (let i = 0; i < 3; i++) {
        await deliverDue(t.database, channels, { now: at, maxAttempts: 3 });
        at = new Date(at.getTime() + 3600_000);
      }
      expect(receiver.received).toHaveLength(3);
      expect(await outboxDepth(t.database)).toEqual({ pending: 0, failed: 1 });
      const rows = await t.database.db.select().from(outbox).where(and(eq(outbox.topic, 'notice'), like(outbox.lastError, 'webhook: HTTP 503%')));
      expect(rows.at(-1)!.failedAt).not.toBeNull();
    } finally {
      await receiver.close();
    }
  });
});
