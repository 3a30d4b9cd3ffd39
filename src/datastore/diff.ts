/**
 * What changed between two versions of a table. With key columns, rows are matched on the key
 * and reported as added, removed or changed (with the columns that changed); without a key,
 * whole rows are compared as multisets, so only added and removed rows can be counted.
 */
import type { CellValue } from './backend.js';

/** Examples are capped per kind; page through them with offset. */
export const DIFF_MAX_LIMIT = 1000;

export interface DiffOptions {
  /** Examples of each kind (added, removed, changed): 0 to 1000. */
  readonly limit: number;
  /** Examples of each kind to skip, in key order (whole-row comparison: in row order). */
  readonly offset?: number;
}

export type DiffRow = Readonly<Record<string, CellValue>>;

export interface RowChange {
  /** The key's values. */
  readonly key: DiffRow;
  /** The whole row in the older version, and in the newer one. */
  readonly before: DiffRow;
  readonly after: DiffRow;
  /** Columns (of both versions) whose value differs. */
  readonly columns: readonly string[];
}

export interface VersionDiff {
  /** Columns rows were matched on; empty when whole rows were compared. */
  readonly key: readonly string[];
  readonly columns: {
    /** Only in the newer version. */
    readonly added: readonly string[];
    /** Only in the older version. */
    readonly removed: readonly string[];
    /** In both and compared (without a key: the columns whole rows consist of). */
    readonly compared: readonly string[];
  };
  readonly added: number;
  readonly removed: number;
  /** Rows whose key is in both versions with another value in a compared column (0 without a key). */
  readonly changed: number;
  /** Rows of the newer version found unchanged in the older one. */
  readonly unchanged: number;
  readonly examples: {
    readonly added: readonly DiffRow[];
    readonly removed: readonly DiffRow[];
    readonly changed: readonly RowChange[];
  };
}
