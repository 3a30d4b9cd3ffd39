/**
 * Streaming a whole version: DuckDB's streaming result API (`connection.stream` +
 * `fetchChunk`) reads the Parquet file a vector at a time, so memory stays bounded whatever
 * the table's size. The connection is held by `Engine.withConnection` for exactly as long as
 * the consumer iterates; closing the engine interrupts it like any other operation.
 */

import { type FieldErrors, internal, validation } from '../../core/errors.js';
import type { CellValue, ColumnInfo } from '../backend.js';
import type { RowBatch, RowStream, StreamOptions } from '../stream.js';
import type { DuckDBConnection } from './api.js';
import type { Engine } from './engine.js';
import { openSource, type Source } from './read.js';
import { quoteIdent } from './sql.js';
import { toCell } from './values.js';

export const DEFAULT_BATCH_ROWS = 2048;
export const MAX_BATCH_ROWS = 100_000;

function pickColumns(source: Source, options: StreamOptions, fields: FieldErrors): ColumnInfo[] {
  if (options.columns === undefined) return [...source.columns];
  if (options.columns.length === 0) fields.columns = ['expected a non-empty list of column names'];
  const picked: ColumnInfo[] = [];
  options.columns.forEach((name, i) => {
    const type = source.types.get(name);
    if (type === undefined) fields[`columns.${i}`] = [`unknown column ${JSON.stringify(name)}`];
    else if (!picked.some((c) => c.name === name)) picked.push({ name, type });
  });
  return picked;
}

/** A promise settled when `signal` aborts, and a way to stop listening. */
function whenAborted(signal: AbortSignal): { promise: Promise<void>; dispose(): void } {
  let dispose = (): void => {};
  const promise = new Promise<void>((resolve) => {
    if (signal.aborted) return resolve();
    const listener = () => resolve();
    signal.addEventListener('abort', listener, { once: true });
    dispose = () => signal.removeEventListener('abort', listener);
  });
  return { promise, dispose };
}

type Body<T> = (
  connection: DuckDBConnection,
  track: <R>(work: Promise<R>) => Promise<R>,
) => AsyncGenerator<T>;

/**
 * Lends a connection of `engine` to a generator: `withConnection` is entered on the first
 * batch and left when the generator ends, fails or is returned early — or when the engine
 * closes, even if the consumer stopped reading without returning (after the DuckDB call under
 * way, which `track` follows, has settled; reading on fails).
 */
async function* lend<T>(engine: Engine, body: Body<T>): AsyncGenerator<T> {
  let finish = (): void => {};
  const finished = new Promise<void>((resolve) => (finish = resolve));
  let lent: (c: DuckDBConnection) => void = () => {};
  const connected = new Promise<DuckDBConnection>((resolve) => (lent = resolve));
  let inflight: Promise<unknown> = Promise.resolve();
  const track = <R>(work: Promise<R>): Promise<R> => {
    if (engine.isClosed) return Promise.reject(internal('the DuckDB datastore is closed'));
    inflight = work.catch(() => undefined);
    return work;
  };
  const operation = engine.withConnection(async (connection) => {
    lent(connection);
    const closing = whenAborted(engine.closing);
    try {
      await Promise.race([finished, closing.promise]);
    } finally {
      closing.dispose();
      await inflight;
    }
  });
  try {
    // withConnection fails before lending when the engine is closed: surface that error.
    const connection = await Promise.race([connected, operation.then(() => connected)]);
    yield* body(connection, track);
  } finally {
    finish();
    await operation;
  }
}

export async function streamVersion(
  engine: Engine,
  path: string,
  options: StreamOptions = {},
): Promise<RowStream> {
  const fields: FieldErrors = {};
  const batchRows = options.batchRows ?? DEFAULT_BATCH_ROWS;
  if (!Number.isSafeInteger(batchRows) || batchRows < 1 || batchRows > MAX_BATCH_ROWS)
    fields.batchRows = [`must be a whole number from 1 to ${MAX_BATCH_ROWS}`];
  const source = await engine.withConnection((connection) => openSource(connection, path));
  const columns = pickColumns(source, options, fields);
  if (Object.keys(fields).length > 0) throw validation(fields);
  const sql = `SELECT ${columns.map((c) => quoteIdent(c.name)).join(', ')} FROM ${source.from}`;

  const read: Body<RowBatch> = async function* (connection, track) {
    const result = await track(connection.stream(sql));
    let batch: CellValue[][] = [];
    for (;;) {
      const chunk = await track(result.fetchChunk());
      if (chunk === null || chunk.rowCount === 0) break;
      for (const row of chunk.getRows()) batch.push(row.map(toCell));
      while (batch.length >= batchRows) {
        yield batch.length === batchRows ? batch : batch.slice(0, batchRows);
        batch = batch.length === batchRows ? [] : batch.slice(batchRows);
      }
    }
    if (batch.length > 0) yield batch;
  };

  return { columns, batches: { [Symbol.asyncIterator]: () => lend(engine, read) } };
}
