import { pgTable, text } from 'drizzle-orm/pg-core';

/**
 * The generation of each committee's slowly changing tables (catalogs, terms, module settings) and
 * of the shared ones (scope `*`: the work calendar). Statement triggers (migration 0033) give a
 * scope a new random generation in the writer's own transaction, whichever process or tool writes;
 * a process keeps what it read of those tables under the generation it read them at (cache.ts).
 */
export const cacheGenerations = pgTable('cache_generations', {
  /** a committee's id, or `*` for tables every committee shares */
  scope: text('scope').primaryKey(),
  generation: text('generation').notNull(),
});
