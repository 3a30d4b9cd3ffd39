/** Month names, Indonesian and English, as they appear in cells and column headers. */

import { cleanText } from './text.js';

const NAMES: ReadonlyArray<readonly [number, readonly string[]]> = [
  [1, ['januari', 'jan', 'january']],
  [2, ['februari', 'pebruari', 'feb', 'peb', 'february']],
  [3, ['maret', 'mar', 'march']],
  [4, ['april', 'apr']],
  [5, ['mei', 'may']],
  [6, ['juni', 'jun', 'june']],
  [7, ['juli', 'jul', 'july']],
  [8, ['agustus', 'agu', 'agt', 'ags', 'agust', 'agus', 'august', 'aug']],
  [9, ['september', 'sep', 'sept']],
  [10, ['oktober', 'okt', 'october', 'oct']],
  [11, ['november', 'nopember', 'nov', 'nop']],
  [12, ['desember', 'des', 'december', 'dec']],
];

/** The Indonesian month names, capitalised as written: `Januari` … `Desember`. */
export const MONTH_NAMES_ID: readonly string[] = NAMES.map(
  ([, [name]]) => `${(name as string)[0]?.toUpperCase()}${(name as string).slice(1)}`,
);

/** Lower-case name or abbreviation → month number 1–12. */
const MONTHS: ReadonlyMap<string, number> = new Map(
  NAMES.flatMap(([month, names]) => names.map((name) => [name, month] as const)),
);

/** Headers of a wide table's whole-year column, next to the month columns. */
const TOTALS: ReadonlySet<string> = new Set(['tahunan', 'total', 'jumlah', 'setahun', 'annual']);

const TRAILING_MARKS = /[.*]+$/;

/**
 * The month a name or abbreviation stands for (`Agustus`, `agt`, `Agt.`, `AUG`, `Nopember`), or
 * undefined. Case-insensitive; one trailing dot is allowed.
 */
export function monthFromName(token: string): number | undefined {
  const lower = token.toLowerCase();
  return MONTHS.get(lower.endsWith('.') ? lower.slice(0, -1) : lower);
}

export type MonthHeader = { kind: 'month'; month: number } | { kind: 'total' } | { kind: 'other' };

const OTHER: MonthHeader = Object.freeze({ kind: 'other' });
const TOTAL: MonthHeader = Object.freeze({ kind: 'total' });
const MONTH_HEADERS: readonly MonthHeader[] = Array.from({ length: 12 }, (_, i) =>
  Object.freeze({ kind: 'month' as const, month: i + 1 }),
);

/**
 * Reads a column header of a wide month table (BPS "Bulanan" exports): `Januari` … `Desember`
 * (and abbreviations, English names) are months; `Tahunan`, `Total`, `Jumlah` are the year's total
 * column, not a month; anything else is `other`. Footnote marks (`Mei*`) are ignored.
 */
export function monthFromHeader(header: string): MonthHeader {
  const text = cleanText(header).replace(TRAILING_MARKS, '').toLowerCase();
  const month = MONTHS.get(text);
  if (month !== undefined) return MONTH_HEADERS[month - 1]!;
  return TOTALS.has(text) ? TOTAL : OTHER;
}
