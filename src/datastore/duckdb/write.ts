/**
 * Writing one version: rows (through an appender into a temporary table) or a CSV file (through
 * read_csv), copied to Parquet with zstd, published atomically. Every Parquet file holds only
 * the six storage types (VARCHAR, BIGINT, DOUBLE, BOOLEAN, DATE, TIMESTAMP).
 */
import { rename, stat } from 'node:fs/promises';
import { validation } from '../../core/errors.js';
import type { CellValue, ColumnInfo, ColumnType, TableSource } from '../backend.js';
import { type DuckDBAppender, type DuckDBConnection, DuckDBDateValue, DuckDBTimestampValue } from './api.js';
import {
  castToStorage,
  columnTypeOf,
  csvColumnsStruct,
  PARQUET_OPTIONS,
  quoteIdent,
  quoteLiteral,
  STORAGE_TYPE,
} from './sql.js';
import { parseDate, parseTimestamp } from './values.js';

export interface Written {
  readonly columns: readonly ColumnInfo[];
  readonly rowCount: number;
}

type RowsSource = Extract<TableSource, { kind: 'rows' }>;
type CsvSource = Extract<TableSource, { kind: 'csv' }>;

const STAGE = 'kendali_stage';

function copyToParquet(select: string, path: string): string {
  return `COPY (${select}) TO ${quoteLiteral(path)} (${PARQUET_OPTIONS})`;
}

/** Appends one checked cell (see check.ts) with the appender method of its storage type. */
export function appendCell(appender: DuckDBAppender, type: ColumnType, value: CellValue): void {
  if (value === null) appender.appendNull();
  else if (type === 'text') appender.appendVarchar(value as string);
  else if (type === 'integer') appender.appendBigInt(BigInt(value as number));
  else if (type === 'number') appender.appendDouble(value as number);
  else if (type === 'boolean') appender.appendBoolean(value as boolean);
  else if (type === 'date') appender.appendDate(new DuckDBDateValue(parseDate(value as string) as number));
  else {
    const ms = parseTimestamp(value as string) as number;
    appender.appendTimestamp(new DuckDBTimestampValue(BigInt(ms) * 1000n));
  }
}

async function writeRows(connection: DuckDBConnection, source: RowsSource, path: string): Promise<Written> {
  const defs = source.columns.map((c) => `${quoteIdent(c.name)} ${STORAGE_TYPE[c.type]}`);
  // A temporary table lives and dies with this operation's own connection.
  await connection.run(`CREATE TEMP TABLE ${STAGE} (${defs.join(', ')})`);
  const appender = await connection.createAppender(STAGE);
  try {
    for (const row of source.rows) {
      source.columns.forEach((column, i) => {
        appendCell(appender, column.type, row[i] ?? null);
      });
      appender.endRow();
    }
  } finally {
    appender.closeSync(); // flushes
  }
  const copied = await connection.run(copyToParquet(`SELECT * FROM ${STAGE}`, path));
  return {
    columns: source.columns.map((c) => ({ name: c.name, type: c.type })),
    rowCount: copied.rowsChanged,
  };
}

/** `read_csv(…)` for a clean CSV: header row, comma, double quotes, UTF-8. */
export function readCsvExpression(source: CsvSource): string {
  const common = `${quoteLiteral(source.path)}, header = true, delim = ',', quote = '"', escape = '"'`;
  if (source.columns === undefined) return `read_csv(${common})`;
  return `read_csv(${common}, auto_detect = false, columns = ${csvColumnsStruct(source.columns)})`;
}

/** DuckDB's messages about bad CSV content, which are the uploader's to fix. */
const CSV_DATA_ERROR = /^(Conversion Error|Invalid Input Error|Sniffer Error)/;

/** A DuckDB CSV error as a validation error on `source`, without server paths. */
export function csvError(e: unknown, path: string): unknown {
  const message = e instanceof Error ? e.message : String(e);
  if (!CSV_DATA_ERROR.test(message)) return e;
  const text = message.split(/\n\s*Possible (?:fixes|solutions)/)[0] ?? message;
  return validation({ source: [text.replaceAll(path, 'the file').trim()] }, 'The CSV file cannot be read');
}

async function writeCsv(connection: DuckDBConnection, source: CsvSource, path: string): Promise<Written> {
  const info = await stat(source.path).catch(() => undefined);
  if (!info?.isFile()) throw validation({ 'source.path': ['no such file'] });
  const from = readCsvExpression(source);
  try {
    const described = await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${from}`);
    const detected = described.getRowObjectsJS().map((r) => ({
      name: String(r.column_name),
      duckType: String(r.column_type),
    }));
    const select = `SELECT ${detected.map((c) => castToStorage(c.name, c.duckType)).join(', ')} FROM ${from}`;
    const copied = await connection.run(copyToParquet(select, path));
    const columns = detected.map((c) => ({ name: c.name, type: columnTypeOf(c.duckType) }));
    return { columns, rowCount: copied.rowsChanged };
  } catch (e) {
    throw csvError(e, source.path);
  }
}

type ParquetSource = Extract<TableSource, { kind: 'parquet' }>;

async function writeFromParquet(
  connection: DuckDBConnection,
  source: ParquetSource,
  path: string,
): Promise<Written> {
  const info = await stat(source.path).catch(() => undefined);
  if (!info?.isFile()) throw validation({ 'source.path': ['no such file'] });
  const from = `read_parquet(${quoteLiteral(source.path)})`;
  const described = await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${from}`);
  const detected = described
    .getRowObjectsJS()
    .map((r) => ({ name: String(r.column_name), duckType: String(r.column_type) }));
  const columns = detected.map((c) => ({ name: c.name, type: columnTypeOf(c.duckType) }));
  const casts = detected.map((c) => castToStorage(c.name, c.duckType));
  if (source.move && detected.every((c, i) => casts[i] === quoteIdent(c.name))) {
    // Already in storage types: the file itself becomes the version (same file system), unread.
    const moved = await rename(source.path, path).then(
      () => true,
      () => false,
    );
    if (moved) {
      const counted = await connection.runAndReadAll(
        `SELECT count(*)::BIGINT AS n FROM read_parquet(${quoteLiteral(path)})`,
      );
      return { columns, rowCount: Number(counted.getRowObjectsJS()[0]?.n ?? 0) };
    }
  }
  const select = `SELECT ${casts.join(', ')} FROM ${from}`;
  const copied = await connection.run(copyToParquet(select, path));
  return { columns, rowCount: copied.rowsChanged };
}

/** Writes `source` (already checked) as a Parquet file at `path`. */
export function writeParquet(
  connection: DuckDBConnection,
  source: TableSource,
  path: string,
): Promise<Written> {
  if (source.kind === 'rows') return writeRows(connection, source, path);
  if (source.kind === 'parquet') return writeFromParquet(connection, source, path);
  return writeCsv(connection, source, path);
}
