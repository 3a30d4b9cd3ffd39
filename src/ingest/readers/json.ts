/**
 * JSON arrays and NDJSON. Objects: a first pass collects the union of keys in first-seen order
 * (the header, delivered as row `line: 0`), a second delivers the values in that order (a key an
 * object lacks, or JSON null → null). Arrays of arrays are rows as they are, with no header.
 * Scalars, and objects mixed with arrays, are errors naming the element.
 */
import { decodeText } from './encoding.js';
import { RowGuard, readError } from './errors.js';
import { type Cell, type JsonRecord, parseRecord } from './json-record.js';
import { arrayElements, JsonShapeError, ndjsonLines, type Piece } from './json-scan.js';
import { byteChunks } from './source.js';
import type { Limits, RawRow, ReaderOptions } from './types.js';

export interface JsonSource {
  readonly path: string;
  readonly gzip: boolean;
  readonly bytes: number;
  readonly encoding: string;
  readonly format: 'json' | 'ndjson';
}

/** One record (element or line) may not be longer than this. */
const MAX_RECORD_CHARS = 64 << 20;

async function* records(
  source: JsonSource,
  options: ReaderOptions,
  progress: boolean,
): AsyncGenerator<[Piece, JsonRecord]> {
  const { path, gzip, bytes, encoding } = source;
  const chunks = byteChunks(path, {
    gzip,
    signal: options.signal,
    onProgress: progress ? options.onProgress : undefined,
    totalBytes: bytes,
  });
  const text = decodeText(chunks, encoding, path);
  const pieces =
    source.format === 'json' ? arrayElements(text, MAX_RECORD_CHARS) : ndjsonLines(text, MAX_RECORD_CHARS);
  const what = source.format === 'json' ? 'element' : 'line';
  let n = 0;
  try {
    for await (const piece of pieces) {
      n++;
      let record: JsonRecord;
      try {
        record = parseRecord(piece.text);
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        const hint = source.format === 'ndjson' ? ' (NDJSON needs one complete object per line)' : '';
        throw readError(
          path,
          `${what} ${n} is not a JSON object or array: ${detail}${hint}`,
          { line: piece.line },
          error,
        );
      }
      yield [piece, record];
    }
  } catch (error) {
    if (error instanceof JsonShapeError)
      throw readError(path, `JSON: ${error.message}`, { line: error.line }, error);
    throw error;
  }
}

export interface JsonShape {
  readonly keys: string[] | undefined;
}

/** First pass: the union of keys (undefined for arrays of arrays). */
export async function jsonShape(
  source: JsonSource,
  limits: Limits,
  options: ReaderOptions,
): Promise<JsonShape> {
  const keys = new Map<string, number>();
  let kind: JsonRecord['kind'] | undefined;
  for await (const [piece, record] of records(source, options, false)) {
    if (kind !== undefined && record.kind !== kind) {
      throw readError(
        source.path,
        `an ${record.kind} among ${kind}s; every record must have the same shape`,
        {
          line: piece.line,
        },
      );
    }
    kind = record.kind;
    if (record.kind === 'array') continue;
    for (const key of record.entries.keys()) {
      if (keys.has(key)) continue;
      if (keys.size >= limits.maxColumns) {
        throw readError(source.path, `more than ${limits.maxColumns} distinct keys (maxColumns)`, {
          line: piece.line,
        });
      }
      keys.set(key, keys.size);
    }
  }
  return { keys: kind === 'array' ? undefined : [...keys.keys()] };
}

export async function* jsonRows(
  source: JsonSource,
  shape: JsonShape,
  limits: Limits,
  options: ReaderOptions,
): AsyncGenerator<RawRow> {
  const guard = new RowGuard(source.path, limits, options.signal);
  const { keys } = shape;
  if (keys !== undefined && keys.length > 0) yield { line: 0, cells: keys };
  let n = 0;
  for await (const [piece, record] of records(source, options, true)) {
    n++;
    const line = source.format === 'json' ? n : piece.line;
    let cells: Cell[];
    if (record.kind === 'array') cells = record.cells;
    else cells = (keys ?? []).map((key) => record.entries.get(key) ?? null);
    yield guard.check({ line, cells });
  }
}
