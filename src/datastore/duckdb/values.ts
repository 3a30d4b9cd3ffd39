/**
 * Values crossing the boundary: JS cells checked against their column's type on the way in,
 * DuckDB values turned into JS-native cells on the way out (dates as `YYYY-MM-DD`, timestamps
 * as ISO strings in UTC, big integers as numbers when exact, else as decimal strings).
 */

import type { CellValue, ColumnType } from '../backend.js';
import { DuckDBDateValue, DuckDBDecimalValue, DuckDBTimestampValue, type DuckDBValue } from './api.js';

const DAY_MS = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?)(\.\d{1,9})?(Z|[+-]\d{2}:?\d{2})?)?$/;
/** DuckDB DATE days and TIMESTAMP milliseconds that JS prints as plain ISO years 0000–9999. */
const MIN_DAYS = -719_528;
const MAX_DAYS = 2_932_896;

/** Days since 1970-01-01 of a `YYYY-MM-DD` calendar date, or undefined when it is not one. */
export function parseDate(text: string): number | undefined {
  const m = DATE.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d); // Date.UTC would read years 0–99 as 1900–1999
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d)
    return undefined;
  return date.getTime() / DAY_MS;
}

/**
 * Milliseconds since the epoch of an ISO-8601 date-time (precision beyond milliseconds is
 * dropped). Without an offset the time is taken as UTC: DuckDB's TIMESTAMP has no zone and
 * would silently ignore an offset, so offsets are applied here.
 */
export function parseTimestamp(text: string): number | undefined {
  const m = TIMESTAMP.exec(text);
  if (!m || m[1] === undefined) return undefined;
  const days = parseDate(m[1]);
  if (days === undefined) return undefined;
  const time = m[2] === undefined ? '00:00:00' : m[2].length === 5 ? `${m[2]}:00` : m[2];
  const fraction = (m[3] ?? '.000').slice(0, 4).padEnd(4, '0');
  const zone = m[4] === undefined ? 'Z' : m[4].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  const ms = Date.parse(`1970-01-01T${time}${fraction}${zone}`);
  return Number.isFinite(ms) ? days * DAY_MS + ms : undefined;
}

/** Why `value` does not fit `type`, or undefined when it does (null fits every type). */
export function cellError(type: ColumnType, value: unknown): string | undefined {
  if (value === null) return undefined;
  const shown = typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : String(value);
  switch (type) {
    case 'text':
      return typeof value === 'string' ? undefined : `expected text, got ${shown}`;
    case 'integer':
      return typeof value === 'number' && Number.isSafeInteger(value)
        ? undefined
        : `expected an integer, got ${shown}`;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
        ? undefined
        : `expected a number, got ${shown}`;
    case 'boolean':
      return typeof value === 'boolean' ? undefined : `expected true or false, got ${shown}`;
    case 'date':
      return typeof value === 'string' && parseDate(value) !== undefined
        ? undefined
        : `expected a date YYYY-MM-DD, got ${shown}`;
    case 'timestamp':
      return typeof value === 'string' && parseTimestamp(value) !== undefined
        ? undefined
        : `expected an ISO 8601 timestamp, got ${shown}`;
  }
}

/** A DuckDB result value as a JS-native cell. */
export function toCell(value: DuckDBValue): CellValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'bigint') {
    return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)
      ? Number(value)
      : value.toString();
  }
  if (value instanceof DuckDBDateValue) {
    return value.days >= MIN_DAYS && value.days <= MAX_DAYS
      ? new Date(value.days * DAY_MS).toISOString().slice(0, 10)
      : value.toString();
  }
  if (value instanceof DuckDBTimestampValue) {
    const ms = Number(value.micros / 1000n);
    return ms >= MIN_DAYS * DAY_MS && ms < (MAX_DAYS + 1) * DAY_MS
      ? new Date(ms).toISOString()
      : value.toString();
  }
  if (value instanceof DuckDBDecimalValue) return value.toDouble();
  return String(value);
}
