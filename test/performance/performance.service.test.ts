import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { dbKinds } from '../support/db.js';
import { startTestApp, type Client, type TestApp } from '../support/app.js';
import { ok } from '../support/proposals.js';
import { submittedOpinion } from '../support/opinions.js';
import { members } from '../../src/server/modules/members/schema.js';
import { ledgerEntries } from '../../src/server/platform/ledger/schema.js';
import { jointKindsOf, voidLedger } from '../../src/server/platform/ledger/ledger.js';
import { demoDistrictId } from '../../src/server/demo/seed.js';
import { presets } from '../../src/server/modules/performance/presets.js';
import { compileScoreSql, type ScoreSqlRow } from '../../src/server/modules/performance/score-sql.js';
import { summaryOf } from '../../src/server/modules/performance/recompute.js';
import { isDeepStrictEqual } from 'node:util';
import { scoreMembers } from '../../src/server/modules/performance/score.js';
import { loadEntries, termEntries, termRange, yearRange } from '../../src/server/modules/performance/entries.js';
import { rng } from '../../src/server/demo/people.js';
import { countedKinds, entriesForScores } from '../../src/server/modules/performance/counted.js';

const minutes = (n: number) => new Date(Date.now() + n * 60_000).toISOString();
const year = new Date().getFullYear();

describe.each(dbKinds)('performance record on %s', (kind) => {
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

  it('member-sees-points: an attended activity day appears in the record with its points and a link to the event', async () => {
    const office = await as('office');
    const member = await as('member');
    const me = (await member.get('/api/auth/me')).body.user.memberId;
    let day = await ok(office.post('/api/meetings', { kind: 'activityDay', title: '委员活动日：垃圾分类宣传', startsAt: minutes(-20), endsAt: minutes(100), mandatory: true, invitations: [{ type: 'members', ids: [me] }] }));
    const qr = await ok(office.get(`/api/meetings/${day.id}/qr`));
    await ok(member.post(`/api/meetings/${day.id}/check-in`, { token: qr.token }));
    day = await ok(office.post(`/api/meetings/${day.id}/actions/close`, { version: day.version }));
    const record = await ok(member.get(`/api/performance/me?year=${year}`));
    const entry = record.entries.find((e: any) => e.sourceId === day.id);
    // the default rules count an activity 5 points (Minhang)
    expect(entry).toMatchObject({ kind: 'activity.activityDay.attended', kindLabel: '委员活动日·出席', points: 5, link: `/meetings/${day.id}` });
    expect(record.total).toBeGreaterThanOrEqual(5);
    expect(record.lacking.map((q: any) => q.key)).toEqual(expect.arrayContaining(['deed', 'contact']));
    // the term file (一届一人一档): every year of the term so far, entries grouped by category, linked
    const term = await ok(member.get(`/api/performance/members/${me}/term?year=${year}`));
    expect(term.years.map((y: any) => y.year)).toContain(year);
    expect(term.years.find((y: any) => y.year === year).total).toBe(record.total);
    const meetings = term.categories.find((c: any) => c.label === '会议活动');
    expect(meetings.items).toEqual(expect.arrayContaining([expect.objectContaining({ kindLabel: '委员活动日·出席', link: `/meetings/${day.id}` })]));
    expect(term.categories.reduce((n: number, c: any) => n + c.count, 0)).toBeGreaterThanOrEqual(record.entries.length);
    // another member's record is not theirs to read
    const other = (await (await as('member2')).get('/api/auth/me')).body.user.memberId;
    expect((await member.get(`/api/performance/members/${other}`)).status).toBe(404);
    expect((await member.get(`/api/performance/members/${other}/term`)).status).toBe(404);
    expect((await member.get('/api/performance/rankings')).status).toBe(404);
  });

  it('a record names a 社情民意 report only to who may open it: the information office does, the general office sees the entry without its id', async () => {
    const member = await as('member');
    const me = (await member.get('/api/auth/me')).body.user.memberId;
    const report = await submittedOpinion(member, { title: '关于履职档案中社情民意可见范围的建议' });
    for (const username of ['member', 'info']) {
      const record = await ok((await as(username)).get(username === 'member' ? `/api/performance/me?year=${year}` : `/api/performance/members/${me}?year=${year}`));
      expect(record.entries.find((e: any) => e.sourceId === report.id), username).toMatchObject({ kind: 'opinion.submitted', link: `/opinions/${report.id}` });
    }
    const office = await as('office');
    const res = await office.get(`/api/performance/members/${me}?year=${year}`);
    expect(res.status).toBe(200);
    expect(res.raw).not.toContain(report.id);
    expect(res.body.entries.filter((e: any) => e.kind === 'opinion.submitted')).toEqual(expect.arrayContaining([expect.objectContaining({ sourceId: null, link: null, points: expect.any(Number) })]));
    const term = await office.get(`/api/performance/members/${me}/term?year=${year}`);
    expect(term.raw).not.toContain(report.id);
    expect(term.body.categories.find((c: any) => c.label === '社情民意信息').items).toEqual(expect.arrayContaining([expect.objectContaining({ link: null })]));
  });

  it('the demo committee runs one named scheme whose lists agree with its grades and yearly requirements', async () => {
    const roster = await as('roster');
    const rankings = await ok(roster.get(`/api/performance/rankings?year=${year}`));
    expect(rankings.rulesName).toBe('龙岗区政协委员履职积分考核办法');
    // every member is graded; who lacks a requirement is never above 不合格
    expect(rankings.items.filter((r: any) => !r.grade)).toEqual([]);
    expect(rankings.items.filter((r: any) => r.lacking.length > 0 && r.grade.key !== 'fail')).toEqual([]);
    const lists = await ok(roster.get(`/api/performance/lists?year=${year}`));
    expect(lists.rulesName).toBe(rankings.rulesName);
    // nobody commended who missed the minimum or reached a sanction; no more than the quota
    expect(lists.commend.filter((r: any) => r.lacking.length > 0 || r.sanctions.length > 0 || !r.grade.commend)).toEqual([]);
    expect(lists.commend.length).toBeLessThanOrEqual(lists.commendQuota);
    // everyone below the minimum is on the talk list, with what they lack as the reason
    const talk = new Map(lists.talk.map((r: any) => [r.memberId, r]));
    expect(lists.belowQuota.length).toBeGreaterThan(0);
    for (const r of lists.belowQuota) expect((talk.get(r.memberId) as any)?.reasons.join('；'), r.name).toContain(`未完成${r.lacking[0].label}`);
    // the grade counts add up to the roster
    expect(lists.grades.reduce((n: number, g: any) => n + g.count, 0)).toBe(rankings.items.length);
    // an incoherent scheme is refused with a Chinese reason
    const admin = await as('admin');
    const current = await ok(admin.get('/api/settings/performance?year=0'));
    const rules = current.values.rules;
    const res = await admin.request({ method: 'PUT', url: '/api/settings/performance?year=0', payload: { version: current.version, values: { rules: { ...rules, grades: rules.grades.map((g: any) => ({ ...g, requiresQuotas: false })) } } } });
    expect(res.status).toBe(400);
    expect(res.raw).toContain('须要求完成年度基本要求');
  });

  it('staff see rankings and lists, send reminders, export the yearly report; admins switch to a preset for one year', async () => {
    const roster = await as('roster');
    const rankings = await ok(roster.get(`/api/performance/rankings?year=${year}`));
    expect(rankings.items).toHaveLength(180);
    expect(rankings.items[0].rank).toBe(1);
    expect(rankings.items[0].total).toBeGreaterThanOrEqual(rankings.items[1].total);
    const lists = await ok(roster.get(`/api/performance/lists?year=${year}`));
    expect(lists.belowQuota.length).toBeGreaterThan(0);
    const target = lists.belowQuota.find((r: any) => r.name);
    const sent = await ok(roster.post('/api/performance/reminders', { year, memberIds: [target.memberId] }));
    expect(sent.reminded).toBe(1);
    const member = await as('member');
    const me = (await member.get('/api/auth/me')).body.user.memberId;
    await ok(roster.post('/api/performance/reminders', { year, memberIds: [me] }));
    const inbox = await ok(member.get('/api/notifications'));
    expect(inbox.items.some((n: any) => n.title.startsWith('履职提醒') && n.body.includes('尚需'))).toBe(true);
    // a member may not send reminders
    expect([403, 404]).toContain((await member.post('/api/performance/reminders', { year })).status);

    const docx = await roster.request({ method: 'GET', url: `/api/performance/members/${me}/report?year=${year}` });
    expect(docx.status).toBe(200);
    expect(String(docx.headers['content-type'])).toContain('wordprocessingml');
    expect(docx.raw.slice(0, 2)).toBe('PK');

    const admin = await as('admin');
    const current = await ok(admin.get(`/api/settings/performance?year=${year}`));
    const res = await admin.request({ method: 'PUT', url: `/api/settings/performance?year=${year}`, payload: { version: current.version, values: { rules: presets.tongcheng2019 } } });
    expect(res.status).toBe(200);
    const after = await ok(roster.get(`/api/performance/rankings?year=${year}`));
    expect(after.rulesName).toContain('桐城');
    expect(after.items.every((r: any) => r.total <= 100)).toBe(true);
  });

  it('the SQL aggregate gives exactly the pure function totals and the stored summaries (grade, categories, quotas, sanctions) for every preset', async () => {
    const committeeId = await demoDistrictId(t.database);
    const roster = await t.database.db.select().from(members).where(and(eq(members.committeeId, committeeId), eq(members.status, 'active')));
    // a year of made-up entries: attendance, proposals (some joint), reports, deeds, speeches
    const r = rng(42);
    const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
    const kinds = ['activity.plenary.attended', 'activity.plenary.excused', 'activity.plenary.absent', 'activity.standingCommittee.leaveRefused', 'activity.activityDay.attended', 'activity.research.attended', 'opinion.submitted', 'opinion.adopted', 'opinion.instructed', 'outreach.publicService', 'outreach.deed', 'outreach.contact', 'consultation.council', 'speech.written', 'speech.oral'];
    const rows: (typeof ledgerEntries.$inferInsert)[] = [];
    const uuid = () => crypto.randomUUID();
    for (let i = 0; i < 1500; i++) {
      rows.push({ committeeId, memberId: pick(roster).id, kind: pick(kinds), part: 'lead', day: `${year}-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)}`, sourceType: 'test', sourceId: uuid() });
    }
    for (let i = 0; i < 80; i++) {
      const source = uuid();
      const lead = pick(roster).id;
      const day = `${year}-0${1 + Math.floor(r() * 9)}-0${1 + Math.floor(r() * 8)}`;
      const cos = [...new Set(Array.from({ length: Math.floor(r() * 4) }, () => pick(roster).id))].filter((m) => m !== lead);
      rows.push({ committeeId, memberId: lead, kind: 'proposal.submitted', part: 'lead', day, sourceType: 'proposal', sourceId: source });
      for (const c of cos) rows.push({ committeeId, memberId: c, kind: 'proposal.cosigned', part: 'contributor', day, sourceType: 'proposal', sourceId: source });
      if (r() < 0.7) for (const [m, part] of [[lead, 'lead'], ...cos.map((c) => [c, 'contributor'])]) rows.push({ committeeId, memberId: m, kind: 'proposal.filed', part, day, sourceType: 'proposal', sourceId: source });
      if (r() < 0.2) rows.push({ committeeId, memberId: lead, kind: 'proposal.key', part: 'lead', day, sourceType: 'proposal', sourceId: source });
    }
    // a voided entry and another committee's entry must not count
    rows.push({ committeeId, memberId: roster[0].id, kind: 'outreach.publicService', part: 'lead', day: `${year}-05-05`, sourceType: 'test', sourceId: uuid(), voidedAt: new Date() });
    // plenary sessions missed on both half-days (one absence each: sanctions count sessions), some the year before (term scope)
    roster.slice(0, 3).forEach((m, n) => {
      for (let k = 0; k < 2 + n; k++) {
        const occasionId = uuid();
        for (const h of [1, 2]) rows.push({ committeeId, memberId: m.id, kind: 'activity.plenary.absent', part: 'lead', day: `${k % 2 ? year - 1 : year}-01-2${h}`, sourceType: 'activity', sourceId: uuid(), occasionId });
      }
    });
    await t.database.db.insert(ledgerEntries).values(rows);
    // co-signers withdrawn after filing: their sources' makeup changes for every author (the joint counts' triggers)
    const joint = rows.filter((x) => x.kind === 'proposal.filed' && x.part === 'contributor').slice(0, 6);
    for (const x of joint) await voidLedger(t.database.db, { sourceType: x.sourceType, sourceId: x.sourceId, kind: x.kind, memberId: x.memberId, at: new Date() });

    const { from, to } = yearRange(year);
    const entries = await loadEntries(t.database.db, committeeId, from, to);
    const scored = roster.map((m) => ({ id: m.id, position: m.position }));
    const wanted = new Set(roster.map((m) => m.id));
    let sanctioned = false;
    // a band that requires the yearly minimum is given to some who met it and withheld from some who reached its points without it
    let gradedClean = false;
    let gradedDown = false;
    // the three ways the aggregate reads joint work: split straight from the ledger (also counting one
    // part only), a kind in two split items (read one by one), split after skipping the first
    const tongcheng = presets.tongcheng2019;
    const variant = (change: (items: typeof tongcheng.items) => typeof tongcheng.items) => ({ ...tongcheng, items: change(tongcheng.items) });
    const splitVariants = {
      splitLeadOnly: variant((items) => items.map((it) => (it.key === 'proposalFiled' ? { ...it, part: 'lead' as const } : it))),
      splitContributorsOnly: variant((items) => items.map((it) => (it.key === 'proposalFiled' ? { ...it, part: 'contributor' as const } : it))),
      splitKindInTwoItems: variant((items) => [...items, { ...items.find((it) => it.key === 'proposalFiled')!, key: 'filedAgain', points: 3, split: { leadShare: 0.6 } }]),
      splitSkipFirst: variant((items) => items.map((it) => (it.key === 'proposalSubmitted' ? { ...it, skipFirst: 1 } : it))),
      // a kind the joint counts do not keep (read from the entries), alone and beside kept ones in one item
      splitNotJoint: variant((items) => [...items, { key: 'deedShared', label: '办实事（联名）', kinds: ['outreach.deed'], part: 'any' as const, points: 4, unit: 'item' as const, skipFirst: 0, split: { leadShare: 0.5 } }]),
      splitKeptSingles: variant((items) => [...items, { key: 'opinionShared', label: '社情民意信息（联名）', kinds: ['opinion.submitted'], part: 'any' as const, points: 3, unit: 'piece' as const, skipFirst: 0, split: { leadShare: 0.6 } }]),
      splitMixed: variant((items) => items.map((it) => (it.key === 'proposalFiled' ? { ...it, kinds: [...it.kinds, 'outreach.deed'] } : it))),
    };
    for (const [key, rules] of Object.entries({ ...presets, ...splitVariants })) {
      const term = await termEntries(t.database.db, committeeId, year, rules);
      const pure = new Map(scoreMembers(rules, scored, entries, term).map((p) => [p.memberId, { total: p.total, summary: summaryOf(p) }]));
      // the incremental path's reading: the counted kinds as stand-ins from ledger_counts (counted.ts), the
      // entries of members not scored (co-authors who left) as they are
      const standIns = [...(await entriesForScores(t.database.db, committeeId, year, rules, [...wanted])), ...entries.filter((e) => !wanted.has(e.memberId))];
      const fromCounts = scoreMembers(rules, scored, standIns, term).filter((p) => !isDeepStrictEqual({ total: p.total, summary: summaryOf(p) }, pure.get(p.memberId)));
      expect(fromCounts.map((p) => p.memberId), key).toEqual([]);
      expect(standIns.some((e) => e.sourceType === 'count') || countedKinds(rules).counted.length === 0, key).toBe(true);
      // joint work read from the entries, and from the counts by source makeup the ledger's triggers keep
      for (const jointKinds of [[], await jointKindsOf(t.database.db)]) {
        const sql = compileScoreSql(rules, { jointKinds });
        const got = await t.database.query<ScoreSqlRow>(sql.text, sql.params(committeeId, year, await termRange(t.database.db, committeeId, year)));
        expect(got.length, key).toBe(roster.length);
        const mismatches = got.filter((g) => !isDeepStrictEqual({ total: Number(g.total), summary: g.summary }, pure.get(g.member_id))).map((g) => `${g.member_id}: pure ${JSON.stringify(pure.get(g.member_id))} sql ${JSON.stringify({ total: g.total, summary: g.summary })}`);
        expect(mismatches, `${key}, joint kinds ${jointKinds.length}`).toEqual([]);
      }
      // the fixture reaches what the summary shows: categories with points, missing quotas, a sanction
      const summaries = [...pure.values()].map((p) => p.summary);
      expect(summaries.some((s) => s.lacking.length > 0) || rules.quotas.length === 0, key).toBe(true);
      sanctioned ||= summaries.some((s) => s.sanctions.length > 0);
      for (const p of pure.values()) {
        const reached = rules.grades.filter((g) => g.requiresQuotas && p.total >= g.min);
        if (reached.length === 0) continue;
        if (p.summary.lacking.length === 0 && p.summary.sanctions.length === 0) gradedClean ||= reached.some((g) => g.key === p.summary.grade?.key);
        else gradedDown ||= !reached.some((g) => g.key === p.summary.grade?.key);
      }
      expect(summaries.some((s) => s.categories.some((c) => c.points !== 0)) || rules.categories.length === 0, key).toBe(true);
    }
    expect(sanctioned, 'some member reaches a sanction under some preset').toBe(true);
    expect([gradedClean, gradedDown], 'bands requiring the minimum are both given and withheld').toEqual([true, true]);
  });
});
