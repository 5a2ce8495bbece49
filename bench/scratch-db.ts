import pg from 'pg';

/**
 * The databases a benchmark made on the PostgreSQL server, cleared if the bench is stopped.
 *
 * Why: a query the client leaves running goes on on the server after the client has gone — a
 * `CREATE INDEX` over millions of rows ran on for 35 minutes after `timeout` killed the similarity
 * bench and took a core from the next test run. On SIGINT or SIGTERM the bench ends its
 * databases' backends before it exits: a scratch database is dropped (`with (force)` ends them), a
 * kept one (LOAD_KEEP, BENCH_PERF_KEEP) keeps its data and only loses its sessions — a load that
 * did not finish is found and redone by the next run.
 */
const guarded = new Map<string, { server: string; keep: boolean }>();

async function clear(name: string, { server, keep }: { server: string; keep: boolean }) {
  const admin = new pg.Client({ connectionString: `${server}/postgres` });
  await admin.connect();
  try {
    if (keep) await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [name]);
    else await admin.query(`drop database if exists ${name} with (force)`);
  } finally {
    await admin.end();
  }
}

let stopping = false;
async function onSignal(signal: NodeJS.Signals) {
  if (stopping) return;
  stopping = true;
  console.error(`\n${signal}: clearing ${[...guarded.keys()].join(', ') || 'no database'} on the server before exit`);
  await Promise.all([...guarded].map(([name, o]) => clear(name, o).catch((err: Error) => console.error(`${name}: ${err.message}`))));
  process.exit(signal === 'SIGINT' ? 130 : 143);
}

/**
 * Clears `name` on the server if the process is stopped before `release()` is called.
 * @example const release = guardDatabase(SERVER, 'sl_bench_x', { keep: false }); try { … } finally { release(); await drop(); }
 */
export function guardDatabase(server: string, name: string, o: { keep: boolean }): () => void {
  if (guarded.size === 0) {
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  }
  guarded.set(name, { server, keep: o.keep });
  return () => {
    guarded.delete(name);
    if (guarded.size === 0) {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
  };
}

/** The note on a kept database whose load finished: one stopped half-way has none and is loaded again. */
const LOADED = 'sl-bench: loaded';

export async function finishedLoad(admin: pg.Client, name: string): Promise<boolean> {
  const r = await admin.query(`select shobj_description(oid, 'pg_database') as note from pg_database where datname = $1`, [name]);
  return r.rows[0]?.note === LOADED;
}

export const markLoaded = (admin: pg.Client, name: string) => admin.query(`comment on database ${name} is '${LOADED}'`);
