/**
 * Checks on a merge change before DuckDB sees it: the new columns keep every column of the
 * base, the key names columns, each record's values fit their column's type and its key is
 * complete. Records that repeat a key within one call are merged in order (a later record
 * sets its fields over an earlier one) for update and upsert, and refused for insert.
 * Problems carry CKAN-style paths: `records.3.nilai`, `records.3`, `key`, `columns.2`.
 */
import { type FieldErrors, validation } from '../../core/errors.js';
import type { CellValue, ColumnInfo, TableChange } from '../backend.js';
import { checkSource } from './check.js';
import { cellError, parseDate, parseTimestamp } from './values.js';

export type MergeChange = Extract<TableChange, { kind: 'merge' }>;

/** One record ready for staging: its index in the call, a value and a "set" flag per column. */
export interface StagedRecord {
  readonly seq: number;
  readonly values: CellValue[];
  readonly set: boolean[];
}

const MAX_ERRORS = 20;

function add(errors: FieldErrors, path: string, message: string): void {
  if (Object.keys(errors).length >= MAX_ERRORS) return;
  errors[path] = [...(errors[path] ?? []), message];
}

/** A key value comparable across spellings of the same date or instant. */
function keyPart(column: ColumnInfo, value: CellValue): string {
  if (column.type === 'date' && typeof value === 'string') return String(parseDate(value));
  if (column.type === 'timestamp' && typeof value === 'string') return String(parseTimestamp(value));
  return JSON.stringify(value);
}

/** `{"kode": "32.01", "tahun": 2024}`, for messages. */
export const showKey = (names: readonly string[], values: readonly CellValue[]): string =>
  JSON.stringify(Object.fromEntries(names.map((n, i) => [n, values[i] ?? null])));

function checkColumns(change: MergeChange, base: readonly ColumnInfo[] | null, errors: FieldErrors): void {
  checkSource({ kind: 'rows', columns: change.columns, rows: [] });
  base?.forEach((column, i) => {
    const next = change.columns[i];
    if (next?.name !== column.name || next.type !== column.type)
      add(errors, `columns.${i}`, `must be ${column.name} (${column.type}), as in the base version`);
  });
  if (!Array.isArray(change.key)) add(errors, 'key', 'must be a list of column names');
  else
    for (const name of change.key)
      if (!change.columns.some((c) => c.name === name)) add(errors, 'key', `unknown column ${name}`);
  if (change.method !== 'insert' && change.key.length === 0)
    add(errors, 'key', `the table has no primary key, so only insert is possible, not ${change.method}`);
  if (Object.keys(errors).length > 0) throw validation(errors);
}

/** The records as staged rows (merged by key where the method allows), or a Validation error. */
export function stageRecords(change: MergeChange, base: readonly ColumnInfo[] | null): StagedRecord[] {
  const errors: FieldErrors = {};
  checkColumns(change, base, errors);
  if (!Array.isArray(change.records)) throw validation({ records: ['must be a list of objects'] });
  const index = new Map(change.columns.map((c, i) => [c.name, i]));
  const keyIdx = change.key.map((k) => index.get(k) ?? -1);
  const byKey = new Map<string, StagedRecord>();
  const staged: StagedRecord[] = [];
  change.records.forEach((record, seq) => {
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
      add(errors, `records.${seq}`, 'must be an object of field: value');
      return;
    }
    const row: StagedRecord = {
      seq,
      values: change.columns.map(() => null),
      set: change.columns.map(() => false),
    };
    for (const [name, value] of Object.entries(record)) {
      const i = index.get(name);
      const column = i === undefined ? undefined : change.columns[i];
      if (i === undefined || column === undefined) {
        add(errors, `records.${seq}.${name}`, 'is not a field of this table');
        continue;
      }
      const problem = cellError(column.type, value);
      if (problem !== undefined) add(errors, `records.${seq}.${name}`, problem);
      row.values[i] = value as CellValue;
      row.set[i] = true;
    }
    for (const i of keyIdx)
      if (row.values[i] === null)
        add(
          errors,
          `records.${seq}.${change.columns[i]?.name}`,
          'is part of the primary key and is required',
        );
    if (keyIdx.length === 0) {
      staged.push(row);
      return;
    }
    const key = keyIdx
      .map((i) => keyPart(change.columns[i] as ColumnInfo, row.values[i] ?? null))
      .join('\u0000');
    const earlier = byKey.get(key);
    if (earlier === undefined) {
      byKey.set(key, row);
      staged.push(row);
    } else if (change.method === 'insert') {
      add(errors, `records.${seq}`, `repeats the key of records.${earlier.seq}`);
    } else {
      row.set.forEach((set, i) => {
        if (!set) return;
        earlier.values[i] = row.values[i] ?? null;
        earlier.set[i] = true;
      });
    }
  });
  if (Object.keys(errors).length > 0) throw validation(errors);
  return staged;
}
