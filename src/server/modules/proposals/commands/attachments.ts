import { eq } from 'drizzle-orm';
import type { Database, Executor, Tx } from '../../../db/client.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { checkFile, listAttachments, removeStoredAttachment, storeAttachment, storedAttachment, type AttachmentSubject } from '../../../platform/attachments/files.js';
import { inTransaction } from '../../../platform/jobs/after-commit.js';
import { authorize } from '../../../platform/policy/policy.js';
import { loadProposal, withParties } from '../load.js';
import { proposalPolicy } from '../policy.js';
import { proposals } from '../schema.js';

const subject = (p: { id: string; committeeId: string }): AttachmentSubject => ({ type: 'proposal', id: p.id, committeeId: p.committeeId, label: '每件提案' });

/** Locks the proposal and checks the author may still change it (a draft, or returned for revision). */
async function lockForUpdate(tx: Tx, actor: Actor, id: string) {
  const [row] = await tx.select().from(proposals).where(eq(proposals.id, id)).for('update');
  authorize(proposalPolicy, 'update', actor, (await withParties(tx, [row]))[0]);
  return subject(row);
}

/** The author attaches supporting material (a survey, photos, data) to a draft: at most five, 10 MB each. */
export async function attachToProposal(database: Database, actor: Actor, id: string, file: { filename: string; data: Buffer }) {
  const checked = checkFile(file);
  await loadProposal(database.db, actor, id);
  return inTransaction(database, async ({ tx }) => storeAttachment(tx, actor, await lockForUpdate(tx, actor, id), checked));
}

/** The author takes a file off the draft; the row and bytes stay for the record. */
export async function removeProposalAttachment(database: Database, actor: Actor, id: string, attachmentId: string) {
  await loadProposal(database.db, actor, id);
  return inTransaction(database, async ({ tx }) => removeStoredAttachment(tx, actor, await lockForUpdate(tx, actor, id), attachmentId));
}

/** A file of a proposal the actor may read (reviewers and handling units read them too). */
export async function proposalAttachmentFile(db: Executor, actor: Actor, id: string, attachmentId: string) {
  return storedAttachment(db, subject(await loadProposal(db, actor, id)), attachmentId);
}

/** A proposal's current files, without their bytes. */
export const proposalAttachments = (db: Executor, id: string) => listAttachments(db, { type: 'proposal', id });
