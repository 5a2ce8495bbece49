import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKinds } from '../support/db.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { ok } from '../support/proposals.js';

describe.each(dbKinds)('the demo consultation plan on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it('this year’s plan is approved with fifteen topics across the forms; a member reads it and finds their own suggestion in it', async () => {
    const member = await t.as('member');
    const plans = await ok(member.get('/api/consultation/plans'));
    const year = Math.max(...plans.items.map((p: any) => p.year));
    const current = plans.items.find((p: any) => p.year === year);
    expect(current).toMatchObject({ status: 'approved', itemCount: 15 });
    const plan = await ok(member.get(`/api/consultation/plans/${current.id}`));
    expect(new Set(plan.items.map((i: any) => i.form)).size).toBe(9);
    expect(plan.items.reduce((n: number, i: any) => n + (i.researchFirst ? 1 : 0), 0)).toBeGreaterThan(10);
    const mine = await ok(member.get(`/api/consultation/topics?year=${year}&scope=mine`));
    expect(mine.items.map((x: any) => x.statusLabel)).toEqual(expect.arrayContaining(['已列入计划']));
    // the office's moderation queue holds the waiting public suggestion
    const queue = await ok((await t.as('office')).get(`/api/consultation/topics?year=${year}&scope=moderation`));
    expect(queue.items).toHaveLength(1);
    expect(queue.items[0].sourceLabel).toBe('群众出题');
  });
});
