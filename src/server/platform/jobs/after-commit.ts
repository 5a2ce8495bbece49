import type { Database, Tx } from '../../db/client.js';

/** A side effect (notification, reminder, export) that must only run once the change is committed. */
export type Effect = (db: Database) => Promise<void>;

export interface UnitOfWork {
  tx: Tx;
  /** queue an effect to run after commit; dropped if the transaction rolls back */
  after(effect: Effect): void;
}

/**
 * Runs `work` in one transaction and then its queued effects. Effects that fail are logged, never
 * undo the committed change (an email that cannot be sent must not roll back a filing).
 */
export async function inTransaction<T>(database: Database, work: (uow: UnitOfWork) => Promise<T>): Promise<T> {
  const effects: Effect[] = [];
  const result = await database.db.transaction(async (tx) => work({ tx, after: (e) => effects.push(e) }));
  for (const effect of effects) {
    try {
      await effect(database);
    } catch (err) {
      console.error('[after-commit] effect failed', err);
    }
  }
  return result;
}
