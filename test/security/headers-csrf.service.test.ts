import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import { userTables } from '../../src/server/db/backup.js';
import type { Database } from '../../src/server/db/client.js';
import { dbKinds, freshDatabase } from '../support/db.js';
import { client, type Client } from '../support/app.js';
import { buildRecords, pathOf, variantsOf } from '../support/authz-fixtures.js';
import { sessionCookie } from '../foundation/support.js';
import { PNG, upload } from '../support/upload.js';

/** The CSP as a map: directive → its sources. */
function csp(header: unknown): Record<string, string[]> {
  return Object.fromEntries(
    String(header ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name, sources]),
  );
}

/** What every response must carry: a script policy without inline code, no framing, no sniffing, no referrer leak. */
function expectSecurityHeaders(headers: Record<string, unknown>, where: string) {
  const policy = csp(headers['content-security-policy']);
  expect(policy['default-src'], where).toEqual(["'self'"]);
  expect(policy['script-src'], where).toEqual(["'self'"]);
  expect(policy['script-src-attr'], where).toEqual(["'none'"]);
  expect(policy['frame-ancestors'], where).toEqual(["'none'"]);
  expect(policy['object-src'], where).toEqual(["'none'"]);
  expect(policy['base-uri'], where).toEqual(["'self'"]);
  expect(headers['x-frame-options'], where).toBe('DENY');
  expect(headers['x-content-type-options'], where).toBe('nosniff');
  expect(headers['referrer-policy'], where).toMatch(/^(no-referrer|same-origin|strict-origin)/);
  expect(headers['x-powered-by'], where).toBeUndefined();
  expect(headers['access-control-allow-origin'], where).toBeUndefined();
}

describe.each(dbKinds)('security headers, cookies and CSRF on %s', (kind) => {
  const webDir = mkdtempSync(path.join(tmpdir(), 'sl-web-'));
  let app: FastifyInstance;
  let database: Database;
  const inject = (opts: InjectOptions) => app.inject(opts);
  const login = async (username: string, remoteAddress = '198.51.100.200') => {
    const res = await inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'Demo@2026' }, remoteAddress });
    expect(res.statusCode).toBe(200);
    return { res, client: client(app, sessionCookie(res.headers['set-cookie']), res.json().csrfToken) as Client };
  };

  beforeAll(async () => {
    mkdirSync(path.join(webDir, 'assets'));
    writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><html lang="zh-CN"><head><script type="module" src="/assets/app.js"></script></head><body><div id="root"></div></body></html>');
    writeFileSync(path.join(webDir, 'assets', 'app.js'), 'console.log("商量")');
    database = await freshDatabase(kind);
    app = await buildApp({ database, config: loadConfig({ DATA_DIR: '/nonexistent', WEB_DIR: webDir }) });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await database.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  it('sends the security headers on HTML pages, scripts and every kind of API answer', async () => {
    const { client: member } = await login('member');
    const answers = {
      'index page': await inject({ method: 'GET', url: '/' }),
      'client route (SPA fallback)': await inject({ method: 'GET', url: '/members/123' }),
      'script asset': await inject({ method: 'GET', url: '/assets/app.js' }),
      'API 200': await inject({ method: 'GET', url: '/api/health' }),
      'API 401': await inject({ method: 'GET', url: '/api/members' }),
      'API 404': await inject({ method: 'GET', url: '/api/no-such-thing' }),
      'API 400': await inject({ method: 'GET', url: '/api/calendar?year=abc', headers: { cookie: member.cookie } }),
      'API with Origin': await inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: member.cookie, origin: 'https://evil.example' } }),
    };
    expect(answers['index page'].headers['content-type']).toContain('text/html');
    expect(answers['client route (SPA fallback)'].body).toContain('<div id="root">');
    for (const [where, res] of Object.entries(answers)) expectSecurityHeaders(res.headers, where);
  });

  it.runIf(existsSync('dist/web/index.html'))('the built page has no inline script the CSP would have to allow', () => {
    const html = readFileSync('dist/web/index.html', 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/\bsrc="\/assets\//);
      expect(body.trim()).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+\s*=/i); // no inline event handlers either
  });

  it('sets the session cookie HttpOnly and SameSite=Strict (and Secure behind HTTPS)', async () => {
    const { res } = await login('member');
    const cookie = [res.headers['set-cookie']].flat().map(String).find((c) => c.startsWith('sl_session='))!;
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).not.toMatch(/; Secure/);
    expect(JSON.stringify(res.json())).not.toContain(sessionCookie(cookie).split('=')[1]); // the token never reaches scripts
    const secure = await buildApp({ database, config: loadConfig({ DATA_DIR: '/nonexistent', WEB_DIR: webDir, SECURE_COOKIES: '1' }) });
    const https = await secure.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'member', password: 'Demo@2026' }, remoteAddress: '198.51.100.201' });
    expect(String(https.headers['set-cookie'])).toMatch(/; Secure/);
    expect(csp(https.headers['content-security-policy'])['upgrade-insecure-requests']).toEqual([]);
    await secure.close();
  });

  it('refuses a cookie-authenticated write without the right CSRF token, on every write route, and changes nothing', async () => {
    const builders: Record<string, Client> = {};
    for (const [i, r] of ['member', 'member2', 'staff', 'info', 'office', 'unit', 'roster', 'leader'].entries()) builders[r] = (await login(r, `198.51.100.${10 + i}`)).client;
    const own = await buildRecords({ database }, '', (r) => builders[r]);
    /** a research topic whose report `member` is still drafting (the fixtures' own has moved on) */
    const draftReport = async () => {
      const memberId = (await builders.member.get('/api/auth/me')).body.user.memberId;
      let topic = (await builders.office.post('/api/research/topics', { source: 'office', title: '关于上传文件类型的调研课题', reason: '检查调研报告附件按扩展名提供下载。' })).body;
      topic = (await builders.office.post(`/api/research/topics/${topic.id}/group/decide`, { memberId, decision: 'confirm' })).body;
      await builders.member.patch(`/api/research/topics/${topic.id}/report`, { version: topic.version, reportTitle: '关于上传文件类型的调研报告', background: '调研组走访3所学校。', problems: '接送高峰拥堵。', suggestions: '一是错峰放学。' });
      return topic.id as string;
    };
    const { client: admin } = await login('admin', '198.51.100.202');
    const { client: other } = await login('staff', '198.51.100.203');
    const counts = async () => {
      const out: Record<string, number> = {};
      for (const table of await userTables(database)) {
        if (table === 'sessions') continue;
        out[table] = Number((await database.query<{ n: string }>(`select count(*) as n from "${table}"`))[0].n);
      }
      return out;
    };
    const before = await counts();
    const problems: string[] = [];
    const writes = variantsOf(app.routeTable.filter((r) => !r.public && r.method !== 'GET')).variants;
    expect(writes.length).toBeGreaterThan(20);
    for (const v of writes) {
      const url = pathOf(v, (p) => own[v.kinds[p]]);
      for (const [how, token] of [['no token', undefined], ['a wrong token', 'x'.repeat(admin.csrf.length)], ['another session’s token', other.csrf], ['an empty token', '']] as const) {
        const headers: Record<string, string> = { cookie: admin.cookie, 'content-type': 'application/json' };
        if (token !== undefined) headers['x-csrf-token'] = token;
        const res = await inject({ method: v.route.method as any, url, payload: '{}', headers });
        if (res.statusCode !== 403 || !res.json().message.includes('CSRF')) problems.push(`${v.label} with ${how} → ${res.statusCode} ${res.body.slice(0, 80)}`);
      }
    }
    expect(problems).toEqual([]);
    expect(await counts()).toEqual(before);
    // the message a person sees, and the same request with the token goes through; reads need no token
    const refused = await inject({ method: 'POST', url: '/api/notifications/read-all', headers: { cookie: admin.cookie } });
    expect(refused.json()).toEqual({ code: 'forbidden', message: '页面已过期，请刷新后重试（CSRF 校验失败）' });
    expect((await admin.post('/api/notifications/read-all')).status).toBe(200);
    expect((await inject({ method: 'GET', url: '/api/members?pageSize=1', headers: { cookie: admin.cookie } })).statusCode).toBe(200);
  }, 120_000);

  it('serves every uploaded file as the type of its extension — never what the uploader declared — sandboxed, and refuses pages and scripts', async () => {
    const builders: Record<string, Client> = {};
    for (const [i, r] of ['member', 'member2', 'staff', 'info', 'office', 'unit', 'roster', 'leader'].entries()) builders[r] = (await login(r, `198.51.101.${10 + i}`)).client;
    const own = await buildRecords({ database }, '', (r) => builders[r]);
    /** a research topic whose report `member` is still drafting (the fixtures' own has moved on) */
    const draftReport = async () => {
      const memberId = (await builders.member.get('/api/auth/me')).body.user.memberId;
      let topic = (await builders.office.post('/api/research/topics', { source: 'office', title: '关于上传文件类型的调研课题', reason: '检查调研报告附件按扩展名提供下载。' })).body;
      topic = (await builders.office.post(`/api/research/topics/${topic.id}/group/decide`, { memberId, decision: 'confirm' })).body;
      await builders.member.patch(`/api/research/topics/${topic.id}/report`, { version: topic.version, reportTitle: '关于上传文件类型的调研报告', background: '调研组走访3所学校。', problems: '接送高峰拥堵。', suggestions: '一是错峰放学。' });
      return topic.id as string;
    };
    // each upload route, who may upload there, and the record it takes files on; the download is the same path + the file's id
    const uploads: [RegExp, string, string][] = [
      [/^\/api\/proposals\/:id\/attachments$/, 'member', own.draft],
      [/^\/api\/opinions\/:id\/attachments$/, 'member', own.opinionDraft],
      [/^\/api\/meetings\/:id\/files$/, 'office', own.activity],
      [/^\/api\/research\/topics\/:id\/report\/attachments$/, 'member', await draftReport()],
      [/^\/api\/news\/:id\/attachments$/, 'office', (await builders.office.post('/api/news', { kind: 'notice', title: '关于上传文件类型的通知', body: '检查新闻公告附件按扩展名提供下载。' })).body.id],
    ];
    const routes = app.routeTable.filter((r) => r.method === 'POST' && !r.schema?.body && /\/(attachments|files)$/.test(r.url));
    expect(routes.map((r) => r.url).sort()).toEqual(uploads.map(([re]) => routes.find((r) => re.test(r.url))?.url).sort());
    const problems: string[] = [];
    for (const [re, who, id] of uploads) {
      const route = routes.find((r) => re.test(r.url))!;
      const url = route.url.replace(':id', id) + (route.url.includes('/files') ? '?kind=materials' : '');
      const as = builders[who];
      // a page, a script or a vector image is refused whatever it is declared as
      for (const name of ['页面.html', '脚本.js', '图标.svg', '页面.htm', '网页.xhtml']) {
        const res = await as.request({ method: 'POST', url, ...upload(name, Buffer.from('<script>alert(document.cookie)</script>'), 'image/png') });
        if (res.status !== 400 || res.body.fields?.[0]?.field !== 'file') problems.push(`${route.url} ${name} → ${res.status}`);
      }
      // an allowed name declared as a page is stored and served as its extension says
      for (const [name, content, declared, type] of [['照片.png', PNG, 'text/html', 'image/png'], ['说明.txt', Buffer.from('<script>alert(1)</script>'), 'application/javascript', 'text/plain; charset=utf-8']] as const) {
        const res = await as.request({ method: 'POST', url, ...upload(name, content, declared) });
        if (res.status !== 200) {
          problems.push(`${route.url} ${name} declared ${declared} → ${res.status} ${res.raw.slice(0, 100)}`);
          continue;
        }
        const file = (res.body.attachments ?? res.body.files ?? res.body.report?.attachments).find((f: { filename: string }) => f.filename === name);
        const down = await as.get(`${route.url.replace(':id', id)}/${file.id}`);
        const policy = csp(down.headers['content-security-policy']);
        if (down.status !== 200 || down.headers['content-type'] !== type) problems.push(`${route.url} ${name} declared ${declared} is served as ${down.headers['content-type']}`);
        if (!('sandbox' in policy) || policy['default-src']?.[0] !== "'none'") problems.push(`${route.url} ${name} is served without a sandboxing CSP: ${down.headers['content-security-policy']}`);
        if (down.headers['x-content-type-options'] !== 'nosniff' || !String(down.headers['content-disposition']).startsWith('attachment')) problems.push(`${route.url} ${name} may be sniffed or shown inline`);
      }
    }
    // a file stored earlier with its uploader's type is served by its extension too
    await database.query(`update activity_files set content_type = 'text/html' where activity_id = $1`, [own.activity]);
    await database.query(`update attachments set content_type = 'text/html' where subject_id = $1`, [own.draft]);
    const office = builders.office;
    const meeting = (await office.get(`/api/meetings/${own.activity}`)).body;
    for (const f of meeting.files) {
      const down = await office.get(`/api/meetings/${own.activity}/files/${f.id}`);
      if (String(down.headers['content-type']).includes('html')) problems.push(`a stored meeting file ${f.filename} is served as ${down.headers['content-type']}`);
    }
    const draft = (await builders.member.get(`/api/proposals/${own.draft}`)).body;
    for (const f of draft.attachments) {
      const down = await builders.member.get(`/api/proposals/${own.draft}/attachments/${f.id}`);
      if (String(down.headers['content-type']).includes('html')) problems.push(`a stored attachment ${f.filename} is served as ${down.headers['content-type']}`);
    }
    expect(problems).toEqual([]);
  }, 120_000);
});
