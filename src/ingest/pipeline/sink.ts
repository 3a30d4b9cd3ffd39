/**
 * Where converted rows go while an import runs: a DuckDB table of its own (spilling to disk,
 * so memory stays bounded), then one Parquet file handed to the datastore as the new version.
 * Uniqueness and primary keys are checked here in SQL, over every row.
 */
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { CellValue } from '../../datastore/backend.js';
import {
  type DuckDBAppender,
  type DuckDBConnection,
  DuckDBDateValue,
  DuckDBInstance,
} from '../../datastore/duckdb/api.js';
import { instanceSettings } from '../../datastore/duckdb/engine.js';
import { PARQUET_OPTIONS, quoteIdent, quoteLiteral } from '../../datastore/duckdb/sql.js';

export type StorageType = 'text' | 'integer' | 'number' | 'boolean' | 'date';

export const DUCK_TYPE: Record<StorageType, string> = {
  text: 'VARCHAR',
  integer: 'BIGINT',
  number: 'DOUBLE',
  boolean: 'BOOLEAN',
  date: 'DATE',
};
const EPOCH_DAY = 86_400_000;

export interface SinkColumn {
  readonly name: string;
  readonly type: StorageType;
}

export class TableSink {
  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
    private readonly appender: DuckDBAppender,
    private readonly columns: readonly SinkColumn[],
    readonly workDir: string,
  ) {}

  /** Opens a sink in `workDir` (created, and removed by `close`). Row numbers go in `_row`. */
  static async open(workDir: string, columns: readonly SinkColumn[]): Promise<TableSink> {
    await mkdir(join(workDir, 'spill'), { recursive: true });
    await mkdir(join(workDir, 'ext'), { recursive: true });
    const instance = await DuckDBInstance.create(':memory:', {
      ...instanceSettings({ spillDir: join(workDir, 'spill'), extensionDir: join(workDir, 'ext') }),
      memory_limit: '1GB',
    });
    const connection = await instance.connect();
    const defs = [
      `"_row" BIGINT`,
      `"_line" BIGINT`,
      ...columns.map((c) => `${quoteIdent(c.name)} ${DUCK_TYPE[c.type]}`),
    ];
    await connection.run(`CREATE TABLE t (${defs.join(', ')})`);
    const appender = await connection.createAppender('t');
    return new TableSink(instance, connection, appender, columns, workDir);
  }

  append(row: number, line: number, values: readonly CellValue[]): void {
    const a = this.appender;
    a.appendBigInt(BigInt(row));
    a.appendBigInt(BigInt(line));
    for (const [i, c] of this.columns.entries()) appendCell(a, c.type, values[i] ?? null);
    a.endRow();
  }

  /** Rows whose values of `fields` repeat an earlier row's: [row, line, first row with the same key, the key]. */
  duplicates(fields: readonly string[], limit: number): Promise<Duplicates> {
    this.appender.flushSync();
    return duplicateRows(this.connection, 't', fields, limit);
  }

  /** Writes the table (without `_row`, in file order) as Parquet; returns its path and row count. */
  async toParquet(name = 'table.parquet'): Promise<{ path: string; rows: number }> {
    this.appender.flushSync();
    const path = join(this.workDir, name);
    const cols = this.columns.map((c) => quoteIdent(c.name)).join(', ');
    const copied = await this.connection.run(
      `COPY (SELECT ${cols} FROM t ORDER BY _row) TO ${quoteLiteral(path)} (${PARQUET_OPTIONS})`,
    );
    return { path, rows: copied.rowsChanged };
  }

  async close(): Promise<void> {
    try {
      this.appender.closeSync();
    } catch {
      // already closed
    }
    this.connection.closeSync();
    this.instance.closeSync();
    await rm(this.workDir, { recursive: true, force: true });
  }
}

export interface Duplicates {
  /** [row, line, first row with the same key, the key] for the first `limit` repeats. */
  readonly rows: [number, number, number, string][];
  readonly count: number;
}

/** Repeats of `fields` in `table` (which has `_row` and `_line`), over every row, in SQL. */
export async function duplicateRows(
  connection: DuckDBConnection,
  table: string,
  fields: readonly string[],
  limit: number,
): Promise<Duplicates> {
  const key = fields.map((f) => `CAST(${quoteIdent(f)} AS VARCHAR)`).join(` || '|' || `);
  const notNull = fields.map((f) => `${quoteIdent(f)} IS NOT NULL`).join(' AND ');
  const ranked = `SELECT _row, _line, ${key} AS k, min(_row) OVER (PARTITION BY ${fields.map(quoteIdent).join(', ')}) AS first FROM ${table} WHERE ${notNull}`;
  const count = await connection.runAndReadAll(
    `SELECT count(*)::BIGINT AS n FROM (${ranked}) WHERE _row <> first`,
  );
  const rows = await connection.runAndReadAll(
    `SELECT _row, _line, first, k FROM (${ranked}) WHERE _row <> first ORDER BY _row LIMIT ${limit}`,
  );
  return {
    count: Number(count.getRowObjectsJS()[0]?.n ?? 0),
    rows: rows.getRowObjectsJS().map((r) => [Number(r._row), Number(r._line), Number(r.first), String(r.k)]),
  };
}

/** Appends one converted value as its storage type (dates come as `YYYY-MM-DD`). */
export function appendCell(a: DuckDBAppender, type: StorageType, v: CellValue): void {
  if (v === null) a.appendNull();
  else if (type === 'text') a.appendVarchar(String(v));
  else if (type === 'integer') a.appendBigInt(BigInt(v as number));
  else if (type === 'number') a.appendDouble(v as number);
  else if (type === 'boolean') a.appendBoolean(v as boolean);
  else a.appendDate(new DuckDBDateValue(Math.round(Date.parse(`${String(v)}T00:00:00Z`) / EPOCH_DAY)));
}
