import { and, asc, count, eq, isNull } from 'drizzle-orm';
import type { Database, Executor } from '../../../db/client.js';
import type { Actor } from '../../../platform/auth/actor.js';
import { audit } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/errors.js';
import { inTransaction } from '../../../platform/jobs/after-commit.js';
import { authorize } from '../../../platform/policy/policy.js';
import { loadOpinion, withParties } from '../load.js';
import { opinionPolicy } from '../policy.js';
import { opinionAttachments, opinions } from '../schema.js';

/** What a report may carry: documents, spreadsheets, PDFs, pictures, plain text — served as the type of its extension. */
const types: Record<string, string> = {
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  wps: 'application/vnd.ms-works',
  pdf: 'application/pdf',
  txt: 'text/plain; charset=utf-8',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
};
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS = 5;

/** The author attaches a file to their draft (at most five, 10 MB each). */
export async function attachToOpinion(database: Database, actor: Actor, id: string, file: { filename: string; data: Buffer }) {
  const name = file.filename.trim().replace(/[\\/]/g, '_').slice(0, 200);
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1].toLowerCase() ?? '';
  if (!name) throw AppError.field('file', '附件', '请选择文件');
  if (!types[ext]) throw AppError.field('file', '附件', '只能上传 Word、Excel、WPS、PDF、文本或 JPG/PNG 图片');
  if (file.data.length === 0) throw AppError.field('file', '附件', '文件是空的');
  if (file.data.length > MAX_ATTACHMENT_BYTES) throw AppError.field('file', '附件', '单个文件不能超过10MB');
  await loadOpinion(database.db, actor, id);
  return inTransaction(database, async ({ tx }) => {
    // the report's row lock serialises two uploads counting at once
    const [row] = await tx.select().from(opinions).where(eq(opinions.id, id)).for('update');
    authorize(opinionPolicy, 'update', actor, (await withParties(tx, [row]))[0]);
    const [{ n }] = await tx.select({ n: count() }).from(opinionAttachments).where(and(eq(opinionAttachments.opinionId, id), isNull(opinionAttachments.removedAt)));
    if (n >= MAX_ATTACHMENTS) throw AppError.field('file', '附件', `每篇信息最多${MAX_ATTACHMENTS}个附件`);
    const [created] = await tx
      .insert(opinionAttachments)
      .values({ committeeId: row.committeeId, opinionId: id, filename: name, contentType: types[ext], size: file.data.length, data: file.data, uploadedByUserId: actor.userId, uploadedByName: actor.name })
      .returning({ id: opinionAttachments.id });
    await audit(tx, actor, { action: 'opinion.attach', subjectType: 'opinion', subjectId: id, after: { attachmentId: created.id, filename: name, size: file.data.length } });
    return created;
  });
}

/** The author takes a file off their draft; the row and bytes stay for the record. */
export async function removeAttachment(database: Database, actor: Actor, id: string, attachmentId: string) {
  await loadOpinion(database.db, actor, id);
  return inTransaction(database, async ({ tx }) => {
    const [row] = await tx.select().from(opinions).where(eq(opinions.id, id)).for('update');
    authorize(opinionPolicy, 'update', actor, (await withParties(tx, [row]))[0]);
    const [removed] = await tx
      .update(opinionAttachments)
      .set({ removedAt: new Date() })
      .where(and(eq(opinionAttachments.id, attachmentId), eq(opinionAttachments.opinionId, id), isNull(opinionAttachments.removedAt)))
      .returning({ filename: opinionAttachments.filename });
    if (!removed) throw AppError.notFound('附件');
    await audit(tx, actor, { action: 'opinion.removeAttachment', subjectType: 'opinion', subjectId: id, before: { attachmentId, filename: removed.filename } });
  });
}

/** A file of a report the actor may read. */
export async function attachmentFile(db: Executor, actor: Actor, id: string, attachmentId: string) {
  await loadOpinion(db, actor, id);
  const [file] = await db
    .select()
    .from(opinionAttachments)
    .where(and(eq(opinionAttachments.id, attachmentId), eq(opinionAttachments.opinionId, id), isNull(opinionAttachments.removedAt)));
  if (!file) throw AppError.notFound('附件');
  return file;
}

/** A report's current files, without their bytes. */
export const listAttachments = (db: Executor, id: string) =>
  db
    .select({ id: opinionAttachments.id, filename: opinionAttachments.filename, size: opinionAttachments.size, uploadedByName: opinionAttachments.uploadedByName, uploadedAt: opinionAttachments.uploadedAt })
    .from(opinionAttachments)
    .where(and(eq(opinionAttachments.opinionId, id), isNull(opinionAttachments.removedAt)))
    .orderBy(asc(opinionAttachments.uploadedAt));
