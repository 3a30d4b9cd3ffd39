/**
 * XLSX: opening a workbook and choosing its sheet (by name, by index, or the first visible one
 * holding a value), and a first pass over that sheet for its merged ranges, which the sheet lists
 * after its rows. The rows themselves are read by xlsx-rows.ts.
 *
 * Our zip reader inflates the sheet part and htmlparser2 (XML mode) walks it, so memory holds
 * one row plus the shared strings. exceljs's streaming reader is not used for
 * reading: it turns a formula's cached error (`#DIV/0!`) into NaN, drops merged ranges, keeps only
 * the last run of rich inline strings, and copies whole sheets to temporary files when the shared
 * strings come after them (or, as in BPS files, do not exist).
 *
 * Values: shared/inline/rich strings as plain text; numbers as stored; dates (by cell style) as
 * ISO 8601; booleans `TRUE`/`FALSE`; errors as their literal text (`#N/A`); formulas as their
 * cached result (column listed in `RawRow.formulas`), or null plus a warning when none was saved.
 * Merged ranges repeat their top-left value over the whole range. Rows without a value are skipped.
 */
import { readError } from './errors.js';
import type { Limits, ReaderOptions } from './types.js';
import { type Merge, MergeScanner } from './xlsx-cells.js';
import { readWorkbook, type SheetRef, type Workbook } from './xlsx-parts.js';
import { entryChunks, type ZipEntry } from './zip.js';

export interface XlsxSheet {
  readonly workbook: Workbook;
  readonly sheet: SheetRef;
  readonly merges: readonly Merge[];
  readonly notes: string[];
}

type Entries = ReadonlyMap<string, ZipEntry>;

export async function openXlsx(
  path: string,
  entries: Entries,
  limits: Limits,
  options: ReaderOptions,
): Promise<XlsxSheet> {
  const workbook = await readWorkbook(path, entries, limits);
  if (workbook.sheets.length === 0) throw readError(path, 'the workbook has no sheets');
  const notes: string[] = [];
  const sheet = await chooseSheet(path, entries, workbook, limits, options.sheet, notes);
  const scanner = new MergeScanner();
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of entryChunks(path, sheetEntry(path, entries, sheet), limits, options.signal)) {
    scanner.push(decoder.decode(chunk, { stream: true }));
  }
  if (scanner.truncated)
    notes.push(`lebih dari ${scanner.merges.length} rentang sel gabungan; sisanya tidak diulang`);
  return { workbook, sheet, merges: scanner.merges, notes };
}

export function sheetEntry(path: string, entries: Entries, sheet: SheetRef): ZipEntry {
  const entry = entries.get(sheet.part);
  if (entry === undefined)
    throw readError(path, `sheet ${JSON.stringify(sheet.name)} has no part ${sheet.part}`);
  return entry;
}

async function chooseSheet(
  path: string,
  entries: Entries,
  workbook: Workbook,
  limits: Limits,
  wanted: string | number | undefined,
  notes: string[],
): Promise<SheetRef> {
  const { sheets } = workbook;
  const names = sheets.map((s) => JSON.stringify(s.name)).join(', ');
  if (typeof wanted === 'number') {
    const sheet = sheets[wanted];
    if (sheet === undefined) throw readError(path, `no sheet at index ${wanted}; the sheets are ${names}`);
    return sheet;
  }
  if (typeof wanted === 'string') {
    const key = wanted.trim().toLowerCase();
    const sheet =
      sheets.find((s) => s.name === wanted) ?? sheets.find((s) => s.name.trim().toLowerCase() === key);
    if (sheet === undefined)
      throw readError(path, `no sheet named ${JSON.stringify(wanted)}; the sheets are ${names}`);
    return sheet;
  }
  const visible = sheets.filter((s) => s.state === 'visible');
  for (const sheet of visible) {
    if (await hasData(path, sheetEntry(path, entries, sheet), limits)) {
      if (sheet !== sheets[0])
        notes.push(`membaca lembar ${JSON.stringify(sheet.name)}, lembar tampak pertama yang berisi data`);
      return sheet;
    }
  }
  throw readError(path, `no visible sheet holds any value; the sheets are ${names}`);
}

async function hasData(path: string, entry: ZipEntry, limits: Limits): Promise<boolean> {
  const decoder = new TextDecoder('utf-8');
  let carry = '';
  for await (const chunk of entryChunks(path, entry, limits)) {
    const text = carry + decoder.decode(chunk, { stream: true });
    if (/<(?:\w+:)?(?:v|is)>/.test(text)) return true;
    carry = text.slice(-32);
  }
  return false;
}
