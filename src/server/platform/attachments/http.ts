import type { FastifyReply, FastifyRequest } from 'fastify';
import { attachmentHeader } from '../documents/send.js';
import { AppError } from '../errors.js';
import { contentTypeOf } from './types.js';

/** The one file of a multipart upload (field `file`), read whole — the size limit is checked next. */
export async function uploadedFile(req: FastifyRequest): Promise<{ filename: string; data: Buffer }> {
  if (!req.isMultipart()) throw AppError.field('file', '附件', '请以表单文件方式上传');
  const part = await req.file();
  if (!part) throw AppError.field('file', '附件', '请选择文件');
  return { filename: part.filename, data: await part.toBuffer() };
}

/**
 * Sends a stored file as a download under its own (Chinese) name. The type comes from the name's
 * extension (the allow-list in types.ts), never from what the uploader declared or what was stored
 * then; and the response is sandboxed, so even a file a browser chose to render could run no
 * script and reach nothing on our origin.
 */
export const sendAttachment = (reply: FastifyReply, file: { filename: string; data: Buffer }) =>
  reply
    .header('content-type', contentTypeOf(file.filename))
    .header('content-disposition', attachmentHeader(file.filename, 'attachment'))
    .header('content-security-policy', DOWNLOAD_CSP)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(file.data);

/** No script, no plugin, no request, no form: a downloaded file is only bytes. */
export const DOWNLOAD_CSP = "sandbox; default-src 'none'; frame-ancestors 'none'";
