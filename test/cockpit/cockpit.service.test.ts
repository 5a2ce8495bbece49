import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { dbKinds } from '../support/db.js';
import { startTestApp, type Client, type TestApp } from '../support/app.js';
import { movableClock } from '../foundation/support.js';
import { ok } from '../support/proposals.js';
import { committees } from '../../src/server/platform/tenancy/schema.js';
import { proposals } from '../../src/server/modules/proposals/schema.js';
import { opinionAdoptions, opinions } from '../../src/server/modules/opinions/schema.js';
import { assignments, instructions, ratings } from '../../src/server/platform/handling/schema.js';
import { activities, activityInvitees } from '../../src/server/platform/activity/schema.js';
import { chinaToday } from '../../src/server/platform/calendar/workdays.js';
import { supervisionSuggestions } from '../../src/server/modules/supervision/schema.js';
import { evaluationFindings } from '../../src/server/modules/evaluation/schema.js';
import { researchTopics } from '../../src/server/modules/research/schema.js';
import { cockpit as cockpitSchema, type Cockpit, type CockpitChart } from '../../src/shared/cockpit/cockpit.js';

/** A tally of values: value → how many times it occurs. */
const tally = (values: string[]) => values.reduce((m, v) => m.set(v, (m.get(v) ?? 0) + 1), new Map<string, number>());
const partsOf = (c: CockpitChart) => new Map(c.parts.map((p) => [p.key, p.value]));
const withoutZeros = (m: Map<string, number>) => new Map([...m].filter(([, v]) => v > 0));

/**
 * 驾驶舱: every chart of the demo committee's year against the test's own counts of the rows (plain
 * JavaScript over the tables, not the modules' SQL), every chart's parts summing to its total, every
 * part's link giving a list of exactly that many records, who may open it, and a city's districts.
 * The clock is moved to the middle of next year so the year's open assignments are past their deadline.
 */
describe.each(dbKinds)('the leaders’ cockpit on %s', (kind) => {
  let t: TestApp;
  let leader: Client;
  let c: Cockpit;
  /** the year of the demo's current plenary session (in December, next year's), and this calendar year */
  let year: number;
  let years: number[];
  const byYear = new Map<number, Cockpit>();
  const thisYear = new Date().getFullYear();
  const today = `${thisYear + 2}-06-30`;
  const chart = (key: string, of = c) => {
    const found = of.charts.find((x) => x.key === key);
    if (!found) throw new Error(`no chart ${key}`);
    return found;
  };
  beforeAll(async () => {
    t = await startTestApp(kind);
    movableClock(t, new Date(`${today}T04:00:00Z`));
    leader = await t.as('leader');
    year = Math.max(...(await t.database.db.select({ year: proposals.year }).from(proposals).where(eq(proposals.historical, false))).map((p) => p.year));
    years = [...new Set([thisYear, year])];
    for (const y of years) byYear.set(y, await ok<Cockpit>(leader.get(`/api/cockpit?year=${y}`)));
    c = byYear.get(year)!;
  });
  afterAll(() => t.close());

  it('answers its shared schema; every chart is the sum of its parts, every rate its good parts over that sum', () => {
    expect(() => cockpitSchema.parse(c)).not.toThrow();
    expect(c.year).toBe(year);
    expect(chinaToday(t.app.services.now())).toBe(today);
    for (const ch of c.charts) {
      expect(ch.total, ch.title).toBe(ch.parts.reduce((s, p) => s + p.value, 0));
      if (ch.kind === 'rate') {
        const good = ch.parts.filter((p) => ch.good!.includes(p.key)).reduce((s, p) => s + p.value, 0);
        expect(ch.rate, ch.title).toBe(ch.total > 0 ? Math.round((good / ch.total) * 1000) / 10 : null);
      }
    }
    expect(c.charts.map((x) => x.section)).toEqual(expect.arrayContaining(['proposals', 'opinions', 'meetings', 'performance']));
    // 民主监督 and 民主评议 have charts of their own; the modules without charts show their work report's section
    expect(c.charts.map((x) => x.section)).toContain('supervision');
    expect(c.progress.map((s) => s.key)).toEqual(['consultation', 'outreach', 'requests']);
  });

  it('counts every chart as an independent count of the rows does', async () => {
    let late = 0;
    let meetings = 0;
    for (const year of years) {
    const c = byYear.get(year)!;
    const chart = (key: string) => c.charts.find((x) => x.key === key)!;
    const { db } = t.database;
    const [me] = await db.select().from(committees).where(eq(committees.shortName, '龙岗区政协'));
    const mine = <R extends { committeeId: string }>(rows: R[]) => rows.filter((r) => r.committeeId === me.id);

    const ps = mine(await db.select().from(proposals)).filter((p) => p.year === year && !p.historical && !['draft', 'withdrawn'].includes(p.status));
    const ids = new Set(ps.map((p) => p.id));
    expect(partsOf(chart('proposalsByState'))).toEqual(tally(ps.map((p) => p.status)));
    expect(chart('proposalsByCategory').parts.map((p) => [p.label, p.value]).sort()).toEqual([...tally(ps.map((p) => p.category || '未分类'))].sort());
    expect(partsOf(chart('keyProposals'))).toEqual(tally(ps.filter((p) => p.isKey).map((p) => p.status)));
    const filed = ['filed', 'handling', 'replied', 'rehandling', 'closed'];
    expect(partsOf(chart('proposalReplyRate'))).toEqual(tally(ps.filter((p) => filed.includes(p.status)).map((p) => p.status)));

    // units: each proposal once per unit holding a live assignment; overdue = not done and past the deadline
    const live = (await db.select().from(assignments)).filter((a) => a.subjectType === 'proposal' && ids.has(a.subjectId) && a.status !== 'withdrawn');
    const perUnit = (rows: typeof live) => tally([...new Set(rows.map((a) => `${a.unitId}|${a.subjectId}`))].map((k) => k.split('|')[0]));
    expect(partsOf(chart('proposalsByUnit'))).toEqual(perUnit(live));
    const overdue = live.filter((a) => a.status !== 'done' && a.replyDeadline < today);
    late += overdue.length;
    expect(partsOf(chart('proposalsOverdueByUnit'))).toEqual(perUnit(overdue));

    // satisfaction: the latest round's rating of each proposal
    const latest = new Map<string, { round: number; at: number; result: string }>();
    for (const r of await db.select().from(ratings)) {
      if (r.subjectType !== 'proposal' || !ids.has(r.subjectId)) continue;
      const had = latest.get(r.subjectId);
      if (!had || r.round > had.round || (r.round === had.round && r.createdAt.getTime() > had.at)) latest.set(r.subjectId, { round: r.round, at: r.createdAt.getTime(), result: r.result });
    }
    expect(withoutZeros(partsOf(chart('proposalSatisfaction')))).toEqual(tally([...latest.values()].map((r) => r.result)));

    const os = mine(await db.select().from(opinions)).filter((o) => o.year === year && !['draft', 'withdrawn'].includes(o.status));
    const oids = new Set(os.map((o) => o.id));
    const perLevel = (rows: { level: string; id: string }[]) => tally([...new Set(rows.map((r) => `${r.level}|${r.id}`))].map((k) => k.split('|')[0]));
    const adoptions = (await db.select().from(opinionAdoptions)).filter((a) => oids.has(a.opinionId)).map((a) => ({ level: a.level, id: a.opinionId }));
    expect(withoutZeros(partsOf(chart('opinionsAdopted')))).toEqual(perLevel(adoptions));
    const instructed = (await db.select().from(instructions)).filter((i) => i.subjectType === 'opinion' && oids.has(i.subjectId)).map((i) => ({ level: i.level, id: i.subjectId }));
    expect(withoutZeros(partsOf(chart('opinionInstructions')))).toEqual(perLevel(instructed));

    const held = mine(await db.select().from(activities)).filter((a) => a.ownerType === 'meeting' && a.year === year && a.status === 'closed');
    const kindOf = new Map(held.map((a) => [a.id, a.kind]));
    meetings += held.length;
    expect(partsOf(chart('meetingsHeld'))).toEqual(tally(held.map((a) => a.kind)));
    const attended = (await db.select().from(activityInvitees)).filter((i) => kindOf.has(i.activityId) && i.outcome === 'attended');
    expect(withoutZeros(partsOf(chart('meetingAttendance')))).toEqual(tally(attended.map((i) => kindOf.get(i.activityId)!)));

    // supervision: the suggestions past the group's draft, by state, by unit sent to, by the latest round's rating
    const ss = mine(await db.select().from(supervisionSuggestions)).filter((x) => x.year === year && x.status !== 'draft');
    const sids = new Set(ss.map((x) => x.id));
    expect(partsOf(chart('supervisionByState'))).toEqual(tally(ss.map((x) => x.status)));
    const sent = (await db.select().from(assignments)).filter((a) => a.subjectType === 'supervision' && sids.has(a.subjectId) && a.status !== 'withdrawn');
    expect(partsOf(chart('supervisionByUnit'))).toEqual(perUnit(sent as typeof live));
    const lastRating = new Map<string, { round: number; at: number; result: string }>();
    for (const r of await db.select().from(ratings)) {
      if (r.subjectType !== 'supervision' || !sids.has(r.subjectId)) continue;
      const had = lastRating.get(r.subjectId);
      if (!had || r.round > had.round || (r.round === had.round && r.createdAt.getTime() > had.at)) lastRating.set(r.subjectId, { round: r.round, at: r.createdAt.getTime(), result: r.result });
    }
    expect(withoutZeros(partsOf(chart('supervisionSatisfaction')))).toEqual(tally([...lastRating.values()].map((r) => r.result)));
    // the reply-in-time rate is the statistics page's figures, split into its four parts
    const stats = await ok<{ units: { sent: number; replied: number; inTime: number; overdue: number } }>(leader.get(`/api/supervision/stats?year=${year}`));
    expect(chart('supervisionReplyInTime').total).toBe(stats.units.sent);
    expect(partsOf(chart('supervisionReplyInTime')).get('inTime')).toBe(stats.units.inTime);
    expect(partsOf(chart('supervisionReplyInTime')).get('overdue')).toBe(stats.units.overdue);
    // 民主评议: the rectification items of the year by state
    const fs = mine(await db.select().from(evaluationFindings)).filter((f) => f.year === year);
    expect(withoutZeros(partsOf(chart('evaluationRectification')))).toEqual(tally(fs.map((f) => f.status)));
    // 调研视察: the year's topics by their report's state and by form
    const rt = mine(await db.select().from(researchTopics)).filter((x) => x.year === year);
    expect(withoutZeros(partsOf(chart('researchByState')))).toEqual(tally(rt.map((x) => x.status)));
    expect(withoutZeros(partsOf(chart('researchByForm')))).toEqual(tally(rt.map((x) => x.form)));

    // members: the year's ranking (the scores brought up to date) holds every member graded, and those below the requirements
    const ranking = await ok<{ total: number; items: { grade: { key: string } | null; total: number }[] }>(leader.get(`/api/performance/rankings?year=${year}`));
    expect(chart('performanceQuotas').total).toBe(ranking.total);
    expect(chart('performanceGrades').total).toBe(ranking.total);
    expect(partsOf(chart('performanceQuotas')).get('lacking')).toBe((await ok<{ total: number }>(leader.get(`/api/performance/rankings?year=${year}&belowQuota=1`))).total);
    if (ranking.items.some((i) => i.grade)) expect(partsOf(chart('performanceGrades'))).toEqual(tally(ranking.items.map((i) => i.grade?.key ?? 'none')));
    }
    expect(late).toBeGreaterThan(0);
    expect(meetings).toBeGreaterThan(0);
  });

  it('links every part to a list that holds exactly the records it counts', async () => {
    /** The API answering the page a link opens, with the link's filters. */
    const api = (link: string) => {
      const [path, query = ''] = link.split('?');
      const q = new URLSearchParams(query);
      q.delete('session');
      q.set('pageSize', '1');
      if (path === '/proposals/all' || path === '/proposals/key') q.set('scope', path.split('/')[2]);
      else if (path === '/meetings') q.set('scope', 'all');
      const base = {
        '/proposals/all': '/api/proposals', '/proposals/key': '/api/proposals', '/opinions/queue': '/api/opinions', '/meetings': '/api/meetings', '/performance/rankings': '/api/performance/rankings',
        '/supervision/suggestions': '/api/supervision/suggestions', '/research/topics': '/api/research/topics',
      }[path];
      if (!base) throw new Error(`no list for ${link}`);
      return `${base}?${q}`;
    };
    let checked = 0;
    for (const ch of [...byYear.values()].flatMap((x) => x.charts)) {
      for (const p of ch.parts) {
        // attendance counts members at meetings: its bars open the meetings of that kind, where those members attended
        if (!p.link || ch.key === 'meetingAttendance') continue;
        // a short list (调研课题: tens a year) is not paged and has no total: its items are the count
        const list = await ok<{ total?: number; items: unknown[] }>(leader.get(api(p.link)));
        expect(list.total ?? list.items.length, `${ch.title} · ${p.label}`).toBe(p.value);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
    // one unit's overdue bar: exactly the proposals that unit is late on, not those another unit of the same proposal is late on
    const [barYear, withBars] = [...byYear].find(([, x]) => chart('proposalsOverdueByUnit', x).parts.length > 0)!;
    const bar = chart('proposalsOverdueByUnit', withBars).parts[0];
    const items = (await ok<{ items: { id: string }[]; total: number }>(leader.get(api(bar.link!).replace('pageSize=1', 'pageSize=200')))).items;
    const ofYear = new Set((await t.database.db.select().from(proposals)).filter((p) => p.year === barYear && !p.historical && !['draft', 'withdrawn'].includes(p.status)).map((p) => p.id));
    const expected = (await t.database.db.select().from(assignments)).filter((a) => a.subjectType === 'proposal' && ofYear.has(a.subjectId) && a.unitId === bar.key && !['done', 'withdrawn'].includes(a.status) && a.replyDeadline < today);
    expect(new Set(items.map((i) => i.id))).toEqual(new Set(expected.map((a) => a.subjectId)));
  });

  it('is the leaders’, the general office’s and the admins’: members, units and other offices are refused with 403', async () => {
    for (const who of ['office', 'admin']) expect((await (await t.as(who)).get(`/api/cockpit?year=${year}`)).status, who).toBe(200);
    for (const who of ['member', 'unit', 'info', 'staff']) expect((await (await t.as(who)).get(`/api/cockpit?year=${year}`)).status, who).toBe(403);
    expect((await t.anonymous.get(`/api/cockpit?year=${year}`)).status).toBe(401);
    expect((await leader.get('/api/cockpit?year=1999')).status).toBe(400);
    // a district has no committees below it
    expect(c.districts).toEqual([]);
  });

  it('shows a city its districts side by side, each from its totals, equal to the district’s own figures', async () => {
    const city = await ok<Cockpit>((await t.as('city_admin')).get(`/api/cockpit?year=${year}`));
    expect(city.districts.map((d) => d.name).sort()).toEqual(['福田区政协', '龙岗区政协'].sort());
    for (const [name, admin] of [['龙岗区政协', 'admin'], ['福田区政协', 'ft_admin']] as const) {
      const own = await ok<Cockpit>((await t.as(admin)).get(`/api/cockpit?year=${year}`));
      const d = city.districts.find((x) => x.name === name)!;
      const figure = (key: string) => d.figures.find((f) => f.key === key)!.value;
      const states = partsOf(own.charts.find((x) => x.key === 'proposalsByState')!);
      expect(figure('proposalsReceived'), name).toBe(own.charts.find((x) => x.key === 'proposalsByState')!.total);
      expect(figure('proposalsReplied'), name).toBe(['replied', 'rehandling', 'closed'].reduce((s, k) => s + (states.get(k) ?? 0), 0));
      expect(figure('proposalsFiled'), name).toBe(own.charts.find((x) => x.key === 'proposalReplyRate')!.total);
      expect(figure('meetingsHeld'), name).toBe(own.charts.find((x) => x.key === 'meetingsHeld')!.total);
    }
    expect(city.districts.find((x) => x.name === '龙岗区政协')!.figures.find((f) => f.key === 'proposalsReceived')!.value).toBeGreaterThan(0);
  });
});
