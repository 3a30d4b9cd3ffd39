/**
 * Totals of one-column equality filters, read from the column's value counts.
 *
 * A search with a filter counts its matching rows every time: a scan of the whole column (about
 * 11 ms over 5 million rows), for every page of every visitor. A version file never changes, so
 * after a filtered search on a text column of a large version, the column's value counts are
 * computed once, in the background (one GROUP BY), and kept: the next totals for `column = v` or
 * `column IN (…)` are sums of kept counts. Columns with more than `MAX_VALUES` values are not kept.
 */

import type { ColumnType, TableQuery } from '../backend.js';
import type { DuckDBConnection } from './api.js';
import { quoteIdent } from './sql.js';

/** Columns with more values than this are left to counting. */
export const MAX_VALUES = 20_000;
/** Columns whose counts are kept (least recently used go first). */
const MAX_KEPT = 256;

/** A query whose total is the sum of some values' counts in one text column. */
export interface Countable {
  readonly column: string;
  readonly values: readonly string[];
}

/** The one-column equality filter of `query`, when its total can be read from value counts. */
export function countableFilter(
  query: TableQuery,
  types: ReadonlyMap<string, ColumnType>,
): Countable | undefined {
  if (query.distinct === true || query.q?.trim() || query.filters?.length !== 1) return undefined;
  const [filter] = query.filters;
  if (filter === undefined || types.get(filter.column) !== 'text') return undefined;
  // As filters.ts binds them: a number compares with a text column as its text.
  const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined);
  const values =
    filter.op === 'eq' && !Array.isArray(filter.value)
      ? [text(filter.value)]
      : filter.op === 'in' && Array.isArray(filter.value)
        ? filter.value.map(text)
        : [undefined];
  if (values.some((v) => v === undefined)) return undefined;
  return { column: filter.column, values: [...new Set(values as string[])] };
}

/** The version a count belongs to: its file and when it was written. */
interface Counted {
  readonly key: string;
  readonly from: string;
}

export class ValueCounts {
  /** Counts by version and column; null: too many values to keep. */
  private readonly kept = new Map<string, ReadonlyMap<string, number> | null>();
  private readonly pending = new Map<string, Promise<void>>();
  /** Totals read from kept counts, and columns whose counts were computed. */
  readonly stats = { hits: 0, computed: 0 };

  /**
   * `run` lends a connection for one computation; `minMs`: a count that took less than this is
   * cheap enough to run again, and keeps nothing.
   */
  constructor(
    private readonly run: (fn: (connection: DuckDBConnection) => Promise<void>) => Promise<void>,
    readonly minMs = 5,
  ) {}

  /** The total of `filter` over `source` from kept counts; undefined when they are not kept. */
  total(source: Counted, filter: Countable): number | undefined {
    const id = `${source.key}\u0000${filter.column}`;
    const counts = this.kept.get(id);
    if (!counts) return undefined;
    // Most recently used last.
    this.kept.delete(id);
    this.kept.set(id, counts);
    this.stats.hits++;
    let total = 0;
    for (const v of filter.values) total += counts.get(v) ?? 0;
    return total;
  }

  /** After a count of `ms` milliseconds on `column`: starts keeping its counts when worth it. */
  counted(source: Counted, column: string, ms: number): void {
    const id = `${source.key}\u0000${column}`;
    if (ms < this.minMs || this.kept.has(id) || this.pending.has(id)) return;
    const work = this.run(async (connection) => {
      const name = quoteIdent(column);
      const reader = await connection.runAndReadAll(
        `SELECT ${name}, count(*) FROM ${source.from} WHERE ${name} IS NOT NULL GROUP BY 1 LIMIT ${MAX_VALUES + 1}`,
      );
      const rows = reader.getRows();
      const counts =
        rows.length > MAX_VALUES ? null : new Map(rows.map(([v, n]) => [String(v), Number(n)] as const));
      if (this.kept.size >= MAX_KEPT) this.kept.delete(this.kept.keys().next().value as string);
      this.kept.set(id, counts);
      this.stats.computed++;
    })
      // A closing engine or a failed scan keeps nothing; the next count tries again.
      .catch(() => undefined)
      .finally(() => this.pending.delete(id));
    this.pending.set(id, work);
  }

  /** Settles when no counts are being computed. */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.all(this.pending.values());
  }
}
