import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';

/** A hard cap on any one file of a public form, whatever the settings say (memory, not policy). */
const HARD_FILE_BYTES = 5 * 1024 * 1024;

/**
 * A public form as sent: JSON, or multipart with its text fields and up to `maxFiles` files (field
 * `photos`). Limits the parser itself so an oversized upload stops early with a field error naming
 * 照片 instead of a framework error; the committee's own size limit is checked by the command.
 */
export async function readPublicForm(req: FastifyRequest, maxFiles: number): Promise<{ fields: Record<string, unknown>; files: { filename: string; data: Buffer }[] }> {
  if (!req.isMultipart()) return { fields: (req.body && typeof req.body === 'object' ? req.body : {}) as Record<string, unknown>, files: [] };
  const fields: Record<string, unknown> = {};
  const files: { filename: string; data: Buffer }[] = [];
  try {
    for await (const part of req.parts({ limits: { fileSize: HARD_FILE_BYTES, files: maxFiles + 1, fields: 20, fieldSize: 16 * 1024 } })) {
      if (part.type === 'file') {
        const data = await part.toBuffer();
        if (files.length >= maxFiles) throw AppError.field('photos', '照片', maxFiles ? `最多上传${maxFiles}张` : '本会暂不接收照片');
        files.push({ filename: part.filename, data });
      } else fields[part.fieldname] = part.value;
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    const code = (err as { code?: string }).code ?? '';
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw AppError.field('photos', '照片', `每张照片不能超过${HARD_FILE_BYTES / 1024 / 1024}MB`);
    if (code === 'FST_FILES_LIMIT') throw AppError.field('photos', '照片', `最多上传${maxFiles}张`);
    if (code.startsWith('FST_')) throw AppError.field('photos', '照片', '表单内容过多或格式有误');
    throw err;
  }
  return { fields, files };
}
