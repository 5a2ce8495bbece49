/**
 * The limits on files attached to a record (proposals, 社情民意): the server enforces them
 * (platform/attachments/files.ts) and the web checks them first, so nobody waits for a refusal.
 */
export const attachmentLimits = {
  maxBytes: 10 * 1024 * 1024,
  tooLarge: '单个文件不能超过10MB',
  maxFiles: 5,
  extensions: ['doc', 'docx', 'xls', 'xlsx', 'wps', 'pdf', 'txt', 'jpg', 'jpeg', 'png'],
  allowedText: '只能上传 Word、Excel、WPS、PDF、文本或 JPG/PNG 图片',
} as const;

/** Whether a file name has one of the allowed extensions. */
export const allowedAttachment = (filename: string) => (attachmentLimits.extensions as readonly string[]).includes(filename.split('.').pop()?.toLowerCase() ?? '');
