/**
 * Reading one version: its schema and row count, and queries with projection, filters, sort
 * and paging. Every statement reads the version's Parquet file directly; values come back as
 * JS-native cells.
 */
import { stat } from 'node:fs/promises';
import { type FieldErrors, validation } from '../../core/errors.js';
import type { CellValue, ColumnInfo, ColumnType, QueryResult, TableQuery } from '../backend.js';
import type { DuckDBConnection, DuckDBValue } from './api.js';
import { Params, whereClause } from './filters.js';
import { columnTypeOf, quoteIdent, quoteLiteral } from './sql.js';
import { countableFilter, type ValueCounts } from './value-counts.js';
import { toCell } from './values.js';

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 32_000;

/** One version's file as DuckDB sees it. */
export interface Source {
  /** The file and its modification time: one version as written. */
  readonly key: string;
  readonly from: string;
  readonly columns: readonly ColumnInfo[];
  readonly types: ReadonlyMap<string, ColumnType>;
}

/** Described sources by path and modification time (a version file is written once). */
const described = new Map<string, Source>();
const DESCRIBED_MAX = 512;

export async function openSource(connection: DuckDBConnection, path: string): Promise<Source> {
  const key = `${path}\u0000${(await stat(path)).mtimeMs}`;
  const known = described.get(key);
  if (known) return known;
  const from = `read_parquet(${quoteLiteral(path)})`;
  const reader = await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${from}`);
  const columns = reader.getRowObjectsJS().map((r) => ({
    name: String(r.column_name),
    type: columnTypeOf(String(r.column_type)),
  }));
  const source: Source = { key, from, columns, types: new Map(columns.map((c) => [c.name, c.type])) };
  if (described.size >= DESCRIBED_MAX) described.delete(described.keys().next().value as string);
  described.set(key, source);
  return source;
}

/** Runs a statement and returns its rows as objects keyed by `names` (in select-list order). */
export async function readRows(
  connection: DuckDBConnection,
  sql: string,
  params: DuckDBValue[],
  names: readonly string[],
): Promise<Record<string, CellValue>[]> {
  const reader = await connection.runAndReadAll(sql, params);
  return reader.getRows().map((row) => {
    const record: Record<string, CellValue> = {};
    names.forEach((name, i) => {
      record[name] = toCell(row[i] ?? null);
    });
    return record;
  });
}

export async function countRows(connection: DuckDBConnection, source: Source): Promise<number> {
  const reader = await connection.runAndReadAll(`SELECT count(*) FROM ${source.from}`);
  return Number(toCell(reader.getRows()[0]?.[0] ?? 0));
}

function pageErrors(query: TableQuery, fields: FieldErrors): { limit: number; offset: number } {
  const limit = query.limit ?? DEFAULT_LIMIT;
  const offset = query.offset ?? 0;
  if (!Number.isSafeInteger(limit) || limit < 0) fields.limit = ['must be a whole number, 0 or more'];
  else if (limit > MAX_LIMIT) fields.limit = [`must be at most ${MAX_LIMIT}; page with offset for more rows`];
  if (!Number.isSafeInteger(offset) || offset < 0) fields.offset = ['must be a whole number, 0 or more'];
  return { limit, offset };
}

function projection(query: TableQuery, source: Source, fields: FieldErrors): ColumnInfo[] {
  if (query.columns === undefined) return [...source.columns];
  if (!Array.isArray(query.columns) || query.columns.length === 0) {
    fields.columns = ['expected a non-empty list of column names'];
    return [];
  }
  const picked: ColumnInfo[] = [];
  query.columns.forEach((name, i) => {
    const type = source.types.get(name);
    if (type === undefined) fields[`columns.${i}`] = [`unknown column ${JSON.stringify(name)}`];
    else if (!picked.some((c) => c.name === name)) picked.push({ name, type });
  });
  return picked;
}

function orderBy(query: TableQuery, source: Source, fields: FieldErrors): string {
  if (query.sort === undefined) return '';
  if (!Array.isArray(query.sort)) {
    fields.sort = ['expected a list of {column, desc}'];
    return '';
  }
  const keys: string[] = [];
  query.sort.forEach((key, i) => {
    if (!source.types.has(key?.column))
      fields[`sort.${i}.column`] = [`unknown column ${JSON.stringify(key?.column)}`];
    else keys.push(`${quoteIdent(key.column)} ${key.desc === true ? 'DESC' : 'ASC'} NULLS LAST`);
  });
  return keys.length > 0 ? ` ORDER BY ${keys.join(', ')}` : '';
}

/**
 * Without a sort, rows come back in file order (DuckDB preserves insertion order), so paging
 * with offset is stable across calls.
 */
export async function queryVersion(
  connection: DuckDBConnection,
  source: Source,
  query: TableQuery,
  counts?: ValueCounts,
): Promise<QueryResult> {
  const fields: FieldErrors = {};
  const columns = projection(query, source, fields);
  const params = new Params();
  let where = whereClause(query.filters, source.types, params, fields);
  const q = query.q?.trim();
  if (q) {
    const text = source.columns.filter((c) => c.type === 'text');
    const words = q.split(/\s+/).slice(0, 10);
    const any = (w: string) =>
      text.length
        ? `(${text.map((c) => `${quoteIdent(c.name)} ILIKE ${params.bind(`%${w.replace(/[%_\\]/g, (ch) => `\\${ch}`)}%`)} ESCAPE '\\'`).join(' OR ')})`
        : 'false';
    const cond = words.map(any).join(' AND ');
    where = where ? `${where} AND ${cond}` : ` WHERE ${cond}`;
  }
  const order = orderBy(query, source, fields);
  const { limit, offset } = pageErrors(query, fields);
  if (Object.keys(fields).length > 0) throw validation(fields);

  const list = columns.map((c) => quoteIdent(c.name)).join(', ');
  const distinct = query.distinct === true;
  // A one-column equality filter's total may come from the column's kept value counts.
  const countable = counts && countableFilter(query, source.types);
  let total = countable && counts?.total(source, countable);
  if (total === undefined) {
    const started = performance.now();
    const counted = await connection.runAndReadAll(
      distinct
        ? `SELECT count(*) FROM (SELECT DISTINCT ${list} FROM ${source.from}${where})`
        : `SELECT count(*) FROM ${source.from}${where}`,
      params.values,
    );
    total = Number(toCell(counted.getRows()[0]?.[0] ?? 0));
    if (countable) counts?.counted(source, countable.column, performance.now() - started);
  }
  const names = columns.map((c) => c.name);
  const rows =
    limit === 0 || offset >= total
      ? []
      : await readRows(
          connection,
          distinct
            ? `SELECT * FROM (SELECT DISTINCT ${list} FROM ${source.from}${where})${order} LIMIT ${limit} OFFSET ${offset}`
            : `SELECT ${list} FROM ${source.from}${where}${order} LIMIT ${limit} OFFSET ${offset}`,
          params.values,
          names,
        );
  return { columns, rows, total };
}
