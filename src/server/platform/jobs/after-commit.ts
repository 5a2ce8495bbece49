import type { Database, Tx } from '../../db/client.js';
import { wakeIfEmitted } from './outbox.js';

/**
 * One command's transaction. There is no "run this after commit" hook on purpose: an effect kept
 * in memory is lost when the process dies between the commit and the effect. Effects are written
 * in the transaction instead — in-app notices as rows (`notify(uow.tx, …)`), and whatever leaves
 * the process as outbox rows (`emit`) that a worker delivers with retries.
 */
export interface UnitOfWork {
  tx: Tx;
}

/** Runs `work` in one transaction; after the commit this process's outbox worker looks for what it emitted. */
export async function inTransaction<T>(database: Database, work: (uow: UnitOfWork) => Promise<T>): Promise<T> {
  let tx: Tx | undefined;
  const result = await database.db.transaction(async (t) => {
    tx = t;
    return work({ tx: t });
  });
  if (tx) wakeIfEmitted(tx);
  return result;
}
