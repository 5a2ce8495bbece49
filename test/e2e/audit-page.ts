import axe from 'axe-core';
import { matchPath } from 'react-router';
import type { Browser, Page } from 'playwright-core';
import { pagesFor } from '../../src/web/app/navigation.js';
import { join } from 'node:path';
import { login, IN_CHINA, SCREENSHOTS } from './harness.js';

/** What the checkers found on one page at one screen size. */
export interface PageAudit {
  who: string;
  screen: string;
  path: string;
  /** the route the page belongs to: its own path, or the detail pattern (/proposals/:id) it opened */
  route: string;
  title: string;
  h1: number;
  violations: { rule: string; impact: string; help: string; nodes: number; targets: string[]; why: string }[];
  consoleErrors: string[];
  /** uncaught errors in the page's scripts */
  pageErrors: string[];
  /** cramped columns, text cut off with no way to read it, a page wider than the screen, a disabled button that does not say why */
  layout: string[];
  /** the page's own requests the server refused or could not answer (status ≥ 400): "403 GET /api/…" */
  refused: string[];
  /** milliseconds to open and settle the page, and to run axe on it */
  loadMs: number;
  axeMs: number;
}

export const SCREENS = { desktop: { width: 1440, height: 900 }, phone: { width: 390, height: 844 } };
export type Screen = keyof typeof SCREENS;
export const ANONYMOUS = '(anonymous)';

/**
 * WCAG 2.0/2.1 A and AA, the rules GB/T 37668 follows. axe's best practices are left out: they
 * cost a third of the run and fail nothing (the one h1 per page is checked here directly).
 */
const RUN_ONLY = { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] };
export const FAILING_IMPACTS = ['critical', 'serious'];

type Me = Parameters<typeof pagesFor>[0];

/** A menu row as `skip` and `axeSkip` name it: its key and address (one address may show another role's page). */
export const menuRow = (row: { key: string; path?: string }) => `${row.key} ${row.path}`;

/**
 * Tracks the page's requests so an audit waits until the page has fetched what it shows. Lazy
 * route chunks and API calls both count; nothing is waited for by the clock.
 */
export function trackRequests(page: Page) {
  const open = new Set<unknown>();
  let waiters: (() => void)[] = [];
  const done = (r: unknown) => {
    open.delete(r);
    if (open.size === 0) for (const w of waiters.splice(0)) w();
  };
  page.on('request', (r) => open.add(r));
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return {
    idle: () => (open.size === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve))),
    get busy() {
      return open.size > 0;
    },
  };
}

/**
 * Waits until the page has settled: no request in flight, no spinner or skeleton, and two frames
 * after that with still nothing in flight (a response can start the next request).
 */
export async function settle(page: Page, requests: ReturnType<typeof trackRequests>) {
  for (;;) {
    await requests.idle();
    await page.waitForFunction(() => !!document.querySelector('#root > *') && !document.querySelector('.ant-spin-spinning, .ant-skeleton-active'), undefined, { timeout: 30_000 });
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    if (!requests.busy) return;
  }
}

/**
 * Opens a path the way the app's own links do (history.pushState, which the router follows on
 * popstate): no reload, so each page costs what a person's click costs.
 */
async function openInApp(page: Page, path: string) {
  await page.evaluate((to) => {
    // the page now shown is marked, so the audit waits until the router has replaced it
    (document.querySelector('main > *') ?? document.querySelector('#root > *'))?.setAttribute('data-audited', '');
    history.pushState(null, '', to);
    dispatchEvent(new PopStateEvent('popstate'));
  }, path);
  await page.waitForFunction(() => !document.querySelector('[data-audited]'), undefined, { timeout: 30_000 });
}

/** Runs axe on the settled page and counts its level-one headings. */
async function runAxe(page: Page) {
  const found = await page.evaluate(axeOnPage, { runOnly: RUN_ONLY });
  // a failing rule is asked again two frames later, and counts only if it still fails: what a person
  // meets is the page as it stays, not a frame in which the app had not yet run its own repairs (a
  // table that has just started to scroll is made focusable in the next frame, a11yRepairs.ts)
  const failing = found.violations.filter((v) => FAILING_IMPACTS.includes(v.impact)).map((v) => v.rule);
  if (failing.length === 0) return found;
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const again = await page.evaluate(axeOnPage, { runOnly: { type: 'rule', values: failing } });
  const stays = new Set(again.violations.map((v) => v.rule));
  return { ...found, violations: found.violations.filter((v) => !failing.includes(v.rule) || stays.has(v.rule)) };
}

/** axe in the page (injected by the context's init script), with the page's title and level-one headings. */
async function axeOnPage({ runOnly }: { runOnly: object }) {
  const w = window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }[] }> } };
  const result = await w.axe.run(document, { runOnly, resultTypes: ['violations'] });
  return {
    title: document.title,
    h1: document.querySelectorAll('h1').length,
    violations: result.violations.map((v) => ({
      rule: v.id,
      impact: v.impact ?? 'minor',
      help: v.help,
      nodes: v.nodes.length,
      targets: v.nodes.slice(0, 3).map((n) => n.target.map(String).join(' ')),
      why: (v.nodes[0]?.failureSummary ?? '').slice(0, 400),
    })),
  };
}

/** Text cells narrower than this many characters of their own font are cramped (when their text does not fit). */
export const MIN_COLUMN_CHARS = 3;

/**
 * What a reader cannot read on the page as laid out: a table cell or column header narrower than
 * MIN_COLUMN_CHARS characters whose text does not fit on one line (a name wrapped a character a
 * line), text cut off with an ellipsis and no title to read it in full, and a page wider than the
 * screen (sideways scrolling of the whole page; a table's own scroll box is allowed), a disabled
 * button that does not say why (GuardedButton does), and a number or date broken across lines.
 */
async function checkLayout(page: Page): Promise<string[]> {
  return page.evaluate((minChars) => {
    const found: string[] = [];
    const canvas = document.createElement('canvas').getContext('2d')!;
    const textOf = (el: Element) => (el as HTMLElement).innerText.replace(/\s+/g, ' ').trim();
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    };
    for (const cell of document.querySelectorAll('.ant-table-thead th, .ant-table-tbody td')) {
      if (!visible(cell) || cell.classList.contains('ant-table-selection-column') || cell.classList.contains('ant-table-cell-scrollbar')) continue;
      const text = textOf(cell);
      if (!text) continue;
      const style = getComputedStyle(cell);
      const em = parseFloat(style.fontSize);
      const width = (cell as HTMLElement).clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      if (width < minChars * em && canvas.measureText(text).width > width + 1) found.push(`cramped column (${Math.round(width)}px): “${text.slice(0, 20)}”`);
    }
    for (const el of document.querySelectorAll('body *')) {
      if (el.children.length > 0 && !(el as HTMLElement).innerText) continue;
      const style = getComputedStyle(el);
      if (style.textOverflow !== 'ellipsis' || el.scrollWidth <= el.clientWidth + 1 || !visible(el)) continue;
      if (el.closest('[title], [aria-label], .ant-select, .ant-tabs-nav, .ant-menu, .ant-breadcrumb, .ant-pagination, .ant-tooltip-open')) continue;
      found.push(`text cut off with no title: “${textOf(el).slice(0, 20)}”`);
    }
    // a disabled button says why (GuardedButton): a reason it is described by, or a title; paging and pickers excepted
    for (const b of document.querySelectorAll('button[disabled], button[aria-disabled="true"]')) {
      if (!visible(b) || b.closest('.ant-pagination, .ant-picker-dropdown, .ant-picker, .ant-input-number, .ant-select, .ant-upload-list, .ant-modal-close') || b.classList.contains('ant-btn-loading')) continue;
      const described = (b.getAttribute('aria-describedby') ?? '').split(/\s+/).some((id) => id && document.getElementById(id)?.textContent?.trim());
      if (!described && !b.closest('[title]')) found.push(`disabled button with no reason: “${textOf(b).slice(0, 20) || b.getAttribute('aria-label') || '?'}”`);
    }
    // a number or a date is one token: never broken across lines ("2026-/13" in a narrow column)
    const token = /^(?=\S*\d)(?=\S*[-/第号期])[0-9A-Za-z\-/第号年期届次〔〕·.:]{4,30}$/;
    for (const el of document.querySelectorAll('#root *')) {
      // leaves only, tested before their text is read: a container's textContent is the whole page's below it
      if (el.children.length > 0) continue;
      const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (!token.test(text) || !visible(el)) continue;
      const range = document.createRange();
      range.selectNodeContents(el);
      const tops = [...range.getClientRects()].filter((r) => r.width > 0).map((r) => r.top).sort((a, b) => a - b);
      const half = parseFloat(getComputedStyle(el).fontSize) / 2;
      if (tops.some((top, i) => i > 0 && top - tops[i - 1] > half)) found.push(`number broken across lines: “${text}”`);
    }
    if (document.documentElement.scrollWidth > innerWidth + 1) {
      const wide = [...document.querySelectorAll('main *')].find((el) => el.getBoundingClientRect().right > innerWidth + 1 && !el.closest('.ant-table-content, .ant-table-body, [style*="overflow"]'));
      found.push(`page wider than the screen (${document.documentElement.scrollWidth}px > ${innerWidth}px)${wide ? `: ${wide.tagName.toLowerCase()}.${[...wide.classList].join('.')}` : ''}`);
    }
    return [...new Set(found)];
  }, MIN_COLUMN_CHARS);
}

/**
 * Audits what one account (or an anonymous visitor) can open at one screen size: every page of its
 * menu from the navigation table, then one page of each kind of detail those pages link to. Pages
 * after the first are opened inside the app (as a click on a link would), not reloaded. `skip`
 * names menu rows (menuRow) another account walks at this size; `axeSkip` rows it opens (what it may
 * open is its own) that another account's walk puts through axe.
 */
export async function auditAccount(browser: Browser, base: string, who: string | null, screen: Screen, o: { axe?: boolean; skip?: ReadonlySet<string>; axeSkip?: ReadonlySet<string> } = {}): Promise<PageAudit[]> {
  /** the menu row of each menu path: what `skip` and `axeSkip` name (two roles' rows may share an address and show different pages) */
  const rowOf = new Map<string, string>();
  const axeOn = (path: string) => (o.axe ?? true) && !(rowOf.has(path) && o.axeSkip?.has(rowOf.get(path)!));
  const context = await browser.newContext({ viewport: SCREENS[screen], ...IN_CHINA, reducedMotion: 'reduce' });
  // axe-core before the app's own scripts, by the browser's init-script channel: the app's CSP
  // (script-src 'self') allows no inline script tag
  await context.addInitScript({ content: axe.source });
  const page = await context.newPage();
  const requests = trackRequests(page);
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  const refused: string[] = [];
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  page.on('response', (r) => {
    const url = new URL(r.url());
    // the anonymous visitor's "who am I?" is answered 401 by design: that is how the app learns nobody is signed in
    const expected = r.status() === 401 && url.pathname === '/api/auth/me' && !who;
    if (r.status() >= 400 && !expected) refused.push(`${r.status()} ${r.request().method()} ${url.pathname}${url.search}`);
  });

  let queue: string[];
  let memberPages = false;
  let patterns: string[];
  const routes = new Map<string, string>();
  if (who) {
    await login(page, base, who);
    const me = (await page.evaluate(async () => (await fetch('/api/auth/me')).json())).user as Me;
    const rows = pagesFor(me);
    // a member's own account (a leader's or a staff member's extra pages are not what a member uses)
    memberPages = me.roles.every((r) => r === 'member');
    // two rows that show the same page with the same settings are one page (a staff shortcut to a menu page)
    const sameAs = (row: (typeof rows)[number]) => rows.find((r) => r.page === row.page && JSON.stringify(r.props) === JSON.stringify(row.props))!.path!;
    for (const row of rows) if (!row.path!.includes(':')) routes.set(row.path!, sameAs(row)), rowOf.set(row.path!, menuRow(row));
    // pages another account walks at this size already (o.skip), the home page excepted: it is each role's own
    queue = [...routes.keys()].filter((p) => p === '/' || !o.skip?.has(rowOf.get(p)!));
    patterns = rows.map((r) => r.path!).filter((p) => p.includes(':'));
  } else {
    queue = ['/login', '/portal', '/portal/proposals', '/portal/news', '/portal/requests/new', '/portal/requests/follow', '/portal/topics/new', '/portal/evaluation', '/portal/rooms', '/portal/plan', '/portal/councils', '/portal/studios', '/portal/search?q=%E5%AD%A6%E6%A0%A1'];
    for (const p of queue) routes.set(p, p);
    patterns = ['/portal/proposals/:id', '/portal/news/:id', '/portal/rooms/:id', '/portal/councils/:id', '/portal/studios/:id'];
  }
  // every menu path, skipped or not: a menu path is never taken for a detail page (/proposals/stats is no /proposals/:id)
  const plain = new Set(routes.keys());
  const audits: PageAudit[] = [];
  try {
    for (let i = 0; i < queue.length; i++) {
      const path = queue[i];
      consoleErrors.length = 0;
      pageErrors.length = 0;
      refused.length = 0;
      const start = Date.now();
      if (i === 0) await page.goto(`${base}${path}`);
      else await openInApp(page, path);
      await settle(page, requests);
      const loaded = Date.now();
      const found = axeOn(path) ? await runAxe(page) : await page.evaluate(() => ({ title: document.title, h1: document.querySelectorAll('h1').length, violations: [] }));
      const layout = await checkLayout(page);
      // every page a member uses, as a member sees it on a phone: test-results/screenshots/phone-<who><path>.png
      if (screen === 'phone' && memberPages) await page.screenshot({ path: join(SCREENSHOTS, `phone-${who}${path.replace(/[^\w-]+/g, '_')}.png`), fullPage: true });
      audits.push({ layout, who: who ?? ANONYMOUS, screen, path, route: routes.get(path)!, consoleErrors: [...consoleErrors], pageErrors: [...pageErrors], refused: [...refused], loadMs: loaded - start, axeMs: Date.now() - loaded, ...found });
      // one page of every kind of detail the list links to
      const links = await page.evaluate(() => [...document.querySelectorAll('a[href^="/"]')].map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      for (const link of links) {
        const pattern = plain.has(link) ? undefined : patterns.find((p) => matchPath(p, link));
        if (pattern && !routes.has(link) && ![...routes.values()].includes(pattern)) {
          routes.set(link, pattern);
          queue.push(link);
        }
      }
    }
  } finally {
    await context.close();
  }
  return audits;
}

/** One line per rule: how many elements failed it on how many pages, worst first. */
export function summarise(audits: PageAudit[]) {
  const rules = new Map<string, { rule: string; impact: string; nodes: number; pages: number; example: string }>();
  for (const a of audits) {
    for (const v of a.violations) {
      const r = rules.get(v.rule) ?? { rule: v.rule, impact: v.impact, nodes: 0, pages: 0, example: `${a.who}@${a.screen} ${a.path}: ${v.targets[0] ?? ''}` };
      r.nodes += v.nodes;
      r.pages += 1;
      rules.set(v.rule, r);
    }
  }
  const order = ['critical', 'serious', 'moderate', 'minor'];
  return [...rules.values()].sort((a, b) => order.indexOf(a.impact) - order.indexOf(b.impact) || b.nodes - a.nodes);
}

/** Tabs of one browser working at once: more only queue for the two cores CI has. */
export const TABS_AT_ONCE = 3;

/** Runs the tasks `width` at a time; the results in the order they finished. */
export async function pool<T>(tasks: (() => Promise<T>)[], width: number): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < tasks.length) {
        const task = tasks[next++];
        results.push(await task());
      }
    }),
  );
  return results;
}
