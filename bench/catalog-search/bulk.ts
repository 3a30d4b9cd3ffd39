/** Helpers for generating the benchmark catalog: Zipf draws and bulk inserts through unnest. */
import { type Kysely, sql } from 'kysely';
import type { CatalogSchema } from '../../src/catalog/schema.js';
import type { Random } from '../../src/core/random.js';

/** Draws ranks 0…n-1 with probability ∝ 1/(rank+1)^s. */
export function zipf(n: number, s: number, rng: Random): () => number {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) cdf[i] = sum += 1 / (i + 1) ** s;
  return () => {
    const x = rng.next() * sum;
    let [lo, hi] = [0, n - 1];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cdf[mid] ?? 0) < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/**
 * Inserts `rows` into `table` in statements of `batch` rows: `INSERT … SELECT <expr> FROM
 * unnest($1::text[], …)`, each column's expression (e.g. `id::uuid`) given in `columns`.
 */
export async function insert(
  db: Kysely<CatalogSchema>,
  table: string,
  columns: Record<string, string>,
  rows: readonly (readonly (string | number | boolean | null)[])[],
  batch = 2000,
): Promise<void> {
  const names = Object.keys(columns);
  for (let i = 0; i < rows.length; i += batch) {
    const part = rows.slice(i, i + batch);
    const arrays = names.map((_, c) => part.map((r) => r[c] ?? null));
    const exprs = names.map((n) => sql.raw(columns[n] ?? n));
    const params = arrays.map((a, c) => {
      const type = typeof part[0]?.[c] === 'boolean' ? 'bool' : 'text';
      return sql`${a}::${sql.raw(type)}[]`;
    });
    await sql`INSERT INTO ${sql.table(table)} (${sql.join(names.map((n) => sql.ref(n)))})
      SELECT ${sql.join(exprs)} FROM unnest(${sql.join(params)}) AS t(${sql.join(names.map((n) => sql.ref(n)))})`.execute(
      db,
    );
  }
}
