/** The shapes every reader shares: raw rows, what was learnt about the source, and the options. */

export type SourceFormat = 'csv' | 'tsv' | 'xlsx' | 'html' | 'json' | 'ndjson' | 'parquet';

/**
 * One row as the source holds it: text cells, `null` where there is no cell at all (a cell
 * missing from an XLSX row, a key missing from a JSON object, SQL NULL). CSV cannot tell an
 * empty field from a missing one: both are `''`.
 */
export interface RawRow {
  /**
   * Where the row is, 1-based: the physical line where a CSV/TSV record or an NDJSON object
   * starts, the sheet's row number for XLSX, the row of the expanded table for HTML, the element
   * number for a JSON array, the row number for Parquet. `0` is the header row a reader makes
   * itself from JSON keys or Parquet column names.
   */
  readonly line: number;
  readonly cells: readonly (string | null)[];
  /** XLSX: 0-based indexes of the cells that hold a formula's cached result. */
  readonly formulas?: readonly number[];
}

export interface SourceInfo {
  readonly path: string;
  readonly format: SourceFormat;
  /** The file was gzip-compressed; everything else describes what was inside. */
  readonly gzip: boolean;
  /** Size of the file on disk (compressed size when gzip). */
  readonly bytes: number;
  /** Text formats: the encoding used (`utf-8`, `utf-16le`, `utf-16be`, `windows-1252`). */
  readonly encoding?: string;
  /** How the encoding was chosen, e.g. `UTF-8 BOM` or `not valid UTF-8 in the first 1048576 bytes`. */
  readonly encodingReason?: string;
  /** CSV/TSV: the field delimiter. */
  readonly delimiter?: string;
  /** XLSX: the sheet read; HTML: the table read (`table1`, `table2`, …). */
  readonly sheet?: string;
  /** XLSX: every sheet in workbook order; HTML: every top-level table. */
  readonly sheets?: readonly string[];
  /** The first row is a header the format itself defines (JSON keys, Parquet columns): nothing to guess. */
  readonly headerKnown: boolean;
  /** How the reader decided what it did (which sheet, which table, why this delimiter). */
  readonly notes: readonly string[];
}

/** Something worth telling the user that does not stop the read (a formula without a cached value). */
export interface ReadWarning {
  readonly line: number;
  readonly column?: number;
  readonly message: string;
}

export interface Reader {
  readonly info: SourceInfo;
  /** Reads the source from the start; every call opens the file again. Memory stays bounded. */
  rows(): AsyncIterable<RawRow>;
  /** Warnings of the latest `rows()` pass (at most `MAX_WARNINGS`, then one summary line). */
  readonly warnings: readonly ReadWarning[];
}

export interface ReaderOptions {
  /** Skip sniffing and read as this format (gzip is still detected). */
  format?: SourceFormat;
  /** XLSX sheet or HTML table: its name, or its 0-based index in `info.sheets`. */
  sheet?: string | number;
  /** Text encoding, any label TextDecoder knows (`windows-1252`, `latin1`, `utf-8`, `utf-16le`). */
  encoding?: string;
  /** CSV field delimiter (one character). */
  delimiter?: string;
  /** More cells than this in one row is an error. Default 5,000. */
  maxColumns?: number;
  /** A cell longer than this many UTF-8 bytes is an error. Default 1 MiB. */
  maxCellBytes?: number;
  /** More data rows than this is an error. Default: no limit (XLSX: 1,048,576, Excel's own). */
  maxRows?: number;
  /** XLSX: refuse a part that inflates to more than this. Default 1 GiB. */
  maxUncompressedBytes?: number;
  /** XLSX: refuse a part over 10 MiB whose compression ratio is above this. Default 200. */
  maxCompressionRatio?: number;
  signal?: AbortSignal;
  /**
   * Called as the file is read (compressed bytes when gzip). XLSX and Parquet, read by random
   * access, report once at the end.
   */
  onProgress?: (bytesRead: number, totalBytes: number) => void;
}

export interface Limits {
  readonly maxColumns: number;
  readonly maxCellBytes: number;
  readonly maxRows: number;
  readonly maxUncompressedBytes: number;
  readonly maxCompressionRatio: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxColumns: 5_000,
  maxCellBytes: 1 << 20,
  maxRows: Number.POSITIVE_INFINITY,
  maxUncompressedBytes: 1 << 30,
  maxCompressionRatio: 200,
};

export const MAX_WARNINGS = 100;

export function limitsOf(options: ReaderOptions): Limits {
  return {
    maxColumns: options.maxColumns ?? DEFAULT_LIMITS.maxColumns,
    maxCellBytes: options.maxCellBytes ?? DEFAULT_LIMITS.maxCellBytes,
    maxRows: options.maxRows ?? DEFAULT_LIMITS.maxRows,
    maxUncompressedBytes: options.maxUncompressedBytes ?? DEFAULT_LIMITS.maxUncompressedBytes,
    maxCompressionRatio: options.maxCompressionRatio ?? DEFAULT_LIMITS.maxCompressionRatio,
  };
}
