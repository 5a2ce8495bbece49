import { describe, expect, it } from 'vitest';
import { ledgerKindLabels } from './kinds.js';
import { presets, defaultRules } from './presets.js';
import { rulesSchema, type ScoringRules } from '../../../shared/performance/rules.js';
import { schemeProblems } from '../../../shared/performance/scheme.js';
import { scoreMembers } from './score.js';
import { withinQuota } from './queries.js';
import { demoScheme } from '../../demo/performance.js';

const messages = (rules: ScoringRules) => schemeProblems(rules).map((p) => p.message);

describe('a scheme is coherent: its grades, lists and yearly requirements agree', () => {
  it('every preset and the demo committee’s scheme are coherent', () => {
    for (const [key, rules] of Object.entries({ ...presets, demo: demoScheme })) expect(messages(rules), key).toEqual([]);
  });

  it('refuses a scheme whose lists could disagree, naming what is wrong in Chinese', () => {
    const noGrades = { ...defaultRules, grades: [] };
    expect(messages(noGrades).join()).toContain('须设定等次');
    // the old default's shape: a commendation band open to members who missed the minimum
    const commendAnyone = { ...defaultRules, grades: [{ key: 'top', label: '优秀', min: 100, commend: true, talk: false, requiresQuotas: false }, ...defaultRules.grades.slice(1)] };
    expect(messages(commendAnyone)).toEqual(expect.arrayContaining([expect.stringContaining('须要求完成年度基本要求'), expect.stringContaining('须列入约谈名单')]));
    const gap = { ...defaultRules, grades: defaultRules.grades.map((g) => ({ ...g, min: Math.max(g.min, 0) })) };
    expect(messages(gap).join()).toContain('等次须覆盖所有得分');
    const both = { ...presets.tongcheng2019, grades: [{ key: 'x', label: '合格', min: -10000, commend: true, talk: true, requiresQuotas: false }] };
    expect(messages(both).join()).toContain('不能既列入表彰又列入约谈');
    const twice = { ...defaultRules, items: [...defaultRules.items, defaultRules.items[0]] };
    expect(messages(twice).join()).toContain('重复');
    const parsed = rulesSchema.safeParse(commendAnyone);
    expect(parsed.success).toBe(false);
  });

  it('the default scheme scores every kind of work the product records (a submitted proposal earns through its filing)', () => {
    const scored = new Set(defaultRules.items.filter((i) => i.points > 0).flatMap((i) => i.kinds));
    const earnedElsewhere = new Set(['proposal.submitted', 'proposal.cosigned']);
    const recorded = Object.keys(ledgerKindLabels).filter((k) => !k.startsWith('activity.') || k.endsWith('.attended'));
    expect(recorded.filter((k) => !scored.has(k) && !earnedElsewhere.has(k))).toEqual([]);
    // one name, not a list of places
    expect(demoScheme.name).toBe('龙岗区政协委员履职积分考核办法');
    expect(defaultRules.name).not.toMatch(/[；;]/);
  });

  it('a member who missed the minimum is graded 不合格 and talked to, whatever the points; one who met it is 合格 or 优秀', () => {
    const day = '2026-06-01';
    const entry = (memberId: string, kind: string, n: number) => Array.from({ length: n }, (_, i) => ({ id: `${memberId}-${kind}-${i}`, memberId, kind, part: 'lead', day, sourceType: kind, sourceId: `${memberId}-${kind}-${i}` }));
    const busy = [...entry('a', 'activity.plenary.attended', 30)]; // 150 points, nothing else
    const minimum = ['proposal.submitted:1', 'opinion.submitted:2', 'consultation.council:2', 'outreach.deed:2', 'outreach.contact:3'].flatMap((x) => entry('b', x.split(':')[0], Number(x.split(':')[1])));
    const [a, b] = scoreMembers(defaultRules, [{ id: 'a' }, { id: 'b' }], [...busy, ...minimum]);
    expect(a.total).toBe(150);
    expect(a.grade).toMatchObject({ key: 'fail', talk: true, commend: false });
    expect(b.lacking).toEqual([]);
    expect(b.grade).toMatchObject({ key: 'pass', talk: false });
    const [c] = scoreMembers(defaultRules, [{ id: 'b' }], [...minimum, ...entry('b', 'activity.plenary.attended', 20)]);
    expect(c.grade).toMatchObject({ key: 'excellent', commend: true });
  });

  it('the commendation quota is a ceiling: members tied across the cut are left to the chairs’ meeting', () => {
    const rows = [90, 80, 70, 70, 70, 60].map((total, i) => ({ id: i, total }));
    expect(withinQuota(rows, 0).commend).toHaveLength(6);
    expect(withinQuota(rows, 2)).toEqual({ commend: rows.slice(0, 2), cut: null });
    expect(withinQuota(rows, 3)).toEqual({ commend: rows.slice(0, 2), cut: { total: 70, tied: 3, places: 1 } });
    expect(withinQuota(rows, 5)).toEqual({ commend: rows.slice(0, 5), cut: null });
  });
});
