import { describe, expect, it } from 'vitest';
import { computeResults, quorumOf, type Tally } from './results.js';
import { evaluationSettings } from './settings.js';

const rules = evaluationSettings.defaults;
const indicators = [
  { key: 'a', label: '组织领导', weight: 30 },
  { key: 'b', label: '办理成效', weight: 70 },
];
const units = ['甲局', '乙局', '丙局', '丁局', '戊局'].map((name, n) => ({ id: `u${n}`, name }));
const ballot = (unitId: string, a: string, b: string, times = 1): Tally[] => [
  { unitId, indicatorKey: 'a', choice: a, count: times },
  { unitId, indicatorKey: 'b', choice: b, count: times },
];

describe('evaluation results', () => {
  it('quorum is more than half of the invited', () => {
    expect(quorumOf(10, 0.5)).toBe(6);
    expect(quorumOf(9, 0.5)).toBe(5);
    expect(quorumOf(1, 0.5)).toBe(1);
  });

  it('weights the indicators; 不了解 is left out of the average; short of quorum → no score', () => {
    const tallies = [...ballot('u0', 'satisfied', 'unsatisfied', 2), ...ballot('u0', 'unknown', 'basic', 1), ...ballot('u1', 'satisfied', 'satisfied', 1)];
    const r = computeResults({ indicators, units: units.slice(0, 2), invited: 4, respondents: new Map([['u0', { member: 3 }], ['u1', { member: 1 }]]), tallies, rules });
    const u0 = r.departments.find((d) => d.unitId === 'u0')!;
    expect(u0.indicators.map((i) => i.score)).toEqual([100, 26.67]); // b: (0+0+80)/3
    expect(u0.score).toBe(48.67); // (30×100 + 70×26.67) / 100
    expect(r.departments.find((d) => d.unitId === 'u1')!.score).toBeNull();
    expect(r.complete).toBe(false);
    expect(u0.rank).toBeNull();
  });

  it('ranks when complete: top N 满意单位, bottom N 重点跟踪整改, never both; tied departments share rank and grade', () => {
    const choices = ['satisfied', 'satisfied', 'basic', 'basic', 'unsatisfied'];
    const tallies = units.flatMap((u, n) => ballot(u.id, choices[n], choices[n], 3));
    const r = computeResults({ indicators, units, invited: 5, respondents: new Map(units.map((u) => [u.id, { member: 3 }])), tallies, rules: { ...rules, satisfactoryCount: 2, focusCount: 2 } });
    expect(r.complete).toBe(true);
    expect(r.departments.map((d) => [d.name, d.score, d.rank, d.grade])).toEqual([
      ['甲局', 100, 1, 'satisfactory'],
      ['乙局', 100, 1, 'satisfactory'],
      ['丙局', 80, 3, 'focus'], // tied with 丁局 across the line of the bottom two: both named
      ['丁局', 80, 3, 'focus'],
      ['戊局', 0, 5, 'focus'],
    ]);
    const oneNamed = computeResults({ indicators, units, invited: 5, respondents: new Map(units.map((u) => [u.id, { member: 3 }])), tallies, rules: { ...rules, satisfactoryCount: 1, focusCount: 1 } });
    expect(oneNamed.departments.map((d) => d.grade)).toEqual(['satisfactory', 'satisfactory', 'ranked', 'ranked', 'focus']); // 甲乙 tied first
    const three = computeResults({ indicators, units: units.slice(0, 3), invited: 5, respondents: new Map(units.map((u) => [u.id, { member: 3 }])), tallies, rules });
    expect(three.departments.map((d) => d.grade)).toEqual(['satisfactory', 'satisfactory', 'satisfactory']);
  });

  it('counts members, representatives and the public apart and combines them with the weights of the setting; the counts are the sum of the parts', () => {
    const kinded = (unitId: string, kind: string, a: string, b: string, times: number): Tally[] => ballot(unitId, a, b, times).map((t) => ({ ...t, respondentKind: kind }));
    const tallies = [...kinded('u0', 'member', 'satisfied', 'satisfied', 3), ...kinded('u0', 'representative', 'unsatisfied', 'unsatisfied', 2), ...kinded('u0', 'public', 'basic', 'basic', 4)];
    const respondents = new Map([['u0', { member: 3, representative: 2, public: 4 }]]);
    const r = computeResults({ indicators, units: units.slice(0, 1), invited: 4, respondents, tallies, rules });
    const d = r.departments[0];
    expect([d.respondents, d.memberRespondents]).toEqual([9, 3]);
    expect(d.byKind.map((k) => [k.kind, k.respondents, k.weight, k.score])).toEqual([['member', 3, 60, 100], ['representative', 2, 30, 0], ['public', 4, 10, 80]]);
    expect(d.score).toBe(68); // 60% × 100 + 30% × 0 + 10% × 80
    expect(d.indicators[0].counts).toEqual({ satisfied: 3, basic: 4, unsatisfied: 2, unknown: 0 });
    // the weights are settings: members only
    const membersOnly = computeResults({ indicators, units: units.slice(0, 1), invited: 4, respondents, tallies, rules: { ...rules, representativeWeight: 0, publicWeight: 0 } });
    expect(membersOnly.departments[0].score).toBe(100);
    // no public answers: its weight goes to the others (60:30)
    const noPublic = computeResults({ indicators, units: units.slice(0, 1), invited: 4, respondents, tallies: tallies.filter((t) => t.respondentKind !== 'public'), rules });
    expect(noPublic.departments[0].score).toBe(66.67);
    // the quorum counts members only: representatives and the public do not make up for them
    const short = computeResults({ indicators, units: units.slice(0, 1), invited: 10, respondents, tallies, rules });
    expect([short.departments[0].quorumMet, short.departments[0].score, short.quorum]).toEqual([false, null, 6]);
  });
});
