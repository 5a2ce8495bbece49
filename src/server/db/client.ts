import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema.js';
import { lockDataDir, type DataDirLock } from './data-dir-lock.js';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction handle; commands take `Db | Tx` so they compose inside a caller's transaction. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type Executor = Db | Tx;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** plain SQL with positional parameters, for the few places drizzle cannot express (backup, benchmarks) */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
  /** the PGlite instance, when embedded (tests clone it) */
  pglite?: PGlite;
  /** the exclusive lock on the embedded database's folder, while this process has it open */
  lock?: DataDirLock;
  /** calls `fn` with every statement's time in seconds (for the metrics); returns the unsubscribe */
  observeQueries?(fn: QueryObserver): () => void;
  /**
   * calls `fn` as a statement that may write is sent — anything but a plain select (a transaction's
   * begin included, so a writing function called by a select inside one counts) — in the caller's
   * async context; the per-request caches (platform/cache) learn from it that the request wrote.
   * `db` only: `query` (backup, benchmarks, start-up) is neither timed nor observed
   */
  observeWrites?(fn: () => void): () => void;
  /** the PostgreSQL pool's connections */
  poolStats?(): { total: number; idle: number; waiting: number };
}

export type QueryObserver = (seconds: number, failed: boolean) => void;

interface Observers {
  queries: Set<QueryObserver>;
  writes: Set<() => void>;
}

const plainSelect = /^\s*select\b/i;
/** A statement's text, whichever way the driver was given it. */
const textOf = (q: unknown) => (typeof q === 'string' ? q : typeof (q as { text?: unknown })?.text === 'string' ? (q as { text: string }).text : '');

/**
 * Times every `query` of a driver object — the pool, a client it lends for a transaction, PGlite
 * and its transaction handle — for the metrics, and tells the write observers of any statement that
 * may write. Methods are bound to the real object (PGlite keeps private fields a proxy cannot reach);
 * `instanceof` still sees the original class.
 */
function timed<T extends object>(target: T, all: Observers, wrapResult: Record<string, 'client' | 'transaction'> = {}, serial = false): T {
  const observers = all.queries;
  // a client lent for a transaction runs one statement at a time: statements sent together (a
  // Promise.all of reads inside a command) wait here for the one before, as pg's own queue made them
  // wait — a queue pg deprecates (pg@9 refuses a query while one is running)
  let tail: Promise<unknown> = Promise.resolve();
  const wrote = () => {
    for (const w of all.writes) w();
  };
  return new Proxy(target, {
    get(t, prop, receiver) {
      const v = Reflect.get(t, prop, receiver);
      if (typeof v !== 'function') return v;
      if (prop === 'query') {
        const run = async (...args: unknown[]) => {
          if (all.writes.size && !plainSelect.test(textOf(args[0]))) wrote();
          if (observers.size === 0) return v.apply(t, args);
          const started = performance.now();
          let failed = false;
          try {
            return await v.apply(t, args);
          } catch (err) {
            failed = true;
            throw err;
          } finally {
            const seconds = (performance.now() - started) / 1000;
            for (const o of observers) o(seconds, failed);
          }
        };
        if (!serial) return run;
        return (...args: unknown[]) => {
          const next = tail.then(() => run(...args), () => run(...args));
          tail = next.catch(() => undefined);
          return next;
        };
      }
      const kind = wrapResult[prop as string];
      if (kind === 'client') return async (...args: unknown[]) => timed(await v.apply(t, args), all, {}, true);
      // PGlite begins its transaction itself, not through `query`
      if (kind === 'transaction') return (fn: (tx: object) => unknown, ...rest: unknown[]) => (wrote(), v.call(t, (tx: object) => fn(timed(tx, all)), ...rest));
      return v.bind(t);
    },
  });
}

const observable = <F>(observers: Set<F>) => (fn: F) => {
  observers.add(fn);
  return () => void observers.delete(fn);
};

const newObservers = (): Observers => ({ queries: new Set(), writes: new Set() });

const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/**
 * Opens the embedded database in `dataDir` — after taking the folder's exclusive lock, since two
 * processes on one folder corrupt it — or a pre-loaded in-memory PGlite (tests). `role` names this
 * process in the lock (what a refused second opener is told).
 */
export async function openPglite(dataDir?: string, loadDataDir?: Blob, role = 'server'): Promise<Database> {
  const lock = dataDir ? lockDataDir(dataDir, role) : undefined;
  let client: PGlite;
  try {
    client = await PGlite.create({ dataDir, loadDataDir, extensions: { pg_trgm } });
  } catch (err) {
    lock?.release();
    throw err;
  }
  const observers = newObservers();
  return {
    db: drizzlePglite(timed(client, observers, { transaction: 'transaction' }), { schema }) as unknown as Db,
    kind: 'pglite',
    pglite: client,
    lock,
    observeQueries: observable(observers.queries),
    observeWrites: observable(observers.writes),
    query: async (sql, params) => (await client.query(sql, params as any[])).rows as any,
    close: async () => {
      try {
        await client.close();
      } finally {
        lock?.release();
      }
    },
  };
}

/** Opens a PostgreSQL server through a connection pool. */
export async function openPostgres(url: string, poolSize = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // an idle connection closed by the server (restart, failover) must not crash the process: the pool replaces it
  pool.on('error', (err) => console.error('[db] idle connection lost:', err.message));
  const observers = newObservers();
  return {
    db: drizzlePg(timed(pool, observers, { connect: 'client' }), { schema }) as unknown as Db,
    kind: 'postgres',
    observeQueries: observable(observers.queries),
    observeWrites: observable(observers.writes),
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    query: async (sql, params) => (await pool.query(sql, params as any[])).rows,
    close: () => pool.end(),
  };
}

export async function openDatabase(opts: { databaseUrl?: string; dataDir: string }, role = 'server'): Promise<Database> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl) : openPglite(path.join(opts.dataDir, 'pg'), undefined, role);
}

/** Applies the migrations generated by drizzle-kit; the same files run on both databases. */
export async function migrateDatabase(database: Database): Promise<void> {
  if (database.kind === 'pglite') await migratePglite(database.db as any, { migrationsFolder });
  else await migratePg(database.db as any, { migrationsFolder });
}
