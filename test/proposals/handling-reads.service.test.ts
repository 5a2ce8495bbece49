import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { dbKinds } from '../support/db.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { filedProposal, ok, sampleDraft, unitIdByName } from '../support/proposals.js';

/** The reads the handling pages use: the contact log of a subject, and proposals by handling unit. */
describe.each(dbKinds)('handling reads on %s', (kind) => {
  let t: TestApp;
  let proposalId = '';
  beforeAll(async () => {
    t = await startTestApp(kind);
    const { p, staff } = await filedProposal(t, { ...sampleDraft, title: '关于规范校外培训机构收费的建议' });
    const lead = await unitIdByName(staff, '区教育局');
    const assisting = await unitIdByName(staff, '区住房建设局');
    await ok(staff.post(`/api/proposals/${p.id}/assign`, { version: p.version, assignments: [{ unitId: lead, role: 'lead' }, { unitId: assisting, role: 'assisting' }] }));
    const unit = await t.as('unit');
    await ok(unit.post('/api/handling/contacts', { type: 'proposal', subjectId: p.id, stage: 'before', method: 'phone', contactOn: '2026-01-05', summary: '电话联系提案人，了解具体诉求' }));
    proposalId = p.id;
  });
  afterAll(() => t.close());

  it('the overseeing office, every assigned unit and the proposer read the contact log, with unit names', async () => {
    for (const who of ['staff', 'unit', 'unit2', 'leader', 'member']) {
      const { items } = await ok((await t.as(who)).get(`/api/handling/contacts?type=proposal&subjectId=${proposalId}`));
      expect(items.map((c: any) => [c.unitName, c.stage, c.summary]), who).toEqual([['区教育局', 'before', '电话联系提案人，了解具体诉求']]);
    }
  });

  it('a unit not assigned, another office and another member are refused; an unknown subject is not found', async () => {
    const url = `/api/handling/contacts?type=proposal&subjectId=${proposalId}`;
    for (const who of ['unit3', 'info', 'member2']) expect((await (await t.as(who)).get(url)).status, who).toBe(403);
    expect((await (await t.as('staff')).get(`/api/handling/contacts?type=proposal&subjectId=${randomUUID()}`)).status).toBe(404);
    expect((await t.anonymous.get(url)).status).toBe(401);
  });

  it('bad input names the field in Chinese', async () => {
    const bad = await (await t.as('staff')).get(`/api/handling/contacts?type=meeting&subjectId=${proposalId}`);
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('事项类型');
  });

  it('the proposal list filters by handling unit', async () => {
    const staff = await t.as('staff');
    const housing = await unitIdByName(staff, '区住房建设局');
    const water = await unitIdByName(staff, '区水务局');
    const byHousing = await ok(staff.get(`/api/proposals?scope=all&unitId=${housing}&pageSize=200`));
    expect(byHousing.items.map((p: any) => p.id)).toContain(proposalId);
    expect(byHousing.items.every((p: any) => p.units.some((u: any) => u.unitId === housing))).toBe(true);
    const byWater = await ok(staff.get(`/api/proposals?scope=all&unitId=${water}&pageSize=200`));
    expect(byWater.items.map((p: any) => p.id)).not.toContain(proposalId);
    const bad = await staff.get('/api/proposals?scope=all&unitId=abc');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('承办单位');
  });
});
