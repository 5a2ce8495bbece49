import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from './harness.js';
import { ANONYMOUS, FAILING_IMPACTS, SCREENS, auditAccount, summarise, type PageAudit, type Screen } from './audit-page.js';

/**
 * GB/T 37668 (WCAG 2.0 AA) in Chromium with axe-core: every menu page of every demo account, the
 * login page, the public portal and one page of each kind of detail reachable from them, at
 * 1440×900 and 390×844. Any critical or serious violation fails; so does a page without exactly one
 * <h1>, two pages of one account sharing a document title, or a console error for an anonymous visitor.
 */
const ACCOUNTS = ['admin', 'staff', 'info', 'roster', 'office', 'leader', 'member', 'unit', 'secadmin', 'auditor'];
const RESULTS = path.resolve('test-results');
/** Accounts audited at once: one browser, a few tabs. */
const PARALLEL = 3;

/** Runs the tasks PARALLEL at a time. */
async function pool<T>(tasks: (() => Promise<T>)[]): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: PARALLEL }, async () => {
      while (next < tasks.length) {
        const task = tasks[next++];
        results.push(await task());
      }
    }),
  );
  return results;
}

/** Prints the rules that failed and keeps every page's findings in test-results/axe-<screen>.json. */
function report(audits: PageAudit[], screen: Screen) {
  const rows = summarise(audits);
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(path.join(RESULTS, `axe-${screen}.json`), JSON.stringify(audits, null, 1));
  const byImpact = Object.fromEntries(['critical', 'serious', 'moderate', 'minor'].map((i) => [i, rows.filter((r) => r.impact === i).reduce((n, r) => n + r.nodes, 0)]));
  console.log(`\n[axe ${screen}] ${audits.length} pages; elements failing, by impact:`, byImpact);
  if (rows.length) console.table(rows);
}

describe('accessibility (axe-core, Chromium)', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  }, 180_000);
  afterAll(() => e2e?.close());

  it.each(Object.keys(SCREENS) as Screen[])('at %s size every page of every demo account has no critical or serious violation, one h1 and its own title', async (screen) => {
    const audits = (await pool([null, ...ACCOUNTS].map((who) => () => auditAccount(e2e.browser, e2e.base, who, screen)))).flat();
    report(audits, screen);

    const failing = audits.flatMap((a) => a.violations.filter((v) => FAILING_IMPACTS.includes(v.impact)).map((v) => `${a.who} ${a.path}: ${v.rule} ×${v.nodes} (${v.targets[0]})`));
    const headings = audits.filter((a) => a.h1 !== 1).map((a) => `${a.who} ${a.path}: ${a.h1} h1`);
    const firstWithTitle = new Map<string, PageAudit>();
    const sameTitle: string[] = [];
    for (const a of audits) {
      const key = `${a.who} ${a.title}`;
      const first = firstWithTitle.get(key);
      if (first && first.route !== a.route) sameTitle.push(`${a.who}: ${first.path} and ${a.path} are both “${a.title}”`);
      else if (!first) firstWithTitle.set(key, a);
    }
    const anonymousErrors = audits.filter((a) => a.who === ANONYMOUS && a.consoleErrors.length).map((a) => `${a.path}: ${a.consoleErrors.join(' | ')}`);

    // every account and the anonymous visitor saw pages, and a page of each kind of detail was found
    expect(new Set(audits.map((a) => a.who)).size).toBe(ACCOUNTS.length + 1);
    const routes = new Set(audits.map((a) => a.route));
    for (const detail of ['/proposals/:id', '/opinions/:id', '/meetings/:id', '/meetings/speeches/:id', '/performance/members/:memberId', '/portal/proposals/:id']) expect(routes).toContain(detail);
    expect({ failing, headings, sameTitle, anonymousErrors }).toEqual({ failing: [], headings: [], sameTitle: [], anonymousErrors: [] });
  }, 900_000);
});
