/**
 * Reads what a prepared import's table covers (coverage.ts) from its Parquet file, in DuckDB.
 */
import type { ColumnInfo } from '../datastore/backend.js';
import { scratchInstance } from '../datastore/duckdb/engine.js';
import { quoteIdent, quoteLiteral } from '../datastore/duckdb/sql.js';
import { type Coverage, regionCoverage, timeCoverage } from './coverage.js';
import type { FieldPlan } from './pipeline/types.js';

/** Distinct codes or periods read at most (villages of the whole country fit). */
const MAX_DISTINCT = 100_000;

/** A year column whose type says so, or an integer column its header calls a year (`tahun`, Excel's `2019.0`). */
const isYearField = (f: FieldPlan): boolean =>
  f.type === 'year' || (f.type === 'integer' && /^(tahun|year|thn)(\b|_|$)/i.test(f.name));

/**
 * The coverage of a prepared import's table (`parquet`, stored as `columns`, typed as `fields`):
 * region codes from each region column's `_kode` (the column after the fields, every `width`-th),
 * time from date, year and period columns, and from headers that are years.
 */
export async function readCoverage(
  parquet: string,
  fields: readonly FieldPlan[],
  columns: readonly ColumnInfo[],
  workDir: string,
): Promise<Coverage> {
  const region = columns.slice(fields.length);
  const width = region.some((c) => c.name.endsWith('_kode_bps')) ? 3 : 2;
  const codeColumns = region.filter((_, i) => i % width === 0).map((c) => c.name);
  const timeFields = fields.filter(
    (f) => f.type === 'date' || f.type === 'yearmonth' || f.type === 'period' || isYearField(f),
  );
  const headerYears = fields.map((f) => f.title.trim()).filter((t) => /^\d{4}$/.test(t));
  const times = [...headerYears];
  let codes: string[] = [];
  if (codeColumns.length > 0 || timeFields.length > 0) {
    const instance = await scratchInstance(workDir, 'coverage', '512MB');
    const c = await instance.connect();
    try {
      const from = `read_parquet(${quoteLiteral(parquet)})`;
      const distinct = async (expr: string): Promise<string[]> =>
        (
          await c.runAndReadAll(
            `SELECT DISTINCT CAST(${expr} AS VARCHAR) AS v FROM ${from} WHERE ${expr} IS NOT NULL LIMIT ${MAX_DISTINCT}`,
          )
        )
          .getRowsJS()
          .map((r) => String(r[0]));
      for (const name of codeColumns) codes = codes.concat(await distinct(quoteIdent(name)));
      for (const f of timeFields) {
        const col = quoteIdent(f.name);
        if (f.type === 'period') times.push(...(await distinct(col)));
        else {
          const r = await c.runAndReadAll(
            `SELECT CAST(min(${col}) AS VARCHAR), CAST(max(${col}) AS VARCHAR) FROM ${from}`,
          );
          for (const v of r.getRowsJS()[0] ?? []) if (v !== null) times.push(String(v));
        }
      }
    } finally {
      c.closeSync();
      instance.closeSync();
    }
  }
  return { ...regionCoverage(codes), ...timeCoverage(times) };
}
