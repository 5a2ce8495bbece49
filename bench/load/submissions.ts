import os from 'node:os';
import Fastify from 'fastify';
import autocannon from 'autocannon';
import pg from 'pg';
import type { BenchResult } from '../run.js';
import { guardDatabase } from '../scratch-db.js';
import { freePort, httpLogin, killHard, startServer, stopGracefully } from '../../test/support/server-process.js';
import { fire } from './scale-out.js';

const SERVER = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432';

export interface SubmissionOptions {
  /** seconds of load for each measure */
  seconds?: number;
  connections?: number;
  /** demo members whose sessions the requests take in turn */
  members?: string[];
  /** also measure the whole submission: the draft, then its 提交 action (two requests, counted as one submission) */
  withSubmit?: boolean;
  /** node's options for the server process (`['--cpu-prof', '--cpu-prof-dir=/tmp/prof']` profiles it; it is then stopped with SIGTERM so the profile is written) */
  nodeArgs?: string[];
  /** an existing PostgreSQL database name to use instead of a fresh one (kept) */
  database?: string;
}

export interface Measured {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  total: number;
}

export interface SubmissionFigures {
  /** POST /api/proposals (a member's new draft, its audit row, the record's detail as the answer) */
  drafts: Measured;
  /** a draft then its 提交 (numbering, ledger entry, the office's notices, the finder's next sync): submissions/s */
  submissions?: Measured;
  /** a bare Fastify route doing one INSERT on the same database, in the same run */
  floor: Measured;
  /** statements the server sent per request (its pool's query count ÷ requests), from /metrics */
  statementsPerDraft: number;
  statementsPerSubmission?: number;
}

const measured = (r: autocannon.Result, perRequest = 1): Measured => ({
  rps: +(r.requests.average / perRequest).toFixed(1),
  p50: r.latency.p50,
  p99: r.latency.p99,
  errors: r.errors + r.non2xx,
  total: r.requests.total,
});

/** The counters of the server's /metrics that tell statements per request. */
async function counters(base: string) {
  const text = await (await fetch(`${base}/metrics`)).text();
  const sum = (re: RegExp) => text.split('\n').filter((l) => re.test(l)).reduce((n, l) => n + Number(l.split(' ').at(-1)), 0);
  return {
    statements: sum(/^shangliang_db_query_duration_seconds_count/),
    requests: sum(/^shangliang_http_requests_total\{.*method="POST"/),
  };
}

let n = 0;
const draftBody = () =>
  JSON.stringify({
    title: `关于压力测试第${n++}号社区养老服务站点建设的建议`,
    background: '我区老年人口持续增加，社区养老服务站点覆盖不足，部分老旧小区缺少日间照料设施。',
    analysis: '一是站点布局不均衡；二是专业护理人员短缺；三是运营经费来源单一。',
    suggestions: '建议统筹规划社区养老服务站点，加大专业人员培训力度，引入社会资本参与运营。',
    category: '社会事业',
    authorType: 'individual',
  });

/**
 * Proposal writes under load on the PostgreSQL server: members' new drafts (POST /api/proposals)
 * at `connections` for `seconds`, optionally whole submissions (draft, then 提交), and a bare
 * Fastify route doing one INSERT measured in the same run — the machine is shared, so compare the
 * ratio. Starts the app on a fresh database (demo data) and drops it afterwards. Loopback only.
 *
 * @example const f = await measureSubmissions({ seconds: 10 }); f.drafts.rps / f.floor.rps
 */
export async function measureSubmissions(opts: SubmissionOptions = {}): Promise<SubmissionFigures> {
  const seconds = opts.seconds ?? 15;
  const connections = opts.connections ?? 64;
  const dbName = opts.database ?? 'sl_bench_submissions';
  const admin = new pg.Client({ connectionString: `${SERVER}/postgres` });
  await admin.connect();
  if (!opts.database) {
    await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.query(`create database ${dbName}`);
  }
  const unguard = guardDatabase(SERVER, dbName, { keep: Boolean(opts.database) });
  const port = await freePort();
  const server = await startServer({ DATABASE_URL: `${SERVER}/${dbName}` }, port, opts.nodeArgs);
  const base = `http://127.0.0.1:${port}`;
  // the floor: one INSERT per request through a pool of the app's size, on the same server and database
  const pool = new pg.Pool({ connectionString: `${SERVER}/${dbName}`, max: 10 });
  pool.on('error', (err) => console.error('[floor pool]', err.message));
  await pool.query('create table if not exists bench_floor (id uuid primary key default gen_random_uuid(), title text not null, created_at timestamptz not null default now())');
  const bare = Fastify();
  bare.post('/bare', async (req) => (await pool.query('insert into bench_floor (title) values ($1) returning id', [(req.body as { title: string }).title])).rows[0]);
  const barePort = await freePort();
  await bare.listen({ port: barePort, host: '127.0.0.1' });
  try {
    const sessions: Record<string, string>[] = [];
    for (const username of opts.members ?? ['member', 'member2', 'member3']) {
      const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'Demo@2026' }) });
      if (!res.ok) throw new Error(`login ${username}: ${res.status}`);
      const { csrfToken } = await res.json();
      sessions.push({ cookie: res.headers.get('set-cookie')!.split(';')[0], 'x-csrf-token': csrfToken, 'content-type': 'application/json' });
    }
    // warm-up: every route and statement once, the similarity index built
    const warm = await httpLogin(base, 'member');
    const first = await (await warm.post('/api/proposals', JSON.parse(draftBody()))).json();
    await warm.post(`/api/proposals/${first.id}/actions/submit`, { version: first.version });

    let turn = 0;
    const nextHeaders = () => sessions[turn++ % sessions.length];
    const before = await counters(base);
    const drafts = await fire({
      url: base, connections, duration: seconds, timeout: 30,
      requests: [{ method: 'POST', path: '/api/proposals', setupRequest: (req: any) => ({ ...req, headers: nextHeaders(), body: draftBody() }) }],
    });
    const after = await counters(base);

    let submissions: autocannon.Result | undefined;
    let statementsPerSubmission: number | undefined;
    if (opts.withSubmit) {
      // per connection: a draft, then its 提交 with the version the draft's answer gave
      const c0 = await counters(base);
      submissions = await fire({
        url: base, connections, duration: seconds, timeout: 30,
        requests: [
          {
            method: 'POST', path: '/api/proposals',
            setupRequest: (req: any, ctx: any) => ((ctx.headers = nextHeaders()), { ...req, headers: ctx.headers, body: draftBody() }),
            onResponse: (_status: number, body: string, ctx: any) => void (ctx.draft = JSON.parse(body)),
          },
          {
            method: 'POST',
            // no draft answered (a timed-out request restarts the sequence): back to a new draft
            setupRequest: (req: any, ctx: any) => {
              const d = ctx.draft;
              ctx.draft = undefined;
              return d?.id ? { ...req, headers: ctx.headers, path: `/api/proposals/${d.id}/actions/submit`, body: JSON.stringify({ version: d.version }) } : null;
            },
          },
        ],
      } as autocannon.Options);
      const c1 = await counters(base);
      statementsPerSubmission = +((c1.statements - c0.statements) / ((c1.requests - c0.requests) / 2)).toFixed(1);
    }

    const floor = await fire({ url: `http://127.0.0.1:${barePort}/bare`, connections, duration: seconds, method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: '关于压力测试的建议' }) });
    return {
      drafts: measured(drafts),
      submissions: submissions && measured(submissions, 2),
      floor: measured(floor),
      statementsPerDraft: +((after.statements - before.statements) / (after.requests - before.requests)).toFixed(1),
      statementsPerSubmission,
    };
  } finally {
    if (opts.nodeArgs?.some((a) => a.startsWith('--cpu-prof'))) await stopGracefully(server);
    else await killHard(server);
    await bare.close();
    await pool.end();
    if (!opts.database) await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.end();
    unguard();
  }
}

/** As a bench case (`npm run bench -- submissions`, or `npx tsx bench/load/submissions.ts` to print without recording). */
export async function run(): Promise<BenchResult> {
  const seconds = Number(process.env.LOAD_SECONDS ?? 15);
  const connections = Number(process.env.LOAD_CONNECTIONS ?? 64);
  // BENCH_SERVER_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' profiles the server process
  const nodeArgs = process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean);
  const f = await measureSubmissions({ seconds, connections, withSubmit: process.env.WITH_SUBMIT !== '0', nodeArgs });
  const errors = f.drafts.errors + (f.submissions?.errors ?? 0) + f.floor.errors;
  if (errors > 0) throw new Error(`${errors} errors or non-2xx answers under load`);
  const row = (measure: string, m: Measured, statements?: number) => ({
    measure, ours: `${m.rps} (${m.p50} / ${m.p99} ms)`, baseline: `${f.floor.rps} (${f.floor.p50} / ${f.floor.p99} ms)`, ratio: +(m.rps / f.floor.rps).toFixed(3), statements: statements ?? '',
  });
  return {
    name: 'submissions',
    description: `Proposal writes by members (3 sessions in turn) at ${connections} connections for ${seconds} s each on the PostgreSQL server, against a bare Fastify route doing one INSERT measured in the same run`,
    rows: [
      row('POST /api/proposals (new draft): requests/s (p50 / p99)', f.drafts, f.statementsPerDraft),
      ...(f.submissions ? [row('draft + 提交: submissions/s (p50 / p99 of each request)', f.submissions, f.statementsPerSubmission)] : []),
    ],
    notes: [`ratio: ours ÷ the floor (requests/s); statements: the server's statements per draft or per submission, from /metrics; machine: ${os.cpus().length} cores shared by PostgreSQL, the app and the load generator`],
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await run();
  console.table(result.rows);
  for (const note of result.notes ?? []) console.log(`  · ${note}`);
  process.exit(0);
}
