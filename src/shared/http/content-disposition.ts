/**
 * File names of downloads, one way each: the server names a file with `contentDisposition`, the
 * web reads the name back with `fileNameOf`.
 */

/**
 * Content-Disposition for a Chinese file name: an ASCII fallback for old clients and the real name
 * as RFC 5987 `filename*` (UTF-8, percent-encoded), which browsers prefer.
 *
 * @example contentDisposition('提案统计.xlsx', 'proposal-stats') // attachment; filename="proposal-stats.xlsx"; filename*=UTF-8''%E6%8F%90…
 */
export function contentDisposition(filename: string, asciiFallback = 'document'): string {
  const ext = filename.match(/\.[a-z0-9]+$/i)?.[0] ?? '';
  const ascii = asciiFallback.replace(/[^A-Za-z0-9._-]+/g, '-') || 'document';
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}${ext}"; filename*=UTF-8''${encoded}`;
}

/** The file name a Content-Disposition header gives: the UTF-8 `filename*` first, else the plain `filename`. */
export function fileNameOf(header: string | null | undefined): string | undefined {
  if (!header) return undefined;
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      /* a broken encoding: fall back to the plain name */
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;]+)/i.exec(header);
  return plain ? (plain[1] ?? plain[2]).trim() || undefined : undefined;
}
