/**
 * The table inside a stream of raw rows. The first `sampleRows` rows decide the header (see
 * header.ts) and the columns to drop (no header and no value anywhere in the sample); the data
 * rows then stream through, trimmed to the table:
 *  - empty rows are dropped (counted in the notes);
 *  - rows with one text only and nothing else (",,,", "Catatan", "Angka tetap") are held back:
 *    followed by data they are data ("Papua Selatan,,,"), at the end they are the footer when
 *    one of them is empty or opens like a footnote ("Sumber:", "Catatan", "Angka tetap"), data
 *    otherwise;
 *  - a value in a dropped column is an error (it was dropped from evidence that no longer holds).
 * Ragged rows keep their length. With `knownHeader` (JSON keys, Parquet columns) the first row is
 * the header and every other row is data, as it is.
 */
import { readError } from '../readers/errors.js';
import type { RawRow } from '../readers/types.js';
import { clean, isBlank, isEmptyRow } from './classify.js';
import { DataFilter } from './data-filter.js';
import { findHeader, uniqueNames } from './header.js';

export interface TableLayout {
  /** Lines of the rows that form the header (empty when the source has none). */
  readonly headerRows: number[];
  /** Column names: unique, never blank. */
  readonly header: string[];
  /** For each header column, its 0-based index in the raw rows. */
  readonly columns: number[];
  /** Line of the first data row (undefined when there is none). */
  readonly dataStartLine: number | undefined;
  /** Line where the footer starts; known once the rows have been read to the end. */
  footerStartLine?: number;
  /** 0-based indexes of the raw columns left out: no header, no value in the sample. */
  readonly droppedColumns: number[];
  /** Title, unit and period texts found above the header ("Luas Panen … (Hektar)", "2025"). */
  readonly context: string[];
  /** Why: every decision in plain words. */
  readonly notes: string[];
}

export interface DetectOptions {
  /** Rows read before deciding. Default 1,000. */
  readonly sampleRows?: number;
  /** The first row is the header (JSON, Parquet): nothing is guessed. */
  readonly knownHeader?: boolean;
  /** File name for error messages. */
  readonly path?: string;
  /**
   * Column names the caller expects (a Table Schema's field names and titles): a first row made
   * of them is the whole header, whatever the rows below hold.
   */
  readonly expectedNames?: readonly string[];
}

export interface DetectedTable {
  readonly layout: TableLayout;
  /** The data rows, trimmed to the table. Once, unless the whole source fitted in the sample. */
  rows(): AsyncIterable<RawRow>;
}

export async function detectTable(
  source: AsyncIterable<RawRow>,
  options: DetectOptions = {},
): Promise<DetectedTable> {
  const path = options.path ?? 'table';
  const iterator = source[Symbol.asyncIterator]();
  const sample: RawRow[] = [];
  let exhausted = false;
  while (sample.length < (options.sampleRows ?? 1_000)) {
    const next = await iterator.next();
    if (next.done) {
      exhausted = true;
      break;
    }
    sample.push(next.value);
  }
  const first = sample.findIndex((r) => !isEmptyRow(r.cells));
  if (first === -1) {
    await iterator.return?.();
    throw readError(path, sample.length === 0 ? 'no rows at all' : 'every row is empty');
  }
  const width = Math.max(...sample.map((r) => r.cells.length));
  const filled = new Set<number>();
  for (const row of sample) {
    row.cells.forEach((cell, c) => {
      if (!isBlank(cell)) filled.add(c);
    });
  }
  const all = Array.from({ length: width }, (_, c) => c);
  const columns = options.knownHeader ? all : all.filter((c) => filled.has(c));
  const droppedColumns = all.filter((c) => !options.knownHeader && !filled.has(c));
  const notes: string[] = [];
  if (first > 0) notes.push(`${first} baris kosong di atas tabel dilewati`);
  const expected = new Set((options.expectedNames ?? []).map((n) => clean(n).toLowerCase()).filter(Boolean));
  const named = columns.map((c) => clean(sample[first]!.cells[c]).toLowerCase()).filter(Boolean);
  const matchesExpected =
    expected.size > 0 &&
    named.length > 0 &&
    named.every((n) => expected.has(n)) &&
    named.length * 2 >= expected.size;
  const found =
    options.knownHeader || matchesExpected
      ? {
          headerIndexes: [first],
          dataIndex: first + 1,
          names: columns.map((c) => clean(sample[first]!.cells[c])),
          context: [],
          notes: matchesExpected ? [`judul: baris ${sample[first]!.line}, nama-nama field Table Schema`] : [],
        }
      : findHeader(sample, columns, first);
  notes.push(...found.notes);
  if (droppedColumns.length > 0) {
    notes.push(
      `kolom kosong ${droppedColumns.map((c) => c + 1).join(', ')} dibuang: tanpa judul dan tanpa nilai di ${sample.length} baris pertama`,
    );
  }
  const layout: TableLayout = {
    headerRows: found.headerIndexes.map((i) => sample[i]!.line),
    header: uniqueNames(found.names, notes),
    columns,
    dataStartLine: sample.slice(found.dataIndex).find((r) => !isEmptyRow(r.cells))?.line,
    droppedColumns,
    context: found.context,
    notes,
  };
  const filter = new DataFilter(layout, path, options.knownHeader ?? false);
  const data = sample.slice(found.dataIndex);
  if (exhausted) {
    const ready: RawRow[] = [];
    for (const row of data) filter.push(row, ready);
    filter.end(ready);
    return {
      layout,
      rows: () =>
        (async function* () {
          yield* ready;
        })(),
    };
  }
  let used = false;
  return {
    layout,
    rows: () => {
      if (used) throw new Error('detectTable: rows() reads the source once');
      used = true;
      return (async function* () {
        const out: RawRow[] = [];
        for (const row of data) filter.push(row, out);
        yield* out;
        for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
          out.length = 0;
          filter.push(next.value, out);
          for (const row of out) yield row;
        }
        out.length = 0;
        filter.end(out);
        yield* out;
      })();
    },
  };
}
