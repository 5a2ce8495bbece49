import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import QRCode from 'qrcode';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { call, IN_CHINA, login, rendersChinese, shot, startE2E, type E2E } from './harness.js';

const PHONE = { width: 390, height: 844 };
/** The fake camera's picture: 640×480, the size Chromium's own fake camera has. */
const W = 640, H = 480;

/**
 * A YUV4MPEG2 video (4:2:0, full-range) of a few identical frames showing `text` as a QR code, big,
 * black on white with a quiet zone: what Chromium's fake camera (--use-file-for-fake-video-capture)
 * plays in a loop. Without text, a white picture.
 */
function y4m(text?: string): Buffer {
  const luma = Buffer.alloc(W * H, 255);
  if (text) {
    const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
    const n = qr.modules.size;
    const cell = Math.floor(Math.min(W, H) / (n + 8)); // four modules of quiet zone each side
    const left = Math.floor((W - n * cell) / 2), top = Math.floor((H - n * cell) / 2);
    for (let r = 0; r < n; r++)
      for (let c = 0; c < n; c++)
        if (qr.modules.get(r, c)) for (let y = 0; y < cell; y++) luma.fill(0, (top + r * cell + y) * W + left + c * cell, (top + r * cell + y) * W + left + (c + 1) * cell);
  }
  const chroma = Buffer.alloc((W / 2) * (H / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
  return Buffer.concat([Buffer.from(`YUV4MPEG2 W${W} H${H} F10:1 Ip A1:1 C420jpeg\n`), ...Array(5).fill(frame)]);
}

/** Every URL kept in the page's cache storage. */
const cachedUrls = (page: Page) =>
  page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
    return urls;
  });

/**
 * The member pages as an installable app on a phone (390×844): the manifest and its icons, the
 * service worker that keeps the shell, what an offline page load shows, and 扫码签到 with the
 * phone's camera (Chromium's fake camera playing a video of the venue's real QR code).
 */
describe('member app on the phone: install, offline, camera check-in (Chromium)', () => {
  let e2e: E2E;
  const dir = mkdtempSync(path.join(tmpdir(), 'sl-camera-'));
  const video = path.join(dir, 'venue.y4m');
  beforeAll(async () => {
    // the camera plays this file; it is written again with the real code once the meeting exists
    writeFileSync(video, y4m());
    e2e = await startE2E(undefined, {}, { args: ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`] });
  }, 180_000);
  afterAll(async () => {
    await e2e?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('member-installs-app: the manifest and icons, the worker controls the page, offline loads show the app or the offline page, the API is never cached', async () => {
    const context = await e2e.browser.newContext({ viewport: PHONE, ...IN_CHINA });
    const phone = await context.newPage();
    await login(phone, e2e.base, 'member');

    // the manifest, as the browser finds it, and every icon it names
    const href = await phone.locator('link[rel="manifest"]').getAttribute('href');
    const manifestRes = await context.request.get(new URL(href!, e2e.base).href);
    expect(manifestRes.status()).toBe(200);
    expect(manifestRes.headers()['content-type']).toContain('application/manifest+json');
    const manifest = await manifestRes.json();
    expect(manifest).toMatchObject({ lang: 'zh-CN', short_name: '商量', start_url: '/', scope: '/', display: 'standalone', theme_color: '#b71c1c' });
    expect(manifest.name).toContain('政协');
    const purposes = new Set<string>();
    for (const icon of manifest.icons as { src: string; sizes: string; type: string; purpose: string }[]) {
      const res = await context.request.get(new URL(icon.src, e2e.base).href);
      expect(res.status(), icon.src).toBe(200);
      expect(res.headers()['content-type']).toBe('image/png');
      const png = PNG.sync.read(await res.body());
      expect(`${png.width}x${png.height}`, icon.src).toBe(icon.sizes);
      purposes.add(`${icon.sizes} ${icon.purpose}`);
    }
    expect([...purposes].sort()).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);
    expect(await phone.locator('link[rel="apple-touch-icon"]').count()).toBe(1);

    // the worker script: JavaScript, asked again each time (so a release arrives), allowed by the CSP
    const sw = await context.request.get(`${e2e.base}/sw.js`);
    expect(sw.headers()['content-type']).toContain('javascript');
    expect(sw.headers()['cache-control']).toBe('no-cache');
    const csp = sw.headers()['content-security-policy'];
    expect(csp).toContain("worker-src 'self'");
    expect(csp).toContain("manifest-src 'self'");
    expect(csp).toContain("script-src 'self';");

    // the worker installs, takes over the page, and keeps the shell
    const controlled = await phone.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
      return navigator.serviceWorker.controller?.scriptURL;
    });
    expect(controlled).toBe(`${e2e.base}/sw.js`);
    // a page of the member's, through the worker (its chunks are kept as they are fetched)
    await phone.goto(`${e2e.base}/meetings/mine`);
    await phone.getByRole('heading', { name: '我的会议活动' }).waitFor();
    const kept = await cachedUrls(phone);
    expect(kept).toEqual(expect.arrayContaining(['/index.html', '/offline.html', '/manifest.webmanifest', '/icons/icon-192.png']));
    expect(kept.some((u) => u.startsWith('/assets/'))).toBe(true);

    // offline: a page load shows the app saying so (the cached shell), not the browser's error page
    await context.setOffline(true);
    await phone.goto(`${e2e.base}/meetings/mine`);
    await phone.getByRole('heading', { name: '网络未连接' }).waitFor();
    expect(await phone.getByTestId('app-offline').textContent()).toContain('无法连接到平台服务器');
    await shot(phone, 'member-app-offline');

    // with the shell's scripts gone from the cache, the plain offline page, with its 重试 button
    await phone.evaluate(async () => {
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const request of await cache.keys()) if (new URL(request.url).pathname.startsWith('/assets/')) await cache.delete(request);
      }
    });
    await phone.goto(`${e2e.base}/proposals/mine`);
    await phone.getByRole('heading', { level: 1, name: '网络未连接' }).waitFor();
    expect(phone.url()).toBe(`${e2e.base}/proposals/mine`);
    expect(await phone.title()).toBe('网络未连接 · 商量');
    expect(await rendersChinese(phone)).toBe(true);
    await shot(phone, 'member-offline-page');

    // back online, 重试 loads the page itself
    await context.setOffline(false);
    await phone.getByRole('button', { name: '重试' }).click();
    await phone.getByRole('heading', { name: '我的提案' }).first().waitFor();

    // nothing the API answered is in the cache, after all those pages
    const after = await cachedUrls(phone);
    expect(after.filter((u) => u.startsWith('/api'))).toEqual([]);
    expect(after.every((u) => u === '/index.html' || u.startsWith('/assets/') || u.startsWith('/icons/') || ['/offline.html', '/offline.js', '/manifest.webmanifest'].includes(u))).toBe(true);
    await context.close();
  }, 180_000);

  it('member-checks-in-with-camera: 扫码签到 reads the venue code through the phone camera and checks the member in', async () => {
    const office = await e2e.as('office');
    const title = '委员活动日：扫码签到演练';
    const meeting = await call(office, 'POST', '/api/meetings', {
      kind: 'activityDay', title, location: '龙城街道委员工作室', invitations: [{ type: 'everyone' }],
      startsAt: new Date(Date.now() - 10 * 60_000).toISOString(), endsAt: new Date(Date.now() + 120 * 60_000).toISOString(),
    });
    const phone = await e2e.as('member', PHONE);

    // the venue screen's code, as the office's page draws it (its address with a fresh token)
    const { token } = await call(office, 'GET', `/api/meetings/${meeting.id}/qr`);
    writeFileSync(video, y4m(`${e2e.base}/checkin?token=${encodeURIComponent(token)}`));

    await phone.goto(`${e2e.base}/meetings/mine`);
    await phone.getByTestId('scan-checkin').click();
    await phone.waitForURL(/\/checkin/);
    await phone.getByTestId('checkin-result').waitFor({ timeout: 30_000 });
    expect(await phone.getByTestId('checkin-result').textContent()).toContain(title);
    expect(await rendersChinese(phone)).toBe(true);
    await shot(phone, 'member-checks-in-with-camera');

    // the office's page shows the member checked in
    const detail = await call(office, 'GET', `/api/meetings/${meeting.id}`);
    expect(JSON.stringify(detail)).toContain('checkedInAt');
    await phone.context().close();
    await office.context().close();
  }, 180_000);

  it('member-scans-wrong-code: a code that is not this site’s check-in code is named, and the link can be typed instead', async () => {
    writeFileSync(video, y4m('https://weixin.example.com/s/abc'));
    const phone = await e2e.as('member2', PHONE);
    await phone.goto(`${e2e.base}/checkin/scan`);
    await phone.getByTestId('scan-notice').filter({ hasText: '不是本平台的签到码' }).waitFor({ timeout: 30_000 });
    await phone.getByLabel('或粘贴签到链接：').fill(`${e2e.base}/meetings/mine`);
    await phone.getByRole('button', { name: /签\s*到/ }).last().click();
    await phone.getByTestId('scan-notice').filter({ hasText: '其他页面' }).waitFor();
    await shot(phone, 'member-scans-wrong-code');
    await phone.context().close();
  }, 120_000);

  it('member-without-camera-permission: a refused camera is said plainly, with the other ways to check in', async () => {
    const context = await e2e.browser.newContext({ viewport: PHONE, ...IN_CHINA });
    const phone = await context.newPage();
    await login(phone, e2e.base, 'member3');
    // what getUserMedia throws when the member says no
    await phone.addInitScript(() => {
      navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
    });
    await phone.goto(`${e2e.base}/checkin/scan`);
    await phone.getByTestId('scan-problem').filter({ hasText: '没有获得使用摄像头的许可' }).waitFor();
    await phone.getByRole('button', { name: '拍照识别签到码' }).waitFor();
    await shot(phone, 'member-without-camera-permission');
    await context.close();
  }, 120_000);
});
