import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import type { Database } from '../../src/server/db/client.js';
import { freshDatabase } from '../support/db.js';

/**
 * Static delivery as a production server does it: precompressed assets chosen by Accept-Encoding,
 * a year's immutable caching for content-hashed files and revalidation for the page itself, a
 * robots.txt that lists only the portal, and the app's pages marked unlisted.
 */
describe('delivery of the web client', () => {
  const webDir = mkdtempSync(path.join(tmpdir(), 'sl-delivery-'));
  const script = `console.log(${JSON.stringify('商量'.repeat(2000))});`;
  const asset = '/assets/main-Dx3kq9Zp.js';
  let app: FastifyInstance;
  let database: Database;

  beforeAll(async () => {
    mkdirSync(path.join(webDir, 'assets'));
    writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><html lang="zh-CN"><head><script type="module" src="/assets/main-Dx3kq9Zp.js"></script></head><body><div id="root"></div></body></html>');
    writeFileSync(path.join(webDir, asset), script);
    writeFileSync(path.join(webDir, `${asset}.br`), brotliCompressSync(script));
    writeFileSync(path.join(webDir, `${asset}.gz`), gzipSync(script));
    writeFileSync(path.join(webDir, 'robots.txt'), readFileSync('src/web/public/robots.txt'));
    database = await freshDatabase('pglite');
    app = await buildApp({ database, config: loadConfig({ DATA_DIR: '/nonexistent', WEB_DIR: webDir }) });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  it('sends brotli or gzip as the browser accepts, the same script either way, cached for a year', async () => {
    const br = await app.inject({ method: 'GET', url: asset, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(script);
    const gz = await app.inject({ method: 'GET', url: asset, headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(script);
    const plain = await app.inject({ method: 'GET', url: asset, headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
    for (const res of [br, gz, plain]) {
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/javascript/);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(String(res.headers.vary)).toMatch(/accept-encoding/i);
    }
    expect(br.rawPayload.length).toBeLessThan(script.length / 10);
  });

  it('asks for the page itself again every time, and keeps the app out of search engines but not the portal', async () => {
    for (const url of ['/', '/proposals/mine', '/login']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toContain('<div id="root">');
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.headers['x-robots-tag'], url).toBe('noindex, nofollow');
    }
    const portal = await app.inject({ method: 'GET', url: '/portal/proposals?year=2026' });
    expect(portal.body).toContain('<div id="root">');
    expect(portal.headers['x-robots-tag']).toBeUndefined();
    const robots = await app.inject({ method: 'GET', url: '/robots.txt' });
    expect(robots.headers['content-type']).toMatch(/^text\/plain/);
    expect(robots.body).toMatch(/^Allow: \/portal$/m);
    expect(robots.body).toMatch(/^Disallow: \/$/m);
  });

  it.runIf(existsSync('dist/web/index.html'))('the build writes a brotli and a gzip copy of every text asset, each the same file', () => {
    const dir = 'dist/web/assets';
    const scripts = readdirSync(dir).filter((f) => /\.(js|css)$/.test(f) && readFileSync(path.join(dir, f)).length >= 1024);
    expect(scripts.length).toBeGreaterThan(10);
    for (const f of scripts) {
      const original = readFileSync(path.join(dir, f));
      expect(brotliDecompressSync(readFileSync(path.join(dir, `${f}.br`))).equals(original), f).toBe(true);
      expect(gunzipSync(readFileSync(path.join(dir, `${f}.gz`))).equals(original), f).toBe(true);
    }
    const html = readFileSync('dist/web/index.html', 'utf8');
    expect(html).toMatch(/<meta name="description" content="[^"]{20,}"/);
    expect(readFileSync('dist/web/robots.txt', 'utf8')).toMatch(/Disallow: \//);
  });
});
