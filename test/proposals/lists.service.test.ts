import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKinds } from '../support/db.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { ok } from '../support/proposals.js';

/**
 * 全部提案 and 全部信息 open on the current session (year), newest first; the 436 imported history
 * proposals and past years are a filter away, never in front of this year's work. (社情民意 shares the
 * file: one demo committee serves both lists.)
 */
describe.each(dbKinds)('lists open on the current session on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it('全部提案 opens on the current session, newest first; other sessions, history and all are a filter away', async () => {
    const staff = await t.as('staff');
    const options = await ok(staff.get('/api/proposals/options'));
    const current = options.sessions.filter((s: any) => s.current);
    expect(current).toHaveLength(1);
    expect(options.sessions.map((s: any) => s.year)).toEqual([...options.sessions.map((s: any) => s.year)].sort((a: number, b: number) => b - a));

    const first = await ok(staff.get('/api/proposals?scope=all&pageSize=20'));
    expect(first.total).toBeGreaterThan(0);
    expect(first.items.every((p: any) => p.year === current[0].year && !p.historical)).toBe(true);
    const days = first.items.map((p: any) => p.submittedAt).filter(Boolean);
    expect(days).toEqual([...days].sort().reverse());
    // the default is the current session, named or not
    const named = await ok(staff.get(`/api/proposals?scope=all&pageSize=20&session=${current[0].id}`));
    expect(named.total).toBe(first.total);
    expect((await ok(staff.get('/api/proposals?scope=all&pageSize=1&session=current'))).total).toBe(first.total);

    // a line is the proposal's page in brief: the proposer, units, deadline and actions read with the
    // list's rows are the ones its own page reads (handled proposals of a past session have units)
    const handled = await ok(staff.get('/api/proposals?scope=all&pageSize=20&session=all&status=closed'));
    expect(handled.items.some((p: any) => p.units.length > 0)).toBe(true);
    for (const line of [...first.items, ...handled.items]) {
      const page = await ok(staff.get(`/api/proposals/${line.id}`));
      expect(page).toMatchObject(line);
    }

    const history = await ok(staff.get('/api/proposals?scope=all&pageSize=20&session=history'));
    expect(history.total).toBe(436);
    expect(history.items.every((p: any) => p.historical && p.year === 2019)).toBe(true);
    const all = await ok(staff.get('/api/proposals?scope=all&pageSize=20&session=all'));
    expect(all.total).toBeGreaterThan(first.total + 436 - 1);
    // spanning both, the committee's own come before imported history
    expect(all.items.filter((p: any) => p.year === 2019)).toEqual([]);

    // a link's own year or history filter is obeyed as it was (the cockpit's and older links)
    expect((await ok(staff.get('/api/proposals?scope=all&pageSize=1&year=2019'))).total).toBe(436);
    expect((await ok(staff.get('/api/proposals?scope=all&pageSize=1&historical=1'))).total).toBe(436);
    expect((await ok(staff.get('/api/proposals?scope=all&pageSize=1&session=all&historical=0'))).total).toBe(all.total - 436);
    // paging walks a list once, in one order, even where rows tie on the order's dates (imported history)
    const ids: string[] = [];
    for (let page = 1; page <= Math.ceil(436 / 50); page++) ids.push(...(await ok(staff.get(`/api/proposals?session=history&pageSize=50&page=${page}`))).items.map((p: any) => p.id));
    expect(new Set(ids).size).toBe(436);
    const small: string[] = [];
    for (let page = 1; page <= 3; page++) small.push(...(await ok(staff.get(`/api/proposals?session=history&pageSize=7&page=${page}`))).items.map((p: any) => p.id));
    expect(small).toEqual(ids.slice(0, 21));
    const bad = await staff.get('/api/proposals?scope=all&session=2019');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('会议');
  });

  it('全部信息 opens on this year; other years and all are a filter away', async () => {
    const info = await t.as('info');
    const options = await ok(info.get('/api/opinions/options'));
    const thisYear = options.thisYear;
    expect(options.years).toContain(thisYear);
    expect(options.years).toEqual([...options.years].sort((a: number, b: number) => b - a));

    const first = await ok(info.get('/api/opinions?scope=all&pageSize=200'));
    expect(first.items.every((o: any) => o.year === thisYear)).toBe(true);
    expect((await ok(info.get(`/api/opinions?scope=all&pageSize=1&year=${thisYear}`))).total).toBe(first.total);
    const all = await ok(info.get('/api/opinions?scope=all&pageSize=1&year=all'));
    const byYear = await Promise.all(options.years.map(async (y: number) => (await ok(info.get(`/api/opinions?scope=all&pageSize=1&year=${y}`))).total as number));
    expect(all.total).toBe(byYear.reduce((a, b) => a + b, 0));
    const days = first.items.map((o: any) => o.submittedAt).filter(Boolean);
    expect(days).toEqual([...days].sort().reverse());
  });
});
