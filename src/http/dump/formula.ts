/**
 * Spreadsheet formula injection ("CSV injection", OWASP): a text cell that starts with `=`,
 * `+`, `-`, `@`, a tab or a carriage return may be run as a formula when the file is opened
 * in a spreadsheet. Such text is written with a leading single quote, which spreadsheets
 * read as "this is text". Only text is touched: numbers stored as numbers (negatives
 * included) are written as numbers, and dates, timestamps and booleans cannot start with
 * these characters.
 */
import type { CellValue, ColumnType } from '../../datastore/backend.js';

const FORMULA_START = /^[=+\-@\t\r]/;

export const neutralise = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text);

/** A cell as text for CSV and TSV: empty for null, formula-safe for text columns. */
export function cellText(type: ColumnType, value: CellValue): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  return type === 'text' ? neutralise(value) : value;
}
