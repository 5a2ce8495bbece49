import { AsyncLocalStorage } from 'node:async_hooks';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.js';

/**
 * Per-committee caches of slowly changing tables — the catalogs' names, the module settings, the
 * work calendar — read on nearly every request and written a few times a year.
 *
 * Correct across processes: the session lookup every API request makes anyway also reads the
 * committee's generation (cache_generations, bumped by triggers in every writer's transaction), and
 * a cached value is used only when it was read under that same generation. So a request sees the
 * catalogs as of its own start, as it would with one query, and pays no round trip for them.
 *
 * Only reads are served from the cache: a request that writes (anything but GET/HEAD) and every
 * transaction read the tables themselves, so a command sees its own writes.
 */
interface RequestScope {
  /** the generation of each committee's cached tables, as the session lookup read it */
  generations: Map<string, string>;
  /** whether this request only reads (GET/HEAD) */
  readOnly: boolean;
}

const requestScope = new AsyncLocalStorage<RequestScope>();

/** The scope of the tables every committee shares (the work calendar). */
export const SHARED = '*';

/** Runs a request's hooks and handler in a scope of their own (called by the first onRequest hook). */
export function runInRequestScope(readOnly: boolean, done: () => void) {
  requestScope.run({ generations: new Map(), readOnly }, done);
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
 * request observed; read afresh (and kept) otherwise. Outside a read-only request, or inside a
 * transaction, always read afresh.
 */
export async function cachedPerCommittee<T>(db: Executor, name: string, committeeId: string, load: () => Promise<T>): Promise<T> {
  const scope = requestScope.getStore();
  const generation = scope?.readOnly ? scope.generations.get(committeeId) : undefined;
  if (generation === undefined || db instanceof PgTransaction) return load();
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

