import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { dbKinds } from '../support/db.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { ok } from '../support/proposals.js';
import { proposals } from '../../src/server/modules/proposals/schema.js';
import { runScheduledJobs } from '../../src/server/scheduler.js';
import { assignedJointProposal } from '../documents/scenario.js';
import { loadCalendar } from '../../src/server/platform/calendar/store.js';
import { addWorkdays } from '../../src/server/platform/calendar/workdays.js';

describe.each(dbKinds)('closing a replied proposal (办结) on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it('a replied proposal nobody rates is closed (办结) once the rating period runs out, not before', async () => {
    const { p, staff, member } = await assignedJointProposal(t, '关于完善社区养老服务设施的建议', { reply: 'sent' });
    expect(p.status).toBe('replied');
    expect(p.actions).not.toContain('close');
    const early = await staff.post(`/api/proposals/${p.id}/actions/close`, { version: p.version });
    expect(early.status).toBe(409);
    expect(early.body.message).toContain(`${p.rateDeadline}前评价`);
    // the day after the deadline the job closes it with the system actor, audited, and tells the proposer
    const after = new Date(`${p.rateDeadline}T02:00:00Z`);
    after.setUTCDate(after.getUTCDate() + 1);
    expect((await runScheduledJobs(t.database, after, t.config))['proposals.close-unrated']).toBeGreaterThanOrEqual(1);
    const closed = await ok(member.get(`/api/proposals/${p.id}`));
    expect(closed.status).toBe('closed');
    expect(closed.rateDeadline).toBeNull();
    expect(closed.history.at(-1)).toMatchObject({ action: 'proposal.close', actorName: '系统', note: '提案人未在评价期限内评价，按期办结' });
    const inbox = await ok(member.get('/api/notifications'));
    expect(inbox.items.some((n: any) => n.title === `提案已办结：${p.title}`)).toBe(true);
    expect((await runScheduledJobs(t.database, after, t.config))['proposals.close-unrated']).toBe(0);
  });

  it('staff close a replied proposal by hand once its period has passed; the button comes with the right', async () => {
    const { p, staff, member } = await assignedJointProposal(t, '关于加快老旧小区加装电梯的建议', { reply: 'sent' });
    await t.database.db.update(proposals).set({ rateDeadline: '2020-01-02' }).where(eq(proposals.id, p.id));
    const due = await ok(staff.get(`/api/proposals/${p.id}`));
    expect(due.actions).toContain('close');
    expect((await ok(member.get(`/api/proposals/${p.id}`))).actions).not.toContain('close');
    expect((await member.post(`/api/proposals/${p.id}/actions/close`, { version: due.version })).status).toBe(403);
    const closed = await ok(staff.post(`/api/proposals/${p.id}/actions/close`, { version: due.version, reason: '已电话沟通，提案人认可办理情况' }));
    expect(closed.status).toBe('closed');
  });

  it('reminds the proposer once, a few working days before the rating deadline', async () => {
    const { p, member } = await assignedJointProposal(t, '关于推进社区卫生服务中心标准化建设的建议', { reply: 'sent' });
    const calendar = await loadCalendar(t.database.db);
    const at = (day: string) => new Date(`${day}T02:00:00Z`); // 10:00 in Beijing
    const early = addWorkdays(calendar, p.rateDeadline, -5);
    const title = `请于${p.rateDeadline}前评价办理结果：${p.title}`;
    const inbox = async () => (await ok(member.get('/api/notifications'))).items.filter((n: any) => n.title === title);
    await runScheduledJobs(t.database, at(early), t.config);
    expect(await inbox()).toHaveLength(0); // the default is 3 working days before
    const due = addWorkdays(calendar, p.rateDeadline, -2);
    expect((await runScheduledJobs(t.database, at(due), t.config))['proposals.remind-ratings']).toBeGreaterThanOrEqual(1);
    expect(await inbox()).toHaveLength(1);
    await runScheduledJobs(t.database, at(due), t.config);
    expect(await inbox()).toHaveLength(1);
  });
});
