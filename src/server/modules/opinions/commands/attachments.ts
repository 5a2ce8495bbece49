import { eq } from 'drizzle-orm';
import type { Database, Executor, Tx } from '../../../db/client.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { checkFile, listAttachments, removeStoredAttachment, storeAttachment, storedAttachment, type AttachmentSubject } from '../../../platform/attachments/files.js';
import { inTransaction } from '../../../platform/jobs/after-commit.js';
import { authorize } from '../../../platform/policy/policy.js';
import { loadOpinion, withParties } from '../load.js';
import { opinionPolicy } from '../policy.js';
import { opinions } from '../schema.js';

const subject = (o: { id: string; committeeId: string }): AttachmentSubject => ({ type: 'opinion', id: o.id, committeeId: o.committeeId, label: '每篇信息' });

/** Locks the report and checks the actor may still change it (a draft of their own). */
async function lockForUpdate(tx: Tx, actor: Actor, id: string) {
  const [row] = await tx.select().from(opinions).where(eq(opinions.id, id)).for('update');
  authorize(opinionPolicy, 'update', actor, (await withParties(tx, [row]))[0]);
  return subject(row);
}

/** The author attaches a file to their draft (at most five, 10 MB each). */
export async function attachToOpinion(database: Database, actor: Actor, id: string, file: { filename: string; data: Buffer }) {
  const checked = checkFile(file);
  await loadOpinion(database.db, actor, id);
  return inTransaction(database, async ({ tx }) => storeAttachment(tx, actor, await lockForUpdate(tx, actor, id), checked));
}

/** The author takes a file off their draft; the row and bytes stay for the record. */
export async function removeAttachment(database: Database, actor: Actor, id: string, attachmentId: string) {
  await loadOpinion(database.db, actor, id);
  return inTransaction(database, async ({ tx }) => removeStoredAttachment(tx, actor, await lockForUpdate(tx, actor, id), attachmentId));
}

/** A file of a report the actor may read. */
export async function attachmentFile(db: Executor, actor: Actor, id: string, attachmentId: string) {
  return storedAttachment(db, subject(await loadOpinion(db, actor, id)), attachmentId);
}

/** A report's current files, without their bytes. */
export const opinionAttachments = (db: Executor, id: string) => listAttachments(db, { type: 'opinion', id });
