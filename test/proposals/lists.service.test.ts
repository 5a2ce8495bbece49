import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKinds } from '../support/db.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { ok } from '../support/proposals.js';

/**
 * 全部提案 opens on the current session, newest first; the 436 imported history proposals are a
 * filter away, never in front of this year's work.
 */
describe.each(dbKinds)('proposal lists open on the current session on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it('names the current session among the sessions, newest first; unfiltered lists put the committee’s own before history', async () => {
    const staff = await t.as('staff');
    const options = await ok(staff.get('/api/proposals/options'));
    const current = options.sessions.filter((s: any) => s.current);
    expect(current).toHaveLength(1);
    expect(options.sessions.map((s: any) => s.year)).toEqual([...options.sessions.map((s: any) => s.year)].sort((a: number, b: number) => b - a));

    const first = await ok(staff.get('/api/proposals?scope=all&pageSize=20'));
    expect(first.total).toBeGreaterThan(436);
    expect(first.items.filter((p: any) => p.year === 2019)).toEqual([]);
    // newest first within the page
    const days = first.items.map((p: any) => p.submittedAt).filter(Boolean);
    expect(days).toEqual([...days].sort().reverse());

    const session = await ok(staff.get(`/api/proposals?scope=all&pageSize=20&sessionId=${current[0].id}`));
    expect(session.total).toBeGreaterThan(0);
    expect(session.total).toBeLessThan(first.total);
    const history = await ok(staff.get('/api/proposals?scope=all&pageSize=20&historical=1'));
    expect(history.total).toBe(436);
  });
});
