import { readFileSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import Fastify from 'fastify';
import autocannon from 'autocannon';
import pg from 'pg';
import type { BenchResult } from '../run.js';
import { memoryVerdict } from './memory.js';
import { freePort, killHard, startServer } from '../../test/support/server-process.js';
import { crossProcessVisibility, fire, splitLoad } from './scale-out.js';
import { provinceDataset } from './dataset.js';
import { dayRoutes, pickFixtures, visitOnce, type DayCounters, type DayRoute } from './day.js';

const SERVER = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432';
const SECONDS = Number(process.env.LOAD_SECONDS ?? 20);
const SOAK_SECONDS = Number(process.env.SOAK_SECONDS ?? 300);
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 64);
/** app processes on the one database for the scale-out part (1 skips it) */
const PROCESSES = Number(process.env.LOAD_PROCESSES ?? 2);
const SAMPLE_SECONDS = 10;
const ROUTE_SECONDS = Number(process.env.ROUTE_SECONDS ?? 5);
/** visits of each route one at a time, for the latency one person sees (0 skips) */
const VISITS = Number(process.env.LOAD_VISITS ?? 40);

const rssMb = (pid: number) => {
  const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/);
  return m ? Math.round(Number(m[1]) / 1024) : 0;
};

/**
 * A user's day (day.ts) on the province-scale dataset (dataset.ts: `seed-scale`, LOAD_SCALE,
 * LOAD_KEEP) against the real server on PostgreSQL, side by side with a bare Fastify route doing one
 * PostgreSQL query on the same data; each route alone; the same mix over two app processes; then a
 * soak whose memory must stay flat. Loopback only, bounded in time.
 */
export async function run(): Promise<BenchResult> {
  const dataset = await provinceDataset(SERVER);
  const fixtures = await pickFixtures(dataset.url);
  const port = await freePort();
  const server = await startServer({ DATABASE_URL: dataset.url, SEED_DEMO: '0' }, port);
  const base = `http://127.0.0.1:${port}`;
  const bare = Fastify();
  const pool = new pg.Pool({ connectionString: dataset.url, max: 10 });
  // the floor: one indexed query of the committee's latest proposals, no session, no policy, no presenter
  bare.get('/bare', async () => (await pool.query('select id, title, status from proposals where committee_id = $1 order by updated_at desc limit 20', [fixtures.committeeId])).rows);
  const barePort = await freePort();
  await bare.listen({ port: barePort, host: '127.0.0.1' });
  try {
    const counters: DayCounters = { submitted: 0, replied: 0, repliesSkipped: 0 };
    const routes = await dayRoutes(base, fixtures, counters);
    const mixed = routes.flatMap((r) => r.requests);
    // one visit of each route first: the similarity index of this process is built on its first query
    const warm = await warmUp(base, routes);
    const before = { ...counters };
    const ours = await fire({ url: base, connections: CONNECTIONS, duration: SECONDS, requests: mixed });
    await settle([base]);
    const inMix = { submitted: counters.submitted - before.submitted, replied: counters.replied - before.replied, skipped: counters.repliesSkipped - before.repliesSkipped };
    const baseline = await fire({ url: `http://127.0.0.1:${barePort}/bare`, connections: CONNECTIONS, duration: SECONDS });
    if (ours.errors + ours.non2xx > 0) throw new Error(`${ours.errors + ours.non2xx} errors or non-2xx answers in the mix: ${failures(ours)}`);

    // more than one app process on the one database: the same mix split over them, and how soon one
    // process's similarity index finds a proposal submitted through another
    const others = [];
    for (let i = 1; i < PROCESSES; i++) {
      const p = await freePort();
      const o = { server: await startServer({ DATABASE_URL: dataset.url, SEED_DEMO: '0' }, p), base: `http://127.0.0.1:${p}` };
      others.push(o);
      await warmUp(o.base, routes);
    }
    const scaled = others.length ? await splitLoad([base, ...others.map((o) => o.base)], mixed, CONNECTIONS, SECONDS) : null;
    await settle([base, ...others.map((o) => o.base)]);
    const visible = others.length ? await crossProcessVisibility(base, others[0].base, 7, { member: fixtures.writer, staff: fixtures.staff, category: fixtures.category }) : [];
    for (const o of others) await killHard(o.server);
    if (scaled && scaled.errors > 0) throw new Error(`${scaled.errors} errors or non-2xx answers under load on ${PROCESSES} processes: ${scaled.results.map(failures).join('; ')}`);
    const sorted = [...visible].sort((a, b) => a - b);

    // each route of the day alone, briefly: where the time goes
    const perRoute: { route: string; rps: number; p50: number; p99: number; submitted: number }[] = [];
    for (const r of ROUTE_SECONDS > 0 ? routes : []) {
      const was = counters.submitted;
      const alone = await fire({ url: base, connections: CONNECTIONS, duration: ROUTE_SECONDS, requests: r.requests });
      await settle([base]);
      if (alone.requests.total === 0) throw new Error(`no answer to ${r.name} within ROUTE_SECONDS=${ROUTE_SECONDS} s at ${CONNECTIONS} connections: give it longer on this machine`);
      perRoute.push({ route: r.name, rps: Math.round(alone.requests.average), p50: alone.latency.p50, p99: alone.latency.p99, submitted: (counters.submitted - was) / ROUTE_SECONDS });
      if (alone.errors + alone.non2xx > 0) throw new Error(`${alone.errors + alone.non2xx} errors or non-2xx answers on ${r.name}: ${failures(alone)}`);
    }

    // each route as one person waits for it: one visit at a time (the statistics page's p95 is a target)
    const oneAtATime: { route: string; p50: number; p95: number }[] = [];
    for (const r of VISITS > 0 ? routes : []) {
      const ms: number[] = [];
      for (let i = 0; i < VISITS; i++) ms.push(await visitOnce(base, r));
      ms.sort((a, b) => a - b);
      const at = (q: number) => Math.round(ms[Math.min(ms.length - 1, Math.ceil(q * ms.length) - 1)]);
      oneAtATime.push({ route: r.name, p50: at(0.5), p95: at(0.95) });
    }

    const samples: number[] = [rssMb(server.pid!)];
    // SOAK_SECONDS=0 skips the soak (a quick comparison while developing; the recorded run soaks)
    // a steady load the server keeps up with (half what the mix reached, at most 100 req/s): asked for
    // more than it answers, requests queue until they time out and the soak measures the queue
    const soakRate = Math.max(1, Math.min(100, Math.round(ours.requests.average / 2)));
    const soak = SOAK_SECONDS > 0 ? fire({ url: base, connections: 5, duration: SOAK_SECONDS, requests: mixed, overallRate: soakRate }) : null;
    const sampler = setInterval(() => samples.push(rssMb(server.pid!)), SAMPLE_SECONDS * 1000);
    const soakResult = soak ? await soak : { errors: 0, non2xx: 0, requests: { total: 0 } };
    clearInterval(sampler);
    samples.push(rssMb(server.pid!));
    const memory = soak ? memoryVerdict(samples, SAMPLE_SECONDS) : { flat: true, reason: '', growthMb: '', slopeMbPerMin: '' };
    const errors = ours.errors + ours.non2xx + soakResult.errors + soakResult.non2xx;
    const round1 = (x: number) => Math.round(x * 10) / 10;
    // the soak is a check, not only a figure: memory that does not stay flat fails the case
    if (!memory.flat) throw new Error(`server memory not flat over the ${SOAK_SECONDS} s soak: ${memory.reason}; samples ${samples.join(', ')}`);
    if (errors > 0) throw new Error(`${errors} errors or non-2xx answers under load: the mix ${failures(ours)}; the soak ${soak ? failures(soakResult as autocannon.Result) : 'none'}`);
    return {
      name: 'load',
      description: `A user's day on the province dataset (seed-scale at ${dataset.scale}): ${routes.length} routes as staff, a member and units, mixed (${CONNECTIONS} connections, ${SECONDS} s) on the PostgreSQL server against a bare Fastify route doing one indexed query on the same data; each route alone (${ROUTE_SECONDS} s); the same mix over ${PROCESSES} app processes on the one database; then a ${SOAK_SECONDS} s soak at ${soakRate} req/s (half the mix's rate, at most 100)`,
      rows: [
        { measure: 'requests/s', ours: Math.round(ours.requests.average), baseline: Math.round(baseline.requests.average), ratio: +(ours.requests.average / baseline.requests.average).toFixed(3) },
        { measure: 'p99 latency ms', ours: ours.latency.p99, baseline: baseline.latency.p99, ratio: +(ours.latency.p99 / Math.max(baseline.latency.p99, 1)).toFixed(2) },
        { measure: 'p50 latency ms', ours: ours.latency.p50, baseline: baseline.latency.p50, ratio: +(ours.latency.p50 / Math.max(baseline.latency.p50, 1)).toFixed(2) },
        { measure: 'submissions/s in the mix (draft + submit, each with its audit rows)', ours: round1(inMix.submitted / SECONDS), baseline: '', ratio: '' },
        { measure: 'unit replies saved/s in the mix', ours: round1(inMix.replied / SECONDS), baseline: '', ratio: '' },
        ...(scaled
          ? [
              { measure: `${PROCESSES} app processes, the mix split over them: requests/s (p50 / p99 ms) vs one process`, ours: `${Math.round(scaled.rps)} (${scaled.p50} / ${scaled.p99})`, baseline: Math.round(ours.requests.average), ratio: +(scaled.rps / ours.requests.average).toFixed(3) },
              { measure: 'submitted through one process, found by the other’s similar query: ms (median, max of 7)', ours: `${sorted[3]}, ${sorted.at(-1)}`, baseline: '', ratio: '' },
            ]
          : []),
        ...perRoute.map((r) => ({
          measure: `${r.route} alone: requests/s (p50 / p99 ms)${r.submitted ? '; submissions/s' : ''}`,
          ours: `${r.rps} (${r.p50} / ${r.p99})${r.submitted ? `; ${round1(r.submitted)}` : ''}`,
          baseline: `${Math.round(baseline.requests.average)} (${baseline.latency.p50} / ${baseline.latency.p99})`,
          ratio: +(r.rps / baseline.requests.average).toFixed(3),
        })),
        ...oneAtATime.map((r) => ({ measure: `${r.route}, one visit at a time (${VISITS}): p50 / p95 ms`, ours: `${r.p50} / ${r.p95}`, baseline: '', ratio: '' })),
        { measure: 'errors and non-2xx', ours: errors, baseline: baseline.errors + baseline.non2xx, ratio: '' },
        { measure: `server RSS MB over soak (start → end, max)`, ours: `${samples[0]} → ${samples.at(-1)} (max ${Math.max(...samples)})`, baseline: '', ratio: '' },
        { measure: 'RSS after warm-up: growth MB, trend MB/min', ours: SOAK_SECONDS > 0 ? `${memory.growthMb}, ${memory.slopeMbPerMin}` : 'no soak (SOAK_SECONDS=0)', baseline: '', ratio: '' },
      ],
      notes: [
        `ratio: ours ÷ baseline; machine: ${os.cpus().length} cores shared by PostgreSQL, the app processes and the load generator`,
        `dataset: ${dataset.name}, ${dataset.loadSeconds === null ? 'reused (LOAD_KEEP=1)' : `loaded in ${Math.round(dataset.loadSeconds)} s`}; committee s001 (${fixtures.staff}; ${fixtures.member} reads, ${fixtures.writer} submits), ${fixtures.detailIds.length} proposals opened in turn, ${fixtures.replies.length} (unit, proposal) pairs to reply to`,
        `first visit of each route (ms): ${warm.map((w) => `${w.name} ${w.ms}`).join('; ')}`,
        ...(inMix.skipped ? [`${inMix.skipped} unit visits in the mix found every (unit, proposal) pair in flight and read the worklist instead`] : []), `found by the other process after (ms, in order): ${visible.join(', ')}`, `soak: ${soakResult.requests.total} requests, RSS sampled every ${SAMPLE_SECONDS} s: ${samples.join(', ')}`],
    };
  } finally {
    await killHard(server);
    await bare.close();
    await pool.end();
    await dataset.release();
  }
}

/** Each route once, one after another: the first visit's time (a process builds its similarity index on the first query). */
async function warmUp(base: string, routes: DayRoute[]): Promise<{ name: string; ms: number }[]> {
  const out: { name: string; ms: number }[] = [];
  for (const r of routes) {
    const res = await fire({ url: base, connections: 1, amount: r.requests.length, requests: r.requests, timeout: 900 });
    if (res.errors + res.non2xx > 0) throw new Error(`the first visit of ${r.name} failed: ${res.errors} errors, ${res.non2xx} non-2xx`);
    // the requests' own latencies, one after another: autocannon ends a run on its one-second tick, so
    // the run's wall time read 1,005 ms for a visit of a few milliseconds
    out.push({ name: r.name, ms: Math.round(res.latency.average * r.requests.length) });
  }
  return out;
}

/**
 * Waits until the servers have worked off what the last run left in flight: autocannon closes its
 * connections when the time is up, but the server still answers the requests it had taken (their
 * queries queue on the pool), and the next run would start behind them. Done when the health check
 * (one query through the same pool) answers in under 100 ms twice in a row.
 */
async function settle(bases: string[]) {
  for (const base of bases) {
    const deadline = performance.now() + 120_000;
    for (let quick = 0; quick < 2 && performance.now() < deadline; ) {
      const t0 = performance.now();
      await fetch(`${base}/api/health`);
      quick = performance.now() - t0 < 100 ? quick + 1 : 0;
    }
  }
}

/** What went wrong in a run: timeouts, other errors, answers by status. */
function failures(r: autocannon.Result): string {
  const codes = Object.entries((r as { statusCodeStats?: Record<string, { count: number }> }).statusCodeStats ?? {}).map(([code, { count }]) => `${code}×${count}`);
  return `${r.timeouts} timeouts, ${r.errors - r.timeouts} other errors; answers ${codes.join(', ')}`;
}
