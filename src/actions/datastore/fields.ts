/**
 * CKAN DataStore fields and records on Kendali's columns: CKAN's type names, field-name rules,
 * the stored column entries (with `primary_key` and `info`) and records made to fit the column
 * types as PostgreSQL would cast them in CKAN ("12" into an int field is 12). What cannot fit
 * is left for the datastore's check, which names it `records.N.field`.
 */
import { Type } from '@sinclair/typebox';
import type { ColumnInfoRow } from '../../catalog/schema.js';
import { type FieldErrors, validation } from '../../core/errors.js';
import type { CellValue, ColumnInfo, ColumnType } from '../../datastore/backend.js';

/** CKAN's DataStore type names accepted by datastore_create, and the column type each is stored as. */
export const CKAN_FIELD_TYPES: Readonly<Record<string, ColumnType>> = {
  text: 'text',
  int: 'integer',
  int4: 'integer',
  int8: 'integer',
  integer: 'integer',
  numeric: 'number',
  float: 'number',
  float8: 'number',
  bool: 'boolean',
  boolean: 'boolean',
  date: 'date',
  timestamp: 'timestamp',
};

export const FieldInput = Type.Object(
  {
    id: Type.String({ minLength: 1, maxLength: 200 }),
    type: Type.Union(Object.keys(CKAN_FIELD_TYPES).map((t) => Type.Literal(t))),
    info: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  },
  { additionalProperties: false },
);

export const RecordList = Type.Array(Type.Record(Type.String(), Type.Unknown()), { maxItems: 100_000 });

export type DatastoreColumn = ColumnInfoRow & { type: ColumnType };

/** CKAN's field-name rule: no leading underscore (CKAN's own `_id`, `_full_text`), no `"`, at most 63 characters. */
export function fieldNameError(id: string): string | undefined {
  if (id.trim() !== id || id === '') return 'must not be empty or start or end with spaces';
  if (id.startsWith('_')) return 'must not start with an underscore';
  if (id.includes('"')) return 'must not contain "';
  if (id.length > 63) return 'must be at most 63 characters';
  return undefined;
}

/** The columns of a stored version (its `columns` JSON), typed. */
export const storedColumns = (columns: readonly ColumnInfoRow[] | undefined): DatastoreColumn[] =>
  (columns ?? []).map((c) => ({ ...c, type: c.type as ColumnType }));

export const keyOf = (columns: readonly DatastoreColumn[]): string[] =>
  columns.filter((c) => c.primary_key === true).map((c) => c.name);

export const asColumnInfo = (columns: readonly DatastoreColumn[]): ColumnInfo[] =>
  columns.map((c) => ({ name: c.name, type: c.type }));

/** `primary_key` as CKAN takes it: a list, or one name, or names separated by commas. */
export function parseKey(key: string | string[] | undefined): string[] | undefined {
  if (key === undefined) return undefined;
  const list = Array.isArray(key) ? key : key.split(',');
  return list.map((k) => k.trim()).filter((k) => k !== '');
}

const INTEGER = /^[+-]?\d+$/;

/** One value made to fit `type` where CKAN (PostgreSQL) would cast it; anything else unchanged. */
function fitValue(type: ColumnType, value: unknown): unknown {
  if (typeof value === 'string' && type !== 'text') {
    const text = value.trim();
    if (text === '') return null;
    if (type === 'integer' && INTEGER.test(text) && Number.isSafeInteger(Number(text))) return Number(text);
    if (type === 'number' && Number.isFinite(Number(text))) return Number(text);
    if (type === 'boolean' && /^(true|false)$/i.test(text)) return text.toLowerCase() === 'true';
    return value;
  }
  if (type === 'text' && (typeof value === 'number' || typeof value === 'boolean')) return String(value);
  return value;
}

/** Records with their values fitted to the columns' types (unknown fields kept for the check to name). */
export function fitRecords(
  records: readonly Record<string, unknown>[],
  columns: readonly DatastoreColumn[],
): Record<string, CellValue>[] {
  const types = new Map(columns.map((c) => [c.name, c.type]));
  return records.map((record) =>
    Object.fromEntries(
      Object.entries(record).map(([k, v]) => {
        const type = types.get(k);
        return [k, (type === undefined ? v : fitValue(type, v)) as CellValue];
      }),
    ),
  );
}

/**
 * The columns after datastore_create's `fields` and `primary_key` on top of `old` (the latest
 * version's, or none): existing fields keep their place and type (a new `info` replaces the
 * old), new ones are added at the end.
 */
export function mergeFields(
  old: readonly DatastoreColumn[],
  fields: readonly { id: string; type: string; info?: Record<string, unknown> | undefined }[],
  primaryKey: string[] | undefined,
): DatastoreColumn[] {
  const errors: FieldErrors = {};
  const columns = old.map((c) => ({ ...c }));
  const seen = new Set<string>();
  fields.forEach((f, i) => {
    const problem = fieldNameError(f.id);
    if (problem) errors[`fields.${i}.id`] = [problem];
    if (seen.has(f.id.toLowerCase())) errors[`fields.${i}.id`] = [`"${f.id}" is given twice`];
    seen.add(f.id.toLowerCase());
    const type = CKAN_FIELD_TYPES[f.type] ?? 'text';
    const label = typeof f.info?.label === 'string' && f.info.label !== '' ? f.info.label : undefined;
    const existing = columns.find((c) => c.name.toLowerCase() === f.id.toLowerCase());
    if (existing && existing.type !== type) {
      errors[`fields.${i}.type`] = [`"${existing.name}" is ${existing.type}; a field's type cannot change`];
    } else if (existing) {
      if (f.info) existing.info = f.info;
      if (label) existing.title = label;
    } else {
      columns.push({
        name: f.id,
        type,
        ...(label ? { title: label } : {}),
        ...(f.info ? { info: f.info } : {}),
      });
    }
  });
  if (columns.length === 0) errors.fields = ['a new datastore table needs at least one field'];
  const key = primaryKey ?? keyOf(old);
  for (const k of key)
    if (!columns.some((c) => c.name === k)) errors.primary_key = [`"${k}" is not a field of this table`];
  if (Object.keys(errors).length > 0) throw validation(errors);
  return columns.map(({ primary_key: _, ...c }) => (key.includes(c.name) ? { ...c, primary_key: true } : c));
}
