import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKinds } from '../support/db.js';
import { startTestApp, type TestApp } from '../support/app.js';

/**
 * Catalog names, settings and the calendar are cached per committee (platform/cache); a write by
 * any other process — here a statement on a connection of its own, behind the app's back — must
 * show on the very next read, and a write through the app within the same request (its answer too).
 */
describe.each(dbKinds)('per-committee caches on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  const firstWithSector = async (roster: Awaited<ReturnType<TestApp['as']>>) => {
    const res = await roster.get('/api/members?pageSize=50');
    expect(res.status).toBe(200);
    return res.body.items.find((m: any) => m.sectorId) as { id: string; sectorId: string; sectorName: string };
  };

  it('shows a catalog renamed by another process on the next read', async () => {
    const roster = await t.as('roster');
    const before = await firstWithSector(roster);
    expect(before.sectorName).toBeTruthy();
    // read twice: the second read is served from the cache
    expect((await firstWithSector(roster)).sectorName).toBe(before.sectorName);
    await t.database.query('update sectors set name = $1 where id = $2', ['缓存测试界别', before.sectorId]);
    const after = (await roster.get(`/api/members/${before.id}`)).body;
    expect(after.sectorName).toBe('缓存测试界别');
    expect((await firstWithSector(roster)).sectorName).toBe('缓存测试界别');
    await t.database.query('update sectors set name = $1 where id = $2', [before.sectorName, before.sectorId]);
    expect((await firstWithSector(roster)).sectorName).toBe(before.sectorName);
  });

  it('shows a catalog entry added through the app on the next read', async () => {
    const roster = await t.as('roster');
    const sectors = (await roster.get('/api/org/sectors')).body.items;
    const created = await roster.post('/api/org/sectors', { name: '缓存新增界别' });
    expect(created.status).toBe(200);
    const listed = (await roster.get('/api/org/sectors')).body.items;
    expect(listed.length).toBe(sectors.length + 1);
    const member = await firstWithSector(roster);
    const moved = await roster.patch(`/api/members/${member.id}`, { version: (await roster.get(`/api/members/${member.id}`)).body.version, sectorId: created.body.id });
    expect(moved.status).toBe(200);
    expect(moved.body.sectorName).toBe('缓存新增界别');
    expect((await roster.get(`/api/members/${member.id}`)).body.sectorName).toBe('缓存新增界别');
  });

  it('shows a plenary session’s proposal window changed by another process on the next list', async () => {
    const staff = await t.as('staff');
    const current = async () => (await staff.get('/api/proposals/options')).body.sessions.find((s: { current: boolean }) => s.current) as { id: string } | undefined;
    const before = await current();
    expect(before).toBeTruthy();
    // read twice: the second read is served from the cache
    expect((await current())?.id).toBe(before!.id);
    const [{ committee_id: committeeId, proposal_closes_on: closes }] = await t.database.query<{ committee_id: string; proposal_closes_on: string | null }>(
      'select committee_id, proposal_closes_on::text from plenary_sessions where id = $1', [before!.id]);
    // another session of the committee whose window is open today becomes the current one
    const [other] = await t.database.query<{ id: string }>('select id from plenary_sessions where committee_id = $1 and id <> $2 order by start_date limit 1', [committeeId, before!.id]);
    if (!other) return;
    const [{ opens: savedOpens, closes: savedCloses }] = await t.database.query<{ opens: string | null; closes: string | null }>('select proposal_opens_on::text as opens, proposal_closes_on::text as closes from plenary_sessions where id = $1', [other.id]);
    await t.database.query("update plenary_sessions set proposal_closes_on = date '2000-01-01' where id = $1", [before!.id]);
    await t.database.query("update plenary_sessions set proposal_opens_on = date '2000-01-01', proposal_closes_on = date '2100-01-01' where id = $1", [other.id]);
    try {
      expect((await current())?.id).toBe(other.id);
    } finally {
      await t.database.query('update plenary_sessions set proposal_closes_on = $2 where id = $1', [before!.id, closes]);
      await t.database.query('update plenary_sessions set proposal_opens_on = $2, proposal_closes_on = $3 where id = $1', [other.id, savedOpens, savedCloses]);
    }
    expect((await current())?.id).toBe(before!.id);
  });

  it('answers a write with what it wrote, the cache warm from the reads before it', async () => {
    const admin = await t.as('admin');
    // read twice: the module's rules are in the cache under the committee's generation
    const rules = (await admin.get('/api/settings/research')).body;
    expect((await admin.get('/api/settings/research')).body.values).toEqual(rules.values);
    const maxGroupMembers = rules.values.maxGroupMembers === 4 ? 5 : 4;
    // the save's answer reads the rules after its own transaction, in the same request
    const saved = await admin.request({ method: 'PUT', url: '/api/settings/research', payload: { version: rules.version, values: { ...rules.values, maxGroupMembers } } });
    expect(saved.status).toBe(200);
    expect(saved.body.values.maxGroupMembers).toBe(maxGroupMembers);
    expect((await admin.get('/api/settings/research')).body.values.maxGroupMembers).toBe(maxGroupMembers);
    const restored = await admin.request({ method: 'PUT', url: '/api/settings/research', payload: { version: saved.body.version, values: rules.values } });
    expect(restored.body.values).toEqual(rules.values);
  });

  it('bumps the generation of the committee written, in the writer’s transaction; a calendar write bumps the shared scope only', async () => {
    const [{ committee_id: committeeId }] = await t.database.query<{ committee_id: string }>('select committee_id from sectors limit 1');
    const generation = async (scope: string) => (await t.database.query<{ generation: string }>('select generation from cache_generations where scope = $1', [scope]))[0]?.generation ?? '';
    const before = await generation(committeeId);
    await t.database.query("update sectors set name = name where committee_id = $1", [committeeId]);
    const after = await generation(committeeId);
    expect(after).not.toBe(before);
    const shared = await generation('*');
    await t.database.query("update calendar_days set name = name where day = (select min(day) from calendar_days)");
    expect(await generation('*')).not.toBe(shared);
    expect(await generation(committeeId)).toBe(after);
  });
});
