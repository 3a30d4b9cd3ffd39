/**
 * The datastore holds the rows of every dataset version. Each version is an immutable table
 * (one Parquet file set with the DuckDB backend); the catalog records which versions exist.
 * A second backend (PostgreSQL, ClickHouse, object storage) is a new implementation of this
 * interface, not a rewrite (as CKAN's datastore backends).
 */
import type { DiffOptions, VersionDiff } from './diff.js';
import type { RowStream, StreamOptions, VersionFile } from './stream.js';

export type ColumnType = 'text' | 'integer' | 'number' | 'boolean' | 'date' | 'timestamp';

export interface ColumnInfo {
  readonly name: string;
  readonly type: ColumnType;
}

/** Identifies one immutable version of one table. */
export interface TableRef {
  /** Stable id of the table across its versions: `[a-z0-9_]+`, e.g. the dataset id without dashes. */
  readonly tableId: string;
  /** 1, 2, 3, … */
  readonly version: number;
}

export type CellValue = string | number | boolean | null;

/** Where the rows of a new version come from. */
export type TableSource =
  /** Rows in memory, typed by `columns` (values must fit their column's type). */
  | {
      readonly kind: 'rows';
      readonly columns: readonly ColumnInfo[];
      readonly rows: readonly (readonly CellValue[])[];
    }
  /** A clean CSV file (header row, comma, UTF-8), typed by `columns` when given, else detected. */
  | { readonly kind: 'csv'; readonly path: string; readonly columns?: readonly ColumnInfo[] }
  /**
   * A Parquet file made elsewhere (e.g. by the ingest pipeline), copied into the version as it is
   * typed; with `move`, a file that holds only storage types is moved into place instead (the
   * caller gives it up).
   */
  | { readonly kind: 'parquet'; readonly path: string; readonly move?: boolean };

export interface TableVersionInfo extends TableRef {
  readonly columns: readonly ColumnInfo[];
  readonly rowCount: number;
  /** Bytes on disk of this version. */
  readonly bytes: number;
}

export interface Filter {
  readonly column: string;
  readonly op: 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge' | 'in' | 'like';
  readonly value: CellValue | readonly CellValue[];
}

export interface TableQuery {
  readonly columns?: readonly string[];
  readonly filters?: readonly Filter[];
  readonly sort?: readonly { readonly column: string; readonly desc?: boolean }[];
  /** Full text: rows where any text column contains these words (case-insensitive). */
  readonly q?: string;
  /** Only distinct rows (of the projected columns). */
  readonly distinct?: boolean;
  /** Default 100, at most 32,000 (CKAN's datastore_search cap). */
  readonly limit?: number;
  readonly offset?: number;
}

export interface QueryResult {
  readonly columns: readonly ColumnInfo[];
  readonly rows: readonly Record<string, CellValue>[];
  /** Rows matching the filters, before limit/offset. */
  readonly total: number;
}

export interface AggregateQuery {
  readonly groupBy: readonly string[];
  readonly measures: readonly {
    readonly column: string;
    readonly fn: 'sum' | 'avg' | 'min' | 'max' | 'count';
    readonly as?: string;
  }[];
  readonly filters?: readonly Filter[];
}

/** How a new version is made from the one before it (see `DatastoreBackend.deriveVersion`). */
export type TableChange =
  | {
      readonly kind: 'merge';
      /** The new version's columns: every column of the base (same name and type), then any new ones. */
      readonly columns: readonly ColumnInfo[];
      /** Columns whose values identify a row; empty when the table has no key (then only 'insert'). */
      readonly key: readonly string[];
      /** The key is new to this table: check that the base's rows are unique and complete on it. */
      readonly checkKey?: boolean;
      /** insert: no record's key may exist; update: every record's key must exist; upsert: either. */
      readonly method: 'insert' | 'update' | 'upsert';
      /** Each record sets the columns it names; a matched row keeps the others, a new row has nulls. */
      readonly records: readonly Readonly<Record<string, CellValue>>[];
    }
  /** Rows matching every filter are left out (no filters: every row). */
  | { readonly kind: 'delete'; readonly filters: readonly Filter[] };

export interface DatastoreBackend {
  readonly kind: string;
  /**
   * Writes a new immutable version atomically (written aside, then renamed into place): on
   * failure nothing of it is visible and earlier versions are untouched. Refuses to overwrite
   * an existing version.
   */
  writeVersion(ref: TableRef, source: TableSource): Promise<TableVersionInfo>;
  /**
   * Writes version `ref` as version `base` (null: an empty table) changed by `change`,
   * atomically as writeVersion. Problems are Validation errors with paths such as
   * `records.3.nilai` (a value of the wrong type) or `records.3` (a key that exists on insert,
   * or is missing on update).
   */
  deriveVersion(ref: TableRef, base: TableRef | null, change: TableChange): Promise<TableVersionInfo>;
  describe(ref: TableRef): Promise<TableVersionInfo>;
  /** Versions present on disk for a table, ascending. */
  listVersions(tableId: string): Promise<number[]>;
  query(ref: TableRef, query?: TableQuery): Promise<QueryResult>;
  aggregate(ref: TableRef, query: AggregateQuery): Promise<readonly Record<string, CellValue>[]>;
  /** Every row in batches, read lazily (downloads); the schema and columns are checked first. */
  stream(ref: TableRef, options?: StreamOptions): Promise<RowStream>;
  /** The version's stored file, to send as it is. */
  versionFile(ref: TableRef): Promise<VersionFile>;
  /**
   * The version's Parquet file on this machine's disk, for engines that read it in place (the
   * SQL sandbox); undefined for backends whose files live elsewhere (object storage).
   */
  localFile(ref: TableRef): Promise<string | undefined>;
  /** Rows added, removed and changed from `from` to `to`, matched on `key` (empty: whole rows). */
  diff(from: TableRef, to: TableRef, key: readonly string[], options: DiffOptions): Promise<VersionDiff>;
  /** Removes every version of a table. */
  dropTable(tableId: string): Promise<void>;
  /** True when the engine answers. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
