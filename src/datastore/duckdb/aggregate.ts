/**
 * Group-by aggregates over one version: sum, avg, min, max and count, with optional filters.
 * Groups come back ordered by the group-by columns; more than MAX_GROUPS groups is refused
 * rather than sent (a group-by on an id column of a billion rows would otherwise be answered).
 */

import { type FieldErrors, validation } from '../../core/errors.js';
import type { AggregateQuery, CellValue } from '../backend.js';
import type { DuckDBConnection } from './api.js';
import { Params, whereClause } from './filters.js';
import { readRows, type Source } from './read.js';
import { quoteIdent } from './sql.js';

export const MAX_GROUPS = 32_000;
const FNS = new Set(['sum', 'avg', 'min', 'max', 'count']);

interface Item {
  readonly sql: string;
  readonly name: string;
}

function groupItems(query: AggregateQuery, source: Source, fields: FieldErrors): Item[] {
  if (!Array.isArray(query.groupBy)) {
    fields.groupBy = ['expected a list of column names'];
    return [];
  }
  const items: Item[] = [];
  query.groupBy.forEach((name, i) => {
    if (!source.types.has(name)) fields[`groupBy.${i}`] = [`unknown column ${JSON.stringify(name)}`];
    else if (!items.some((g) => g.name === name)) items.push({ sql: quoteIdent(name), name });
  });
  return items;
}

function measureItems(query: AggregateQuery, source: Source, fields: FieldErrors): Item[] {
  if (!Array.isArray(query.measures)) {
    fields.measures = ['expected a list of {column, fn, as}'];
    return [];
  }
  const items: Item[] = [];
  query.measures.forEach((m, i) => {
    const at = `measures.${i}`;
    if (!FNS.has(m?.fn)) {
      fields[`${at}.fn`] = [`must be one of ${[...FNS].join(', ')}`];
      return;
    }
    const star = m.fn === 'count' && m.column === '*';
    const type = source.types.get(m.column);
    if (!star && type === undefined) {
      fields[`${at}.column`] = [`unknown column ${JSON.stringify(m.column)}`];
      return;
    }
    if ((m.fn === 'sum' || m.fn === 'avg') && type !== 'integer' && type !== 'number') {
      fields[`${at}.column`] = [`${m.fn} needs a numeric column; ${JSON.stringify(m.column)} is ${type}`];
      return;
    }
    if (m.as !== undefined && (typeof m.as !== 'string' || m.as.trim() === '')) {
      fields[`${at}.as`] = ['must be a non-empty name'];
      return;
    }
    const name = m.as ?? (star ? 'count' : `${m.fn}_${m.column}`);
    const sql = `${m.fn}(${star ? '*' : quoteIdent(m.column)}) AS ${quoteIdent(name)}`;
    items.push({ sql, name });
  });
  return items;
}

export async function aggregateVersion(
  connection: DuckDBConnection,
  source: Source,
  query: AggregateQuery,
): Promise<Record<string, CellValue>[]> {
  const fields: FieldErrors = {};
  const groups = groupItems(query, source, fields);
  const measures = measureItems(query, source, fields);
  const params = new Params();
  const where = whereClause(query.filters, source.types, params, fields);
  if (groups.length + measures.length === 0 && Object.keys(fields).length === 0) {
    fields.measures = ['give at least one measure or group-by column'];
  }
  const seen = new Set<string>();
  for (const item of [...groups, ...measures]) {
    // DuckDB compares names without regard to case.
    const key = item.name.toLowerCase();
    if (seen.has(key))
      fields.measures = [`the output name ${JSON.stringify(item.name)} is used twice; set 'as'`];
    seen.add(key);
  }
  if (Object.keys(fields).length > 0) throw validation(fields);

  const select = [...groups, ...measures].map((item) => item.sql).join(', ');
  const keys = groups.map((g) => g.sql).join(', ');
  const order = groups.map((g) => `${g.sql} NULLS LAST`).join(', ');
  const grouped = groups.length > 0 ? ` GROUP BY ${keys} ORDER BY ${order}` : '';
  const sql = `SELECT ${select} FROM ${source.from}${where}${grouped} LIMIT ${MAX_GROUPS + 1}`;
  const names = [...groups, ...measures].map((item) => item.name);
  const rows = await readRows(connection, sql, params.values, names);
  if (rows.length > MAX_GROUPS) {
    throw validation({ groupBy: [`more than ${MAX_GROUPS} groups; add filters or group by fewer columns`] });
  }
  return rows;
}
