import type { FastifyReply } from 'fastify';
import { z } from 'zod';
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

/**
 * Content-Disposition for a Chinese file name: an ASCII fallback for old clients and the real name
 * as RFC 5987 `filename*` (UTF-8, percent-encoded), which browsers prefer.
 */
export function attachmentHeader(filename: string, asciiFallback = 'document'): string {
  const ext = filename.match(/\.[a-z0-9]+$/i)?.[0] ?? '';
  const ascii = asciiFallback.replace(/[^A-Za-z0-9._-]+/g, '-') || 'document';
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}${ext}"; filename*=UTF-8''${encoded}`;
}

/** Renders and sends a document as a download, named `basename` (Chinese) with an ASCII name for old clients. */
export async function sendDocument(reply: FastifyReply, doc: OfficialDocument, format: DocumentFormat, basename: string, asciiName?: string) {
  const file = await renderDocument(doc, format);
  return reply
    .header('content-type', contentTypes[format])
    .header('content-disposition', attachmentHeader(`${basename}.${format}`, asciiName))
    .header('cache-control', 'private, no-store')
    .send(file);
}
