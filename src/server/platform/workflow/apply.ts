import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Database } from '../../db/client.js';
import { AppError } from '../errors.js';
import type { Actor } from '../auth/actor.js';
import { audit } from '../audit/audit.js';
import { atLast, inTransaction, type UnitOfWork } from '../jobs/after-commit.js';
import { decide, type Workflow } from './workflow.js';

type StatefulRow = { id: string; committeeId: string; status: string; version: number };

/** Column changes whose values may be SQL, computed by the update itself. */
export type LatePatch<R> = { [K in keyof R]?: R[K] | SQL };

/** What the guards read: given, or loaded for the record inside the transaction (facts under the same snapshot). */
export type ContextSource<R, C> = C | ((record: R, uow: UnitOfWork) => Promise<C> | C);
/** Required when the workflow's guards read something (the clock, facts), optional otherwise. */
type ContextOption<R, C> = {} extends C ? { context?: ContextSource<R, C> } : { context: ContextSource<R, C> };

interface BaseOptions<S extends string, A extends string, R extends StatefulRow, C> {
  workflow: Workflow<S, A, R, C>;
  /** a table with id, committee_id, status and version columns */
  table: PgTable & { id: any; status: any; version: any };
  id: string;
  action: A;
  actor: Actor;
  /** the version the person saw; a different current version means someone else changed it (409) */
  version: number;
  /** extra column changes that go with the transition */
  patch?: (record: R, uow: UnitOfWork) => Promise<Partial<R>> | Partial<R>;
  /**
   * column changes made last, just before the commit (UnitOfWork.last) — a number handed out under a
   * lock held to commit, as SQL, so the lock is held for that statement, the audit rows and the commit
   * only. The record returned and the transition's audit row carry the values they took; `alsoDo`
   * runs before them (and sees the record without them).
   */
  patchLast?: (record: R, uow: UnitOfWork) => Promise<LatePatch<R>> | LatePatch<R>;
  /** more writes in the same transaction (child rows, ledger entries), and after-commit effects */
  alsoDo?: (updated: R, before: R, uow: UnitOfWork) => Promise<void>;
  note?: string;
  /** Chinese name of the record, for not-found messages */
  label: string;
  /**
   * Where the audit row belongs when it is not the record itself: an assignment's changes show in
   * the history of the proposal or report it belongs to.
   */
  auditAs?: (record: R) => { subjectType: string; subjectId: string };
}

export type ApplyOptions<S extends string, A extends string, R extends StatefulRow, C = {}> = BaseOptions<S, A, R, C> & ContextOption<R, C>;

/**
 * Applies one transition: load → authorise → check state and version → one transaction with the
 * update and its audit row → after-commit effects. The update itself re-checks the version, so two
 * people acting at once cannot both win.
 */
export async function applyTransition<S extends string, A extends string, R extends StatefulRow, C = {}>(
  database: Database,
  o: ApplyOptions<S, A, R, C>,
): Promise<R> {
  return inTransaction(database, (uow) => transitionWithin(uow, o));
}

/** The same, inside a caller's transaction: several transitions that must succeed together (并案). */
export async function transitionWithin<S extends string, A extends string, R extends StatefulRow, C = {}>(uow: UnitOfWork, o: ApplyOptions<S, A, R, C>): Promise<R> {
  {
    const [record] = (await uow.tx.select().from(o.table as any).where(eq(o.table.id, o.id)).limit(1)) as R[];
    if (!record || record.committeeId !== o.actor.committeeId) throw AppError.notFound(o.label);
    const source = (o as { context?: ContextSource<R, C> }).context;
    const context = (typeof source === 'function' ? await (source as (r: R, u: UnitOfWork) => Promise<C> | C)(record, uow) : source ?? {}) as C;
    const verdict = decide(o.workflow, o.action, o.actor, record, ...([context] as any));
    if (!verdict.ok) {
      // a role outside the transition is 403; a guard's refusal (the author, the office in charge),
      // a precondition or a wrong state are 409 with the table's words, as they always were
      if (verdict.reason === 'forbidden') throw AppError.forbidden(verdict.message);
      if (verdict.reason === 'unknown_action') throw AppError.field('action', '操作', verdict.message);
      throw AppError.invalidState(verdict.message);
    }
    if (record.version !== o.version) throw AppError.versionConflict();
    const extra = (await o.patch?.(record, uow)) ?? {};
    // a computed target sees the record as the transition leaves it (e.g. review steps set on submit)
    const target = verdict.transition.to;
    const to = typeof target === 'function' ? target({ ...record, ...extra } as R) : target;
    const changes = { ...extra, status: to, version: record.version + 1, updatedAt: new Date() } as Record<string, unknown>;
    const [updated] = (await uow.tx
      .update(o.table)
      .set(changes as any)
      .where(and(eq(o.table.id, o.id), eq(o.table.version, o.version)))
      .returning()) as R[];
    if (!updated) throw AppError.versionConflict();
    const auditTransition = (late: Partial<R>) =>
      audit(uow.tx, o.actor, {
        action: `${o.workflow.name}.${o.action}`,
        ...(o.auditAs?.(record) ?? { subjectType: o.workflow.name, subjectId: o.id }),
        before: { status: record.status, ...pick(record, [...Object.keys(extra), ...Object.keys(late)]) },
        after: { status: to, ...extra, ...late },
        note: o.note,
      });
    if (!o.patchLast) {
      await auditTransition({});
      await o.alsoDo?.(updated, record, uow);
      return updated;
    }
    const patchLast = o.patchLast;
    // the other writes first: their own last steps (a counts row they lock) then come before this one's
    await o.alsoDo?.(updated, record, uow);
    await atLast(uow, async () => {
      const late = await patchLast(updated, uow);
      const keys = Object.keys(late);
      if (keys.length) {
        const columns = Object.fromEntries(keys.map((k) => [k, (o.table as any)[k]]));
        const [row] = (await uow.tx.update(o.table).set(late as any).where(eq(o.table.id, o.id)).returning(columns)) as Partial<R>[];
        Object.assign(updated, row);
      }
      // the values the update gave them (a number handed out), as the row now holds them
      await auditTransition(pick(updated, keys) as Partial<R>);
    });
    return updated;
  }
}

function pick(obj: object, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, (obj as any)[k]]));
}

/** `version = version + 1 where version = expected` for plain edits outside a workflow. */
export const bumpVersion = (table: { version: any }) => sql`${table.version} + 1`;
