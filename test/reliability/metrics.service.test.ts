import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import type { Database } from '../../src/server/db/client.js';
import { DEMO_PASSWORD } from '../../src/server/demo/seed.js';
import { dbKinds, freshDatabase } from '../support/db.js';
import { client } from '../support/app.js';
import { scheduledJobList } from '../../src/server/scheduler.js';
import { runDueJobs } from '../../src/server/platform/jobs/runner.js';
import type { FastifyInstance } from 'fastify';

/** One value of the exposition, e.g. value(text, 'shangliang_login_failures_total'). */
const value = (text: string, series: string) => {
  const line = text.split('\n').find((l) => l.startsWith(series + ' '));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : undefined;
};

describe.each(dbKinds)('metrics and logs on %s', (kind) => {
  let database: Database;
  let app: FastifyInstance;
  const lines: string[] = [];
  beforeAll(async () => {
    database = await freshDatabase(kind);
    const sink = new Writable({ write: (chunk, _e, done) => (lines.push(String(chunk)), done()) });
    app = await buildApp({ database, config: loadConfig({ DATA_DIR: '/nonexistent', WEB_DIR: '/nonexistent', METRICS_TOKEN: 'scrape-secret-123' }), logger: true, logStream: sink });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const scrape = async (o: { remoteAddress?: string; token?: string; forwarded?: boolean } = {}) =>
    app.inject({ method: 'GET', url: '/metrics', remoteAddress: o.remoteAddress, headers: { ...(o.token ? { authorization: `Bearer ${o.token}` } : {}), ...(o.forwarded ? { 'x-forwarded-for': '203.0.113.9' } : {}) } });

  it('only this host or a holder of the token reads /metrics', async () => {
    expect((await scrape()).statusCode).toBe(200); // inject comes from 127.0.0.1
    expect((await scrape({ remoteAddress: '198.18.0.7' })).statusCode).toBe(403);
    expect((await scrape({ remoteAddress: '198.18.0.7', token: 'wrong-token-xyz!!' })).statusCode).toBe(403);
    expect((await scrape({ remoteAddress: '198.18.0.7', token: 'scrape-secret-123' })).statusCode).toBe(200);
    // a reverse proxy on this host connects from loopback but says whom it forwards: not trusted as local
    expect((await scrape({ forwarded: true })).statusCode).toBe(403);
  });

  it('counts requests by route template, times queries, login failures and lockouts, jobs and the outbox', async () => {
    const login = (password: string) => app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'member3', password }, remoteAddress: '198.18.1.1' });
    const me = await login(DEMO_PASSWORD);
    const member = client(app, String(me.headers['set-cookie']).split(';')[0], me.json().csrfToken);
    const list = await member.get('/api/proposals?pageSize=2');
    await member.get(`/api/proposals/${list.body.items[0].id}`);
    await member.get('/api/proposals/00000000-0000-4000-8000-000000000000');
    for (let i = 0; i < 5; i++) await login('wrong-password-1A');
    await runDueJobs(database, scheduledJobList(app.services.config), { now: new Date() }).then((runs) => runs.forEach(app.services.metrics.job));

    const text = (await scrape()).body;
    expect(value(text, 'shangliang_http_requests_total{method="GET",route="/api/proposals/:id",status="200"}')).toBe(1);
    expect(value(text, 'shangliang_http_requests_total{method="GET",route="/api/proposals/:id",status="404"}')).toBe(1);
    expect(text).toContain('shangliang_http_request_duration_seconds_bucket{le="0.005",method="GET",route="/api/proposals"}');
    expect(text).not.toMatch(/route="\/api\/proposals\/[0-9a-f]{8}-/); // never a raw id as a label
    expect(value(text, 'shangliang_db_query_duration_seconds_count{outcome="ok"}')).toBeGreaterThan(5);
    expect(value(text, 'shangliang_login_failures_total')).toBe(5);
    expect(value(text, 'shangliang_login_lockouts_total')).toBe(1);
    expect(value(text, 'shangliang_job_runs_total{job="handling.remind-due-replies",outcome="ok"}')).toBe(1);
    expect(value(text, 'shangliang_outbox_rows{state="pending"}')).toBeGreaterThanOrEqual(0);
    expect(text).toContain('shangliang_db_pool_connections{state="total"}');
    expect(text).toContain('shangliang_process_resident_memory_bytes');
  });

  it('logs are JSON lines without passwords, cookies, CSRF tokens or secret query values', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'member2', password: DEMO_PASSWORD }, remoteAddress: '198.18.1.2' });
    const cookie = String(res.headers['set-cookie']).split(';')[0];
    const csrf = res.json().csrfToken;
    await app.inject({ method: 'GET', url: '/api/notifications?token=qr-secret-777&x=1', headers: { cookie, 'x-csrf-token': csrf } });
    const log = lines.join('');
    expect(lines.length).toBeGreaterThan(3);
    for (const l of lines) expect(() => JSON.parse(l)).not.toThrow();
    expect(log).toContain('/api/notifications?token=%5Bredacted%5D&x=1');
    for (const secret of [DEMO_PASSWORD, cookie.split('=')[1], csrf, 'qr-secret-777', 'scrape-secret-123']) expect(log).not.toContain(secret);
  });
});
