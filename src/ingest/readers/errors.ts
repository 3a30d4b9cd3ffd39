/**
 * Read errors name the file, and the row and column when one applies. They are `BAD_REQUEST`
 * KendaliErrors, so the HTTP layer answers them as the user's file being wrong.
 */
import { basename } from 'node:path';
import { KendaliError } from '../../core/errors.js';
import { type Limits, MAX_WARNINGS, type RawRow, type ReadWarning } from './types.js';

export interface Place {
  /** 1-based line or row number (see `RawRow.line`). */
  readonly line?: number;
  /** 1-based column number. */
  readonly column?: number;
}

export class IngestReadError extends KendaliError {
  readonly file: string;
  readonly line: number | undefined;
  readonly column: number | undefined;

  constructor(path: string, message: string, place: Place = {}, options?: ErrorOptions) {
    const file = basename(path);
    const where = [
      place.line !== undefined ? `line ${place.line}` : '',
      place.column !== undefined ? `column ${place.column}` : '',
    ]
      .filter(Boolean)
      .join(', ');
    super('BAD_REQUEST', `${file}${where ? ` (${where})` : ''}: ${message}`, undefined, options);
    this.name = 'IngestReadError';
    this.file = file;
    this.line = place.line;
    this.column = place.column;
  }
}

export const readError = (path: string, message: string, place?: Place, cause?: unknown): IngestReadError =>
  new IngestReadError(path, message, place, cause === undefined ? undefined : { cause });

/** Enforces the column, cell-size and row limits on every row a reader yields. */
export class RowGuard {
  private rows = 0;

  constructor(
    private readonly path: string,
    private readonly limits: Limits,
    private readonly signal?: AbortSignal,
  ) {}

  check(row: RawRow): RawRow {
    this.signal?.throwIfAborted();
    const { cells, line } = row;
    if (cells.length > this.limits.maxColumns) {
      throw readError(
        this.path,
        `${cells.length} columns, more than the limit of ${this.limits.maxColumns} (maxColumns)`,
        { line },
      );
    }
    const max = this.limits.maxCellBytes;
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i];
      if (cell != null && cell.length * 3 > max && Buffer.byteLength(cell) > max) {
        throw readError(this.path, `cell longer than ${max} bytes (maxCellBytes)`, { line, column: i + 1 });
      }
    }
    if (++this.rows > this.limits.maxRows) {
      throw readError(this.path, `more than ${this.limits.maxRows} rows (maxRows)`, { line });
    }
    return row;
  }
}

/** Collects warnings for one pass, keeping the first `MAX_WARNINGS`. */
export class Warnings {
  readonly list: ReadWarning[] = [];
  private dropped = 0;

  add(warning: ReadWarning): void {
    if (this.list.length < MAX_WARNINGS) this.list.push(warning);
    else this.dropped++;
  }

  reset(): void {
    this.list.length = 0;
    this.dropped = 0;
  }

  /** Call at the end of a pass: adds the "and N more" line when warnings were dropped. */
  finish(line: number): void {
    if (this.dropped > 0) this.list.push({ line, message: `and ${this.dropped} more warnings` });
    this.dropped = 0;
  }
}
