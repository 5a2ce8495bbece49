import type { FastifyReply, FastifyRequest } from 'fastify';
import { attachmentHeader } from '../documents/send.js';
import { AppError } from '../errors.js';

/** The one file of a multipart upload (field `file`), read whole — the size limit is checked next. */
export async function uploadedFile(req: FastifyRequest): Promise<{ filename: string; data: Buffer }> {
  if (!req.isMultipart()) throw AppError.field('file', '附件', '请以表单文件方式上传');
  const part = await req.file();
  if (!part) throw AppError.field('file', '附件', '请选择文件');
  return { filename: part.filename, data: await part.toBuffer() };
}

/** Sends a stored file as a download under its own (Chinese) name and type. */
export const sendAttachment = (reply: FastifyReply, file: { filename: string; contentType: string; data: Buffer }) =>
  reply.header('content-type', file.contentType).header('content-disposition', attachmentHeader(file.filename, 'attachment')).send(file.data);
