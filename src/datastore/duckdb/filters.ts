/**
 * Filters as a SQL WHERE clause with bound parameters. Column names are checked against the
 * table's columns and quoted; values are checked against the column's type and bound, never
 * spliced into the text. Errors carry field paths (`filters.2.value`).
 */

import type { FieldErrors } from '../../core/errors.js';
import type { CellValue, ColumnType, Filter } from '../backend.js';
import { DuckDBDateValue, DuckDBTimestampValue, type DuckDBValue } from './api.js';
import { quoteIdent } from './sql.js';
import { parseDate, parseTimestamp } from './values.js';

const OPS: Readonly<Record<Filter['op'], string>> = {
  eq: '=',
  ne: 'IS DISTINCT FROM',
  lt: '<',
  le: '<=',
  gt: '>',
  ge: '>=',
  in: 'IN',
  like: 'LIKE',
};
const MAX_IN = 10_000;

/** The growing list of parameters of one statement; `bind` returns the placeholder. */
export class Params {
  readonly values: DuckDBValue[] = [];

  bind(value: DuckDBValue): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

type Comparable = { readonly value: DuckDBValue } | { readonly error: string };

/** A filter value as a DuckDB value comparable with a column of `type`, or why it is not one. */
function comparable(type: ColumnType, value: CellValue): Comparable {
  switch (type) {
    case 'text':
      return typeof value === 'string' || typeof value === 'number'
        ? { value: String(value) }
        : { error: 'expected text' };
    case 'integer':
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return { error: 'expected a number' };
      return { value: type === 'integer' && Number.isSafeInteger(value) ? BigInt(value) : value };
    case 'boolean':
      return typeof value === 'boolean' ? { value } : { error: 'expected true or false' };
    case 'date': {
      const days = typeof value === 'string' ? parseDate(value) : undefined;
      return days === undefined
        ? { error: 'expected a date YYYY-MM-DD' }
        : { value: new DuckDBDateValue(days) };
    }
    case 'timestamp': {
      const ms = typeof value === 'string' ? parseTimestamp(value) : undefined;
      return ms === undefined
        ? { error: 'expected an ISO 8601 timestamp' }
        : { value: new DuckDBTimestampValue(BigInt(ms) * 1000n) };
    }
  }
}

/** Records a problem at `path`; returns no condition. */
function fail(fields: FieldErrors, path: string, message: string): undefined {
  fields[path] = [message];
  return undefined;
}

function condition(
  filter: Filter,
  type: ColumnType,
  params: Params,
  at: string,
  fields: FieldErrors,
): string | undefined {
  const column = quoteIdent(filter.column);
  const { op, value } = filter;
  if (op === 'in') {
    if (!Array.isArray(value)) return fail(fields, `${at}.value`, 'expected a list of values');
    if (value.length > MAX_IN) return fail(fields, `${at}.value`, `at most ${MAX_IN} values`);
    const items: string[] = [];
    const nulls = (value as readonly CellValue[]).some((v) => v === null);
    for (const [i, v] of (value as readonly CellValue[]).entries()) {
      if (v === null) continue;
      const bound = comparable(type, v);
      if ('error' in bound) return fail(fields, `${at}.value.${i}`, bound.error);
      items.push(params.bind(bound.value));
    }
    const parts = items.length > 0 ? [`${column} IN (${items.join(', ')})`] : [];
    if (nulls) parts.push(`${column} IS NULL`);
    return parts.length > 0 ? `(${parts.join(' OR ')})` : 'FALSE';
  }
  if (Array.isArray(value)) return fail(fields, `${at}.value`, `expected one value for '${op}'`);
  const single = value as CellValue;
  if (op === 'like') {
    if (typeof single !== 'string') return fail(fields, `${at}.value`, 'expected a text pattern');
    return `CAST(${column} AS VARCHAR) LIKE ${params.bind(single)}`;
  }
  if (single === null) {
    if (op === 'eq') return `${column} IS NULL`;
    if (op === 'ne') return `${column} IS NOT NULL`;
    return fail(fields, `${at}.value`, `null can only be compared with 'eq' or 'ne'`);
  }
  const bound = comparable(type, single);
  if ('error' in bound) return fail(fields, `${at}.value`, bound.error);
  return `${column} ${OPS[op]} ${params.bind(bound.value)}`;
}

/**
 * ` WHERE …` for `filters` (all must hold), or '' when there are none. Collects problems in
 * `fields` instead of throwing, so one error lists everything wrong with the request.
 */
export function whereClause(
  filters: readonly Filter[] | undefined,
  columns: ReadonlyMap<string, ColumnType>,
  params: Params,
  fields: FieldErrors,
): string {
  if (filters === undefined) return '';
  if (!Array.isArray(filters)) {
    fields.filters = ['expected a list of filters'];
    return '';
  }
  const conditions: string[] = [];
  filters.forEach((filter: Filter, i) => {
    const at = `filters.${i}`;
    const type = columns.get(filter?.column);
    if (type === undefined) {
      fields[`${at}.column`] = [`unknown column ${JSON.stringify(filter?.column)}`];
      return;
    }
    if (!Object.hasOwn(OPS, filter.op)) {
      fields[`${at}.op`] = [`must be one of ${Object.keys(OPS).join(', ')}`];
      return;
    }
    const sql = condition(filter, type, params, at, fields);
    if (sql !== undefined) conditions.push(sql);
  });
  return conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : '';
}
