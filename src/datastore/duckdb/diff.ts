/**
 * The diff of two versions in SQL over their Parquet files. With a key: one full outer join
 * on the key (NULL keys match NULL keys), every other common column compared with IS
 * DISTINCT FROM. Without a key: whole rows as multisets with EXCEPT ALL, so rows can only be
 * added or removed. One statement gives the counts of every kind and a page of examples of
 * each (ordered by the key, or by the row); values come back as JS-native cells.
 */

import { type FieldErrors, validation } from '../../core/errors.js';
import type { CellValue, ColumnInfo, ColumnType } from '../backend.js';
import { DIFF_MAX_LIMIT, type DiffOptions, type RowChange, type VersionDiff } from '../diff.js';
import type { DuckDBConnection } from './api.js';
import { countAndPage, record } from './diff-page.js';
import { countRows, type Source } from './read.js';
import { quoteIdent } from './sql.js';
import { toCell } from './values.js';

export interface Side {
  readonly version: number;
  readonly source: Source;
}

const NUMERIC: ReadonlySet<ColumnType> = new Set(['integer', 'number']);

/** The column as both sides compare it: natively when the types agree, else as text. */
function comparable(name: string, from: Side, to: Side, a = 'a.', b = 'b.'): [string, string] {
  const [ta, tb] = [from.source.types.get(name), to.source.types.get(name)];
  const [ea, eb] = [`${a}${quoteIdent(name)}`, `${b}${quoteIdent(name)}`];
  if (ta === tb || (ta && tb && NUMERIC.has(ta) && NUMERIC.has(tb))) return [ea, eb];
  return [`CAST(${ea} AS VARCHAR)`, `CAST(${eb} AS VARCHAR)`];
}

function checkOptions(options: DiffOptions): { limit: number; offset: number } {
  const fields: FieldErrors = {};
  const { limit, offset = 0 } = options;
  if (!Number.isSafeInteger(limit) || limit < 0 || limit > DIFF_MAX_LIMIT)
    fields.limit = [`must be a whole number from 0 to ${DIFF_MAX_LIMIT}`];
  if (!Number.isSafeInteger(offset) || offset < 0) fields.offset = ['must be a whole number, 0 or more'];
  if (Object.keys(fields).length > 0) throw validation(fields);
  return { limit, offset };
}

/** Refuses key columns missing from a version, naming each, and keys that are not unique. */
async function checkKey(connection: DuckDBConnection, key: readonly string[], sides: Side[]): Promise<void> {
  const messages: string[] = [];
  for (const name of key) {
    const missing = sides.filter((s) => !s.source.types.has(name)).map((s) => `version ${s.version}`);
    if (missing.length > 0)
      messages.push(`key column ${JSON.stringify(name)} is not in ${[...new Set(missing)].join(' or ')}`);
  }
  if (messages.length > 0) throw validation({ key: messages }, messages.join('; '));
  const list = key.map(quoteIdent).join(', ');
  for (const side of sides) {
    const reader = await connection.runAndReadAll(
      `SELECT count(*) OVER (), ${list} FROM (SELECT ${list} FROM ${side.source.from} GROUP BY ALL HAVING count(*) > 1) LIMIT 1`,
    );
    const row = reader.getRows()[0];
    if (!row) continue;
    const example = key.map((k, i) => `${k}=${JSON.stringify(toCell(row[i + 1] ?? null))}`).join(', ');
    const message = `key (${key.join(', ')}) is not unique in version ${side.version}: ${toCell(row[0] ?? 0)} values appear more than once, e.g. ${example}`;
    throw validation({ key: [message] }, message);
  }
}

/** A column name in neither version, marking which side of the join a row came from. */
function marker(from: Side, to: Side): string {
  let name = '__kendali_present';
  while (from.source.types.has(name) || to.source.types.has(name)) name = `_${name}`;
  return quoteIdent(name);
}

async function byKey(
  connection: DuckDBConnection,
  from: Side,
  to: Side,
  key: readonly string[],
  compared: readonly string[],
  page: { limit: number; offset: number },
): Promise<Pick<VersionDiff, 'added' | 'removed' | 'changed' | 'unchanged' | 'examples'>> {
  await checkKey(connection, key, [from, to]);
  const keys = key.map((k) => comparable(k, from, to));
  const diffs = compared.map((c) => comparable(c, from, to));
  const present = marker(from, to);
  const anyDiff = diffs.length ? diffs.map(([a, b]) => `${a} IS DISTINCT FROM ${b}`).join(' OR ') : 'false';
  const names = [
    ...keys.map((_, i) => `k${i}`),
    ...diffs.map((_, i) => `d${i}`),
    ...from.source.columns.map((_, i) => `a${i}`),
    ...to.source.columns.map((_, i) => `b${i}`),
  ];
  const rows = `SELECT
      CASE WHEN a.${present} IS NULL THEN 'added' WHEN b.${present} IS NULL THEN 'removed'
           WHEN ${anyDiff} THEN 'changed' ELSE 'same' END AS kind,
      ${[
        ...keys.map(([a, b], i) => `coalesce(${b}, ${a}) AS k${i}`),
        ...diffs.map(([a, b], i) => `(${a} IS DISTINCT FROM ${b}) AS d${i}`),
        ...from.source.columns.map((c, i) => `a.${quoteIdent(c.name)} AS a${i}`),
        ...to.source.columns.map((c, i) => `b.${quoteIdent(c.name)} AS b${i}`),
      ].join(',\n      ')}
    FROM (SELECT *, true AS ${present} FROM ${from.source.from}) a
    FULL OUTER JOIN (SELECT *, true AS ${present} FROM ${to.source.from}) b
    ON ${keys.map(([a, b]) => `${a} IS NOT DISTINCT FROM ${b}`).join(' AND ')}`;
  const { counts, examples } = await countAndPage(connection, rows, names.slice(0, key.length), names, page);
  const atFrom = key.length + compared.length;
  const atTo = atFrom + from.source.columns.length;
  const before = (cells: CellValue[]) => record(from.source.columns, cells, atFrom);
  const after = (cells: CellValue[]) => record(to.source.columns, cells, atTo);
  const changed: RowChange[] = examples
    .filter((e) => e.kind === 'changed')
    .map(({ cells }) => ({
      key: Object.fromEntries(key.map((k, i) => [k, cells[i] ?? null])),
      before: before(cells),
      after: after(cells),
      columns: compared.filter((_, i) => cells[key.length + i] === true),
    }));
  return {
    added: counts.get('added') ?? 0,
    removed: counts.get('removed') ?? 0,
    changed: counts.get('changed') ?? 0,
    unchanged: counts.get('same') ?? 0,
    examples: {
      added: examples.filter((e) => e.kind === 'added').map((e) => after(e.cells)),
      removed: examples.filter((e) => e.kind === 'removed').map((e) => before(e.cells)),
      changed,
    },
  };
}

async function byRow(
  connection: DuckDBConnection,
  from: Side,
  to: Side,
  compared: readonly string[],
  page: { limit: number; offset: number },
): Promise<Pick<VersionDiff, 'added' | 'removed' | 'changed' | 'unchanged' | 'examples'>> {
  if (compared.length === 0)
    throw validation({ key: ['the versions have no column in common; there are no rows to compare'] });
  const pairs = compared.map((c) => comparable(c, from, to, '', ''));
  const names = compared.map((_, i) => `c${i}`);
  const side = (i: 0 | 1, s: Side) =>
    `SELECT ${pairs.map((p, j) => `${p[i]} AS c${j}`).join(', ')} FROM ${s.source.from}`;
  const rows = `SELECT 'added' AS kind, * FROM (${side(1, to)} EXCEPT ALL ${side(0, from)})
    UNION ALL SELECT 'removed' AS kind, * FROM (${side(0, from)} EXCEPT ALL ${side(1, to)})`;
  const { counts, examples } = await countAndPage(connection, rows, names, names, page);
  const columns = compared.map((name) => ({ name, type: to.source.types.get(name) ?? 'text' }));
  const added = counts.get('added') ?? 0;
  return {
    added,
    removed: counts.get('removed') ?? 0,
    changed: 0,
    unchanged: (await countRows(connection, to.source)) - added,
    examples: {
      added: examples.filter((e) => e.kind === 'added').map((e) => record(columns, e.cells)),
      removed: examples.filter((e) => e.kind === 'removed').map((e) => record(columns, e.cells)),
      changed: [],
    },
  };
}

export async function diffVersions(
  connection: DuckDBConnection,
  from: Side,
  to: Side,
  keyColumns: readonly string[],
  options: DiffOptions,
): Promise<VersionDiff> {
  const page = checkOptions(options);
  const key = [...new Set(keyColumns)];
  const inFrom = (c: ColumnInfo) => from.source.types.has(c.name);
  const columns = {
    added: to.source.columns.filter((c) => !inFrom(c)).map((c) => c.name),
    removed: from.source.columns.filter((c) => !to.source.types.has(c.name)).map((c) => c.name),
    compared: to.source.columns.filter((c) => inFrom(c) && !key.includes(c.name)).map((c) => c.name),
  };
  const result =
    key.length > 0
      ? await byKey(connection, from, to, key, columns.compared, page)
      : await byRow(connection, from, to, columns.compared, page);
  return { key, columns, ...result };
}
