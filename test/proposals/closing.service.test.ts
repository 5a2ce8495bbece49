import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { dbKinds } from '../support/db.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { ok } from '../support/proposals.js';
import { proposals } from '../../src/server/modules/proposals/schema.js';
import { runScheduledJobs } from '../../src/server/scheduler.js';
import { assignedJointProposal } from '../documents/scenario.js';

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
    expect((await runScheduledJobs(t.database, after)).closed).toBeGreaterThanOrEqual(1);
    const closed = await ok(member.get(`/api/proposals/${p.id}`));
    expect(closed.status).toBe('closed');
    expect(closed.rateDeadline).toBeNull();
    expect(closed.history.at(-1)).toMatchObject({ action: 'proposal.close', actorName: '系统', note: '提案人未在评价期限内评价，按期办结' });
    const inbox = await ok(member.get('/api/notifications'));
    expect(inbox.items.some((n: any) => n.title === `提案已办结：${p.title}`)).toBe(true);
    expect((await runScheduledJobs(t.database, after)).closed).toBe(0);
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
});
