/**
 * The first rows of a prepared import, as they would be stored (typed, region-coded), for the
 * upload wizard's preview before publishing. Read from the converted Parquet file with DuckDB;
 * values come out as JSON-safe scalars (dates as ISO text, big integers as numbers when safe).
 */
import { scratchInstance } from '../datastore/duckdb/engine.js';
import { quoteLiteral } from '../datastore/duckdb/sql.js';

export type PreviewValue = string | number | boolean | null;

export interface Preview {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly PreviewValue[])[];
}

const jsonSafe = (v: unknown): PreviewValue => {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return v;
  return String(v);
};

export async function previewRows(parquetPath: string, workDir: string, limit = 20): Promise<Preview> {
  const instance = await scratchInstance(workDir, 'preview', '256MB');
  const connection = await instance.connect();
  try {
    const reader = await connection.runAndReadAll(
      `SELECT * FROM read_parquet(${quoteLiteral(parquetPath)}) LIMIT ${Math.max(0, Math.floor(limit))}`,
    );
    return {
      columns: reader.columnNames(),
      rows: reader.getRowsJS().map((row) => row.map(jsonSafe)),
    };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
