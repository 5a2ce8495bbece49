import { AppError } from '../errors.js';
import { textProblem } from '../http/text.js';

/**
 * The files the platform takes, by extension, and the one type each is served as. The type a
 * browser sends with an upload is the uploader's word and is never used: a file named .png but
 * declared `text/html` would otherwise run as a page on our origin. Anything not listed is refused.
 */
export const fileTypes = {
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  wps: 'application/vnd.ms-works',
  pdf: 'application/pdf',
  txt: 'text/plain; charset=utf-8',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  zip: 'application/zip',
} as const;
export type FileExtension = keyof typeof fileTypes;

const extensionOf = (name: string) => /\.([a-z0-9]+)$/i.exec(name)?.[1].toLowerCase() ?? '';

/** The type a stored file is served as: from its name's extension; unknown ones download as bytes. */
export const contentTypeOf = (filename: string): string => fileTypes[extensionOf(filename) as FileExtension] ?? 'application/octet-stream';

export interface UploadRules {
  /** Chinese name of the field in messages: 附件 / 文件 */
  label: string;
  allowed: readonly FileExtension[];
  /** what the refusal of another extension says, e.g. 只能上传 Word、Excel、PDF…… */
  allowedText: string;
  maxBytes: number;
  tooLarge: string;
  /** too large is 413 for some routes, a field error (400) for others */
  tooLargeStatus?: 400 | 413;
}

/**
 * An uploaded file checked before anything is locked: a safe name (no path, no control characters),
 * an allowed extension, not empty, not too large — and the content type that goes with its extension.
 */
export function checkUpload(file: { filename: string; data: Buffer }, rules: UploadRules) {
  const name = file.filename.trim().replace(/[\\/]/g, '_').slice(0, 200);
  if (!name) throw AppError.field('file', rules.label, '请选择文件');
  const bad = textProblem(name);
  if (bad) throw AppError.field('file', rules.label, `文件名${bad}`);
  const ext = extensionOf(name) as FileExtension;
  if (!rules.allowed.includes(ext)) throw AppError.field('file', rules.label, rules.allowedText);
  if (file.data.length === 0) throw AppError.field('file', rules.label, '文件是空的');
  if (file.data.length > rules.maxBytes) throw rules.tooLargeStatus === 413 ? new AppError('too_large', rules.tooLarge) : AppError.field('file', rules.label, rules.tooLarge);
  return { name, contentType: fileTypes[ext], data: file.data };
}
