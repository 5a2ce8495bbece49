/** A multipart/form-data body with one file field, as a browser's upload sends it (the name raw UTF-8, as browsers send it). */
export function upload(name: string, content: Buffer, declaredType = 'application/octet-stream') {
  const boundary = `----sl${Date.now()}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${declaredType}\r\n\r\n`;
  return { payload: Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** The smallest PNG header, enough for a picture upload. */
export const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
