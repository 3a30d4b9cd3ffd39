/**
 * CSV/TSV rows with csv-parse's streaming parser: quotes (with newlines inside), CRLF/LF/CR,
 * ragged rows delivered as they are, empty lines skipped. `line` is the physical line where
 * the record starts, counted here (each record is one line plus the line breaks inside its
 * quoted fields): csv-parse's own `info` costs a third more time and reports where records end.
 */
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { countLineBreaks, decodeText } from './encoding.js';
import { RowGuard, readError } from './errors.js';
import { byteChunks } from './source.js';
import type { Limits, RawRow, ReaderOptions } from './types.js';

export interface CsvSource {
  readonly path: string;
  readonly gzip: boolean;
  readonly bytes: number;
  readonly encoding: string;
  readonly delimiter: string;
}

/** csv-parse holds one record in memory; a record past this size is an error (an unclosed quote). */
const MIN_RECORD_CHARS = 16 << 20;

export async function* csvRows(
  source: CsvSource,
  limits: Limits,
  options: ReaderOptions,
): AsyncGenerator<RawRow> {
  const { path } = source;
  const maxRecord = Math.max(MIN_RECORD_CHARS, limits.maxCellBytes);
  const parser = parse({
    delimiter: source.delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    max_record_size: maxRecord,
  });
  const bytes = byteChunks(path, {
    gzip: source.gzip,
    signal: options.signal,
    onProgress: options.onProgress,
    totalBytes: source.bytes,
  });
  const text = Readable.from(decodeText(bytes, source.encoding, path));
  text.on('error', (error) => parser.destroy(error));
  text.pipe(parser);
  const guard = new RowGuard(path, limits, options.signal);
  let line = 1;
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      const start = line++;
      if (cells.length === 1 && cells[0] === '') continue;
      for (const cell of cells) if (cell.includes('\n') || cell.includes('\r')) line += countLineBreaks(cell);
      yield guard.check({ line: start, cells });
    }
  } catch (error) {
    throw csvError(path, error, maxRecord, line);
  } finally {
    text.destroy();
    parser.destroy();
  }
}

/** csv-parse's errors, placed at the line where the failing record starts. */
function csvError(path: string, error: unknown, maxRecord: number, line: number): unknown {
  const e = error as { code?: unknown; message?: unknown };
  if (typeof e.code !== 'string' || !e.code.startsWith('CSV_')) return error;
  if (e.code === 'CSV_QUOTE_NOT_CLOSED') {
    return readError(
      path,
      'a quoted field starting on this line is never closed: the file ends inside it',
      { line },
      error,
    );
  }
  if (e.code === 'CSV_MAX_RECORD_SIZE') {
    return readError(
      path,
      `a record is longer than ${maxRecord} characters; probably an unclosed quote`,
      { line },
      error,
    );
  }
  return readError(path, `CSV: ${String(e.message)}`, { line }, error);
}
