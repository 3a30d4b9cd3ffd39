/**
 * Parquet through DuckDB's `read_parquet`, streamed a chunk (2,048 rows) at a time. Every value
 * is cast to text by DuckDB (`VARCHAR`; nested types as JSON), so dates read `2024-01-05` and
 * decimals keep their digits. The header (row `line: 0`) is the column names. Each pass opens its
 * own in-memory DuckDB that never installs or loads an extension.
 */
import { type DuckDBConnection, DuckDBInstance } from '../../datastore/duckdb/api.js';
import { RowGuard, readError } from './errors.js';
import type { Limits, RawRow, ReaderOptions } from './types.js';

const SETTINGS = {
  autoinstall_known_extensions: 'false',
  autoload_known_extensions: 'false',
  allow_community_extensions: 'false',
  threads: '2',
  memory_limit: '512MB',
};

export interface ParquetColumn {
  readonly name: string;
  readonly type: string;
}

const literal = (text: string): string => `'${text.replaceAll("'", "''")}'`;
const ident = (name: string): string => `"${name.replaceAll('"', '""')}"`;
const source = (path: string): string => `read_parquet(${literal(path)})`;

async function withDuckDb<T>(path: string, fn: (c: DuckDBConnection) => Promise<T>): Promise<T> {
  const instance = await DuckDBInstance.create(':memory:', SETTINGS);
  const connection = await instance.connect();
  try {
    return await fn(connection);
  } catch (error) {
    if (error instanceof Error && !('code' in error))
      throw readError(path, `Parquet: ${error.message}`, {}, error);
    throw error;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

export async function parquetColumns(path: string): Promise<ParquetColumn[]> {
  return withDuckDb(path, async (connection) => {
    const reader = await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${source(path)}`);
    return reader
      .getRowObjectsJson()
      .map((r) => ({ name: String(r.column_name), type: String(r.column_type) }));
  });
}

const NESTED = /^(STRUCT|MAP|UNION)\b|\[\d*\]$/;

export async function* parquetRows(
  path: string,
  columns: readonly ParquetColumn[],
  bytes: number,
  limits: Limits,
  options: ReaderOptions,
): AsyncGenerator<RawRow> {
  const guard = new RowGuard(path, limits, options.signal);
  yield guard.check({ line: 0, cells: columns.map((c) => c.name) });
  const select = columns
    .map((c) =>
      NESTED.test(c.type)
        ? `CAST(to_json(${ident(c.name)}) AS VARCHAR)`
        : `CAST(${ident(c.name)} AS VARCHAR)`,
    )
    .join(', ');
  const instance = await DuckDBInstance.create(':memory:', SETTINGS);
  const connection = await instance.connect();
  try {
    const result = await connection.stream(`SELECT ${select} FROM ${source(path)}`);
    let line = 0;
    for (;;) {
      const chunk = await result.fetchChunk();
      if (chunk === null || chunk.rowCount === 0) break;
      const values = Array.from({ length: chunk.columnCount }, (_, i) => chunk.getColumnValues(i));
      for (let r = 0; r < chunk.rowCount; r++) {
        line++;
        yield guard.check({ line, cells: values.map((col) => (col[r] == null ? null : String(col[r]))) });
      }
    }
    options.onProgress?.(bytes, bytes);
  } catch (error) {
    if (error instanceof Error && !('code' in error))
      throw readError(path, `Parquet: ${error.message}`, {}, error);
    throw error;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
