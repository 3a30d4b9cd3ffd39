/**
 * Readers: a file in, a stream of raw rows out, with bounded memory whatever the file's size.
 *
 *   const reader = await openReader(path, { sheet: 'Data', signal, onProgress });
 *   reader.info;        // format, gzip, bytes, encoding (+ reason), delimiter, sheet(s), headerKnown, notes
 *   for await (const row of reader.rows()) row.line, row.cells;   // (string | null)[]
 *   reader.warnings;    // after a pass: e.g. XLSX formulas without a saved result
 *
 * Sniffing is by content, not name: gzip is unwrapped and sniffed again; a zip holding
 * `xl/workbook.xml` is XLSX; `<html`/`<table` (after a BOM or blanks) is HTML, which is what
 * BPS's ".xls" downloads are; `[` is a JSON array, `{` NDJSON; `PAR1` Parquet; any other text is
 * CSV/TSV. Refused with one clear error: empty files, binary bytes in text ("file is binary, not
 * CSV"), old binary `.xls`, Excel 2003 XML, zips that are not workbooks, zip bombs, gzip around
 * zip or Parquet, rows over `maxColumns`, cells over `maxCellBytes`, more rows than `maxRows`.
 *
 * Rows are raw: no trimming, no header guessing (that is `../table/`), ragged rows as they are,
 * `''` for an empty CSV field and `null` where there is no cell. `line` (see `RawRow`) is the
 * 1-based physical line for CSV/TSV/NDJSON, the sheet row for XLSX, the expanded grid row for
 * HTML, the element number for JSON arrays and the row number for Parquet; row `0` is the header
 * a reader makes from JSON keys or Parquet columns (`info.headerKnown`). `rows()` may be called
 * again; it reads from the start.
 *
 * Decisions:
 *  - Encoding: BOM, else UTF-16 by its zero bytes, else UTF-8 when the first 1 MiB is valid UTF-8,
 *    else Windows-1252. Invalid UTF-8 after that prefix FAILS with its line and byte (rows already
 *    delivered cannot be re-decoded, and a silent U+FFFD is worse); the message says to give
 *    `encoding`.
 *  - Delimiter: `,` `;` tab `|`, the one found the same number of times outside quotes in most
 *    of the first 50 records.
 *  - XLSX is read by our own zip reader + htmlparser2, not exceljs's streaming reader (see
 *    xlsx.ts for why). Merged ranges repeat their value over the whole range; formulas give
 *    their cached result (`RawRow.formulas` lists those columns); errors give `#DIV/0!` etc.
 *  - HTML layout tables (cells that hold tables, as BPS pages) are stitched into one grid.
 *  - Every error is an `IngestReadError`: a BAD_REQUEST KendaliError whose message starts with
 *    the file name, then `(line N, column M)` where one applies; `file`, `line`, `column` are
 *    properties too.
 */
import { stat } from 'node:fs/promises';
import { csvRows } from './csv.js';
import { detectDelimiter } from './delimiter.js';
import { ENCODING_PREFIX_BYTES } from './encoding.js';
import { readError, Warnings } from './errors.js';
import { htmlRows } from './html.js';
import { planHtml } from './html-plan.js';
import { jsonRows, jsonShape } from './json.js';
import { parquetColumns, parquetRows } from './parquet.js';
import { isGzip, sniff } from './sniff.js';
import { readPrefix } from './source.js';
import { limitsOf, type RawRow, type Reader, type ReaderOptions, type SourceInfo } from './types.js';
import { openXlsx } from './xlsx.js';
import { xlsxRows } from './xlsx-rows.js';
import { readZipDirectory } from './zip.js';

export { IngestReadError } from './errors.js';
export type { RawRow, Reader, ReaderOptions, ReadWarning, SourceFormat, SourceInfo } from './types.js';
export { DEFAULT_LIMITS } from './types.js';

export async function openReader(path: string, options: ReaderOptions = {}): Promise<Reader> {
  const bytes = await stat(path).then(
    (s) => s.size,
    (error: unknown) => {
      throw readError(path, 'cannot open the file', {}, error);
    },
  );
  if (bytes === 0) throw readError(path, 'the file is empty');
  const gzip = isGzip(await readPrefix(path, 2, false));
  const prefix = await readPrefix(path, ENCODING_PREFIX_BYTES, gzip);
  const complete = gzip ? prefix.length < ENCODING_PREFIX_BYTES : bytes <= ENCODING_PREFIX_BYTES;
  const sniffed = sniff(path, prefix, { gzip, complete, format: options.format, encoding: options.encoding });
  const limits = limitsOf(options);
  const warnings = new Warnings();
  const base = { path, gzip, bytes, headerKnown: false };
  const reader = (info: SourceInfo, rows: () => AsyncGenerator<RawRow>): Reader => ({
    info,
    warnings: warnings.list,
    rows: () => {
      warnings.reset();
      return rows();
    },
  });

  if (sniffed.format === 'xlsx') {
    const entries = await readZipDirectory(path);
    if (!entries.has('xl/workbook.xml')) {
      const ods = entries.has('content.xml')
        ? ' (it looks like an OpenDocument .ods; save as .xlsx or CSV)'
        : '';
      throw readError(path, `a zip archive that is not an XLSX workbook: it has no xl/workbook.xml${ods}`);
    }
    const sheet = await openXlsx(path, entries, limits, options);
    const info = {
      ...base,
      format: 'xlsx' as const,
      sheet: sheet.sheet.name,
      sheets: sheet.workbook.sheets.map((s) => s.name),
      notes: sheet.notes,
    };
    return reader(info, async function* () {
      yield* xlsxRows(path, entries, sheet, limits, options, warnings);
      options.onProgress?.(bytes, bytes);
    });
  }
  if (sniffed.format === 'parquet') {
    const columns = await parquetColumns(path);
    const info = { ...base, format: 'parquet' as const, headerKnown: true, notes: [] };
    return reader(info, () => parquetRows(path, columns, bytes, limits, options));
  }
  const { encoding, reason: encodingReason } = sniffed.encoding;
  const text = { ...base, encoding, encodingReason };
  if (sniffed.format === 'html') {
    const source = { path, gzip, bytes, encoding };
    const plan = await planHtml(source, options);
    const notes = plan.layout
      ? [`${plan.sheet} adalah tabel tata letak; tabel-tabel di dalamnya disatukan`]
      : [];
    const info = { ...text, format: 'html' as const, sheet: plan.sheet, sheets: plan.sheets, notes };
    return reader(info, () => htmlRows(source, plan, limits, options));
  }
  if (sniffed.format === 'json' || sniffed.format === 'ndjson') {
    const source = { path, gzip, bytes, encoding, format: sniffed.format };
    const shape = await jsonShape(source, limits, options);
    const info = { ...text, format: sniffed.format, headerKnown: shape.keys !== undefined, notes: [] };
    return reader(info, () => jsonRows(source, shape, limits, options));
  }
  const sample = new TextDecoder(encoding).decode(prefix.subarray(0, 1 << 16));
  const choice = options.delimiter
    ? { delimiter: options.delimiter, reason: 'given' }
    : detectDelimiter(sample);
  const format = options.format === 'tsv' || choice.delimiter === '\t' ? 'tsv' : 'csv';
  const info = {
    ...text,
    format,
    delimiter: choice.delimiter,
    notes: [`pemisah kolom: ${choice.reason}`],
  } as const;
  const source = { path, gzip, bytes, encoding, delimiter: choice.delimiter };
  return reader(info, () => csvRows(source, limits, options));
}
