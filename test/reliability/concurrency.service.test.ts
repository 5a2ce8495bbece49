import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKinds } from '../support/db.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { ok, reviewed, sampleDraft } from '../support/proposals.js';

describe.each(dbKinds)('concurrent conflicting changes on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it('twenty decisions on one proposal at once: exactly one wins, the rest get 409', async () => {
    const member = await t.as('member');
    const deciders = await Promise.all(['staff', 'admin'].map((u) => t.as(u)));
    let p = await ok(member.post('/api/proposals', sampleDraft));
    p = await ok(member.post(`/api/proposals/${p.id}/actions/submit`, { version: p.version }));
    // 待审定: filing, not filing, returning and converting are all open
    p = await reviewed(deciders[0], p);
    const actions = ['file', 'reject', 'return', 'convert'];
    const bodies: Record<string, object> = { file: {}, reject: { reasonCode: 'vague' }, return: { reason: '请补充' }, convert: { to: 'suggestion', reason: '转为意见建议' } };
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => {
        const action = actions[i % actions.length];
        return deciders[i % 2].post(`/api/proposals/${p.id}/actions/${action}`, { version: p.version, ...bodies[action] });
      }),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    const final = await ok(member.get(`/api/proposals/${p.id}`));
    expect(final.version).toBe(p.version + 1);
    const decisions = final.history.filter((h: any) => ['proposal.file', 'proposal.reject', 'proposal.return', 'proposal.convert'].includes(h.action));
    expect(decisions).toHaveLength(1);
  });

  it('twenty edits of one member with the same version: one lands, none is lost silently', async () => {
    const roster = await t.as('roster');
    const m = (await ok(roster.get('/api/members?pageSize=1'))).items[0];
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => roster.patch(`/api/members/${m.id}`, { version: m.version, workplace: `单位${i}` })));
    const winners = results.filter((r) => r.status === 200);
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(19);
    const now = await ok(roster.get(`/api/members/${m.id}`));
    expect(now.workplace).toBe(winners[0].body.workplace);
    expect(now.version).toBe(m.version + 1);
  });

  it('filing numbers stay unique and gapless when many proposals are filed at once', async () => {
    const member = await t.as('member');
    const staff = await t.as('staff');
    const submitted = [];
    for (let i = 0; i < 12; i++) {
      const d = await ok(member.post('/api/proposals', { ...sampleDraft, title: `关于并发立案编号测试第${i}号的建议` }));
      submitted.push(await reviewed(staff, await ok(member.post(`/api/proposals/${d.id}/actions/submit`, { version: d.version }))));
    }
    const filed = await Promise.all(submitted.map((p) => ok(staff.post(`/api/proposals/${p.id}/actions/file`, { version: p.version }))));
    const numbers = filed.map((f: any) => Number(f.numberText.match(/第(\d+)号/)[1])).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(12);
    expect(numbers[11] - numbers[0]).toBe(11);
  });
});
