import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../auth/actor.js';
import type { CommandContext } from '../commands/context.js';
import { audit } from '../audit/audit.js';
import { AppError } from '../errors.js';
import { inTransaction } from '../jobs/after-commit.js';
import { authorize } from '../policy/policy.js';
import { findActivity, loadActivity, subjectOf } from './load.js';
import { activityPolicy } from './policy.js';
import { activityFiles } from './schema.js';
import { checkUpload } from '../attachments/types.js';
import { keyIn } from '../../../shared/labels.js';

export const fileKinds = { materials: '会议材料', minutes: '会议纪要' } as const;
export type FileKind = keyof typeof fileKinds;

export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/**
 * The organising office attaches a file (materials any time; minutes too, also after closing):
 * documents, spreadsheets, slides, PDFs, pictures, plain text, zip — typed by extension (types.ts).
 */
export async function attachFile({ database, actor }: CommandContext, { activityId, kind, file }: { activityId: string; kind: FileKind; file: { filename: string; data: Buffer } }) {
  const { name, contentType } = checkUpload(file, {
    label: '文件', allowed: ['doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'pdf', 'wps', 'txt', 'jpg', 'jpeg', 'png', 'zip'], allowedText: '只能上传 Word、Excel、PPT、PDF、WPS、文本、图片或 zip 文件',
    maxBytes: MAX_FILE_BYTES, tooLarge: '文件不能超过20MB', tooLargeStatus: 413,
  });
  return inTransaction(database, async ({ tx }) => {
    const row = await findActivity(tx, actor, activityId);
    authorize(activityPolicy, 'manage', actor, await subjectOf(tx, actor, row));
    const [created] = await tx
      .insert(activityFiles)
      .values({ committeeId: row.committeeId, activityId, kind, filename: name, contentType, size: file.data.length, data: file.data, uploadedByUserId: actor.userId, uploadedByName: actor.name })
      .returning({ id: activityFiles.id });
    await audit(tx, actor, { action: 'activity.attachFile', subjectType: 'activity', subjectId: activityId, after: { fileId: created.id, kind, filename: name, size: file.data.length } });
    return created;
  });
}

/** Takes a file off the event's page; the row and bytes stay for the record (never deleted). */
export async function removeFile({ database, actor, now }: CommandContext, { activityId, fileId }: { activityId: string; fileId: string }) {
  return inTransaction(database, async ({ tx }) => {
    const row = await findActivity(tx, actor, activityId);
    authorize(activityPolicy, 'manage', actor, await subjectOf(tx, actor, row));
    const [updated] = await tx
      .update(activityFiles)
      .set({ removedAt: now })
      .where(and(eq(activityFiles.id, fileId), eq(activityFiles.activityId, activityId), isNull(activityFiles.removedAt)))
      .returning({ filename: activityFiles.filename });
    if (!updated) throw AppError.notFound('文件');
    await audit(tx, actor, { action: 'activity.removeFile', subjectType: 'activity', subjectId: activityId, before: { fileId, filename: updated.filename } });
  });
}

/** The event's current files, without their bytes. */
export async function listFiles(db: Executor, activityId: string) {
  const rows = await db
    .select({ id: activityFiles.id, kind: activityFiles.kind, filename: activityFiles.filename, size: activityFiles.size, uploadedByName: activityFiles.uploadedByName, uploadedAt: activityFiles.uploadedAt })
    .from(activityFiles)
    .where(and(eq(activityFiles.activityId, activityId), isNull(activityFiles.removedAt)))
    .orderBy(asc(activityFiles.uploadedAt));
  return rows.map((r) => ({ ...r, kind: keyIn(fileKinds, r.kind), kindLabel: fileKinds[keyIn(fileKinds, r.kind)] }));
}

/** One file for download, to anyone who may read the event (invited members included). */
export async function readFile(db: Executor, actor: Actor, { activityId, fileId }: { activityId: string; fileId: string }) {
  await loadActivity(db, actor, activityId);
  const [f] = await db.select().from(activityFiles).where(and(eq(activityFiles.id, fileId), eq(activityFiles.activityId, activityId), isNull(activityFiles.removedAt)));
  if (!f) throw AppError.notFound('文件');
  return f;
}
