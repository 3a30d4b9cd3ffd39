/**
 * Table detection: the real table inside a reader's raw rows — title rows above it, a header of
 * one or more rows (merged and multi-row headers combined), footnotes below it, empty columns
 * and rows left out, blank and repeated names fixed. Every decision is written to `notes`.
 *
 *   const reader = await openReader(path);
 *   const table = await readTable(reader);
 *   table.layout.header;             // ['38 Provinsi', 'Januari', …]
 *   for await (const row of table.rows()) row.line, row.cells;   // data rows only
 *   table.layout.footerStartLine;    // known once rows() has been read to the end
 */
import type { Reader } from '../readers/types.js';
import { type DetectedTable, type DetectOptions, detectTable } from './detect.js';

export { type CellKind, classify } from './classify.js';
export { type DetectedTable, type DetectOptions, detectTable, type TableLayout } from './detect.js';

/** `detectTable` over a reader's rows, trusting the header the format defines (JSON, Parquet). */
export function readTable(
  reader: Reader,
  options: Omit<DetectOptions, 'knownHeader' | 'path'> = {},
): Promise<DetectedTable> {
  return detectTable(reader.rows(), {
    ...options,
    knownHeader: reader.info.headerKnown,
    path: reader.info.path,
  });
}
