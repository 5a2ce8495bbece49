import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { dbKinds } from '../support/db.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { ok, sampleDraft } from '../support/proposals.js';
import { users } from '../../src/server/platform/auth/schema.js';
import { notifications } from '../../src/server/platform/notifications/schema.js';
import { notify } from '../../src/server/platform/notifications/notify.js';

/**
 * Notifications are no channel for one's text to others (issue 19, finding 6): every place that
 * notifies goes through `notify`, which delivers only to active accounts of the notice's committee,
 * and a proposal invites co-signers only when it is joint, only members of its committee. The
 * authorisation matrix's foreign-id test checks after every write that no notice reached an
 * account of another committee.
 */
describe.each(dbKinds)('notification recipients on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  const userOf = async (username: string) => (await t.database.db.select().from(users).where(eq(users.username, username)))[0];
  const noticesOf = async (userId: string, title: string) => t.database.db.select().from(notifications).where(and(eq(notifications.userId, userId), eq(notifications.title, title)));

  it('sends no co-sign invitation for a proposal that is not joint, and refuses co-signers of another committee', async () => {
    const member = await t.as('member');
    const [m2, ft] = [await userOf('member2'), await userOf('ft_member')];
    expect(m2.memberId && ft.memberId).toBeTruthy();
    const title = '关于通知渠道测试的个人提案';
    const refused = await member.post('/api/proposals', { ...sampleDraft, title, authorType: 'individual', cosignerIds: [m2.memberId, ft.memberId] });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toContain('联名委员');
    const p = await ok(member.post('/api/proposals', { ...sampleDraft, title, authorType: 'individual', cosignerIds: [m2.memberId] }));
    expect(p.cosigners).toEqual([]);
    expect(await noticesOf(m2.id, `联名邀请：${title}`)).toEqual([]);
    expect(await noticesOf(ft.id, `联名邀请：${title}`)).toEqual([]);
    // a joint one invites the committee's member, and still no one of another committee
    const joint = await member.post('/api/proposals', { ...sampleDraft, title: `${title}（联名）`, authorType: 'joint', cosignerIds: [m2.memberId, ft.memberId] });
    expect(joint.status).toBe(400);
    await ok(member.post('/api/proposals', { ...sampleDraft, title: `${title}（联名）`, authorType: 'joint', cosignerIds: [m2.memberId] }));
    expect(await noticesOf(m2.id, `联名邀请：${title}（联名）`)).toHaveLength(1);
  });

  it('delivers a notice only to active accounts of its committee, whatever ids a caller passes', async () => {
    const [m2, ft, admin] = [await userOf('member2'), await userOf('ft_member'), await userOf('admin')];
    const title = '通知收件人校验';
    await t.database.db.transaction((tx) => notify(tx, { committeeId: admin.committeeId!, userIds: [m2.id, ft.id, '00000000-0000-4000-8000-000000000000'], title }));
    expect(await noticesOf(m2.id, title)).toHaveLength(1);
    expect(await noticesOf(ft.id, title)).toEqual([]);
    const crossed = await t.database.query<{ n: number }>('select count(*)::int as n from notifications n join users u on u.id = n.user_id where u.committee_id is distinct from n.committee_id');
    expect(crossed[0].n).toBe(0);
  });
});
