import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbKinds } from '../support/db.js';
import { startTestApp, type Client, type TestApp } from '../support/app.js';
import { ok } from '../support/proposals.js';

const sum = <T,>(xs: T[], f: (x: T) => number) => xs.reduce((n, x) => n + f(x), 0);
const year = new Date().getFullYear();

/**
 * Every statistics page's totals against its breakdowns, on the demo committee: a leader asked to
 * defend a figure finds that the card equals the sum of its table, and that two pages counting the
 * same thing agree. Each count says what it counts (篇 vs 次), and the parts of a total are a
 * partition of it.
 */
describe.each(dbKinds)('statistics totals equal the sum of their parts on %s', (kind) => {
  let t: TestApp;
  const sessions = new Map<string, Client>();
  const as = async (username: string) => {
    if (!sessions.has(username)) sessions.set(username, await t.as(username));
    return sessions.get(username)!;
  };
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it('提案统计: received splits into filed, merged, converted, not filed and pending; categories, author types, ratings and answer classes add up', async () => {
    const s = await ok((await as('staff')).get('/api/proposals/stats'));
    const o = s.overall;
    expect(o.received).toBeGreaterThan(0);
    expect(o.filed + o.merged + o.converted + o.notFiled + o.pending).toBe(o.received);
    for (const k of ['received', 'filed', 'merged', 'converted', 'notFiled', 'pending', 'replied', 'closed']) expect(sum(s.byCategory, (c: any) => c[k]), k).toBe(o[k]);
    for (const c of s.byCategory) expect(c.filed + c.merged + c.converted + c.notFiled + c.pending, c.category).toBe(c.received);
    expect(o.byAuthorType.individual + o.byAuthorType.joint + o.byAuthorType.collective).toBe(o.received);
    for (const aspect of ['attitude', 'result']) {
      const r = s.satisfaction[aspect];
      expect(r.satisfied + r.basically + r.unsatisfied, aspect).toBe(r.rated);
    }
    // the answer classes of all replies, and of the replies unit by unit, are the same replies
    for (const c of s.answerClasses) expect(sum(s.byUnit, (u: any) => u.classes[c.code] ?? 0), c.code).toBe(c.count);
    const shares = sum(s.answerClasses, (c: any) => c.share);
    if (sum(s.answerClasses, (c: any) => c.count) > 0) expect(Math.abs(shares - 100)).toBeLessThanOrEqual(0.5);
    expect(s.sessions.find((x: any) => x.id === s.session.id).received).toBe(o.received);
  });

  it('社情民意统计: reports (篇) and adoptions (次) each add up, per level, per category, per member and per sector', async () => {
    const s = await ok((await as('info')).get(`/api/opinions/stats?year=${year}`));
    expect(s.submitted).toBeGreaterThan(0);
    expect(sum(s.byCategory, (c: any) => c.submitted)).toBe(s.submitted);
    expect(sum(s.byCategory, (c: any) => c.adopted)).toBe(s.adopted);
    expect(s.adopted).toBeLessThanOrEqual(s.submitted);
    expect(sum(Object.values(s.adoptionsByLevel) as number[], (n) => n)).toBe(s.adoptions);
    expect(sum(Object.values(s.instructionsByLevel) as number[], (n) => n)).toBe(s.instructions);
    // a report adopted at two levels is in both levels' report counts, and once in `adopted`
    for (const n of Object.values(s.byLevel) as number[]) expect(n).toBeLessThanOrEqual(s.adoptions);
    expect(s.byAuthor.length).toBeGreaterThan(0);
    for (const a of s.byAuthor) {
      expect(sum(Object.values(a.adoptedByLevel) as number[], (n) => n), a.name).toBe(a.adoptions);
      expect(a.adopted, a.name).toBeLessThanOrEqual(a.adoptions);
    }
    for (const k of ['submitted', 'adopted', 'adoptions', 'instructed']) expect(sum(s.bySector, (x: any) => x[k]), k).toBe(sum(s.byAuthor, (a: any) => a[k]));
    expect(sum(s.bySector, (x: any) => x.members)).toBe(s.byAuthor.length);
    // a member's own page counts the same way as the office's table
    const member = await as('member2');
    const me = (await member.get('/api/auth/me')).body.user.memberId;
    const credit = await ok(member.get('/api/opinions/credit'));
    const row = s.byAuthor.find((a: any) => a.memberId === me);
    expect(row, 'member2 has reports in the demo').toBeTruthy();
    expect({ submitted: credit.submitted, adopted: credit.adopted, adoptions: credit.adoptions }).toEqual({ submitted: row.submitted, adopted: row.adopted, adoptions: row.adoptions });
  });

  it('出席统计: each event splits into its outcomes; the year adds up the closed events, and so do the members', async () => {
    const s = await ok((await as('office')).get(`/api/meetings/stats?year=${year}`));
    for (const e of s.events) expect(e.attended + e.excused + e.absent + e.leaveRefused + e.none, e.title).toBe(e.invited);
    const closed = s.events.filter((e: any) => e.status === 'closed');
    expect(closed.length).toBeGreaterThan(0);
    expect(s.overall.closed).toBe(closed.length);
    expect(s.overall.invited).toBe(sum(closed, (e: any) => e.invited));
    expect(s.overall.attended).toBe(sum(closed, (e: any) => e.attended));
    expect(sum(s.members, (m: any) => m.invited)).toBe(s.overall.invited);
    expect(sum(s.members, (m: any) => m.attended)).toBe(s.overall.attended);
  });

  it('监督建议统计: the states add up to the suggestions; the units add up to the totals, and each unit splits its sent items', async () => {
    const s = await ok((await as('leader')).get(`/api/supervision/stats?year=${year}`));
    expect(s.total).toBeGreaterThan(0);
    expect(sum(s.byState, (x: any) => x.count)).toBe(s.total);
    for (const k of ['sent', 'replied', 'inTime', 'overdue']) expect(sum(s.byUnit, (u: any) => u[k]), k).toBe(s.units[k]);
    for (const u of s.byUnit) {
      expect(u.replied + u.overdue, u.unitName).toBeLessThanOrEqual(u.sent);
      expect(u.inTime, u.unitName).toBeLessThanOrEqual(u.replied);
    }
    expect(s.inTimeRate).toBe(s.units.sent ? s.units.inTime / s.units.sent : null);
  });

  it('民主评议结果: every department’s answers add up to its respondents (members, representatives and the public), indicator by indicator; ranks and grades follow the scores', async () => {
    const leader = await as('leader');
    const campaigns = (await ok(leader.get(`/api/evaluation/campaigns?year=${year}`))).items;
    expect(campaigns.length).toBeGreaterThan(0);
    const r = await ok(leader.get(`/api/evaluation/campaigns/${campaigns[0].id}/results`));
    expect(r.complete).toBe(true);
    for (const d of r.departments) {
      expect(d.memberRespondents, d.name).toBeLessThanOrEqual(r.invited);
      expect(d.quorumMet, d.name).toBe(d.memberRespondents >= r.quorum);
      // the total is the sum of its parts; the demo has all three kinds
      expect(sum(d.byKind, (k: any) => k.respondents), d.name).toBe(d.respondents);
      expect(d.byKind.find((k: any) => k.kind === 'member').respondents, d.name).toBe(d.memberRespondents);
      expect(d.byKind.every((k: any) => k.respondents > 0), d.name).toBe(true);
      for (const i of d.indicators) expect(sum(Object.values(i.counts) as number[], (n) => n), `${d.name} ${i.label}`).toBe(d.respondents);
    }
    // listed by rank; a better score never has a worse rank or a worse grade, and equal scores share both
    const order = ['satisfactory', 'ranked', 'focus'];
    for (let n = 1; n < r.departments.length; n++) {
      const [a, b] = [r.departments[n - 1], r.departments[n]];
      expect(a.score, b.name).toBeGreaterThanOrEqual(b.score);
      expect(a.rank, b.name).toBeLessThanOrEqual(b.rank);
      expect(order.indexOf(a.grade), b.name).toBeLessThanOrEqual(order.indexOf(b.grade));
      if (a.score === b.score) expect([a.rank, a.grade], b.name).toEqual([b.rank, b.grade]);
    }
  });

  it('履职考核: grades add up to the roster, each total to its categories; 联系群众 counts what the yearly requirements count', async () => {
    const roster = await as('roster');
    const rankings = await ok(roster.get(`/api/performance/rankings?year=${year}`));
    const lists = await ok(roster.get(`/api/performance/lists?year=${year}`));
    expect(sum(lists.grades, (g: any) => g.count)).toBe(rankings.items.length);
    expect(lists.belowQuota.length).toBe(rankings.items.filter((r: any) => r.lacking.length > 0).length);
    // one named scheme; everyone graded; 拟表彰 within the quota and only members of a commendation
    // grade who met the requirements; 拟约谈 everyone of a talk grade or with a sanction
    expect(lists.rulesName).toBe('龙岗区政协委员履职积分考核办法');
    for (const r of rankings.items) expect(r.grade?.label, r.name).toBeTruthy();
    const band = new Set(lists.grades.filter((g: any) => g.commend).map((g: any) => g.key));
    expect(lists.commend.length).toBeGreaterThan(0);
    expect(lists.commend.length).toBeLessThanOrEqual(lists.commendQuota);
    for (const c of lists.commend) expect({ name: c.name, band: band.has(c.grade?.key), lacking: c.lacking, sanctions: c.sanctions }).toEqual({ name: c.name, band: true, lacking: [], sanctions: [] });
    const talkBand = new Set(lists.grades.filter((g: any) => g.talk).map((g: any) => g.key));
    const toTalk = rankings.items.filter((r: any) => talkBand.has(r.grade?.key) || r.sanctions.length > 0).map((r: any) => r.memberId).sort();
    expect(lists.talk.map((t: any) => t.memberId).sort()).toEqual(toTalk);
    // the demo scheme puts every item in a category, with no base and no ceiling
    for (const r of rankings.items) expect(Math.round(sum(r.categories, (c: any) => c.points) * 100) / 100, r.name).toBe(r.total);

    const summary = await ok((await as('office')).get(`/api/outreach/summary?year=${year}`));
    const active = summary.items.filter((x: any) => x.contacts + x.deeds + x.councils > 0).slice(0, 5);
    expect(active.length).toBeGreaterThan(0);
    for (const x of active) {
      const record = await ok(roster.get(`/api/performance/members/${x.memberId}?year=${year}`));
      const have = Object.fromEntries(record.quotas.map((q: any) => [q.key, q.have]));
      expect({ contacts: have.contact, deeds: have.deed, councils: have.council }, x.name).toEqual({ contacts: x.contacts, deeds: x.deeds, councils: x.councils });
    }
  });
});
