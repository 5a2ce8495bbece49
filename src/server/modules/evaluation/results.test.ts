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
    const r = computeResults({ indicators, units: units.slice(0, 2), invited: 4, respondents: new Map([['u0', 3], ['u1', 1]]), tallies, rules });
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
    const r = computeResults({ indicators, units, invited: 5, respondents: new Map(units.map((u) => [u.id, 3])), tallies, rules: { ...rules, satisfactoryCount: 2, focusCount: 2 } });
    expect(r.complete).toBe(true);
    expect(r.departments.map((d) => [d.name, d.score, d.rank, d.grade])).toEqual([
      ['甲局', 100, 1, 'satisfactory'],
      ['乙局', 100, 1, 'satisfactory'],
      ['丙局', 80, 3, 'focus'], // tied with 丁局 across the line of the bottom two: both named
      ['丁局', 80, 3, 'focus'],
      ['戊局', 0, 5, 'focus'],
    ]);
    const oneNamed = computeResults({ indicators, units, invited: 5, respondents: new Map(units.map((u) => [u.id, 3])), tallies, rules: { ...rules, satisfactoryCount: 1, focusCount: 1 } });
    expect(oneNamed.departments.map((d) => d.grade)).toEqual(['satisfactory', 'satisfactory', 'ranked', 'ranked', 'focus']); // 甲乙 tied first
    const three = computeResults({ indicators, units: units.slice(0, 3), invited: 5, respondents: new Map(units.map((u) => [u.id, 3])), tallies, rules });
    expect(three.departments.map((d) => d.grade)).toEqual(['satisfactory', 'satisfactory', 'satisfactory']);
  });
});
