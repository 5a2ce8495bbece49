import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { dbKinds } from '../support/db.js';
import { startTestApp, type Client, type TestApp } from '../support/app.js';
import { serverUrl } from '../support/pg-url.js';
import { memberIdOf, ok, sampleDraft } from '../support/proposals.js';
import { startReceiver } from '../support/receiver.js';
import { startMailbox } from '../support/mailbox.js';
import { openPostgres, type Database } from '../../src/server/db/client.js';
import { users } from '../../src/server/platform/auth/schema.js';
import { deliverDue } from '../../src/server/platform/jobs/outbox.js';
import { notify } from '../../src/server/platform/notifications/notify.js';
import { notificationDeliveries } from '../../src/server/platform/notifications/schema.js';
import { sendDue, signatureOf, transportsOf } from '../../src/server/platform/notifications/send.js';
import { nextAt } from '../../src/server/platform/notifications/timing.js';
import { outboxChannels } from '../../src/server/scheduler.js';

const SECRET = 'gateway-test-secret';

/**
 * Notices that reach people outside the app: each person chooses e-mail and/or SMS, at once or as
 * a daily digest, with quiet hours. A co-sign invitation arrives by e-mail at a real SMTP server;
 * SMS goes to the gateway signed, and is retried when the gateway fails; quiet hours and the digest
 * hold messages back and the digest sends one message for many; two senders never send one twice.
 */
describe.each(dbKinds)('notices by e-mail and SMS on %s', (kind) => {
  let t: TestApp;
  let mailbox: Awaited<ReturnType<typeof startMailbox>>;
  let gateway: Awaited<ReturnType<typeof startReceiver>>;
  let failNext = 0;
  let other: Database;
  let member: Client;
  let member2: Client;
  const deliverAll = async () => {
    while ((await deliverDue(t.database, outboxChannels(t.config))).claimed > 0);
  };

  beforeAll(async () => {
    mailbox = await startMailbox();
    gateway = await startReceiver(() => (failNext-- > 0 ? 500 : 200));
    t = await startTestApp(kind, { SMTP_URL: mailbox.url, MAIL_FROM: '区政协 <zx@example.gov.cn>', SMS_GATEWAY_URL: gateway.url, SMS_GATEWAY_SECRET: SECRET, APP_URL: 'https://zx.example.gov.cn/' });
    other = kind === 'postgres' ? await openPostgres(serverUrl((await t.database.query<{ name: string }>('select current_database() as name'))[0].name), 2) : t.database;
    // the demo's earlier notices went out before anyone here chose a channel
    await t.database.db.execute(sql`update outbox set delivered_at = now() where delivered_at is null`);
    member = await t.as('member');
    member2 = await t.as('member2');
  });
  afterAll(async () => {
    if (other && other !== t.database) await other.close();
    await t?.close();
    await mailbox?.close();
    await gateway?.close();
  });

  it('settings: the member’s e-mail is offered, each bad value is refused by field, a stale version is a conflict', async () => {
    const before = await ok(member2.get('/api/notifications/preferences'));
    expect(before).toMatchObject({ version: 0, emailOn: false, smsOn: false, digest: 'instant', available: { email: true, sms: true } });
    const base = { version: 0, emailOn: true, email: 'member2@example.com', smsOn: false, digest: 'instant', digestAt: '18:00', quietFrom: null, quietTo: null };
    const noMail = await member2.put('/api/notifications/preferences', { ...base, email: '' });
    expect(noMail.status).toBe(400);
    expect(noMail.body.fields).toEqual([expect.objectContaining({ field: 'email', message: '开启邮件通知须填写电子邮箱' })]);
    const halfQuiet = await member2.put('/api/notifications/preferences', { ...base, quietFrom: '22:00' });
    expect(halfQuiet.body.fields).toEqual([expect.objectContaining({ field: 'quietTo' })]);
    const badTime = await member2.put('/api/notifications/preferences', { ...base, digestAt: '25:00' });
    expect(badTime.body.fields).toEqual([expect.objectContaining({ field: 'digestAt', label: '每日汇总时间' })]);
    const saved = await ok(member2.put('/api/notifications/preferences', base));
    expect(saved).toMatchObject({ version: 1, emailOn: true, email: 'member2@example.com' });
    expect((await member2.put('/api/notifications/preferences', base)).status).toBe(409);
  });

  it('a co-sign invitation arrives by e-mail with a link into the app', async () => {
    const m2 = await memberIdOf(t, 'member2');
    const p = await ok(member.post('/api/proposals', { ...sampleDraft, title: '关于完善社区嵌入式托育服务的建议', authorType: 'joint', cosignerIds: [m2] }));
    await deliverAll();
    await expect.poll(() => mailbox.mails.length).toBe(1);
    expect(mailbox.mails[0]).toMatchObject({ to: 'member2@example.com', subject: '联名邀请：关于完善社区嵌入式托育服务的建议' });
    expect(mailbox.mails[0].text).toContain('邀请您联名提交提案');
    expect(mailbox.mails[0].text).toContain(`https://zx.example.gov.cn/proposals/${p.id}`);
    const after = await ok(member2.get('/api/notifications/preferences'));
    expect(after.recent[0]).toMatchObject({ channel: 'email', channelLabel: '邮件', title: '联名邀请：关于完善社区嵌入式托育服务的建议' });
    expect(after.recent[0].sentAt).not.toBeNull();
    // the outbox row retried (a crash after the fan-out) adds no second delivery
    await t.database.db.execute(sql`update outbox set delivered_at = null, done_channels = '{}', next_attempt_at = now() where id = (select max(id) from outbox)`);
    await deliverAll();
    expect(mailbox.mails).toHaveLength(1);
  });

  it('SMS goes to the gateway signed, is retried after a failure, and is sent once by two senders', async () => {
    const [account] = await t.database.db.update(users).set({ phone: '13800138000' }).where(eq(users.username, 'member')).returning({ id: users.id, committeeId: users.committeeId });
    await ok(member.put('/api/notifications/preferences', { version: 0, emailOn: false, email: null, smsOn: true, digest: 'instant', digestAt: '18:00', quietFrom: null, quietTo: null }));
    failNext = 1;
    await t.database.db.transaction((tx) => notify(tx, { committeeId: account.committeeId, userIds: [account.id], title: '会议通知：十二月委员学习会', body: '12月10日下午在机关三楼会议室', link: '/meetings' }));
    await deliverAll();
    expect(gateway.received).toHaveLength(1); // refused with 500
    const [row] = await t.database.db.select().from(notificationDeliveries).where(eq(notificationDeliveries.userId, account.id));
    expect(row).toMatchObject({ channel: 'sms', address: '13800138000', attempts: 1, sentAt: null, lastError: 'HTTP 500' });
    // two processes look at once when the retry comes due: one sends it
    const later = new Date(row.dueAt.getTime() + 1000);
    const transports = transportsOf(t.config);
    await Promise.all([sendDue(t.database, transports, { now: later, base: t.config.appUrl }), sendDue(other, transports, { now: later, base: t.config.appUrl })]);
    expect(gateway.received).toHaveLength(2);
    const sms = gateway.received[1];
    expect(sms.body).toMatchObject({ to: '13800138000', text: '会议通知：十二月委员学习会：12月10日下午在机关三楼会议室\n查看：https://zx.example.gov.cn/meetings' });
    expect(sms.headers['x-shangliang-signature']).toBe(`sha256=${signatureOf(SECRET, String(sms.headers['x-shangliang-timestamp']), sms.raw)}`);
    expect(sms.key).toBe(`shangliang-delivery-${sms.body.ids[0]}`);
    const [done] = await t.database.db.select().from(notificationDeliveries).where(eq(notificationDeliveries.userId, account.id));
    expect(done.sentAt).not.toBeNull();
  });

  it('quiet hours hold a message back; a daily digest sends one message for several notices at its hour', async () => {
    const [account] = await t.database.db.select({ id: users.id, committeeId: users.committeeId }).from(users).where(eq(users.username, 'member2'));
    const current = await ok(member2.get('/api/notifications/preferences'));
    await ok(member2.put('/api/notifications/preferences', { version: current.version, emailOn: true, email: 'member2@example.com', smsOn: false, digest: 'daily', digestAt: '18:00', quietFrom: null, quietTo: null }));
    const before = mailbox.mails.length;
    for (const title of ['答复评价提醒：关于加强校园周边交通安全的建议', '会议通知：界别协商会']) {
      await t.database.db.transaction((tx) => notify(tx, { committeeId: account.committeeId, userIds: [account.id], title }));
    }
    await deliverAll();
    const rows = await t.database.db.select().from(notificationDeliveries).where(eq(notificationDeliveries.userId, account.id));
    const queued = rows.filter((r) => r.digest && !r.sentAt);
    expect(queued).toHaveLength(2);
    const hour = nextAt(queued[0].createdAt, '18:00');
    for (const r of queued) expect(r.dueAt.getTime()).toBeGreaterThanOrEqual(hour.getTime() - 60_000);
    // before the hour nothing goes; at the hour one message carries both
    await sendDue(t.database, transportsOf(t.config), { now: new Date(hour.getTime() - 60_000) });
    expect(mailbox.mails.length).toBe(before);
    await sendDue(t.database, transportsOf(t.config), { now: new Date(Math.max(...queued.map((r) => r.dueAt.getTime())) + 1000) });
    await expect.poll(() => mailbox.mails.length).toBe(before + 1);
    const digest = mailbox.mails.at(-1)!;
    expect(digest.subject).toBe('今日消息汇总（2条）');
    expect(digest.text).toContain('1. 答复评价提醒：关于加强校园周边交通安全的建议');
    expect(digest.text).toContain('2. 会议通知：界别协商会');
  });

  it('a channel the server has no transport for cannot be switched on', async () => {
    const t2config = { ...t.config, smtp: undefined };
    const { savePrefs } = await import('../../src/server/platform/notifications/preferences.js');
    const [account] = await t.database.db.select().from(users).where(eq(users.username, 'staff'));
    const ctx = { database: t.database, actor: { userId: account.id, committeeId: account.committeeId, name: account.displayName, roles: account.roles as any, office: null, memberId: null, unitId: null }, today: '2026-12-04', now: new Date() };
    await expect(savePrefs(ctx as any, { version: 0, emailOn: true, email: 'staff@example.com', smsOn: false, digest: 'instant', digestAt: '18:00', quietFrom: null, quietTo: null, config: t2config })).rejects.toMatchObject({ details: { fields: [expect.objectContaining({ field: 'emailOn' })] } });
  });
});
