import { eq } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Executor, Tx } from '../../db/client.js';
import type { Actor } from '../auth/actor.js';
import type { CommandContext } from '../commands/context.js';
import { inTransaction } from '../jobs/after-commit.js';
import { authorize, type Policy } from '../policy/policy.js';
import { checkFile, listAttachments, removeStoredAttachment, storeAttachment, storedAttachment, type AttachmentSubject } from './files.js';

/** How a module's records take files: the table, how a readable record is loaded, and the policy that allows `update`. */
export interface AttachableRecords<R extends { id: string; committeeId: string }, S extends { committeeId: string }> {
  type: string;
  /** 每件提案 / 每篇信息, for the limit message */
  label: string;
  table: PgTable & { id: any };
  /** loads a record the actor may read, or throws not-found */
  load(db: Executor, actor: Actor, id: string): Promise<{ id: string; committeeId: string }>;
  /** the row as the policy sees it (with its parties) */
  subjectOf(tx: Tx, row: R): Promise<S>;
  policy: Policy<S, 'update' | 'read'>;
}

/**
 * The attach / remove / download / list commands of one kind of record, written once: files go
 * on while the author may still change the record (the policy's `update`), under the record's row
 * lock, each with its audit row; readers of the record download them.
 */
export function attachmentCommands<R extends { id: string; committeeId: string }, S extends { committeeId: string }>(spec: AttachableRecords<R, S>) {
  const subject = (r: { id: string; committeeId: string }): AttachmentSubject => ({ type: spec.type, id: r.id, committeeId: r.committeeId, label: spec.label });
  const lockForUpdate = async (tx: Tx, actor: Actor, id: string) => {
    const [row] = (await tx.select().from(spec.table as any).where(eq(spec.table.id, id)).for('update')) as R[];
    authorize(spec.policy, 'update', actor, await spec.subjectOf(tx, row));
    return subject(row);
  };
  return {
    async attach({ database, actor }: CommandContext, { id, file }: { id: string; file: { filename: string; data: Buffer } }) {
      const checked = checkFile(file);
      await spec.load(database.db, actor, id);
      return inTransaction(database, async ({ tx }) => storeAttachment(tx, actor, await lockForUpdate(tx, actor, id), checked));
    },
    async remove({ database, actor, now }: CommandContext, { id, attachmentId }: { id: string; attachmentId: string }) {
      await spec.load(database.db, actor, id);
      return inTransaction(database, async ({ tx }) => removeStoredAttachment(tx, actor, await lockForUpdate(tx, actor, id), { attachmentId, at: now }));
    },
    async file(db: Executor, actor: Actor, id: string, attachmentId: string) {
      return storedAttachment(db, subject(await spec.load(db, actor, id)), attachmentId);
    },
    list: (db: Executor, id: string) => listAttachments(db, { type: spec.type, id }),
  };
}
