import { describe, expect, it } from 'vitest';
import { defaultRules, jinan2015, minhang, tongcheng2019 } from './presets.js';
import { rank, round2, scoreMembers, type Entry } from './score.js';

/**
 * Each preset against a worked example computed by hand from the published rule (RULES.md). The
 * arithmetic is written out in the comments so a reader can check it without running anything.
 */
let seq = 0;
const id = () => `00000000-0000-4000-8000-${String(++seq).padStart(12, '0')}`;
const e = (memberId: string, kind: string, o: { part?: 'lead' | 'contributor'; day?: string; source?: string } = {}): Entry => ({
  id: id(), memberId, kind, part: o.part ?? 'lead', day: o.day ?? '2026-03-01', sourceType: kind.split('.')[0], sourceId: o.source ?? id(),
});
const times = <T,>(n: number, f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));
const A = 'member-a';
const B = 'member-b';
const C = 'member-c';
const D = 'member-d';

describe('Jinan 2015: 70 base + bonus up to 50, deductions, 三个一', () => {
  it('a competent member: 70 + 35 bonus − 40 deductions = 65', () => {
    const p = [id(), id(), id()];
    const entries = [
      ...times(3, () => e(A, 'activity.plenary.attended')),
      e(A, 'activity.plenary.excused'), // −10
      e(A, 'activity.plenary.absent'), // −30
      ...p.map((s) => e(A, 'proposal.submitted', { source: s })),
      ...p.map((s, i) => e(A, 'proposal.filed', { source: s, day: `2026-04-0${i + 1}` })), // the first is the minimum; 2 extra × 5 = +10
      e(A, 'proposal.key', { source: p[1] }), // +5
      e(A, 'proposal.excellent', { source: p[1] }), // +10
      ...times(7, () => e(A, 'outreach.publicService')), // 7 × 2 = 14, cap 10 → +10
      e(A, 'activity.research.attended'),
    ];
    const [s] = scoreMembers(jinan2015, [{ id: A }], entries);
    // bonus 10 + 5 + 10 + 10 = 35 (under 50); deductions −10 − 30 = −40
    expect(s.categories).toEqual([
      expect.objectContaining({ key: 'bonus', points: 35, capped: false }),
      expect.objectContaining({ key: 'deduction', points: -40 }),
    ]);
    expect(s.total).toBe(65);
    expect(s.grade).toMatchObject({ key: 'competent', label: '称职' });
    expect(s.lacking).toEqual([]);
    // explanation: the first filed proposal earns nothing (the minimum), the public service beyond the cap earns nothing
    const filed = s.lines.filter((l) => l.itemKey === 'filedExtra');
    expect(filed.map((l) => l.points)).toEqual([0, 5, 5]);
    expect(filed[0].reason).toContain('基本要求');
    const service = s.lines.filter((l) => l.itemKey === 'publicService');
    expect(service.map((l) => l.points)).toEqual([2, 2, 2, 2, 2, 0, 0]);
    expect(service[6].reason).toContain('上限');
  });

  it('bonus is capped at 50: 70 + min(50, 65) = 120; 三个一 not all met, so not competent whatever the points', () => {
    const p = times(8, () => id());
    const entries = [
      ...p.map((s) => e(B, 'proposal.submitted', { source: s })),
      ...p.map((s) => e(B, 'proposal.filed', { source: s })), // 7 extra × 5 = 35
      e(B, 'proposal.key', { source: p[0] }), e(B, 'proposal.key', { source: p[1] }), // 10
      e(B, 'proposal.excellent', { source: p[0] }), // 10
      ...times(5, () => e(B, 'outreach.publicService')), // 10
    ];
    const [s] = scoreMembers(jinan2015, [{ id: B }], entries);
    expect(s.categories[0]).toMatchObject({ raw: 65, points: 50, capped: true });
    expect(s.total).toBe(120);
    // 120 reaches 优秀 (≥ 85), but 优秀 and 称职 both require the minimum
    expect(s.grade).toMatchObject({ key: 'notCompetent', talk: true, commend: false });
    expect(s.lacking.map((q) => q.key)).toEqual(['plenary', 'inspectionOrResearch']);
    expect(s.quotas.find((q) => q.key === 'proposalOrReport')).toMatchObject({ have: 8, need: 1, met: true });
  });

  it('with 三个一 met, 120 is excellent and commended', () => {
    const p = id();
    const entries = [
      e(B, 'activity.plenary.attended'), e(B, 'activity.inspection.attended'), e(B, 'proposal.submitted', { source: p }),
      ...times(8, () => e(B, 'proposal.filed')), // 7 extra × 5 = 35
      ...times(2, () => e(B, 'proposal.excellent')), // 20 → bonus 55, capped 50
    ];
    const [s] = scoreMembers(jinan2015, [{ id: B }], entries);
    expect(s.total).toBe(120);
    expect(s.lacking).toEqual([]);
    expect(s.grade).toMatchObject({ key: 'excellent', commend: true });
  });

  it('two unexcused plenary absences: 70 − 60 = 10, not competent → talk', () => {
    const [s] = scoreMembers(jinan2015, [{ id: C }], [e(C, 'activity.plenary.absent'), e(C, 'activity.plenary.leaveRefused')]);
    expect(s.total).toBe(10);
    expect(s.grade).toMatchObject({ key: 'notCompetent', talk: true, escalateAfterYears: 2 });
  });

  it('a plenary session missed on all three half-days is one unexcused absence (−30), the other half-days shown at 0', () => {
    const session = 'session-7-5';
    const halfDays = times(3, (i) => ({ ...e(D, 'activity.plenary.absent', { day: `2026-01-1${i + 1}` }), occasionId: session }));
    // the next session, one half-day excused: −10 (per time, like the absence); 70 − 30 − 10 = 30
    const next = { ...e(D, 'activity.plenary.excused', { day: '2026-12-20' }), occasionId: 'session-7-6' };
    const [s] = scoreMembers(jinan2015, [{ id: D }], [...halfDays, next]);
    expect(s.items.find((i) => i.key === 'plenaryAbsent')).toMatchObject({ units: 1, points: -30 });
    expect(s.total).toBe(30);
    const lines = s.lines.filter((l) => l.itemKey === 'plenaryAbsent').sort((a, b) => (a.day < b.day ? -1 : 1));
    expect(lines.map((l) => [l.day, l.points, l.reason])).toEqual([
      ['2026-01-11', -30, null],
      ['2026-01-12', 0, '同一次会议已计'],
      ['2026-01-13', 0, '同一次会议已计'],
    ]);
  });
});

describe('Tongcheng 2019: 100 points, meetings 50/30/0, proposals 25 with joint splitting', () => {
  // joint proposal J: A first proposer, B and C co-signers; filed. A's own proposal S: submitted, not filed.
  const J = id();
  const S = id();
  const proposals = [
    e(A, 'proposal.submitted', { source: J }), e(B, 'proposal.cosigned', { part: 'contributor', source: J }), e(C, 'proposal.cosigned', { part: 'contributor', source: J }),
    e(A, 'proposal.filed', { source: J }), e(B, 'proposal.filed', { part: 'contributor', source: J }), e(C, 'proposal.filed', { part: 'contributor', source: J }),
    e(A, 'proposal.submitted', { source: S }),
  ];
  const entries = [
    ...proposals,
    // A: four plenary half-days and one excused standing-committee meeting → 30
    ...times(4, () => e(A, 'activity.plenary.attended')), e(A, 'activity.standingCommittee.excused'),
    // A: 3 activity days (6) + a written speech (5) = 11 → cap 10; 2 reports (20) + 1 adopted (5) = 25 → cap 15
    ...times(3, () => e(A, 'activity.activityDay.attended')), e(A, 'speech.written'),
    e(A, 'opinion.submitted'), e(A, 'opinion.submitted'), e(A, 'opinion.adopted'),
    // B: full attendance → 50; one reading session → 2
    ...times(4, () => e(B, 'activity.plenary.attended')), e(B, 'activity.reading.attended'),
    // C: one unexcused absence → 0 for meetings, whatever else
    ...times(3, () => e(C, 'activity.plenary.attended')), e(C, 'activity.plenary.absent'),
  ];
  const scores = scoreMembers(tongcheng2019, [{ id: A }, { id: B }, { id: C }], entries);
  const [a, b, c] = scores;

  it('splits a joint proposal: the first proposer half, the two co-signers a quarter each', () => {
    // A: submit J 10 × 1/2 = 5, submit S 10 (alone), filed J 15 × 1/2 = 7.5 → 22.5
    expect(a.categories.find((x) => x.key === 'proposals')!.points).toBe(22.5);
    // B and C: submit J 10 × 1/4 = 2.5, filed J 15 × 1/4 = 3.75 → 6.25
    expect(b.categories.find((x) => x.key === 'proposals')!.points).toBe(6.25);
    expect(c.categories.find((x) => x.key === 'proposals')!.points).toBe(6.25);
    const bFiled = b.lines.find((l) => l.kind === 'proposal.filed')!;
    expect(bFiled).toMatchObject({ points: 3.75, reason: '联名分配 25%' });
  });

  it('meetings score by the worst that happened: excused 30, full 50, unexcused 0', () => {
    expect(a.categories.find((x) => x.key === 'meetings')).toMatchObject({ points: 30, tier: '请假缺席' });
    expect(b.categories.find((x) => x.key === 'meetings')).toMatchObject({ points: 50, tier: '全勤' });
    expect(c.categories.find((x) => x.key === 'meetings')).toMatchObject({ points: 0, tier: '无故缺席' });
  });

  it('totals: A 30 + 22.5 + 10 + 15 = 77.5 passes; B 50 + 6.25 + 2 = 58.25 and C 6.25 fail', () => {
    expect(a.categories.find((x) => x.key === 'activities')).toMatchObject({ raw: 11, points: 10, capped: true });
    expect(a.categories.find((x) => x.key === 'opinions')).toMatchObject({ raw: 25, points: 15 });
    expect([a.total, b.total, c.total]).toEqual([77.5, 58.25, 6.25]);
    expect([a.grade?.label, b.grade?.label, c.grade?.label]).toEqual(['合格', '不合格', '不合格']);
    expect(b.grade?.talk).toBe(true);
  });

  it('never exceeds 100: three solo filed proposals (75 → 25) and everything else full', () => {
    const ps = times(3, () => id());
    const full = [
      ...ps.flatMap((s) => [e(D, 'proposal.submitted', { source: s }), e(D, 'proposal.filed', { source: s })]),
      ...times(2, () => e(D, 'activity.plenary.attended')),
      ...times(6, () => e(D, 'activity.inspection.attended')),
      e(D, 'opinion.submitted'), e(D, 'opinion.adopted'),
    ];
    const [d] = scoreMembers(tongcheng2019, [{ id: D }], full);
    // 50 + 25 + 10 + 15 = 100
    expect(d.total).toBe(100);
    expect(d.categories.map((x) => x.points)).toEqual([50, 25, 10, 15]);
  });
});

describe('Minhang: 5 per plenary half-day and per activity; lead 15 / contributor 3; key +15/+3; outstanding +10/+2', () => {
  const P1 = id();
  const P2 = id();
  const entries = [
    ...times(6, () => e(A, 'activity.plenary.attended')), // 30
    e(A, 'activity.activityDay.attended'), e(A, 'activity.activityDay.attended'), e(A, 'activity.specialCommittee.attended'), // 15
    e(A, 'proposal.filed', { source: P1 }), // lead 15
    e(A, 'proposal.key', { source: P1 }), // key lead 15
    e(A, 'proposal.filed', { part: 'contributor', source: P2 }), // contributor 3
    e(A, 'proposal.excellent', { part: 'contributor', source: P2 }), // outstanding contributor 2
    e(B, 'proposal.filed', { source: P2 }), e(B, 'proposal.excellent', { source: P2 }), // 15 + 10
    ...times(4, () => e(B, 'activity.plenary.attended')), e(B, 'activity.plenary.absent'), // 20, no deduction in this scheme
  ];
  it('A 30 + 15 + 15 + 15 + 3 + 2 = 80; B 15 + 10 + 20 = 45; ranked 1 and 2', () => {
    const scores = scoreMembers(minhang, [{ id: A }, { id: B }], entries);
    expect(scores.map((s) => s.total)).toEqual([80, 45]);
    expect(scores[0].items.find((i) => i.key === 'plenary')).toMatchObject({ units: 6, points: 30 });
    expect(scores[0].grade).toBeNull();
    const ranked = rank(scores, (x, y) => x.memberId.localeCompare(y.memberId));
    expect(ranked.map((r) => [r.memberId, r.rank])).toEqual([[A, 1], [B, 2]]);
  });
});

describe('default rules: deductions, yearly minimum and term sanctions', () => {
  it('leave −1, refused −2; absent from 3 plenaries in the term (2 last year) → asked to resign; lists what is lacking', () => {
    const thisYear = [e(A, 'activity.plenary.excused'), e(A, 'activity.plenary.leaveRefused'), e(A, 'activity.plenary.attended'), e(A, 'proposal.submitted')];
    const lastYear = [e(A, 'activity.plenary.absent', { day: '2025-01-10' }), e(A, 'activity.plenary.absent', { day: '2025-01-11' })];
    const [s] = scoreMembers(defaultRules, [{ id: A, position: 'member' }], thisYear, [...lastYear, ...thisYear.filter((x) => x.kind.startsWith('activity.plenary'))]);
    // 5 (one half-day) − 1 − 2 = 2
    expect(s.total).toBe(2);
    expect(s.sanctions).toEqual([expect.objectContaining({ key: 'plenaryAbsences', action: 'resign', count: 3, threshold: 3 })]);
    expect(s.lacking.map((q) => `${q.key}:${q.have}/${q.need}`)).toEqual(['opinion:0/2', 'council:0/2', 'deed:0/2', 'contact:0/3']);
  });

  it('counts a plenary session missed on all its half-days as one absence from one plenary', () => {
    // three half-days of one session (七届五次会议), then one half-day of each of two more sessions
    const session = (n: number) => `session-${n}`;
    const halfDays = times(3, (i) => ({ ...e(A, 'activity.plenary.absent', { day: `2026-01-1${i}` }), occasionId: session(1) }));
    const [one] = scoreMembers(defaultRules, [{ id: A, position: 'member' }], halfDays);
    expect(one.sanctions).toEqual([]);
    const later = [2, 3].map((n) => ({ ...e(A, 'activity.plenary.absent', { day: `202${5 + n}-01-10` }), occasionId: session(n) }));
    const [three] = scoreMembers(defaultRules, [{ id: A, position: 'member' }], halfDays, [...halfDays, ...later]);
    expect(three.sanctions).toEqual([expect.objectContaining({ key: 'plenaryAbsences', action: 'resign', count: 3 })]);
  });

  it('standing-member sanctions apply only to standing members', () => {
    const absences = times(7, (i) => e(B, 'activity.standingCommittee.absent', { day: `2026-0${1 + (i % 9)}-02` }));
    expect(scoreMembers(defaultRules, [{ id: B, position: 'standingMember' }], absences)[0].sanctions.map((x) => x.key)).toEqual(['standingAbsences']);
    expect(scoreMembers(defaultRules, [{ id: B, position: 'member' }], absences)[0].sanctions).toEqual([]);
  });
});

describe('determinism', () => {
  it('the same entries in any order give the same scores and explanations', () => {
    const P = id();
    const entries = [
      ...times(12, (i) => e(A, 'outreach.publicService', { day: `2026-0${1 + (i % 9)}-1${i % 10}` })),
      e(A, 'proposal.submitted', { source: P }), e(B, 'proposal.cosigned', { part: 'contributor', source: P }),
      e(A, 'proposal.filed', { source: P }), e(B, 'proposal.filed', { part: 'contributor', source: P }),
      e(A, 'proposal.filed'), e(A, 'proposal.filed'),
    ];
    for (const rules of [jinan2015, tongcheng2019]) {
      const first = scoreMembers(rules, [{ id: A }, { id: B }], entries);
      const shuffled = scoreMembers(rules, [{ id: A }, { id: B }], [...entries].reverse());
      expect(shuffled).toEqual(first);
    }
  });

  it('rounds half away from zero like PostgreSQL numeric', () => {
    expect([round2(1.005), round2(-1.005), round2(2.675), round2(10 / 3)]).toEqual([1.01, -1.01, 2.68, 3.33]);
  });
});
