import type { RowIssue } from '../../../shared/http/errors.js';
import type ExcelJS from 'exceljs';
import { newWorkbook } from '../../platform/documents/workbook.js';
import { AppError } from '../../platform/errors.js';
import { checkInput } from '../../platform/http/validation.js';
import type { Lookup, OrgLookups } from '../org/lookups.js';
import { memberInput, type MemberInput } from '../../../shared/members/inputs.js';
import { positionLabels, type Position } from '../../../shared/members/labels.js';
import type { Member } from './schema.js';

/** The roster sheet's columns, in order: header, the member field, and how to read/write it. */
const columns: { header: string; key: keyof MemberInput; ref?: keyof OrgLookups; width: number }[] = [
  { header: '委员编号', key: 'code', width: 12 },
  { header: '姓名', key: 'name', width: 10 },
  { header: '性别', key: 'gender', width: 6 },
  { header: '民族', key: 'ethnicity', width: 8 },
  { header: '出生日期', key: 'birthDate', width: 12 },
  { header: '党派', key: 'partyId', ref: 'parties', width: 12 },
  { header: '界别', key: 'sectorId', ref: 'sectors', width: 16 },
  { header: '专委会', key: 'specialCommitteeIds', ref: 'special-committees', width: 24 },
  { header: '职务', key: 'position', width: 8 },
  { header: '委员工作室', key: 'studioId', ref: 'studios', width: 20 },
  { header: '街道联络组', key: 'streetGroupId', ref: 'street-groups', width: 16 },
  { header: '工作单位', key: 'workplace', width: 28 },
  { header: '职务职称', key: 'jobTitle', width: 20 },
  { header: '联系电话', key: 'phone', width: 14 },
  { header: '电子邮箱', key: 'email', width: 22 },
  { header: '届次', key: 'termId', ref: 'terms', width: 10 },
];
const positionByLabel = new Map<string, string>(Object.entries(positionLabels).map(([k, v]) => [v, k]));
const LIST_SEPARATOR = /[、,，;；\s]+/;

export type { RowIssue };

/** Writes the roster (or an empty template) as an .xlsx workbook. */
export async function exportRoster(rows: Member[], lookups: OrgLookups): Promise<Buffer> {
  const wb = await newWorkbook();
  const ws = wb.addWorksheet('委员名册');
  ws.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  ws.getRow(1).font = { bold: true };
  for (const m of rows) {
    ws.addRow(
      Object.fromEntries(
        columns.map((c) => {
          const v = (m as any)[c.key];
          if (c.key === 'position') return [c.key, positionLabels[v as Position] ?? v];
          if (c.ref && Array.isArray(v)) return [c.key, v.map((id) => lookups[c.ref!].byId.get(id)).join('、')];
          if (c.ref) return [c.key, v ? lookups[c.ref].byId.get(v) ?? '' : ''];
          return [c.key, v ?? ''];
        }),
      ),
    );
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('text' in value) return String((value as any).text);
    if ('richText' in value) return (value as any).richText.map((r: any) => r.text).join('');
    if ('result' in value) return String((value as any).result ?? '');
  }
  return String(value).trim();
}

/** Reads one sheet row into a member input, resolving names to ids; problems go to `issues`. */
function readRow(values: string[], lookups: OrgLookups, rowNumber: number, issues: RowIssue[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const resolve = (lookup: Lookup, name: string, c: (typeof columns)[number]) => {
    const id = lookup.byName.get(name);
    if (!id) issues.push({ row: rowNumber, field: c.key, label: c.header, message: `“${name}”不存在，请先在组织机构中添加` });
    return id;
  };
  columns.forEach((c, i) => {
    const text = values[i] ?? '';
    if (c.key === 'specialCommitteeIds') out[c.key] = text ? text.split(LIST_SEPARATOR).filter(Boolean).map((n) => resolve(lookups[c.ref!], n, c)) : [];
    else if (c.key === 'position') out[c.key] = text ? positionByLabel.get(text as string) ?? text : undefined;
    else if (c.ref) out[c.key] = text ? resolve(lookups[c.ref], text, c) : null;
    else out[c.key] = text === '' ? (c.key === 'ethnicity' ? undefined : null) : text;
  });
  return out;
}

/**
 * Reads a roster sheet: every row is checked; if any row is wrong it throws every problem with its
 * row number (so nothing is written). References are names of the committee's records (`lookups`);
 * a row without a term gets the current one.
 */
export async function parseRoster(file: Buffer, lookups: OrgLookups, currentTermId: string | undefined): Promise<MemberInput[]> {
  const wb = await newWorkbook();
  try {
    await wb.xlsx.load(file as any);
  } catch {
    throw AppError.field('file', '文件', '不是有效的 .xlsx 表格');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw AppError.field('file', '文件', '表格中没有工作表');
  const header = (ws.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(cellText);
  const missing = columns.filter((c) => c.key !== 'termId' && !header.includes(c.header)).map((c) => c.header);
  if (missing.length) throw AppError.field('file', '文件', `缺少列：${missing.join('、')}（请使用导出的模板）`);
  const issues: RowIssue[] = [];
  const parsed: { row: number; input: MemberInput }[] = [];
  const seenCodes = new Map<string, number>();
  ws.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const byHeader = new Map(header.map((h, i) => [h, cellText(row.getCell(i + 1).value)]));
    const values = columns.map((c) => byHeader.get(c.header) ?? '');
    if (values.every((v) => v === '')) return;
    const before = issues.length;
    const raw = readRow(values, lookups, rowNumber, issues);
    raw.termId ??= currentTermId;
    const result = checkInput(memberInput, raw);
    if (!result.success) {
      for (const f of result.issues) {
        const col = columns.find((c) => c.key === f.field.split('.')[0]);
        if (!issues.some((i) => i.row === rowNumber && i.field === col?.key)) issues.push({ row: rowNumber, field: f.field, label: col?.header ?? f.label, message: f.message });
      }
    }
    const code = String(raw.code ?? '');
    if (code && seenCodes.has(code)) issues.push({ row: rowNumber, field: 'code', label: '委员编号', message: `与第${seenCodes.get(code)}行重复` });
    seenCodes.set(code, rowNumber);
    if (result.success && issues.length === before) parsed.push({ row: rowNumber, input: result.data });
  });
  if (issues.length) throw new AppError('validation', `名册有${issues.length}处问题，未导入任何记录`, { rows: issues });
  if (parsed.length === 0) throw AppError.field('file', '文件', '表格中没有委员数据');
  return parsed.map((p) => p.input);
}
