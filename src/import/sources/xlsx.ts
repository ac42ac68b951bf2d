import { createReadStream } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Cell } from '../values';
import { byteCounter, checkColumns, ReadRow, Source, UnusableFileError } from './source';

/** The first worksheet of an XLSX workbook, streamed; the first row is the header. */
export function readXlsx(file: string, columns: string[]): Source {
  const counter = byteCounter();
  async function* rows(): AsyncGenerator<ReadRow> {
    const workbook = new ExcelJS.stream.xlsx.WorkbookReader(createReadStream(file).pipe(counter.stream), {
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      worksheets: 'emit',
      entries: 'emit',
    });
    try {
      for await (const sheet of workbook) {
        let header: string[] | undefined;
        for await (const line of sheet as AsyncIterable<ExcelJS.Row>) {
          const cells = (line.values as ExcelJS.CellValue[]).slice(1).map(cellValue);
          if (!header) {
            header = cells.map((c) => String(c ?? '').trim());
            checkColumns(header, columns);
            continue;
          }
          yield { row: line.number - 1, values: Object.fromEntries(header.map((column, i) => [column, cells[i]])) };
        }
        return; // the first sheet only
      }
    } catch (error) {
      if (error instanceof UnusableFileError) throw error;
      throw new UnusableFileError(`not a readable XLSX workbook: ${(error as Error).message}`);
    }
    throw new UnusableFileError('the workbook has no worksheet');
  }
  return { rows: rows(), bytesRead: counter.count };
}

/** Dates become ISO dates; rich text, hyperlinks and formulas their text or result. */
function cellValue(value: ExcelJS.CellValue): Cell {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (value && typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return cellValue(value.result as ExcelJS.CellValue);
    if ('error' in value) return null;
  }
  return value as Cell;
}
