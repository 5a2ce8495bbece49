import {
  AlignmentType, BorderStyle, Document, DocumentGridType, Footer, LineRuleType, Packer, PageNumber, Paragraph, Tab, Table, TableCell, TableRow,
  TabStopType, TextRun, VerticalAlignTable, WidthType, type IBorderOptions, type IParagraphOptions,
} from 'docx';
import { docxFonts } from './fonts.js';
import {
  bodyCharPt, bodyPitchPt, mastheadSize, mmToPt, page, red, signatureIndents, sizes,
  type Block, type Cell, type FontRole, type Inline, type OfficialDocument, type Spread,
} from './model.js';

const twips = (pt: number) => Math.round(pt * 20);
const textWidth = twips(mmToPt(page.textWidthMm));
const chars = (n: number) => twips(n * bodyCharPt);
const pitch = twips(bodyPitchPt);
/** −0.25 pt per character, so that 28 characters of 三号 fill the 156 mm line as the standard asks */
const squeeze = -5;

const exact = (pt: number) => ({ line: twips(pt), lineRule: LineRuleType.EXACT });
type RunStyle = { font?: FontRole; size?: number; bold?: boolean; color?: string; tabBefore?: boolean };
const run = (text: string, o: RunStyle = {}) => {
  const name = docxFonts[o.font ?? 'body'].name;
  const size = o.size ?? sizes.sanhao;
  return new TextRun({
    children: o.tabBefore ? [new Tab(), text] : [text],
    bold: o.bold, color: o.color, size: size * 2, font: { ascii: name, eastAsia: name, hAnsi: name, cs: name },
    characterSpacing: size === sizes.sanhao ? squeeze : undefined,
  });
};
const runs = (content: string | Inline[], font: FontRole = 'body') =>
  (typeof content === 'string' ? [content] : content).map((i) => (typeof i === 'string' ? run(i, { font }) : run(i.text, { font: i.font ?? font, bold: i.bold, color: i.color })));

/** one line with text at the left, centre and right, by tab stops across the text width */
function spreadParagraph(s: Spread, o: RunStyle, extra: IParagraphOptions = {}) {
  if (s.left === undefined && s.right === undefined) return new Paragraph({ alignment: AlignmentType.CENTER, spacing: exact(bodyPitchPt), ...extra, children: [run(s.center ?? '', o)] });
  const parts = [
    run(s.left ?? '', o),
    ...(s.center !== undefined ? [run(s.center, { ...o, tabBefore: true })] : []),
    ...(s.right !== undefined ? [run(s.right, { ...o, tabBefore: true })] : []),
  ];
  const tabStops = [
    ...(s.center !== undefined ? [{ type: TabStopType.CENTER, position: textWidth / 2 }] : []),
    ...(s.right !== undefined ? [{ type: TabStopType.RIGHT, position: textWidth }] : []),
  ];
  return new Paragraph({ tabStops, spacing: exact(bodyPitchPt), ...extra, children: parts });
}

const line = (color: string, size: number, style: IBorderOptions['style'] = BorderStyle.SINGLE): IBorderOptions => ({ style, size, color, space: 1 });
const ruleParagraph = (border: IBorderOptions) => new Paragraph({ spacing: { line: 20, lineRule: LineRuleType.EXACT, after: twips(bodyPitchPt / 2) }, border: { bottom: border }, children: [] });

function cellOf(c: Cell, size: number) {
  const font: FontRole = c.label ? 'hei' : 'body';
  const alignment = c.align === 'right' ? AlignmentType.RIGHT : c.align === 'center' || (c.label && !c.align) ? AlignmentType.CENTER : AlignmentType.LEFT;
  const lines = c.text ? c.text.split('\n') : [''];
  return new TableCell({
    columnSpan: c.span, verticalAlign: VerticalAlignTable.CENTER,
    margins: { top: 80, bottom: 80, left: 100, right: 100 },
    children: lines.map((t) => new Paragraph({ alignment, spacing: exact(size * 1.5), children: [run(t, { font, size })] })),
  });
}

function table(b: Extract<Block, { type: 'table' }>) {
  const total = b.widths.reduce((s, w) => s + w, 0);
  const size = b.size ?? sizes.sihao;
  const border = line('000000', 6);
  return new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: b.widths.map((w) => Math.round((w / total) * textWidth)),
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: b.rows.map((r, i) => new TableRow({ tableHeader: i < (b.headerRows ?? 0), cantSplit: false, children: r.map((c) => cellOf(c, size)) })),
  });
}

/** Each block as Word paragraphs (and tables). */
function blockOf(b: Block): (Paragraph | Table)[] {
  switch (b.type) {
    case 'masthead': {
      const size = mastheadSize(b.name, b.maxSize ?? sizes.chuhao);
      // the red rule is the bottom border of the masthead's last line, 4 mm under it
      const rule = { ...(b.rule === 'double' ? line(red, 24, BorderStyle.THICK_THIN_SMALL_GAP) : line(red, 18)), space: 11 };
      const below = b.below ?? [];
      const last = (i: number) => (i === below.length ? { border: { bottom: rule }, spacing: { ...exact(i ? bodyPitchPt : size * 1.3), after: pitch } } : {});
      return [
        new Paragraph({ alignment: AlignmentType.CENTER, spacing: exact(size * 1.3), ...last(0), children: [run(b.name, { font: 'title', size, color: red })] }),
        ...below.map((l, i) => spreadParagraph(l, {}, last(i + 1))),
      ];
    }
    case 'spread':
      return [spreadParagraph(b.spread, { font: b.font, size: b.size })];
    case 'rule':
      return [ruleParagraph(line(b.color === 'red' ? red : '000000', Math.round((b.weight ?? 1) * 8)))];
    case 'title': {
      const size = b.size ?? sizes.erhao;
      return b.text.split('\n').map((t, i, all) => new Paragraph({
        alignment: AlignmentType.CENTER, spacing: { ...exact(size * 1.6), before: i === 0 ? pitch / 2 : 0, after: i === all.length - 1 ? pitch / 2 : 0 },
        children: [run(t, { font: 'title', size })],
      }));
    }
    case 'subtitle':
      return [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { ...exact(bodyPitchPt), after: pitch / 2 }, children: [run(b.text, { font: 'kai' })] })];
    case 'addressee':
      return [new Paragraph({ spacing: exact(bodyPitchPt), children: [run(b.text)] })];
    case 'heading': {
      const font: FontRole = b.level === 1 ? 'hei' : b.level === 2 ? 'kai' : 'body';
      return [new Paragraph({ keepNext: true, indent: { firstLine: chars(2), firstLineChars: 200 }, spacing: exact(bodyPitchPt), children: [run(b.text, { font, bold: b.level === 3 })] })];
    }
    case 'paragraph': {
      const alignment = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT, justify: AlignmentType.BOTH }[b.align ?? 'justify'];
      const indent = b.indent === false ? undefined : { firstLine: chars(2), firstLineChars: 200 };
      return [new Paragraph({ alignment, indent, spacing: exact(bodyPitchPt), children: runs(b.content) })];
    }
    case 'table':
      return [table(b), new Paragraph({ spacing: exact(bodyPitchPt / 2), children: [] })];
    case 'signature': {
      const at = signatureIndents(b.name, b.date);
      return [
        new Paragraph({ keepNext: true, spacing: exact(bodyPitchPt), children: [] }),
        new Paragraph({ keepNext: true, alignment: AlignmentType.RIGHT, indent: { right: chars(at.name) }, spacing: exact(bodyPitchPt), children: [run(b.name)] }),
        new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: chars(at.date) }, spacing: exact(bodyPitchPt), children: [run(b.date)] }),
      ];
    }
    case 'note':
      return [new Paragraph({ indent: { firstLine: chars(2), firstLineChars: 200 }, spacing: exact(bodyPitchPt), children: [run(b.text)] })];
    case 'record': {
      const thick = line('000000', 8);
      const thin = line('000000', 6);
      return [
        new Paragraph({ keepNext: true, spacing: exact(bodyPitchPt), children: [] }),
        ...b.lines.map((l, i) =>
          spreadParagraph(l, { size: sizes.sihao }, {
            // 版记 stays whole on one page
            keepNext: i < b.lines.length - 1,
            indent: { left: chars(1), right: chars(1) },
            border: { top: i === 0 ? thick : thin, ...(i === b.lines.length - 1 ? { bottom: thick } : {}) },
            tabStops: [{ type: TabStopType.RIGHT, position: textWidth - chars(2) }],
          }),
        ),
      ];
    }
    case 'space':
      return Array.from({ length: b.lines ?? 1 }, () => new Paragraph({ spacing: exact(bodyPitchPt), children: [] }));
  }
}

/** "— 1 —" in 4号宋体, one character in from the outer edge: right on odd pages, left on even ones. */
const pageNumber = (side: 'odd' | 'even') =>
  new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: twips(sizes.sihao) } : { left: twips(sizes.sihao) },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: sizes.sihao * 2, font: { ascii: docxFonts.song.name, eastAsia: docxFonts.song.name, hAnsi: docxFonts.song.name } })],
      }),
    ],
  });

/**
 * The font table with the fallback of each face (w:altName): Word and WPS print 仿宋 where
 * 仿宋_GB2312 is not installed, 宋体 for 方正小标宋简体, instead of a Latin default.
 */
function fontTable(): string {
  const fonts = Object.values(docxFonts)
    .map((f) => `<w:font w:name="${f.name}"><w:altName w:val="${f.alt}"/><w:charset w:val="86"/><w:family w:val="${f.family}"/><w:pitch w:val="variable"/></w:font>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${fonts}</w:fonts>`;
}

/** Renders the document as a .docx on the GB/T 9704 page. */
export async function renderDocx(d: OfficialDocument): Promise<Buffer> {
  const body = docxFonts.body.name;
  const doc = new Document({
    creator: d.author,
    title: d.title,
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { size: sizes.sanhao * 2, font: { ascii: body, eastAsia: body, hAnsi: body, cs: body } } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: twips(mmToPt(page.widthMm)), height: twips(mmToPt(page.heightMm)) },
            margin: {
              top: twips(mmToPt(page.marginMm.top)), bottom: twips(mmToPt(page.marginMm.bottom)),
              left: twips(mmToPt(page.marginMm.left)), right: twips(mmToPt(page.marginMm.right)),
              // the number's line sits 7 mm under the text area
              footer: twips(mmToPt(page.marginMm.bottom - page.pageNumberGapMm) - sizes.sihao * 1.2),
            },
          },
          grid: { type: DocumentGridType.LINES, linePitch: pitch },
        },
        footers: { default: pageNumber('odd'), even: pageNumber('even') },
        children: d.blocks.flatMap(blockOf),
      },
    ],
  });
  return Packer.toBuffer(doc, false, [{ path: 'word/fontTable.xml', data: fontTable() }]);
}

