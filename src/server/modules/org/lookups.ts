import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { assertOwnedIds } from '../../platform/tenancy/owned.js';
import { cachedPerCommittee } from '../../platform/cache/cache.js';
import { catalogs, type CatalogKind } from './catalogs.js';
import { terms } from './schema.js';

export type Lookup = { byId: Map<string, string>; byName: Map<string, string> };
export type OrgLookups = Record<CatalogKind | 'terms', Lookup>;

/**
 * Names of every catalog entry of a committee, both ways. Catalogs are small (tens of rows), so one
 * read is cheaper than joins in every list, and roster import needs name → id anyway. A read-only
 * request takes them from the per-committee cache (platform/cache), checked by the session lookup.
 * The maps are shared: callers must not change them.
 */
export function loadLookups(db: Executor, committeeId: string): Promise<OrgLookups> {
  return cachedPerCommittee(db, 'lookups', committeeId, () => readLookups(db, committeeId));
}

async function readLookups(db: Executor, committeeId: string): Promise<OrgLookups> {
  // one round trip for all seven catalogs: this runs on every list request
  const sources = [...Object.entries(catalogs).map(([kind, { table }]) => [kind, table] as const), ['terms', terms] as const];
  const parts = sources.map(([kind, table]) => sql`select ${kind} as kind, ${table.id} as id, ${table.name} as name from ${table} where ${table.committeeId} = ${committeeId}`);
  const res: any = await db.execute(sql.join(parts, sql` union all `));
  const rows = (res.rows ?? res) as { kind: string; id: string; name: string }[];
  return Object.fromEntries(sources.map(([kind]) => [kind, toLookup(rows.filter((r) => r.kind === kind))])) as OrgLookups;
}

function toLookup(rows: { id: string; name: string }[]): Lookup {
  return { byId: new Map(rows.map((r) => [r.id, r.name])), byName: new Map(rows.map((r) => [r.name, r.id])) };
}

/**
 * Refuses ids that are not records of the committee: a form cannot point a member at another
 * committee's sector, nor at a made-up id.
 */
export async function assertOwned(db: Executor, kind: CatalogKind, ids: (string | null | undefined)[], committeeId: string, field: string, label: string) {
  await assertOwnedIds(db, catalogs[kind].table, ids, committeeId, field, label);
}
