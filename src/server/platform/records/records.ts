import { and, eq } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Database, Executor } from '../../db/client.js';
import { AppError } from '../errors.js';
import type { Actor } from '../auth/actor.js';
import { audit } from '../audit/audit.js';
import { authorize, committeeSubject, type CommitteeScope, type Policy } from '../policy/policy.js';
import { inTransaction, type UnitOfWork } from '../jobs/after-commit.js';
import { translateDbError } from './db-errors.js';

type Row = { id: string; committeeId: string; version: number };
type RecordTable = PgTable & { id: any; committeeId: any; version: any };

/** Loads one record of the actor's committee that the policy lets them read, or throws not-found. */
export async function loadRecord<R extends Row>(db: Executor, table: RecordTable, id: string, actor: Actor, policy: Policy<R, any>): Promise<R> {
  const [row] = (await db.select().from(table as any).where(eq(table.id, id)).limit(1)) as R[];
  if (!row) throw AppError.notFound(policy.label);
  authorize(policy, 'read', actor, row);
  return row;
}

export interface CreateOptions<R extends Row> {
  table: RecordTable;
  /** the record's policy: names the audit subject */
  policy: Pick<Policy<never, string>, 'subject' | 'label'>;
  /**
   * Who may create: the module's collection policy (rights on the committee, not on a record),
   * asked on the actor's committee. No made-up record stands in for one that does not exist yet.
   */
  collection: Policy<CommitteeScope, 'create' | string>;
  actor: Actor;
  values: Record<string, unknown>;
  /** unique-constraint name → the field it protects, for a Chinese message naming it */
  uniqueFields?: Record<string, { field: string; label: string }>;
  alsoDo?: (row: R, uow: UnitOfWork) => Promise<void>;
}

/** Inserts a record of the actor's committee with its audit row, in one transaction. */
export async function createRecord<R extends Row>(database: Database, o: CreateOptions<R>): Promise<R> {
  authorize(o.collection, 'create', o.actor, committeeSubject(o.actor));
  try {
    return await inTransaction(database, async (uow) => {
      const [row] = (await uow.tx.insert(o.table).values({ ...o.values, committeeId: o.actor.committeeId } as any).returning()) as R[];
      await audit(uow.tx, o.actor, { action: `${o.policy.subject}.create`, subjectType: o.policy.subject, subjectId: row.id, after: row });
      await o.alsoDo?.(row, uow);
      return row;
    });
  } catch (err) {
    throw translateDbError(err, o.uniqueFields);
  }
}

/**
 * `S` is the record as its policy reads it: the row, or the row with what `subjectOf` adds (a
 * proposal's co-signers, the units a suggestion was sent to).
 */
export interface UpdateOptions<R extends Row, S extends Row = R> {
  table: RecordTable;
  policy: Policy<S, any>;
  actor: Actor;
  id: string;
  version: number;
  /** the new values, or a function of the row as it is now (read once, in the update's transaction): `(before) => ({ publishedAt: before.publishedAt ?? now })` */
  changes: Record<string, unknown> | ((before: R) => Record<string, unknown>);
  action?: string;
  uniqueFields?: Record<string, { field: string; label: string }>;
  alsoDo?: (row: R, before: R, uow: UnitOfWork) => Promise<void>;
  /** adds what the policy needs beyond the row (required when the policy reads more than the row) */
  subjectOf?: (row: R, db: Executor) => Promise<S>;
}

/** Updates a record if the person saw its current version (else 409), with its audit row. */
export async function updateRecord<R extends Row, S extends Row = R>(database: Database, o: UpdateOptions<R, S>): Promise<R> {
  try {
    return await inTransaction(database, async (uow) => {
      const [before] = (await uow.tx.select().from(o.table as any).where(eq(o.table.id, o.id)).limit(1)) as R[];
      if (!before) throw AppError.notFound(o.policy.label);
      // without subjectOf the policy reads the row itself (S defaults to R)
      const subject = o.subjectOf ? await o.subjectOf(before, uow.tx) : (before as unknown as S);
      authorize(o.policy, 'read', o.actor, subject);
      authorize(o.policy, o.action ?? 'update', o.actor, subject);
      if (before.version !== o.version) throw AppError.versionConflict();
      const changes = typeof o.changes === 'function' ? o.changes(before) : o.changes;
      const [row] = (await uow.tx
        .update(o.table)
        .set({ ...changes, version: before.version + 1, updatedAt: new Date() } as any)
        .where(and(eq(o.table.id, o.id), eq(o.table.version, o.version)))
        .returning()) as R[];
      if (!row) throw AppError.versionConflict();
      const changedKeys = Object.keys(changes);
      await audit(uow.tx, o.actor, {
        action: `${o.policy.subject}.${o.action ?? 'update'}`,
        subjectType: o.policy.subject,
        subjectId: o.id,
        before: pick(before, changedKeys),
        after: pick(row, changedKeys),
      });
      await o.alsoDo?.(row, before, uow);
      return row;
    });
  } catch (err) {
    throw translateDbError(err, o.uniqueFields);
  }
}

const pick = (obj: object, keys: string[]) => Object.fromEntries(keys.map((k) => [k, (obj as any)[k]]));
