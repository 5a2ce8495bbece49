import JSZip from 'jszip';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Client, TestApp } from '../support/app.js';

export interface Download {
  status: number;
  headers: Record<string, unknown>;
  file: Buffer;
  /** the JSON error body, when the server refused */
  error: any;
}

/** GETs a file as bytes (the test client decodes bodies as text, which would corrupt a zip or PDF). */
export async function download(t: TestApp, client: Client, url: string): Promise<Download> {
  const res = await t.app.inject({ method: 'GET', url, headers: client.cookie ? { cookie: client.cookie } : {} });
  let error: any = null;
  if (res.statusCode !== 200) error = res.json();
  return { status: res.statusCode, headers: res.headers, file: res.rawPayload, error };
}

export async function expectFile(t: TestApp, client: Client, url: string): Promise<Download> {
  const d = await download(t, client, url);
  if (d.status !== 200) throw new Error(`expected 200 for ${url}, got ${d.status}: ${JSON.stringify(d.error)}`);
  return d;
}

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/**
 * A .docx opened as the zip it is: the text of each paragraph of word/document.xml (runs joined,
 * tabs as spaces), the raw XML of the document, its footers and its font table.
 */
export async function readDocx(file: Buffer) {
  const zip = await JSZip.loadAsync(file);
  const xml = async (path: string) => (await zip.file(path)?.async('string')) ?? '';
  const document = await xml('word/document.xml');
  const paragraphs = [...document.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:tab\/>/g)].map((m) => (m[1] === undefined ? ' ' : unescape(m[1]))).join(''),
  );
  const footers = await Promise.all(Object.keys(zip.files).filter((n) => /^word\/footer\d+\.xml$/.test(n)).map(xml));
  return { document, paragraphs, text: paragraphs.join('\n'), footers, fontTable: await xml('word/fontTable.xml') };
}

/** Font and size of the run that holds `text` (the text must sit in one run). */
export function runStyle(documentXml: string, text: string): { font: string | null; halfPoints: number | null; color: string | null; bold: boolean } | null {
  const run = [...documentXml.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].find((r) => r[1].includes(`>${text}<`));
  if (!run) return null;
  const props = run[1].match(/<w:rPr>([\s\S]*?)<\/w:rPr>/)?.[1] ?? '';
  return {
    font: props.match(/w:eastAsia="([^"]+)"/)?.[1] ?? null,
    halfPoints: Number(props.match(/<w:sz w:val="(\d+)"/)?.[1] ?? NaN) || null,
    color: props.match(/<w:color w:val="([0-9A-Fa-f]+)"/)?.[1] ?? null,
    bold: /<w:b\/>|<w:b w:val="(true|1)"\/>/.test(props),
  };
}

/**
 * The text of each page of a PDF as PDF.js reads it — through the fonts' ToUnicode maps, so
 * Chinese comes out only if the CJK glyphs were embedded and mapped — and the names of the fonts.
 */
export async function readPdf(file: Buffer) {
  const doc = await getDocument({ data: new Uint8Array(file), disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    pages.push(content.items.map((x: any) => x.str).join(''));
  }
  const raw = file.toString('latin1');
  const baseFonts = [...raw.matchAll(/\/BaseFont\s*\/([A-Za-z0-9+_-]+)/g)].map((m) => m[1]);
  await doc.destroy();
  return { pages, text: pages.join('\n'), numPages: pages.length, baseFonts };
}
