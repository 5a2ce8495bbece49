import { mkdtempSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { PNG } from 'pngjs';
import jsQR from 'jsqr';
import { inject } from 'vitest';
import { openPglite, type Database } from '../../src/server/db/client.js';
import { loadConfig } from '../../src/server/config.js';
import { serve } from '../../src/server/serve.js';

/** Chromium flags for this closed network (see STACK.md). */
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/**
 * Every page is opened as a reader in China would open it: Chinese locale and Beijing time. The
 * server reckons today in Beijing time, so a browser left on the machine's UTC would date a form
 * a day earlier than the server between 16:00 and 24:00 UTC.
 */
export const IN_CHINA = { locale: 'zh-CN', timezoneId: 'Asia/Shanghai' } as const;
export const SCREENSHOTS = path.resolve('test-results/screenshots');

export interface E2E {
  base: string;
  browser: Browser;
  /** a fresh page (own cookies) logged in as the demo account */
  as(username: string, viewport?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

/**
 * The real product end to end: the built web client (dist/web, `npm test` builds it first) served
 * by the product (src/server/serve.ts, what `npm start` runs) on a fresh embedded database with the
 * demo committee, driven in Chromium. The server runs inside the test's worker, which has every
 * module loaded already: a process of its own would load and compile them again for each file.
 * The database starts as a copy of the run's seeded template (test/global-setup.ts).
 */
export async function startE2E(prepare?: (db: Database['db']) => Promise<unknown>, env: Record<string, string> = {}, launch: { /** Chromium flags the scenario adds (a fake camera) */ args?: string[] } = {}): Promise<E2E> {
  const dir = mkdtempSync(path.join(tmpdir(), 'sl-e2e-'));
  const browserStarting = chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: [...ARGS, ...(launch.args ?? [])] });
  // in memory, as the service tests' copies: the folder would be written through file calls, page by page
  const database = await openPglite(undefined, new Blob([readFileSync(inject('pgliteTemplate'))]));
  // a scenario that needs a state the demo does not reach by itself (a deadline already passed) sets it here, before the server starts
  if (prepare) await prepare(database.db);
  // `env`: what a scenario's deployment adds (a mail server, a gateway)
  const config = loadConfig({ ...env, DATA_DIR: dir, WEB_DIR: path.resolve('dist/web'), PORT: '0', HOST: '127.0.0.1' });
  const [serving, browser] = await Promise.all([serve(database, config, { logger: false }), browserStarting]);
  const port = serving.port;
  const base = `http://127.0.0.1:${port}`;
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    base,
    browser,
    async as(username, viewport = { width: 1366, height: 900 }) {
      const context = await browser.newContext({ viewport, ...IN_CHINA });
      const page = await context.newPage();
      await login(page, base, username);
      return page;
    },
    async close() {
      await browser.close();
      await serving.stop();
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function login(page: Page, base: string, username: string, password = 'Demo@2026') {
  await page.goto(`${base}/login`);
  await page.locator('#login-username').fill(username);
  await page.locator('#login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/**
 * Is Chinese text drawn with real glyphs? Draws sample Chinese and private-use characters (which no
 * font has, so they come out as the missing-glyph box) in the page's own font: when no CJK font is
 * installed both look the same.
 */
export async function rendersChinese(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const font = getComputedStyle(document.body).fontFamily;
    const draw = (text: string) => {
      const c = document.createElement('canvas');
      c.width = 200;
      c.height = 50;
      const ctx = c.getContext('2d')!;
      ctx.font = `32px ${font}`;
      ctx.fillText(text, 0, 36);
      return c.toDataURL();
    };
    return draw('政协委员') !== draw('\uE000\uE001\uE002\uE003');
  });
}

export const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });

/**
 * Checks a radio or checkbox inside a dialog that may still be opening: a click during antd's
 * open animation can be lost, so it is repeated until the option reads as checked.
 */
export async function checkOption(option: Locator) {
  for (let attempt = 1; ; attempt++) {
    const error = await option.check({ timeout: 5000 }).then(() => null, (err: Error) => err);
    if (await option.isChecked()) return;
    if (attempt === 6) throw error ?? new Error('the option did not stay checked');
    await option.page().waitForTimeout(200);
  }
}

/** antd writes two-character button labels with a space between the characters. */
export const button = (scope: Page | Locator, text: string) => scope.getByRole('button', { name: new RegExp(text.split('').join('\\s*')) });

/** The open dialog (antd modal). */
export const dialog = (page: Page) => page.locator('.ant-modal-wrap:visible .ant-modal');

/**
 * Waits for a dialog to finish opening: during its zoom a click can land beside the button (the box
 * still moves), and on a loaded machine the zoom takes long enough for that to happen.
 */
export const opened = (box: Locator) => box.and(box.page().locator(':not(.ant-zoom-enter):not(.ant-zoom-appear)')).waitFor();

/**
 * The address the open dialog's venue QR code encodes, read from its pixels once the dialog has
 * finished opening (mid-zoom the code is scaled and faded, and jsQR finds nothing).
 */
export async function scanQr(page: Page): Promise<string | undefined> {
  const qr = page.getByTestId('checkin-qr');
  await qr.locator('svg').waitFor();
  await opened(dialog(page));
  const png = PNG.sync.read(await qr.screenshot({ animations: 'disabled' }));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
}

/** Saves the open dialog and waits for it to close; if it stays open, says what the form shows. */
export async function save(page: Page) {
  await opened(dialog(page));
  await button(dialog(page), '保存').click();
  await dialog(page).waitFor({ state: 'hidden' }).catch(async (err: Error) => {
    const shown = await dialog(page).locator('.ant-form-item-explain-error, .ant-alert-message').allTextContents().catch(() => []);
    throw new Error(`${err.message}\nthe dialog stayed open showing: ${shown.join('；') || '(no error message)'}`);
  });
}

/**
 * Chooses an option of a select inside the open dialog, once the dialog has finished opening (a
 * click during its zoom can land beside the field), then closes the list by a click on the
 * dialog's title, so it cannot cover the next field. The choice is read back from the field: on a
 * loaded machine a click on an option still sliding in can miss it, and the list is then opened
 * again rather than the form saved without it.
 */
export async function choose(page: Page, label: string, option: string) {
  await opened(dialog(page));
  const field = dialog(page).getByLabel(label, { exact: true });
  // `has` is matched inside each select, so it takes the label alone (not the dialog's own locator)
  const chosen = dialog(page).locator('.ant-select', { has: page.getByLabel(label, { exact: true }) }).locator('.ant-select-content-has-value, .ant-select-selection-item', { hasText: option });
  for (let attempt = 1; ; attempt++) {
    await field.click();
    const error = await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first()
      .click({ timeout: 10_000 }).then(() => null, (err: Error) => err);
    await dialog(page).locator('.ant-modal-title').click();
    if (await chosen.first().waitFor({ timeout: 3000 }).then(() => true, () => false)) return;
    if (attempt === 4) throw error ?? new Error(`${label}: ${option} was not chosen`);
  }
}

/** A JSON call from inside the logged-in page (its cookie and CSRF token); a refusal throws with the answer. */
export const call = (page: Page, method: string, url: string, body?: unknown) =>
  page.evaluate(async ({ method, url, body }) => {
    const csrf = (await (await fetch('/api/auth/me')).json()).csrfToken;
    const res = await fetch(url, { method, headers: { 'content-type': 'application/json', 'x-csrf-token': csrf }, body: body === undefined ? undefined : JSON.stringify(body) });
    const json = await res.json();
    if (!res.ok) throw new Error(`${url}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  }, { method, url, body });
