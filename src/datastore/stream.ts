/**
 * Reading a whole version without holding it in memory: rows in batches (for downloads in
 * CSV, TSV, JSON and XLSX) and the version's stored file as it is (Parquet downloads).
 */
import type { Readable } from 'node:stream';
import type { CellValue, ColumnInfo } from './backend.js';

export interface StreamOptions {
  /** Columns to read, in this order (unknown names are a Validation error); default all. */
  readonly columns?: readonly string[];
  /** Rows per batch, default 2048 (DuckDB's vector size), at most 100,000. */
  readonly batchRows?: number;
}

/** One batch: rows as lists of cells in the order of `RowStream.columns`. */
export type RowBatch = readonly (readonly CellValue[])[];

export interface RowStream {
  readonly columns: readonly ColumnInfo[];
  /**
   * The rows in file order, read lazily: nothing is read (and no connection held) until the
   * first batch is asked for; stopping early (break, return) releases what was held.
   */
  readonly batches: AsyncIterable<RowBatch>;
}

/** The stored file of one version. */
export interface VersionFile {
  /** The file's format (and so its media type). */
  readonly format: 'parquet';
  readonly bytes: number;
  /** Opens the file for reading from its start; the caller consumes or destroys it. */
  open(): Readable;
}
