/**
 * Checks on a TableSource before anything is written, reported as field errors with paths
 * (`source.columns.2.name`, `source.rows.17.3`), as CKAN's Validation Error carries them.
 */
import { type FieldErrors, validation } from '../../core/errors.js';
import type { ColumnInfo, TableSource } from '../backend.js';
import { cellError } from './values.js';

const COLUMN_TYPES = new Set(['text', 'integer', 'number', 'boolean', 'date', 'timestamp']);
const MAX_NAME = 255;
/** Errors reported per call; more than this and the first ones are enough to act on. */
const MAX_ERRORS = 20;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it rejects
const CONTROL = /[\u0000-\u001f\u007f]/;

class Collector {
  readonly fields: FieldErrors = {};
  count = 0;

  add(path: string, message: string): void {
    if (this.count >= MAX_ERRORS) return;
    this.count++;
    const list = this.fields[path] ?? [];
    list.push(message);
    this.fields[path] = list;
  }

  get full(): boolean {
    return this.count >= MAX_ERRORS;
  }

  throwIfAny(): void {
    if (this.count > 0) throw validation(this.fields);
  }
}

function checkColumns(columns: readonly ColumnInfo[], errors: Collector): void {
  if (!Array.isArray(columns) || columns.length === 0) {
    errors.add('source.columns', 'at least one column is required');
    return;
  }
  const seen = new Map<string, number>();
  columns.forEach((column, i) => {
    const name: unknown = column?.name;
    if (typeof name !== 'string' || name.trim() === '') {
      errors.add(`source.columns.${i}.name`, 'must be a non-empty name');
    } else if (name.length > MAX_NAME || CONTROL.test(name)) {
      errors.add(
        `source.columns.${i}.name`,
        `must be at most ${MAX_NAME} characters, without control characters`,
      );
    } else {
      // DuckDB matches names without regard to case, so "Nilai" and "nilai" would collide.
      const key = name.toLowerCase();
      const first = seen.get(key);
      if (first === undefined) seen.set(key, i);
      else errors.add(`source.columns.${i}.name`, `duplicates column ${first} ("${columns[first]?.name}")`);
    }
    if (!COLUMN_TYPES.has(column?.type)) {
      errors.add(`source.columns.${i}.type`, `must be one of ${[...COLUMN_TYPES].join(', ')}`);
    }
  });
}

function checkRows(source: Extract<TableSource, { kind: 'rows' }>, errors: Collector): void {
  if (!Array.isArray(source.rows)) {
    errors.add('source.rows', 'must be a list of rows');
    return;
  }
  const columns = source.columns;
  for (let r = 0; r < source.rows.length && !errors.full; r++) {
    const row = source.rows[r];
    if (!Array.isArray(row) || row.length !== columns.length) {
      errors.add(`source.rows.${r}`, `must be a list of ${columns.length} values`);
      continue;
    }
    columns.forEach((column, c) => {
      const problem = cellError(column.type, row[c]);
      if (problem !== undefined) errors.add(`source.rows.${r}.${c}`, `${column.name}: ${problem}`);
    });
  }
}

/** Throws a validation error listing what is wrong with `source`, if anything. */
export function checkSource(source: TableSource): void {
  const errors = new Collector();
  if (source?.kind === 'rows') {
    checkColumns(source.columns, errors);
    errors.throwIfAny();
    checkRows(source, errors);
  } else if (source?.kind === 'parquet') {
    if (typeof source.path !== 'string' || source.path === '')
      errors.add('source.path', 'must be a file path');
  } else if (source?.kind === 'csv') {
    if (typeof source.path !== 'string' || source.path === '') errors.add('source.path', 'is required');
    if (source.columns !== undefined) checkColumns(source.columns, errors);
  } else {
    errors.add('source.kind', "must be 'rows', 'csv' or 'parquet'");
  }
  errors.throwIfAny();
}
