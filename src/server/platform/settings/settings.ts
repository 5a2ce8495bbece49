import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Executor } from '../../db/client.js';
import { moduleSettings } from './schema.js';
import { cachedPerCommittee } from '../cache/cache.js';

/**
 * A module's settings manifest: its schema (with Chinese labels) and the defaults from RULES.md.
 * Values are stored per committee for all years (year 0) and may be overridden for one year.
 */
export interface SettingsManifest<S extends z.ZodObject> {
  module: string;
  label: string;
  schema: S;
  defaults: z.output<S>;
  /**
   * Who changes these rules (default the system admin). 三员分立: the rules of the audit trail itself
   * (its retention) are the security auditor's, so the admin whose actions it records cannot shorten it.
   */
  keptBy?: SettingsKeeper;
}

export type SettingsKeeper = 'admin' | 'auditor';

/** Identity with a type; a module lists its settings in its manifest (`defineModule({ settings })`). */
export const defineSettings = <S extends z.ZodObject>(m: SettingsManifest<S>): SettingsManifest<S> => m;

/** The settings in force for a committee and year: defaults ← all-years values ← that year's values. */
export async function getSettings<S extends z.ZodObject>(db: Executor, m: SettingsManifest<S>, committeeId: string, year: number): Promise<z.output<S>> {
  // a read-only request takes the stored rows from the per-committee cache (platform/cache)
  const rows = await cachedPerCommittee(db, `settings:${m.module}:${year}`, committeeId, () =>
    db
      .select()
      .from(moduleSettings)
      .where(and(eq(moduleSettings.committeeId, committeeId), eq(moduleSettings.module, m.module), inArray(moduleSettings.year, [0, year]))),
  );
  const all = rows.find((r) => r.year === 0)?.values ?? {};
  const forYear = year !== 0 ? rows.find((r) => r.year === year)?.values ?? {} : {};
  return { ...m.defaults, ...(all as object), ...(forYear as object) };
}

export async function storedSettings(db: Executor, module: string, committeeId: string, year: number) {
  const [row] = await db
    .select()
    .from(moduleSettings)
    .where(and(eq(moduleSettings.committeeId, committeeId), eq(moduleSettings.module, module), eq(moduleSettings.year, year)));
  return row ?? null;
}
