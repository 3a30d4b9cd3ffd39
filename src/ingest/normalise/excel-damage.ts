/**
 * Restoring range headers that Excel turned into dates: an age group `7-12` typed into a cell
 * becomes a date and is exported as `7/12/01`, `12-Jul`, `Jul-12` or `2001-07-12`.
 */

import { monthFromName } from './months.js';
import { trimText } from './text.js';

/** A genuine range header: `13-15`, `16 - 18`, `19–23`. */
const RANGE = /^(\d{1,3})(\s*[-\u2013]\s*)(\d{1,3})$/;

/** Date shapes Excel exports; each keeps the two numbers the range was made of. */
const NUMERIC_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](?:\d{2}|\d{4})$/; // 7/12/01, 7-12-2001
const ISO_DATE = /^\d{4}-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00)?)?$/; // 2001-07-12
const DAY_MONTH = /^(\d{1,2})[-/ ]([a-z]{3,9})\.?(?:[-/ ](?:\d{2}|\d{4}))?$/i; // 12-Jul, 12-Jul-01
const MONTH_NUMBER = /^([a-z]{3,9})\.?[-/ ](\d{1,2})$/i; // Jul-12

interface Range {
  low: number;
  high: number;
  /** The separator as written, reused for a restored neighbour (`-`, ` - `, `–`). */
  separator: string;
}

export interface RangeRestoration {
  index: number;
  from: string;
  to: string;
}

export interface RangeHeaderResult {
  headers: string[];
  restored: RangeRestoration[];
}

function genuineRange(cell: string): Range | undefined {
  const m = RANGE.exec(cell);
  if (m === null) return undefined;
  const low = Number(m[1]);
  const high = Number(m[3]);
  return low < high ? { low, high, separator: m[2]! } : undefined;
}

/** The two numbers a date-shaped cell was made of, or undefined when it is not date-shaped. */
function dateNumbers(cell: string): [number | undefined, number | undefined] | undefined {
  const numeric = NUMERIC_DATE.exec(cell) ?? ISO_DATE.exec(cell);
  if (numeric !== null) return [Number(numeric[1]), Number(numeric[2])];
  const dayMonth = DAY_MONTH.exec(cell);
  if (dayMonth !== null) return [Number(dayMonth[1]), monthFromName(dayMonth[2]!)];
  const monthNumber = MONTH_NUMBER.exec(cell);
  if (monthNumber !== null) return [monthFromName(monthNumber[1]!), Number(monthNumber[2])];
  return undefined;
}

/** The range a date-shaped cell may have been: its two numbers, smaller first. */
function mangledRange(cell: string): { low: number; high: number } | undefined {
  const numbers = dateNumbers(cell);
  if (numbers === undefined) return undefined;
  const [a, b] = numbers;
  if (a === undefined || b === undefined || a === b) return undefined;
  return a < b ? { low: a, high: b } : { low: b, high: a };
}

/**
 * Restores range headers mangled into dates, using the row as evidence: a date-shaped header is
 * restored only when its two numbers, as a range, continue the range right next to it
 * (`7/12/01` before `13-15` → `7-12`, as 12 + 1 = 13; `Jul-12` after `1-6` → `7-12`). Restored
 * headers count as neighbours in turn, so a run of mangled headers next to one genuine range is
 * restored too. A row with no genuine range, such as a row of dates, is never changed.
 */
export function restoreRangeHeaders(headers: readonly string[]): RangeHeaderResult {
  const cells = headers.map(trimText);
  const ranges = cells.map(genuineRange);
  const out = [...headers];
  const restored: RangeRestoration[] = [];
  if (ranges.every((r) => r === undefined)) return { headers: out, restored };
  const candidates = cells.map((cell, i) => (ranges[i] === undefined ? mangledRange(cell) : undefined));
  let changed = true;
  while (changed) {
    changed = false;
    for (let i = 0; i < candidates.length; i++) {
      const candidate = candidates[i];
      if (candidate === undefined) continue;
      const left = ranges[i - 1];
      const right = ranges[i + 1];
      const neighbour =
        left !== undefined && left.high + 1 === candidate.low
          ? left
          : right !== undefined && candidate.high + 1 === right.low
            ? right
            : undefined;
      if (neighbour === undefined) continue;
      const range = { ...candidate, separator: neighbour.separator };
      ranges[i] = range;
      candidates[i] = undefined;
      const to = `${range.low}${range.separator}${range.high}`;
      out[i] = to;
      restored.push({ index: i, from: headers[i]!, to });
      changed = true;
    }
  }
  restored.sort((x, y) => x.index - y.index);
  return { headers: out, restored };
}
