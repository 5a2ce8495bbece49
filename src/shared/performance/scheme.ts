import type { ScoringRules } from './rules.js';

export interface SchemeProblem {
  path: (string | number)[];
  message: string;
}

/** The lowest total the rules can give: the floor when set, else the base when nothing deducts. */
function lowestTotal(rules: ScoringRules): number | null {
  if (rules.minTotal !== null && rules.minTotal !== undefined) return rules.minTotal;
  const deducts = rules.items.some((i) => i.points < 0) || rules.categories.some((c) => c.otherwise < 0 || (c.tiers ?? []).some((t) => t.score < 0));
  return deducts ? null : rules.base;
}

/**
 * Why a scheme's lists, grades and yearly requirements would not agree with each other — the
 * appraisal leaders must defend (考核结果): every total falls in a grade; nobody who missed the
 * yearly requirements is commended or graded as if they had met them, and each of them is on the
 * talk list; no band both commends and talks; keys are unique. Empty when coherent. The settings
 * refuse an incoherent scheme with these messages (rules.ts), and every preset is checked.
 */
export function schemeProblems(rules: ScoringRules): SchemeProblem[] {
  const problems: SchemeProblem[] = [];
  for (const list of ['items', 'categories', 'grades', 'quotas', 'sanctions'] as const) {
    const seen = new Set<string>();
    (rules[list] as { key: string }[]).forEach((x, i) => {
      if (seen.has(x.key)) problems.push({ path: [list, i, 'key'], message: `编号“${x.key}”重复` });
      seen.add(x.key);
    });
  }
  const demanding = rules.quotas.length > 0 || rules.sanctions.length > 0;
  if (rules.quotas.length > 0 && rules.grades.length === 0) {
    problems.push({ path: ['grades'], message: '设有年度基本要求时须设定等次：未完成基本要求的委员评为哪一等次、是否约谈，由等次确定' });
  }
  if (rules.grades.length > 0) {
    const floor = lowestTotal(rules);
    const open = rules.grades.filter((g) => !g.requiresQuotas);
    const covers = open.some((g) => (floor === null ? g.min <= -10000 : g.min <= floor));
    if (!covers) {
      problems.push({ path: ['grades'], message: `等次须覆盖所有得分：须有一档不要求完成年度基本要求，且最低分不高于${floor === null ? ' -10000（本办法有减分项）' : ` ${floor}`}` });
    }
  }
  rules.grades.forEach((g, i) => {
    if (g.commend && g.talk) problems.push({ path: ['grades', i, 'talk'], message: `等次“${g.label}”不能既列入表彰又列入约谈` });
    if (g.commend && demanding && !g.requiresQuotas) problems.push({ path: ['grades', i, 'requiresQuotas'], message: `列入表彰的等次“${g.label}”须要求完成年度基本要求` });
    if (rules.quotas.length > 0 && !g.requiresQuotas && !g.talk) problems.push({ path: ['grades', i, 'talk'], message: `等次“${g.label}”不要求完成年度基本要求，须列入约谈名单（未完成者落入此档）` });
  });
  return problems;
}
