/**
 * Resolving whole columns: each distinct (value, parent) once, then a report the ingest pipeline can
 * show. `resolveHierarchicalColumn` reads BPS tables that list a province and then its regencies.
 */
import { getRegionIndex } from './load.js';
import { RegionResolver, type ResolverSetup } from './resolver.js';
import type { MatchMethod, MatchStatus, RegionMatch, ResolveOptions } from './types.js';

export interface ColumnOptions extends ResolveOptions, ResolverSetup {
  /** A parent per row (code or name), e.g. another column; it takes precedence over `parent`. */
  readonly parents?: readonly (string | null | undefined)[];
  /** A resolver to reuse (its index, crosswalk and caches); default one over the shipped index. */
  readonly resolver?: RegionResolver;
}

export interface DistinctValue {
  readonly value: string;
  readonly parent?: string;
  /** How many rows carry this value (with this parent). */
  readonly rows: number;
  readonly result: RegionMatch;
}

export interface ColumnReport {
  readonly rows: number;
  readonly empty: number;
  readonly distinct: number;
  /** Counts of distinct values by status. */
  readonly resolved: number;
  readonly ambiguous: number;
  readonly unresolved: number;
  /** Shares of distinct values, and of non-empty rows, by status (0–1). */
  readonly rates: Record<MatchStatus, number>;
  readonly rowRates: Record<MatchStatus, number>;
  /** Resolved distinct values by the method that decided. */
  readonly byMethod: Partial<Record<MatchMethod, number>>;
}

export interface ColumnResolution {
  readonly distinct: readonly DistinctValue[];
  readonly report: ColumnReport;
  /** The result for a row, undefined for an empty cell. */
  at(row: number): RegionMatch | undefined;
}

const text = (v: unknown): string =>
  typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim() : '';

/** Collects distinct values and row references, then builds the resolution and its report. */
export class ColumnBuilder {
  private readonly distinct: { value: string; parent?: string; rows: number; result: RegionMatch }[] = [];
  private readonly keys = new Map<string, number>();
  private readonly rowIndex: Int32Array;

  constructor(rows: number) {
    this.rowIndex = new Int32Array(rows).fill(-1);
  }

  add(row: number, value: string, parent: string | undefined, resolve: () => RegionMatch): void {
    const key = `${parent ?? ''}\u0000${value}`;
    let i = this.keys.get(key);
    if (i === undefined) {
      i = this.distinct.length;
      this.distinct.push({ value, ...(parent !== undefined && { parent }), rows: 0, result: resolve() });
      this.keys.set(key, i);
    }
    this.distinct[i]!.rows++;
    this.rowIndex[row] = i;
  }

  build(): ColumnResolution {
    const { distinct, rowIndex } = this;
    const count = { resolved: 0, ambiguous: 0, unresolved: 0 };
    const rowCount = { resolved: 0, ambiguous: 0, unresolved: 0 };
    const byMethod: Partial<Record<MatchMethod, number>> = {};
    for (const d of distinct) {
      count[d.result.status]++;
      rowCount[d.result.status] += d.rows;
      if (d.result.status === 'resolved') byMethod[d.result.method] = (byMethod[d.result.method] ?? 0) + 1;
    }
    const filled = rowCount.resolved + rowCount.ambiguous + rowCount.unresolved;
    const share = (n: number, of: number) => (of === 0 ? 0 : Math.round((n / of) * 10_000) / 10_000);
    const rates = (c: typeof count, of: number) => ({
      resolved: share(c.resolved, of),
      ambiguous: share(c.ambiguous, of),
      unresolved: share(c.unresolved, of),
    });
    const report: ColumnReport = {
      rows: rowIndex.length,
      empty: rowIndex.length - filled,
      distinct: distinct.length,
      ...count,
      rates: rates(count, distinct.length),
      rowRates: rates(rowCount, filled),
      byMethod,
    };
    return { distinct, report, at: (row) => distinct[rowIndex[row] ?? -1]?.result };
  }
}

async function resolverFor(options: ColumnOptions): Promise<RegionResolver> {
  return options.resolver ?? new RegionResolver(await getRegionIndex(), options);
}

/** Resolves a column, each distinct value (with its row parent) once. */
export async function resolveColumn(
  values: readonly unknown[],
  options: ColumnOptions = {},
): Promise<ColumnResolution> {
  const resolver = await resolverFor(options);
  const out = new ColumnBuilder(values.length);
  for (let row = 0; row < values.length; row++) {
    const value = text(values[row]);
    if (value === '') continue;
    const parent = options.parents?.[row]?.trim() || undefined;
    out.add(row, value, parent, () => resolver.resolve(value, options, parent));
  }
  return out.build();
}

/**
 * A column that lists a province, then its regencies, then the next province (BPS tables): the last
 * province seen is the parent of the rows below it. A row naming the current province again is read as
 * its regency namesake (GORONTALO, then … Gorontalo = Kabupaten Gorontalo under `bareNameMeans`).
 * Province rows are recognised without typo matching unless written in capitals, as BPS writes them.
 */
export async function resolveHierarchicalColumn(
  values: readonly unknown[],
  options: ColumnOptions = {},
): Promise<ColumnResolution> {
  const resolver = await resolverFor(options);
  const out = new ColumnBuilder(values.length);
  const asProvince = new Map<string, RegionMatch>();
  let province: string | undefined;
  for (let row = 0; row < values.length; row++) {
    const value = text(values[row]);
    if (value === '') continue;
    let top = asProvince.get(value);
    if (!top) {
      const upper = value === value.toUpperCase();
      top = resolver.resolve(value, { levels: ['province'], fuzzy: upper, labels: false });
      asProvince.set(value, top);
    }
    const isTop = top.status === 'resolved' && (top.level === 'country' || top.level === 'province');
    if (isTop && top.code !== province) {
      province = top.level === 'province' ? top.code : undefined;
      const found = top;
      out.add(row, value, undefined, () => found);
      continue;
    }
    const parent = province ?? options.parent;
    const levels = options.levels ?? ['regency'];
    out.add(row, value, parent, () =>
      resolver.resolve(value, { ...options, levels, ...(parent && { parent }) }),
    );
  }
  return out.build();
}
