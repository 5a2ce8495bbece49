import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { freePort, killHard, startServer } from '../test/support/server-process.js';
import type { BenchResult } from './run.js';

const WEB = path.resolve('dist/web');
/** The pages a visitor opens without logging in; the public side's budget is 300 KB of gzip JavaScript. */
const PAGES = [
  { name: '登录页 /login', url: '/login' },
  { name: '门户首页 /portal', url: '/portal' },
  { name: '群众出题 /portal/topics/new', url: '/portal/topics/new' },
  { name: '民生诉求 /portal/requests/new', url: '/portal/requests/new' },
  // a studio's page with its question form (no studio without the demo: the page's chunks load all the same)
  { name: '委员工作室 /portal/studios/:id', url: '/portal/studios/00000000-0000-4000-8000-000000000000' },
];
const BUDGET_GZIP_JS = 300 * 1024;
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const size = (file: string) => (existsSync(file) ? statSync(file).size : null);
/** A file's bytes as sent: its precompressed copy where the build wrote one, else the file itself. */
const sent = (file: string, ext: 'gz' | 'br') => size(`${file}.${ext}`) ?? size(file)!;

/**
 * The bytes each entry page loads, as Chromium asks for them (every script, style and the page,
 * lazy route chunks included), counted uncompressed — what the server sent before precompression,
 * the baseline — and as the gzip and brotli copies it sends now.
 */
export async function run(): Promise<BenchResult> {
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  const dir = mkdtempSync(path.join(tmpdir(), 'sl-bench-delivery-'));
  const port = await freePort();
  const server = await startServer({ DATA_DIR: dir, WEB_DIR: WEB, SEED_DEMO: '0', JOBS: '0' }, port);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
  const rows: BenchResult['rows'] = [];
  const notes: string[] = [];
  try {
    for (const page of PAGES) {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
      const tab = await context.newPage();
      const files = new Set<string>();
      tab.on('request', (r) => {
        const u = new URL(r.url());
        if (u.port === String(port) && !u.pathname.startsWith('/api/')) files.add(u.pathname === '/' || !path.extname(u.pathname) ? '/index.html' : u.pathname);
      });
      await tab.goto(`http://127.0.0.1:${port}${page.url}`, { waitUntil: 'networkidle' });
      await tab.locator('h1').first().waitFor();
      const sum = (pick: (f: string) => boolean, measure: (file: string) => number) => [...files].filter(pick).reduce((s, f) => s + measure(path.join(WEB, f)), 0);
      const js = (f: string) => f.endsWith('.js');
      const all = () => true;
      const row = {
        page: page.name,
        files: files.size,
        'JS raw KB': kb(sum(js, (f) => size(f)!)),
        'JS gzip KB': kb(sum(js, (f) => sent(f, 'gz'))),
        'JS brotli KB': kb(sum(js, (f) => sent(f, 'br'))),
        'all raw KB (baseline)': kb(sum(all, (f) => size(f)!)),
        'all gzip KB': kb(sum(all, (f) => sent(f, 'gz'))),
        'all brotli KB': kb(sum(all, (f) => sent(f, 'br'))),
      };
      rows.push({ ...row, 'brotli / raw': Number((row['all brotli KB'] / row['all raw KB (baseline)']).toFixed(3)), 'within 300 KB gzip JS': row['JS gzip KB'] <= BUDGET_GZIP_JS / 1024 ? 'yes' : 'NO' });
      await context.close();
    }
    notes.push('bytes are the files Chromium requested while opening each page at 390×844 until the network was idle (lazy route chunks included); gzip and brotli are the precompressed copies the server sends (preCompressed), raw is what it sent before them');
  } finally {
    await browser.close();
    await killHard(server);
    rmSync(dir, { recursive: true, force: true });
  }
  return { name: 'delivery', description: 'Bytes each public entry page loads: uncompressed (baseline) vs the precompressed gzip and brotli copies, with the 300 KB gzip JavaScript budget', rows, notes };
}

const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;
