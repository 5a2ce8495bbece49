import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Executor } from './client.js';

/**
 * A hot statement built once per database handle instead of on every call, and sent by name: the
 * PostgreSQL driver parses a named statement once per connection, and the server plans it from its
 * cache after a few runs. Building a big select (a page's twenty json_agg lists) cost more of the
 * app's CPU than anything it does with the rows; its text was sent and parsed again each time.
 *
 * The statement's values are placeholders (`sql.placeholder('id')`) given to `execute`; its shape
 * must not depend on them (a name always has the same text). A transaction's handle lives for one
 * transaction, so there the statement is built for that call (still sent by name).
 *
 * @example
 * const byId = preparedPerDatabase((db) => db.select().from(proposals).where(eq(proposals.id, sql.placeholder('id'))).prepare('proposal_by_id'));
 * const [row] = await byId(db).execute({ id });
 */
export function preparedPerDatabase<Q>(build: (db: Executor) => Q): (db: Executor) => Q {
  const built = new WeakMap<object, Q>();
  return (db) => {
    if (db instanceof PgTransaction) return build(db);
    let statement = built.get(db);
    if (!statement) built.set(db, (statement = build(db)));
    return statement;
  };
}
