/**
 * The last step of a diff: from a select of rows with a `kind` column (added, removed,
 * changed, same), one statement gives the count of every kind and a page of examples of each
 * kind but 'same', numbered in a stable order so that offset pages through them.
 */

import type { CellValue, ColumnInfo } from '../backend.js';
import type { DiffRow } from '../diff.js';
import type { DuckDBConnection } from './api.js';
import { toCell } from './values.js';

export type Kind = 'added' | 'removed' | 'changed' | 'same';

interface Page {
  readonly counts: Map<Kind, number>;
  /** Example rows (the selected columns after kind, count and row number). */
  readonly examples: { readonly kind: Kind; readonly cells: CellValue[] }[];
}

/**
 * Counts of every kind of `rows` (a select with a `kind` column) and the page of examples of
 * each kind but 'same', in `order`; `columns` are the other columns to return.
 */
export async function countAndPage(
  connection: DuckDBConnection,
  rows: string,
  order: readonly string[],
  columns: readonly string[],
  { limit, offset }: { limit: number; offset: number },
): Promise<Page> {
  const sortKey = order.map((c) => `${c} NULLS FIRST`).join(', ');
  const picked = columns.map((c) => `e.${c}`);
  const sql = `WITH j AS (${rows}),
    c AS (SELECT kind, count(*) AS n FROM j GROUP BY kind),
    e AS (SELECT * FROM (SELECT *, row_number() OVER (PARTITION BY kind ORDER BY ${sortKey}) AS rn
          FROM j WHERE kind <> 'same') WHERE rn > ${offset} AND rn <= ${offset + limit})
    SELECT c.kind, c.n, e.rn${picked.map((p) => `, ${p}`).join('')}
    FROM c LEFT JOIN e ON c.kind = e.kind ORDER BY c.kind, e.rn`;
  const reader = await connection.runAndReadAll(sql);
  const counts = new Map<Kind, number>();
  const examples: Page['examples'] = [];
  for (const row of reader.getRows()) {
    const kind = String(row[0]) as Kind;
    counts.set(kind, Number(toCell(row[1] ?? 0)));
    if (row[2] !== null) examples.push({ kind, cells: row.slice(3).map(toCell) });
  }
  return { counts, examples };
}

export const record = (columns: readonly ColumnInfo[], cells: readonly CellValue[], at = 0): DiffRow =>
  Object.fromEntries(columns.map((c, i) => [c.name, cells[at + i] ?? null]));
