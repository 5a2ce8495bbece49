import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { dbKinds } from '../support/db.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { ok } from '../support/proposals.js';
import { demoDistrictId } from '../../src/server/demo/seed.js';
import { members } from '../../src/server/modules/members/schema.js';
import { ledgerEntries } from '../../src/server/platform/ledger/schema.js';
import { recordLedger, voidLedger } from '../../src/server/platform/ledger/ledger.js';
import { refreshScores } from '../../src/server/modules/performance/recompute.js';
import { performanceScoreYears, performanceScores } from '../../src/server/modules/performance/schema.js';
import { movableClock } from '../foundation/support.js';
import { memberRecord } from '../../src/server/modules/performance/queries.js';
import { presets } from '../../src/server/modules/performance/presets.js';

const year = new Date().getFullYear();
const day = (md: string, y = year) => `${y}-${md}`;

describe.each(dbKinds)('incremental recompute of stored scores on %s', (kind) => {
  let t: TestApp;
  let committeeId: string;
  let roster: { id: string; code: string }[];
  const stored = async () =>
    new Map((await t.database.db.select().from(performanceScores).where(and(eq(performanceScores.committeeId, committeeId), eq(performanceScores.year, year)))).map((r) => [r.memberId, r]));
  const live = async (memberId: string) => (await memberRecord(t.database.db, committeeId, memberId, year)).total;
  const entry = (memberId: string, kind: string, o: { part?: 'lead' | 'contributor'; day?: string; sourceId?: string } = {}) => ({
    committeeId, memberId, kind, part: o.part ?? ('lead' as const), day: o.day ?? day('04-01'), sourceType: kind.split('.')[0], sourceId: o.sourceId ?? crypto.randomUUID(),
  });

  beforeAll(async () => {
    t = await startTestApp(kind);
    committeeId = await demoDistrictId(t.database);
    roster = await t.database.db.select({ id: members.id, code: members.code }).from(members).where(and(eq(members.committeeId, committeeId), eq(members.status, 'active'))).orderBy(asc(members.code));
  });
  afterAll(() => t.close());

  it('scores everyone once, then only the member a new entry touched', async () => {
    expect(await refreshScores(t.database.db, committeeId, year, { now: new Date() })).toEqual({ mode: 'full', recomputed: roster.length });
    expect(await refreshScores(t.database.db, committeeId, year, { now: new Date() })).toEqual({ mode: 'none', recomputed: 0 });
    const a = roster[3].id;
    const before = (await stored()).get(a)!.total;
    await recordLedger(t.database.db, [entry(a, 'activity.activityDay.attended')]);
    expect(await refreshScores(t.database.db, committeeId, year, { now: new Date() })).toEqual({ mode: 'incremental', recomputed: 1 });
    const after = (await stored()).get(a)!.total;
    expect(after).toBe(before + 5); // Minhang: each activity 5
    expect(after).toBe(await live(a));
  });

  it('joint work: a new co-signer changes the lead share too; voiding it changes it back', async () => {
    const admin = await t.as('admin');
    const current = await ok(admin.get(`/api/settings/performance?year=${year}`));
    await ok(admin.request({ method: 'PUT', url: `/api/settings/performance?year=${year}`, payload: { version: current.version, values: { rules: presets.tongcheng2019 } } }));
    // other rules: every stored score is recomputed
    expect(await refreshScores(t.database.db, committeeId, year, { now: new Date() })).toEqual({ mode: 'full', recomputed: roster.length });
    const [lead, co] = [roster[10].id, roster[11].id];
    const proposal = crypto.randomUUID();
    await recordLedger(t.database.db, [entry(lead, 'proposal.submitted', { sourceId: proposal })]);
    expect(await refreshScores(t.database.db, committeeId, year, { now: new Date() })).toMatchObject({ mode: 'incremental', recomputed: 1 });
    const alone = (await stored()).get(lead)!.total;
    await recordLedger(t.database.db, [entry(co, 'proposal.cosigned', { part: 'contributor', sourceId: proposal })]);
    // Tongcheng: submitting 10, joint — the first proposer half, the co-signer the rest
    expect(await refreshScores(t.database.db, committeeId, year, { now: new Date() })).toEqual({ mode: 'incremental', recomputed: 2 });
    let now = await stored();
    expect(now.get(lead)!.total).toBe(alone - 5);
    expect(now.get(lead)!.total).toBe(await live(lead));
    expect(now.get(co)!.total).toBe(await live(co));
    await voidLedger(t.database.db, { sourceType: 'proposal', sourceId: proposal, kind: 'proposal.cosigned', memberId: co, at: new Date() });
    expect(await refreshScores(t.database.db, committeeId, year, { now: new Date() })).toEqual({ mode: 'incremental', recomputed: 2 });
    now = await stored();
    expect(now.get(lead)!.total).toBe(alone);
  });

  it('an absence in an earlier year of the term updates the sanctions of this year (term-scoped)', async () => {
    const admin = await t.as('admin');
    const current = await ok(admin.get(`/api/settings/performance?year=${year}`));
    await ok(admin.request({ method: 'PUT', url: `/api/settings/performance?year=${year}`, payload: { version: current.version, values: { rules: presets.default } } }));
    await refreshScores(t.database.db, committeeId, year, { now: new Date() });
    const m = roster[20].id;
    await recordLedger(t.database.db, [entry(m, 'activity.plenary.absent', { day: day('01-10') }), entry(m, 'activity.plenary.absent', { day: day('01-11') })]);
    await refreshScores(t.database.db, committeeId, year, { now: new Date() });
    expect(((await stored()).get(m)!.summary as any).sanctions).toEqual([]);
    // the demo term runs 2023–2027: last year's absence counts toward this year's "3 in a term"
    await recordLedger(t.database.db, [entry(m, 'activity.plenary.absent', { day: day('01-12', year - 1) })]);
    expect(await refreshScores(t.database.db, committeeId, year, { now: new Date() })).toEqual({ mode: 'incremental', recomputed: 1 });
    expect(((await stored()).get(m)!.summary as any).sanctions).toEqual([expect.objectContaining({ key: 'plenaryAbsences', count: 3, action: 'resign' })]);
  });

  it('is deterministic: the incremental rows equal a full recompute from scratch, and the rankings read them', async () => {
    await recordLedger(t.database.db, roster.slice(0, 40).map((m, i) => entry(m.id, i % 3 ? 'outreach.deed' : 'opinion.submitted', { day: day(`0${1 + (i % 9)}-15`) })));
    await refreshScores(t.database.db, committeeId, year, { now: new Date() });
    const incremental = await stored();
    expect(await refreshScores(t.database.db, committeeId, year, { full: true, now: new Date() })).toMatchObject({ mode: 'full' });
    const full = await stored();
    expect(full.size).toBe(incremental.size);
    for (const [id, row] of full) expect({ id, total: incremental.get(id)!.total, summary: incremental.get(id)!.summary }).toEqual({ id, total: row.total, summary: row.summary });
    const rankings = await ok((await t.as('roster')).get(`/api/performance/rankings?year=${year}`));
    expect(rankings.items).toHaveLength(roster.length);
    for (const r of rankings.items.slice(0, 20)) expect(r.total).toBe(full.get(r.memberId)!.total);
    expect(await t.database.db.select().from(ledgerEntries).where(eq(ledgerEntries.committeeId, committeeId)).then((x) => x.length)).toBeGreaterThan(40);
  });

  it('the counts the ledger triggers keep equal a rebuild from the entries after inserts, voids, edits and deletes', async () => {
    const counts = async () =>
      (await t.database.query<{ k: string; n: number }>(`select concat_ws('|', committee_id, year, member_id, kind, part, on_occasion) as k, n from ledger_counts where n <> 0 order by k`)).map((r) => `${r.k}=${r.n}`);
    const occasionId = crypto.randomUUID();
    await recordLedger(t.database.db, [
      ...roster.slice(0, 5).flatMap((m) => [entry(m.id, 'activity.plenary.absent'), entry(m.id, 'activity.activityDay.attended', { day: day('05-02') })]),
      ...[1, 2].map((h) => ({ ...entry(roster[6].id, 'activity.plenary.absent', { day: day(`01-1${h}`) }), occasionId })),
      entry(roster[7].id, 'outreach.deed', { day: day('03-03', year - 1) }),
    ]);
    const [one, two] = await t.database.db.select().from(ledgerEntries).where(and(eq(ledgerEntries.committeeId, committeeId), eq(ledgerEntries.kind, 'activity.plenary.absent'), isNull(ledgerEntries.occasionId))).orderBy(asc(ledgerEntries.id)).limit(2);
    await voidLedger(t.database.db, { sourceType: one.sourceType, sourceId: one.sourceId, kind: one.kind, at: new Date() });
    // edits and deletes do not happen in the product, but a repair by hand must not break the counts
    await t.database.query(`update ledger_entries set kind = 'activity.plenary.excused', day = $2 where id = $1`, [two.id, day('02-02', year + 1)]);
    await t.database.query(`update ledger_entries set voided_at = null where id = $1`, [one.id]);
    await t.database.query(`delete from ledger_entries where member_id = $1 and kind = 'outreach.deed'`, [roster[7].id]);
    const kept = await counts();
    await t.database.query('select shangliang_rebuild_ledger_counts()');
    expect(kept).toEqual(await counts());
    expect(kept.length).toBeGreaterThan(5);
    expect(kept.filter((k) => k.includes(`|${roster[6].id}|activity.plenary.absent|lead|t`))).toEqual([expect.stringMatching(/=(2|3)$/)]);
  });
  const joint = async () =>
    (await t.database.query<{ k: string; n: number }>(`select concat_ws('|', committee_id, year, member_id, kind, part, makeup) as k, n from ledger_joint_counts where n <> 0 order by k`)).map((r) => `${r.k}=${r.n}`);

  it('the joint counts by source makeup the ledger triggers keep equal a rebuild from the entries after inserts, voids, edits and deletes', async () => {
    const [lead, a, b, c] = roster.slice(20, 24).map((m) => m.id);
    const p1 = crypto.randomUUID();
    const p2 = crypto.randomUUID();
    // one proposal written in steps (each statement changes its makeup for every author), another in one statement
    await recordLedger(t.database.db, [entry(lead, 'proposal.submitted', { sourceId: p1 })]);
    await recordLedger(t.database.db, [a, b].map((m) => entry(m, 'proposal.cosigned', { part: 'contributor', sourceId: p1 })));
    await recordLedger(t.database.db, [entry(lead, 'proposal.filed', { sourceId: p1 }), ...[a, b].map((m) => entry(m, 'proposal.filed', { part: 'contributor', sourceId: p1 }))]);
    await recordLedger(t.database.db, [
      entry(a, 'proposal.submitted', { sourceId: p2 }), entry(c, 'proposal.cosigned', { part: 'contributor', sourceId: p2 }),
      // the same source in the next year is another makeup; a kind not kept is left out
      entry(c, 'proposal.filed', { part: 'contributor', sourceId: p2, day: day('01-05', year + 1) }), entry(c, 'activity.activityDay.attended', { sourceId: p2 }),
    ]);
    await voidLedger(t.database.db, { sourceType: 'proposal', sourceId: p1, kind: 'proposal.filed', memberId: b, at: new Date() });
    // edits and deletes do not happen in the product, but a repair by hand must not break the counts
    await t.database.query(`update ledger_entries set part = 'lead' where source_id = $1 and member_id = $2 and kind = 'proposal.cosigned'`, [p2, c]);
    await t.database.query(`update ledger_entries set voided_at = null where source_id = $1 and member_id = $2`, [p1, b]);
    await t.database.query(`delete from ledger_entries where source_id = $1 and member_id = $2 and kind = 'proposal.cosigned'`, [p1, a]);
    const kept = await joint();
    await t.database.query('select shangliang_rebuild_ledger_joint_counts()');
    expect(kept).toEqual(await joint());
    // the lead of p1 now shares its submission with one co-signer (a's withdrew) and its filing with two
    const leads = kept.filter((k) => k.includes(`|${lead}|`));
    expect(leads).toHaveLength(2);
    expect(leads.find((k) => k.includes('|proposal.submitted|'))).toContain('{"n": 1, "kind": "proposal.cosigned", "part": "contributor"}');
    expect(leads.find((k) => k.includes('|proposal.filed|'))).toContain('{"n": 2, "kind": "proposal.filed", "part": "contributor"}');
  });
  it('the joint counts stay equal a rebuild when the writers of one source, of other sources and a bulk load write at once', async () => {
    const shared = crypto.randomUUID();
    const bulk = Array.from({ length: 40 }, () => crypto.randomUUID());
    const authors = roster.slice(30, 42);
    await Promise.all([
      // the lead and eleven co-signers of one proposal, each in a transaction of its own that holds its locks across another statement
      ...authors.map((m, i) =>
        t.database.db.transaction(async (tx) => {
          await recordLedger(tx, [entry(m.id, i === 0 ? 'proposal.submitted' : 'proposal.cosigned', { part: i === 0 ? 'lead' : 'contributor', sourceId: shared })]);
          await tx.execute(sql`select 1`);
        }),
      ),
      // other proposals of other members, one transaction each
      ...roster.slice(42, 48).map((m) => t.database.db.transaction((tx) => recordLedger(tx, [entry(m.id, 'proposal.submitted')]))),
      // more sources in one statement than are locked one by one
      recordLedger(t.database.db, bulk.map((sourceId, i) => entry(roster[50 + (i % 10)].id, 'proposal.submitted', { sourceId }))),
    ]);
    const kept = await joint();
    await t.database.query('select shangliang_rebuild_ledger_joint_counts()');
    expect(kept).toEqual(await joint());
    // every writer of the shared proposal saw the ones before it: its lead shares the submission with all eleven
    expect(kept.find((k) => k.includes(`|${authors[0].id}|proposal.submitted|`) && k.includes('"n": 11'))).toBeDefined();
  });

  it('a change of the active roster or of a position means a full recompute; the rosters the triggers keep equal a rebuild from members', async () => {
    const rosters = async () => (await t.database.query<{ k: string }>(`select concat_ws('|', committee_id, members, hash_sum) as k from performance_rosters order by k`)).map((r) => r.k);
    await refreshScores(t.database.db, committeeId, year, { now: new Date() });
    expect(await refreshScores(t.database.db, committeeId, year, { now: new Date() })).toEqual({ mode: 'none', recomputed: 0 });
    const m = roster[40];
    const [{ position }] = await t.database.query<{ position: string }>('select position from members where id = $1', [m.id]);
    // an edit that changes nothing the scores depend on keeps the stored scores
    await t.database.query('update members set name = name where id = $1', [m.id]);
    expect(await refreshScores(t.database.db, committeeId, year, { now: new Date() })).toEqual({ mode: 'none', recomputed: 0 });
    await t.database.query(`update members set position = 'standingMember' where id = $1`, [m.id]);
    expect(await refreshScores(t.database.db, committeeId, year, { now: new Date() })).toEqual({ mode: 'full', recomputed: roster.length });
    await t.database.query(`update members set status = 'resigned' where id = $1`, [m.id]);
    expect(await refreshScores(t.database.db, committeeId, year, { now: new Date() })).toEqual({ mode: 'full', recomputed: roster.length - 1 });
    expect((await stored()).has(m.id)).toBe(false);
    // back as it was: the same roster as before, so its numbers are the same
    await t.database.query(`update members set status = 'active', position = $2 where id = $1`, [m.id, position]);
    expect(await refreshScores(t.database.db, committeeId, year, { now: new Date() })).toEqual({ mode: 'full', recomputed: roster.length });
    const kept = await rosters();
    await t.database.query('select shangliang_rebuild_performance_rosters()');
    expect(kept).toEqual(await rosters());
    expect(kept.find((k) => k.startsWith(`${committeeId}|${roster.length}|`))).toBeDefined();
  });
  it('stamps the scores with the app clock it is given (the rankings pass theirs), not the machine', async () => {
    const full = new Date('2030-05-04T03:02:01.000Z');
    await refreshScores(t.database.db, committeeId, year, { full: true, now: full });
    const [state] = await t.database.db.select().from(performanceScoreYears).where(and(eq(performanceScoreYears.committeeId, committeeId), eq(performanceScoreYears.year, year)));
    expect(state.computedAt.toISOString()).toBe(full.toISOString());
    expect(new Set([...(await stored()).values()].map((r) => r.computedAt.toISOString()))).toEqual(new Set([full.toISOString()]));
    // an incremental refresh through the rankings: the member the new entry touched is stamped at the app's clock
    const reader = await t.as('roster');
    const m = roster[30].id;
    await recordLedger(t.database.db, [entry(m, 'outreach.deed')]);
    const clock = movableClock(t, new Date(Date.now() + 7 * 60_000));
    try {
      await ok(reader.get(`/api/performance/rankings?year=${year}`));
    } finally {
      t.app.services.now = () => new Date();
    }
    const rows = await stored();
    expect(rows.get(m)!.computedAt.toISOString()).toBe(clock.now().toISOString());
    expect(rows.get(roster[31].id)!.computedAt.toISOString()).toBe(full.toISOString());
  });
});
