import { and, asc, count, eq, isNull, type SQLWrapper } from 'drizzle-orm';
import type { Executor, Tx } from '../../db/client.js';
import type { Actor } from '../auth/actor.js';
import { audit } from '../audit/audit.js';
import { AppError } from '../errors.js';
import { attachments } from './schema.js';
import { checkUpload } from './types.js';
import { attachmentLimits } from '../../../shared/http/attachments.js';

export const MAX_ATTACHMENT_BYTES = attachmentLimits.maxBytes;
export const MAX_ATTACHMENTS = attachmentLimits.maxFiles;

/** The record a file belongs to; `label` names it in messages (每件提案 / 每篇信息). */
export interface AttachmentSubject {
  type: string;
  id: string;
  committeeId: string;
  label: string;
}

/** An uploaded file checked before anything is locked: its safe name and content type, or a field error. */
export const checkFile = (file: { filename: string; data: Buffer }) =>
  checkUpload(file, {
    label: '附件', allowed: [...attachmentLimits.extensions], allowedText: attachmentLimits.allowedText,
    maxBytes: attachmentLimits.maxBytes, tooLarge: attachmentLimits.tooLarge,
  });

/** SQL: the files a record holds now (a removed file keeps its row). */
export const currentFiles = (s: { type: string; id: string | SQLWrapper }) => and(eq(attachments.subjectType, s.type), eq(attachments.subjectId, s.id), isNull(attachments.removedAt));

/**
 * Stores a checked file on a record, with its audit row. Call inside the transaction that locked and
 * authorised the record, so two uploads counting at once are serialised.
 */
export async function storeAttachment(tx: Tx, actor: Actor, s: AttachmentSubject, file: ReturnType<typeof checkFile>) {
  const [{ n }] = await tx.select({ n: count() }).from(attachments).where(currentFiles(s));
  if (n >= MAX_ATTACHMENTS) throw AppError.field('file', '附件', `${s.label}最多${MAX_ATTACHMENTS}个附件`);
  const [created] = await tx
    .insert(attachments)
    .values({ committeeId: s.committeeId, subjectType: s.type, subjectId: s.id, filename: file.name, contentType: file.contentType, size: file.data.length, data: file.data, uploadedByUserId: actor.userId, uploadedByName: actor.name })
    .returning({ id: attachments.id });
  await audit(tx, actor, { action: `${s.type}.attach`, subjectType: s.type, subjectId: s.id, after: { attachmentId: created.id, filename: file.name, size: file.data.length } });
  return created;
}

/** Takes a file off a record (inside the caller's locked, authorised transaction) `at` the app's clock; the row and bytes stay. */
export async function removeStoredAttachment(tx: Tx, actor: Actor, s: AttachmentSubject, { attachmentId, at }: { attachmentId: string; at: Date }) {
  const [removed] = await tx
    .update(attachments)
    .set({ removedAt: at })
    .where(and(eq(attachments.id, attachmentId), currentFiles(s)))
    .returning({ filename: attachments.filename });
  if (!removed) throw AppError.notFound('附件');
  await audit(tx, actor, { action: `${s.type}.removeAttachment`, subjectType: s.type, subjectId: s.id, before: { attachmentId, filename: removed.filename } });
}

/** One current file of a record (the caller has checked the actor may read the record). */
export async function storedAttachment(db: Executor, s: Pick<AttachmentSubject, 'type' | 'id'>, attachmentId: string) {
  const [file] = await db.select().from(attachments).where(and(eq(attachments.id, attachmentId), currentFiles(s)));
  if (!file) throw AppError.notFound('附件');
  return file;
}

/** A record's current files, without their bytes. */
export const listAttachments = (db: Executor, s: Pick<AttachmentSubject, 'type' | 'id'>) =>
  db
    .select({ id: attachments.id, filename: attachments.filename, size: attachments.size, uploadedByName: attachments.uploadedByName, uploadedAt: attachments.uploadedAt })
    .from(attachments)
    .where(currentFiles(s))
    .orderBy(asc(attachments.uploadedAt));
