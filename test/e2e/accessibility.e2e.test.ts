import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from './harness.js';
import { pagesFor } from '../../src/web/app/navigation.js';
import { ANONYMOUS, FAILING_IMPACTS, SCREENS, TABS_AT_ONCE, auditAccount, menuRow, pool, summarise, type PageAudit, type Screen } from './audit-page.js';

/**
 * One crawl in Chromium, at 1440×900 and 390×844, of every menu page of every demo account of the
 * district and of one account of each role elsewhere (a second member and unit, the other
 * committees' accounts; each account walks whole at one size at least, see below), the
 * login page, the public portal and one page of each kind of detail reachable from them, checked two ways:
 * - GB/T 37668 (WCAG 2.0 AA) with axe-core, on one account of each kind: any critical or serious
 *   violation fails; so does a page without exactly one <h1> or two pages of one account sharing a title;
 * - for every account: the menu and the policies agree (no page the menu offers is refused, 403, or
 *   missing, 404, nor any other request it makes), and no page throws or logs a console error;
 * - for every account: every page is readable as laid out — no table column narrower than a few
 *   characters with its text wrapped, no text cut off with nothing to read it in full, no page wider
 *   than the screen (on a 390×844 phone above all).
 */
const ACCOUNTS = ['admin', 'staff', 'info', 'roster', 'office', 'leader', 'member', 'unit', 'secadmin', 'auditor'];
/**
 * The other demo accounts of the README: the same roles with other records (a second member and
 * unit: member3 and unit3 are two more of the same kind, left out), the same roles in 福田区政协 (a
 * committee without the modules' demo records), and 深圳市政协's. axe has nothing new to say about
 * them (the same pages), but what they may open is their own.
 */
const OTHER_RECORDS = ['member2', 'unit2'];
/**
 * The accounts of the other committees open the same pages as the district's own, without its
 * records, and the district's second member and units the same pages with other records: what
 * they may open does not change with the screen, and each role's pages are laid out on the phone
 * with the first account's records, so they are crawled at one size. In 福田区 (a committee
 * without the modules' demo records) the admin's menu holds every page of the staff, office,
 * information, roster and security accounts, whose policies the district's own accounts walk: the
 * roles with pages of their own (leader, member, unit, auditor) are walked beside it. 福田's second
 * member and units are left out: the same roles as ft_member and ft_unit, with no records either.
 */
const OTHER_COMMITTEES = ['ft_admin', 'ft_leader', 'ft_member', 'ft_unit', 'ft_auditor', 'city_admin', 'city_info', 'gd_admin'];
/**
 * At phone size the people who work on their phones (members, leaders, units) walk every page of
 * theirs. The office accounts' menu pages are the admin's pages with fewer buttons and columns: the
 * admin's walk lays out the fuller version, so they walk only their home page and the pages the
 * admin's menu does not hold. What each of them may open is walked in full at desktop size. There
 * every account's pages are the admin's with fewer buttons and columns, or its own: axe checks the
 * admin's in the admin's walk, and in every other account's its home page and the pages the admin's
 * menu does not hold (a member's, a unit's, the auditor's). What may be opened does not change with
 * the screen, so an account walked whole on the phone walks at desktop size only what the admin's
 * walk does not lay out (the leader: the admin's pages with fewer buttons, and its own). 福田区's leader
 * does the same beside 福田区's admin: its role's pages are walked whole by the district's leader, and
 * its committee's (without records) by that admin.
 */
const WHOLE_ON_PHONE = new Set(['admin', 'member', 'leader', 'unit']);
/** Accounts whose desktop walk leaves out their committee's admin's pages (see above), with that admin. */
const BESIDE_ADMIN: Record<string, string> = { leader: 'admin', ft_leader: 'ft_admin' };
const othersAt = (screen: Screen) => (screen === 'desktop' ? [...OTHER_RECORDS, ...OTHER_COMMITTEES] : []);
const RESULTS = path.resolve('test-results');
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

  /** The menu rows of an account (menuRow), from the navigation table auditAccount walks. */
  async function menuRowsOf(who: string): Promise<Set<string>> {
    const login = await fetch(`${e2e.base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: who, password: 'Demo@2026' }) });
    const cookie = login.headers.get('set-cookie')!.split(';')[0];
    const { user } = await (await fetch(`${e2e.base}/api/auth/me`, { headers: { cookie } })).json();
    return new Set(pagesFor(user).filter((r) => !r.path!.includes(':')).map(menuRow));
  }

  /** Each screen size is crawled once, for both checks. */
  const crawls = new Map<Screen, Promise<PageAudit[]>>();
  const crawl = (screen: Screen) => {
    if (!crawls.has(screen)) {
      const adminRows = new Map<string, Promise<Set<string>>>();
      // an admin's own walk covers its pages; the others' home pages are their own
      const adminWalks = async (admin = 'admin') => {
        if (!adminRows.has(admin)) adminRows.set(admin, menuRowsOf(admin));
        return new Set([...(await adminRows.get(admin)!)].filter((row) => !row.startsWith('home ')));
      };
      // at phone size the office accounts leave the admin's pages out; at desktop size the accounts
      // walked whole on the phone leave them out too, the others open all of their pages, and axe
      // checks the ones the admin's walk does not
      const options = async (who: string | null) =>
        screen === 'phone'
          ? { skip: who && !WHOLE_ON_PHONE.has(who) ? await adminWalks() : undefined }
          : { skip: who && BESIDE_ADMIN[who] ? await adminWalks(BESIDE_ADMIN[who]) : undefined, axeSkip: who && who !== 'admin' ? await adminWalks() : undefined };
      const tasks = [
        ...[null, ...ACCOUNTS].map((who) => async () => auditAccount(e2e.browser, e2e.base, who, screen, await options(who))),
        ...othersAt(screen).map((who) => async () => auditAccount(e2e.browser, e2e.base, who, screen, { axe: false, ...(await options(who)) })),
      ];
      crawls.set(screen, pool(tasks, TABS_AT_ONCE).then((audits) => audits.flat()));
    }
    return crawls.get(screen)!;
  };

  it.each(Object.keys(SCREENS) as Screen[])('at %s size every page of every demo account has no critical or serious violation, one h1 and its own title', async (screen) => {
    const audits = await crawl(screen);
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

    // every account and the anonymous visitor saw pages, and a page of each kind of detail was found
    expect(new Set(audits.map((a) => a.who)).size).toBe(ACCOUNTS.length + othersAt(screen).length + 1);
    const routes = new Set(audits.map((a) => a.route));
    for (const detail of ['/proposals/:id', '/opinions/:id', '/meetings/:id', '/meetings/speeches/:id', '/performance/members/:memberId', '/portal/proposals/:id', '/portal/news/:id', '/portal/rooms/:id', '/portal/councils/:id', '/portal/studios/:id', '/consultation/councils/:id']) expect(routes).toContain(detail);
    expect({ failing, headings, sameTitle }).toEqual({ failing: [], headings: [], sameTitle: [] });
  }, 1_800_000);

  it.each(Object.keys(SCREENS) as Screen[])('at %s size every menu item of every demo account opens: no refused or missing request, no page error, no console error', async (screen) => {
    const audits = await crawl(screen);
    const line = (a: PageAudit, found: string[]) => `${a.who} ${a.path}: ${found.join(' | ')}`;
    const refused = audits.filter((a) => a.refused.length).map((a) => line(a, a.refused));
    const pageErrors = audits.filter((a) => a.pageErrors.length).map((a) => line(a, a.pageErrors));
    const consoleErrors = audits.filter((a) => a.consoleErrors.length).map((a) => line(a, a.consoleErrors));
    expect({ refused, pageErrors, consoleErrors }).toEqual({ refused: [], pageErrors: [], consoleErrors: [] });
  }, 1_800_000);

  it.each(Object.keys(SCREENS) as Screen[])('at %s size every page is readable: no cramped column, no text cut off without a title, no page wider than the screen, no disabled button that does not say why', async (screen) => {
    const audits = await crawl(screen);
    const layout = audits.filter((a) => a.layout.length).map((a) => `${a.who} ${a.path}: ${a.layout.join(' | ')}`);
    expect(layout).toEqual([]);
  }, 1_800_000);
});
