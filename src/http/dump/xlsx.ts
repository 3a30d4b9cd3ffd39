/**
 * XLSX downloads with exceljs's streaming WorkbookWriter: rows are committed as they come,
 * and the writer waits while the response is not draining, so memory stays bounded. Numbers
 * and booleans are written as such, dates and timestamps as spreadsheet dates; text cells are
 * protected against formula injection (`formula.ts`) and cut at Excel's 32,767 characters.
 * A sheet holds at most 1,048,576 rows; longer tables continue on `data 2`, `data 3`, ….
 */
import { PassThrough, type Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import type { CellValue, ColumnType } from '../../datastore/backend.js';
import type { RowStream } from '../../datastore/stream.js';
import { neutralise } from './formula.js';

const SHEET_ROWS = 1_048_576;
const MAX_TEXT = 32_767;
const NUM_FMT: Partial<Record<ColumnType, string>> = {
  date: 'yyyy-mm-dd',
  timestamp: 'yyyy-mm-dd hh:mm:ss',
};

type XlsxCell = string | number | boolean | Date | null;

function xlsxCell(type: ColumnType, value: CellValue): XlsxCell {
  if (typeof value !== 'string') return value;
  if (type === 'text') return neutralise(value).slice(0, MAX_TEXT);
  if (type === 'date' || type === 'timestamp') {
    const ms = Date.parse(type === 'date' ? `${value}T00:00:00Z` : value);
    if (Number.isFinite(ms)) return new Date(ms);
  }
  return value;
}

/** Resolves when `out` drains; false when it closed first (the client went away). */
function drained(out: PassThrough): Promise<boolean> {
  return new Promise((resolve) => {
    const settle = (value: boolean) => () => {
      out.off('drain', onDrain).off('close', onClose);
      resolve(value);
    };
    const onDrain = settle(true);
    const onClose = settle(false);
    out.on('drain', onDrain).on('close', onClose);
  });
}

async function write(rows: RowStream, out: PassThrough): Promise<void> {
  // exceljs (about 0.3 s to load) only when an XLSX is asked for, not with every start.
  const { default: excel } = await import('exceljs');
  const workbook = new excel.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const types = rows.columns.map((c) => c.type);
  const header = rows.columns.map((c) => neutralise(c.name).slice(0, MAX_TEXT));
  let sheets = 0;
  let used = SHEET_ROWS;
  let sheet: ExcelJS.Worksheet | undefined;
  const nextSheet = () => {
    sheet?.commit();
    sheets += 1;
    sheet = workbook.addWorksheet(sheets === 1 ? 'data' : `data ${sheets}`);
    sheet.columns = rows.columns.map((c) => ({
      width: Math.min(Math.max(c.name.length + 2, 10), 40),
      ...(NUM_FMT[c.type] ? { style: { numFmt: NUM_FMT[c.type] } } : {}),
    }));
    sheet.addRow(header).commit();
    used = 1;
  };
  for await (const batch of rows.batches) {
    for (const row of batch) {
      if (used >= SHEET_ROWS) nextSheet();
      sheet?.addRow(row.map((v, i) => xlsxCell(types[i] ?? 'text', v))).commit();
      used += 1;
    }
    if (out.destroyed || (out.writableNeedDrain && !(await drained(out)))) return;
  }
  if (sheet === undefined) nextSheet();
  sheet?.commit();
  await workbook.commit();
}

export function xlsxDownload(rows: RowStream): Readable {
  const out = new PassThrough();
  write(rows, out).catch((err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))));
  return out;
}
