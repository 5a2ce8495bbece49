import { AsyncLocalStorage } from 'node:async_hooks';
import { PgTransaction } from 'drizzle-orm/pg-core';
import { inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { cacheGenerations } from './schema.js';

/**
 * Per-committee caches of slowly changing tables — the catalogs' names, the module settings, the
 * work calendar — read on nearly every request and written a few times a year.
 *
 * Correct across processes: the session lookup every API request makes anyway also reads the
 * committee's generation (cache_generations, bumped by triggers in every writer's transaction), and
 * a cached value is used only when it was read under that same generation. So a request sees the
 * catalogs as of its own start, as it would with one query, and pays no round trip for them.
 *
 * A request sees its own writes: once it has sent a statement that may write (db/client.ts tells,
 * a transaction's begin included), the generations it observed may be older than its own changes,
 * so its next cached read first reads them again (one small statement for every cached table, the
 * committee's and the shared ones) — a command's answer then takes the catalogs from the cache
 * unless the command changed them. Inside a transaction the tables themselves are always read.
 */
interface RequestScope {
  /** the generation of each committee's cached tables, as the session lookup (or the read after a write) found it */
  generations: Map<string, string>;
  /** statements that may write this request has sent, and how many of them the generations above come after */
  writes: number;
  observedAfter: number;
  /** the generations being read again after the request's writes (one read for concurrent lookups) */
  reobserving?: Promise<void>;
}

const requestScope = new AsyncLocalStorage<RequestScope>();

/** The scope of the tables every committee shares (the work calendar). */
export const SHARED = '*';

/** Runs a request's hooks and handler in a scope of their own (called by the first onRequest hook). */
export function runInRequestScope(done: () => void) {
  requestScope.run({ generations: new Map(), writes: 0, observedAfter: 0 }, done);
}

/** Notes that the current request sent a statement that may write (the database's write observer). */
export function noteWrite() {
  const scope = requestScope.getStore();
  if (scope) scope.writes++;
}

/** The generations of the scopes this request observed, read again after its writes. */
function reobserve(db: Executor, scope: RequestScope): Promise<void> {
  if (!scope.reobserving) {
    const after = scope.writes;
    const scopes = [...scope.generations.keys()];
    scope.reobserving = (async () => {
      try {
        const rows = scopes.length ? await db.select().from(cacheGenerations).where(inArray(cacheGenerations.scope, scopes)) : [];
        const found = new Map(rows.map((r) => [r.scope, r.generation]));
        // a scope never bumped has no row: '' as the session lookup reads it
        for (const s of scopes) scope.generations.set(s, found.get(s) ?? '');
        scope.observedAfter = Math.max(scope.observedAfter, after);
      } finally {
        scope.reobserving = undefined;
      }
    })();
  }
  return scope.reobserving;
}

/** Records the generation the session lookup read for a committee (an empty string when never bumped). */
export function observeGeneration(committeeId: string, generation: string) {
  requestScope.getStore()?.generations.set(committeeId, generation);
}

const MAX_ENTRIES = 5000;
type Entries = Map<string, { generation: string; value: Promise<unknown> }>;
/** per database handle: two databases in one process (tests) never share an entry */
const byDatabase = new WeakMap<object, Entries>();

/**
 * `load()`'s value for this committee, from the cache when it was read under the generation this
 * request observed (read again after the request's own writes); read afresh (and kept) otherwise.
 * Outside a request, or inside a transaction, always read afresh.
 */
export async function cachedPerCommittee<T>(db: Executor, name: string, committeeId: string, load: () => Promise<T>): Promise<T> {
  const scope = requestScope.getStore();
  if (!scope || db instanceof PgTransaction) return load();
  // a failed read of the generations fails this read too, as a failed load would
  while (scope.writes > scope.observedAfter) await reobserve(db, scope);
  const generation = scope.generations.get(committeeId);
  if (generation === undefined) return load();
  let entries = byDatabase.get(db);
  if (!entries) byDatabase.set(db, (entries = new Map()));
  const key = `${name}\u0000${committeeId}`;
  const hit = entries.get(key);
  if (hit && hit.generation === generation) return hit.value as Promise<T>;
  // a promise, run once (a query builder is only a thenable: each await would run it again)
  const value = Promise.resolve(load());
  if (entries.size >= MAX_ENTRIES) entries.clear();
  entries.set(key, { generation, value });
  // a failed read is not kept
  value.catch(() => {
    if (entries!.get(key)?.value === value) entries!.delete(key);
  });
  return value;
}

