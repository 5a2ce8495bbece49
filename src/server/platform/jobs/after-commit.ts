import type { Database, Tx } from '../../db/client.js';
import { wakeIfEmitted } from './outbox.js';
import { deferAuditRows, flushAuditRows } from '../audit/audit.js';

/**
 * One command's transaction. There is no "run this after commit" hook on purpose: an effect kept
 * in memory is lost when the process dies between the commit and the effect. Effects are written
 * in the transaction instead — in-app notices as rows (`notify(uow.tx, …)`), and whatever leaves
 * the process as outbox rows (`emit`) that a worker delivers with retries.
 */
export interface UnitOfWork {
  tx: Tx;
  /**
   * Runs `step` after the work, in the same transaction, just before its audit rows and its commit:
   * for a lock held to commit (a number handed out), so the others waiting for it wait for as few
   * statements as possible. Steps run in the order given. Without it (a handle made by hand) run `step` at once.
   */
  last?(step: () => Promise<void>): void;
}

/** Runs `step` among the work's last steps when the handle has them (UnitOfWork.last), else at once. */
export async function atLast(uow: UnitOfWork, step: () => Promise<void>): Promise<void> {
  if (uow.last) uow.last(step);
  else await step();
}

/**
 * Runs `work` in one transaction; after the commit this process's outbox worker looks for what it
 * emitted. The work's audit rows are sent as its last statement (platform/audit), after its `last` steps.
 */
export async function inTransaction<T>(database: Database, work: (uow: UnitOfWork) => Promise<T>): Promise<T> {
  let tx: Tx | undefined;
  const result = await database.db.transaction(async (t) => {
    tx = t;
    const steps: (() => Promise<void>)[] = [];
    deferAuditRows(t);
    const value = await work({ tx: t, last: (step) => void steps.push(step) });
    // a step may add steps of its own
    for (let i = 0; i < steps.length; i++) await steps[i]();
    await flushAuditRows(t);
    return value;
  });
  if (tx) wakeIfEmitted(tx);
  return result;
}
