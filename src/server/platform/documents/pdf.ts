import type { PdfMake } from 'pdfmake';
import { pdfFontFiles, pdfLineRatio, pdfRoleFaces, type PdfFace } from './fonts.js';
import {
  bodyCharPt, bodyPitchPt, mastheadSize, mmToPt, page, red, signatureIndents, sizes,
  type Block, type Cell, type FontRole, type Inline, type OfficialDocument, type Spread,
} from './model.js';

const width = mmToPt(page.textWidthMm);
const margins = [mmToPt(page.marginMm.left), mmToPt(page.marginMm.top), mmToPt(page.marginMm.right), mmToPt(page.marginMm.bottom)];
// No character squeeze here: pdfmake measures each CJK character as a word of its own, so spacing
// between characters cannot be tightened, and a 156 mm line holds 27 characters of 三号 (the .docx,
// with Word's squeeze, holds the standard's 28). Page, margins and the 22-line pitch are the same.

let fontsReady = false;
/**
 * pdfmake, loaded on the first PDF (it is a few hundred milliseconds of every start otherwise), with
 * the Noto SC faces registered once: it may read only those files and fetch nothing.
 */
async function pdfmakeWithFonts(): Promise<PdfMake> {
  const { default: pdfmake } = await import('pdfmake');
  if (!fontsReady) {
    const files = pdfFontFiles();
    pdfmake.setFonts(Object.fromEntries(Object.entries(files).map(([face, file]) => [face, { normal: file, bold: file, italics: file, bolditalics: file }])));
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy((path) => Object.values(files).includes(path));
    fontsReady = true;
  }
  return pdfmake;
}

/** A text style at an exact line pitch: pdfmake's lineHeight is a multiple of the face's own height. */
function style(o: { font?: FontRole; bold?: boolean; size?: number; pitch?: number; color?: string }) {
  const role = o.font ?? 'body';
  const face: PdfFace = o.bold ? pdfRoleFaces[role].bold : pdfRoleFaces[role].normal;
  const size = o.size ?? sizes.sanhao;
  const pitch = o.pitch ?? bodyPitchPt;
  return { font: face, fontSize: size, lineHeight: pitch / (size * pdfLineRatio[face]), ...(o.color ? { color: `#${o.color}` } : {}) };
}
const inlines = (content: string | Inline[]) =>
  (typeof content === 'string' ? [content] : content).map((i) => (typeof i === 'string' ? { text: i, ...style({}) } : { text: i.text, ...style({ font: i.font, bold: i.bold, color: i.color }) }));

/** Left text takes what is left over; with a centre, both sides share alike so the centre stays centred. */
const spread = (s: Spread, o: { font?: FontRole; size?: number } = {}) => ({
  columns: (['left', 'center', 'right'] as const)
    .filter((k) => s[k] !== undefined)
    .map((k) => ({ width: s.center !== undefined || k === 'left' ? '*' : 'auto', text: s[k], alignment: k, ...style(o) })),
  columnGap: bodyCharPt,
});
const rule = (color: string, weight: number, after = bodyPitchPt / 2) => ({ canvas: [{ type: 'line', x1: 0, y1: 0, x2: width, y2: 0, lineWidth: weight, lineColor: `#${color}` }], margin: [0, 2, 0, after] });

function cell(c: Cell, size: number) {
  const font: FontRole = c.label ? 'hei' : 'body';
  const alignment = c.align ?? (c.label ? 'center' : 'left');
  return { text: c.text, alignment, colSpan: c.span, ...style({ font, size, pitch: size * 1.5 }) };
}

function table(b: Extract<Block, { type: 'table' }>) {
  const total = b.widths.reduce((s, w) => s + w, 0);
  const size = b.size ?? sizes.sihao;
  const body = b.rows.map((r) => r.flatMap((c) => [cell(c, size), ...Array.from({ length: (c.span ?? 1) - 1 }, () => ({}))]));
  return {
    table: { widths: b.widths.map((w) => (w / total) * width - 10.5), headerRows: b.headerRows ?? 0, body },
    layout: { hLineWidth: () => 0.5, vLineWidth: () => 0.5, paddingLeft: () => 5, paddingRight: () => 5, paddingTop: () => 4, paddingBottom: () => 4 },
    margin: [0, 0, 0, bodyPitchPt / 2],
  };
}

/** Each block as pdfmake content. */
function blockOf(b: Block): unknown[] {
  switch (b.type) {
    case 'masthead': {
      const size = mastheadSize(b.name, b.maxSize ?? sizes.chuhao);
      const rules = b.rule === 'double' ? [rule(red, 2, 1.5), rule(red, 0.75)] : [rule(red, 2.25)];
      return [
        { text: b.name, alignment: 'center', margin: [0, 0, 0, bodyPitchPt / 2], ...style({ font: 'title', size, pitch: size * 1.3, color: red }) },
        ...(b.below ?? []).map((line) => spread(line)),
        ...rules,
      ];
    }
    case 'spread':
      return [spread(b.spread, { font: b.font, size: b.size })];
    case 'rule':
      return [rule(b.color === 'red' ? red : '000000', b.weight ?? 1)];
    case 'title': {
      const size = b.size ?? sizes.erhao;
      return [{ text: b.text, alignment: 'center', margin: [0, bodyPitchPt / 2, 0, bodyPitchPt / 2], ...style({ font: 'title', size, pitch: size * 1.6 }) }];
    }
    case 'subtitle':
      return [{ text: b.text, alignment: 'center', margin: [0, 0, 0, bodyPitchPt / 2], ...style({ font: 'kai' }) }];
    case 'addressee':
      return [{ text: b.text, ...style({}) }];
    case 'heading': {
      const font: FontRole = b.level === 1 ? 'hei' : b.level === 2 ? 'kai' : 'body';
      return [{ text: b.text, leadingIndent: 2 * bodyCharPt, ...style({ font, bold: b.level === 3 }) }];
    }
    case 'paragraph':
      return [{ text: inlines(b.content), alignment: b.align ?? 'justify', ...(b.indent === false ? {} : { leadingIndent: 2 * bodyCharPt }), ...style({}) }];
    case 'table':
      return [table(b)];
    case 'signature': {
      const at = signatureIndents(b.name, b.date);
      return [
        {
          unbreakable: true,
          stack: [
            { text: ' ', ...style({}) },
            { text: b.name, alignment: 'right', margin: [0, 0, at.name * bodyCharPt, 0], ...style({}) },
            { text: b.date, alignment: 'right', margin: [0, 0, at.date * bodyCharPt, 0], ...style({}) },
          ],
        },
      ];
    }
    case 'note':
      return [{ text: b.text, leadingIndent: 2 * bodyCharPt, ...style({}) }];
    case 'record':
      // 版记 stays whole on one page
      return [
        {
          unbreakable: true,
          stack: [
            { text: ' ', ...style({}) },
            {
              table: { widths: ['*'], body: b.lines.map((l) => [{ ...spread(l, { size: sizes.sihao }), margin: [bodyCharPt, 0, bodyCharPt, 0] }]) },
              layout: { hLineWidth: (i: number, node: any) => (i === 0 || i === node.table.body.length ? 1 : 0.7), vLineWidth: () => 0, paddingTop: () => 3, paddingBottom: () => 3 },
            },
          ],
        },
      ];
    case 'space':
      return Array.from({ length: b.lines ?? 1 }, () => ({ text: ' ', ...style({}) }));
  }
}

/** "— 1 —" in 4号宋体 7 mm under the text area, right on odd pages and left on even ones, one character in. */
function footer(current: number) {
  const odd = current % 2 === 1;
  const side = sizes.sihao;
  return {
    text: `— ${current} —`, alignment: odd ? 'right' : 'left',
    margin: [margins[0] + (odd ? 0 : side), mmToPt(page.pageNumberGapMm), margins[2] + (odd ? side : 0), 0],
    ...style({ font: 'song', size: sizes.sihao }),
  };
}

/**
 * Renders the document as a PDF with embedded Noto CJK subsets, in pure Node (no browser).
 * Throws a 503 AppError naming the font package when the fonts are not installed.
 */
export async function renderPdf(d: OfficialDocument): Promise<Buffer> {
  const pdfmake = await pdfmakeWithFonts();
  return pdfmake
    .createPdf({
      pageSize: 'A4',
      pageMargins: margins,
      info: { title: d.title, author: d.author, creator: d.author, producer: '商量 Shangliang' },
      defaultStyle: style({}),
      footer,
      content: d.blocks.flatMap(blockOf),
    })
    .getBuffer();
}
