import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { contentDisposition } from '../../../shared/http/content-disposition.js';
import { renderDocx } from './docx.js';
import type { OfficialDocument } from './model.js';
import { renderPdf } from './pdf.js';

export const documentFormats = ['docx', 'pdf'] as const;
export type DocumentFormat = (typeof documentFormats)[number];
/** `?format=` of download routes: .docx unless PDF is asked for */
export const formatQuery = z.object({ format: z.enum(documentFormats).optional().describe('文件格式') });

export const contentTypes: Record<DocumentFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

/** One description, either file. */
export const renderDocument = (doc: OfficialDocument, format: DocumentFormat) => (format === 'pdf' ? renderPdf(doc) : renderDocx(doc));

/** Content-Disposition for a Chinese file name (see shared/http/content-disposition.ts). */
export const attachmentHeader = contentDisposition;

/** Renders and sends a document as a download, named `basename` (Chinese) with an ASCII name for old clients. */
export async function sendDocument(reply: FastifyReply, doc: OfficialDocument, format: DocumentFormat, basename: string, asciiName?: string) {
  const file = await renderDocument(doc, format);
  return reply
    .header('content-type', contentTypes[format])
    .header('content-disposition', attachmentHeader(`${basename}.${format}`, asciiName))
    .header('cache-control', 'private, no-store')
    .send(file);
}
