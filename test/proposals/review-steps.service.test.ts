import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { dbKinds } from '../support/db.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { ok, sampleDraft } from '../support/proposals.js';
import { auditLog } from '../../src/server/platform/audit/schema.js';

/**
 * 三审: 立案 is offered only after the review steps the committee's settings require (预审 → 复审 →
 * 审定). A committee that reviews in fewer steps says so in its settings — an audited change — and
 * never one clerk skipping a step on one proposal.
 */
describe.each(dbKinds)('review steps before 立案 on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it('the demo committee files only at 待审定; a committee whose settings drop both steps files right after submission', async () => {
    const [member, staff, admin] = await Promise.all(['member', 'staff', 'admin'].map((u) => t.as(u)));
    const submit = async (title: string) => {
      const d = await ok(member.post('/api/proposals', { ...sampleDraft, title }));
      await ok(member.post(`/api/proposals/${d.id}/actions/submit`, { version: d.version }));
      return ok(staff.get(`/api/proposals/${d.id}`));
    };
    let p = await submit('关于规范老旧小区加装电梯审批流程的建议');
    expect(p.statusLabel).toBe('待预审');
    expect(p.actions).toContain('preReview');
    expect(p.actions).not.toContain('file');
    expect((await staff.post(`/api/proposals/${p.id}/actions/file`, { version: p.version })).status).toBe(409);
    p = await ok(staff.post(`/api/proposals/${p.id}/actions/preReview`, { version: p.version, opinion: '符合立案标准，建议复审' }));
    expect(p.statusLabel).toBe('待复审');
    expect(p.actions).not.toContain('file');
    p = await ok(staff.post(`/api/proposals/${p.id}/actions/reReview`, { version: p.version, opinion: '同意立案' }));
    expect(p.statusLabel).toBe('待审定');
    expect(p.actions).toContain('file');
    expect((await ok(staff.get('/api/proposals/options'))).reviewSteps).toEqual(['preReview', 'reReview']);

    // the admin decides this year's proposals are reviewed in one step: audited as a settings change
    const year = p.year;
    const current = await ok(admin.get(`/api/settings/proposals?year=${year}`));
    await ok(admin.request({ method: 'PUT', url: `/api/settings/proposals?year=${year}`, payload: { version: current.version, values: { reviewSteps: [] } } }));
    const audited = await t.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'settings.update'), eq(auditLog.subjectId, `proposals:${year}`)));
    expect(audited.length).toBeGreaterThan(0);
    const direct = await submit('关于增设社区儿童友好空间的建议');
    expect(direct.statusLabel).toBe('待审定');
    expect(direct.actions).toContain('file');
    await ok(admin.request({ method: 'PUT', url: `/api/settings/proposals?year=${year}`, payload: { version: current.version + 1, values: { reviewSteps: ['preReview', 'reReview'] } } }));
  });
});
