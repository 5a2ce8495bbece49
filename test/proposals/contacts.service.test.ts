import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKinds } from '../support/db.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { filedProposal, ok, sampleDraft, unitIdByName } from '../support/proposals.js';

/** 办中协商 from both sides: the unit logs its contacts, and the proposer logs theirs, naming the unit. */
describe.each(dbKinds)('contacts between proposer and units on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it('the first proposer logs a talk with the lead unit once the proposal is assigned; others may not', async () => {
    const { p, staff, member } = await filedProposal(t, { ...sampleDraft, title: '关于增设社区儿童游乐设施的建议' });
    expect(p.actions).not.toContain('logContact');
    const edu = await unitIdByName(staff, '区教育局');
    const water = await unitIdByName(staff, '区水务局');
    const assigned = await ok(staff.post(`/api/proposals/${p.id}/assign`, { version: p.version, assignments: [{ unitId: edu, role: 'sole' }] }));
    const mine = await ok(member.get(`/api/proposals/${p.id}`));
    expect(mine.actions).toContain('logContact');
    expect(assigned.actions).toContain('logContact'); // the proposal office too

    const talk = { type: 'proposal', subjectId: p.id, stage: 'during', method: 'meeting', contactOn: '2026-11-20', summary: '与区教育局座谈，补充了选址建议' };
    const wrongUnit = await member.post('/api/handling/contacts', { ...talk, unitId: water });
    expect(wrongUnit.status).toBe(400);
    expect(wrongUnit.body.message).toContain('沟通单位');
    const logged = await ok(member.post('/api/handling/contacts', { ...talk, unitId: edu }));
    expect(logged).toMatchObject({ unitId: edu, authorName: mine.leadMemberName, stage: 'during' });

    const member2 = await t.as('member2');
    expect((await member2.post('/api/handling/contacts', { ...talk, unitId: edu })).status).toBe(403);
    expect((await ok(member2.get(`/api/proposals/${p.id}`))).actions).not.toContain('logContact'); // members read filed proposals, but are not its proposer
    const unit3 = await t.as('unit3');
    expect((await unit3.post('/api/handling/contacts', talk)).status).toBe(404);

    const unit = await t.as('unit');
    const detail = await ok(unit.get(`/api/proposals/${p.id}`));
    expect(detail.contacts.map((c: any) => [c.unitName, c.summary])).toEqual([['区教育局', '与区教育局座谈，补充了选址建议']]);
  });
});
