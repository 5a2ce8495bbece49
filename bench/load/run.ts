import { readFileSync } from 'node:fs';
import os from 'node:os';
import Fastify from 'fastify';
import autocannon from 'autocannon';
import pg from 'pg';
import type { BenchResult } from '../run.js';
import { memoryVerdict } from './memory.js';
import { freePort, httpLogin, killHard, startServer } from '../../test/support/server-process.js';
import { crossProcessVisibility, fire, splitLoad } from './scale-out.js';

const SERVER = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432';
const SECONDS = Number(process.env.LOAD_SECONDS ?? 20);
const SOAK_SECONDS = Number(process.env.SOAK_SECONDS ?? 300);
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 64);
/** app processes on the one database for the scale-out part (1 skips it) */
const PROCESSES = Number(process.env.LOAD_PROCESSES ?? 2);
const SAMPLE_SECONDS = 10;
const ROUTE_SECONDS = Number(process.env.ROUTE_SECONDS ?? 5);

const rssMb = (pid: number) => {
  const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/);
  return m ? Math.round(Number(m[1]) / 1024) : 0;
};

/**
 * Mixed read/write load against the real server (PostgreSQL), side by side with a bare Fastify
 * route doing one PostgreSQL query, then a soak whose memory must stay flat. Loopback only,
 * bounded in time.
 */
export async function run(): Promise<BenchResult> {
  const dbName = 'sl_bench_load';
  const admin = new pg.Client({ connectionString: `${SERVER}/postgres` });
  await admin.connect();
  await admin.query(`drop database if exists ${dbName} with (force)`);
  await admin.query(`create database ${dbName}`);
  const port = await freePort();
  const server = await startServer({ DATABASE_URL: `${SERVER}/${dbName}` }, port);
  const base = `http://127.0.0.1:${port}`;
  const bare = Fastify();
  const pool = new pg.Pool({ connectionString: `${SERVER}/${dbName}`, max: 10 });
  bare.get('/bare', async () => (await pool.query('select id, title, status from proposals order by created_at desc limit 20')).rows);
  const barePort = await freePort();
  await bare.listen({ port: barePort, host: '127.0.0.1' });
  try {
    const member = await httpLogin(base, 'member');
    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'member', password: 'Demo@2026' }) });
    const cookie = login.headers.get('set-cookie')!.split(';')[0];
    const { csrfToken } = await login.json();
    const first = await member.post('/api/proposals', { title: '关于压力测试准备数据的建议', background: '情况', analysis: '分析', suggestions: '建议', category: '社会事业', authorType: 'individual' });
    const someId = (await first.json()).id;
    const headers = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
    let n = 0;
    const draft = () => JSON.stringify({ title: `关于压力测试第${n++}号的建议`, background: '情况', analysis: '分析', suggestions: '建议', category: '社会事业', authorType: 'individual' });
    // four reads to one write, as people use it: lists and records far more than they submit
    const mixed: autocannon.Request[] = [
      { method: 'GET', path: '/api/proposals?pageSize=20', headers },
      { method: 'GET', path: `/api/proposals/${someId}`, headers },
      { method: 'GET', path: '/api/notifications?unread=1', headers },
      { method: 'GET', path: '/api/dashboard', headers },
      { method: 'POST', path: '/api/proposals', headers, setupRequest: (req: any) => ({ ...req, body: draft() }) },
    ];
    const ours = await fire({ url: base, connections: CONNECTIONS, duration: SECONDS, requests: mixed });
    const baseline = await fire({ url: `http://127.0.0.1:${barePort}/bare`, connections: CONNECTIONS, duration: SECONDS });

    // more than one app process on the one database: the same mix split over them, and how soon one
    // process's similarity index finds a proposal submitted through another
    const others = [];
    for (let i = 1; i < PROCESSES; i++) {
      const p = await freePort();
      others.push({ server: await startServer({ DATABASE_URL: `${SERVER}/${dbName}` }, p), base: `http://127.0.0.1:${p}` });
    }
    const scaled = others.length ? await splitLoad([base, ...others.map((o) => o.base)], mixed, CONNECTIONS, SECONDS) : null;
    const visible = others.length ? await crossProcessVisibility(base, others[0].base, 7) : [];
    for (const o of others) await killHard(o.server);
    if (scaled && scaled.errors > 0) throw new Error(`${scaled.errors} errors or non-2xx answers under load on ${PROCESSES} processes`);
    const sorted = [...visible].sort((a, b) => a - b);

    // each route of the mix alone, briefly: where the time goes
    const perRoute: { route: string; rps: number; p50: number; p99: number }[] = [];
    for (const r of ROUTE_SECONDS > 0 ? mixed : []) {
      const alone = await fire({ url: base, connections: CONNECTIONS, duration: ROUTE_SECONDS, requests: [r] });
      perRoute.push({ route: `${r.method} ${(r.path ?? '').replace(someId, ':id')}`, rps: Math.round(alone.requests.average), p50: alone.latency.p50, p99: alone.latency.p99 });
      if (alone.errors + alone.non2xx > 0) throw new Error(`${alone.errors + alone.non2xx} errors or non-2xx answers on ${r.method} ${r.path}`);
    }

    const samples: number[] = [rssMb(server.pid!)];
    // SOAK_SECONDS=0 skips the soak (a quick comparison while developing; the recorded run soaks)
    const soak = SOAK_SECONDS > 0 ? fire({ url: base, connections: 5, duration: SOAK_SECONDS, requests: mixed, overallRate: 100 }) : null;
    const sampler = setInterval(() => samples.push(rssMb(server.pid!)), SAMPLE_SECONDS * 1000);
    const soakResult = soak ? await soak : { errors: 0, non2xx: 0, requests: { total: 0 } };
    clearInterval(sampler);
    samples.push(rssMb(server.pid!));
    const memory = soak ? memoryVerdict(samples, SAMPLE_SECONDS) : { flat: true, reason: '', growthMb: '', slopeMbPerMin: '' };
    const errors = ours.errors + ours.non2xx + soakResult.errors + soakResult.non2xx;
    // the soak is a check, not only a figure: memory that does not stay flat fails the case
    if (!memory.flat) throw new Error(`server memory not flat over the ${SOAK_SECONDS} s soak: ${memory.reason}; samples ${samples.join(', ')}`);
    if (errors > 0) throw new Error(`${errors} errors or non-2xx answers under load`);
    return {
      name: 'load',
      description: `Mixed load (4 reads : 1 write, ${CONNECTIONS} connections, ${SECONDS} s) on the PostgreSQL server against a bare Fastify route doing one query; the same mix over ${PROCESSES} app processes on the one database; then a ${SOAK_SECONDS} s soak at 100 req/s`,
      rows: [
        { measure: 'requests/s', ours: Math.round(ours.requests.average), baseline: Math.round(baseline.requests.average), ratio: +(ours.requests.average / baseline.requests.average).toFixed(3) },
        { measure: 'p99 latency ms', ours: ours.latency.p99, baseline: baseline.latency.p99, ratio: +(ours.latency.p99 / Math.max(baseline.latency.p99, 1)).toFixed(2) },
        { measure: 'p50 latency ms', ours: ours.latency.p50, baseline: baseline.latency.p50, ratio: +(ours.latency.p50 / Math.max(baseline.latency.p50, 1)).toFixed(2) },
        ...(scaled
          ? [
              { measure: `${PROCESSES} app processes, the mix split over them: requests/s (p50 / p99 ms) vs one process`, ours: `${Math.round(scaled.rps)} (${scaled.p50} / ${scaled.p99})`, baseline: Math.round(ours.requests.average), ratio: +(scaled.rps / ours.requests.average).toFixed(3) },
              { measure: 'submitted through one process, found by the other’s similar query: ms (median, max of 7)', ours: `${sorted[3]}, ${sorted.at(-1)}`, baseline: '', ratio: '' },
            ]
          : []),
        ...perRoute.map((r) => ({ measure: `${r.route} alone: requests/s (p50 / p99 ms)`, ours: `${r.rps} (${r.p50} / ${r.p99})`, baseline: Math.round(baseline.requests.average), ratio: +(r.rps / baseline.requests.average).toFixed(3) })),
        { measure: 'errors and non-2xx', ours: errors, baseline: baseline.errors + baseline.non2xx, ratio: '' },
        { measure: `server RSS MB over soak (start → end, max)`, ours: `${samples[0]} → ${samples.at(-1)} (max ${Math.max(...samples)})`, baseline: '', ratio: '' },
        { measure: 'RSS after warm-up: growth MB, trend MB/min', ours: `${memory.growthMb}, ${memory.slopeMbPerMin}`, baseline: '', ratio: '' },
      ],
      notes: [`ratio: ours ÷ baseline; machine: ${os.cpus().length} cores shared by PostgreSQL, the app processes and the load generator`, `found by the other process after (ms, in order): ${visible.join(', ')}`, `soak: ${soakResult.requests.total} requests, RSS sampled every ${SAMPLE_SECONDS} s: ${samples.join(', ')}`],
    };
  } finally {
    await killHard(server);
    await bare.close();
    await pool.end();
    await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.end();
  }
}
