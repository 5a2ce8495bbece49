import type ExcelJS from 'exceljs';

/**
 * A new Excel workbook. exceljs and what it brings (zip, streams, csv: some 400 modules, half of
 * what the server loads) are loaded on the first export or import, not at every start: a server, a
 * command-line run and a test process that never writes a workbook do not pay for it.
 */
export async function newWorkbook(): Promise<ExcelJS.Workbook> {
  const { default: excel } = await import('exceljs');
  return new excel.Workbook();
}
