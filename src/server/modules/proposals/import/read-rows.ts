import { parseCsv } from '../../../platform/csv.js';
import { AppError } from '../../../platform/errors.js';
import { checkInput } from '../../../platform/http/validation.js';
import { importColumns, importRowOf, requiredColumns, type ImportColumn, type ImportRow } from './columns.js';

/** One problem with one row, as the roster import reports them: row (header = row 1), column, message. */
export interface RowIssue {
  row: number;
  field: string;
  label: string;
  message: string;
}

/**
 * Text of an uploaded file. Lists saved from Excel on Chinese Windows are often GB18030, not
 * UTF-8: try UTF-8 strictly first, then GB18030, so either opens without mojibake.
 */
export function decodeCsv(file: Buffer | string): string {
  if (typeof file === 'string') return file;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(file);
  } catch {
    return new TextDecoder('gb18030').decode(file);
  }
}

const rowLabel = (issue: RowIssue) => `第${issue.row}行 ${issue.label}：${issue.message}`;

/** The first problems in one sentence, so even a bare message names the rows and columns. */
export function summarise(issues: RowIssue[], shown = 5): string {
  const more = issues.length > shown ? `；另有${issues.length - shown}处` : '';
  return `导入文件有${issues.length}处问题，未导入任何提案：${issues.slice(0, shown).map(rowLabel).join('；')}${more}`;
}

/**
 * Reads and checks every row. Any problem — a missing column, a bad value, a number given twice
 * for one year, a year after `thisYear` — is collected with its row, and the whole file is refused:
 * nothing half-imported.
 */
export function readImportRows(file: Buffer | string, thisYear: number): { row: number; data: ImportRow }[] {
  const importRow = importRowOf(thisYear);
  const records = parseCsv(decodeCsv(file));
  if (records.length === 0) throw AppError.field('file', '文件', '文件中没有提案数据（第一行应为列名）');
  const header = Object.keys(records[0]);
  const missing = requiredColumns.filter((c) => !header.includes(c));
  if (missing.length) throw AppError.field('file', '文件', `缺少列：${missing.map((c) => `${importColumns[c]}（${c}）`).join('、')}`);

  const issues: RowIssue[] = [];
  const rows: { row: number; data: ImportRow }[] = [];
  const seen = new Map<string, number>();
  records.forEach((record, i) => {
    const row = i + 2;
    const raw = Object.fromEntries((Object.keys(importColumns) as ImportColumn[]).map((c) => [c, record[c] === '' && !requiredColumns.includes(c) ? undefined : record[c]]));
    const parsed = checkInput(importRow, raw);
    if (!parsed.success) {
      for (const f of parsed.issues) issues.push({ row, ...f });
      return;
    }
    const key = `${parsed.data.year}-${parsed.data.proposal_number}`;
    const first = seen.get(key);
    if (first) issues.push({ row, field: 'proposal_number', label: `${importColumns.proposal_number}（proposal_number）`, message: `${parsed.data.year}年第${parsed.data.proposal_number}号与第${first}行重复` });
    else seen.set(key, row);
    rows.push({ row, data: parsed.data });
  });
  if (issues.length) throw new AppError('validation', summarise(issues), { rows: issues });
  return rows;
}
