/**
 * Parsing one cell into a number, Indonesian conventions first.
 *
 * Without a style, a cell whose convention cannot be told from the cell alone (`1.234`: 1234 in
 * Indonesian, 1.234 in English) is reported as ambiguous with both readings; resolve the style
 * for the whole column with `inferNumberStyle` and pass it in.
 */

import { isMissing, type MissingMarkers } from './missing.js';
import { type NumberParts, type NumberStyle, readDigits, signed, splitNumber } from './number-read.js';
import { trimText } from './text.js';

export interface NumberValue {
  ok: true;
  value: number;
  /** The cell carried `%`; the value is as written (`12,5%` → 12.5), not divided by 100. */
  percent?: boolean;
  /** The cell carried `Rp`, `Rp.` or `IDR`. */
  currency?: 'IDR';
}

export type NumberFailure =
  | { ok: false; reason: 'empty' | 'missing' | 'not_a_number' }
  | {
      ok: false;
      reason: 'ambiguous';
      /** The value under each convention. */
      readings: { id: number; en: number };
      percent?: boolean;
    };

export type NumberResult = NumberValue | NumberFailure;

export interface ParseNumberOptions {
  /** Missing-value markers; a Table Schema `missingValues` list replaces the defaults. */
  missingValues?: readonly string[] | MissingMarkers;
}

const EMPTY: NumberFailure = Object.freeze({ ok: false, reason: 'empty' });
const MISSING: NumberFailure = Object.freeze({ ok: false, reason: 'missing' });
const NOT_A_NUMBER: NumberFailure = Object.freeze({ ok: false, reason: 'not_a_number' });

/** Up to 15 digits is exact as a double: the common plain-integer cell skips everything else. */
const PLAIN_INTEGER = /^\d{1,15}$/;
/** `451.3`, `7.46`, `3201.0`: a dot decimal, the common case of BPS and Open Data exports. */
const PLAIN_DECIMAL = /^\d{1,15}\.\d{1,15}$/;

/** `1.234`, `12.500`: a single dot that may also be a thousands separator. */
function looksGrouped(cell: string): boolean {
  const dot = cell.indexOf('.');
  return dot <= 3 && cell.length - dot === 4 && cell.charCodeAt(0) !== 0x30;
}

/**
 * Parses a cell. With `style`, separators are read under that convention only, and a cell that is
 * not valid under it (`1,234.5` for `id`) is `not_a_number`. Without `style`, the cell decides:
 * both readings are tried, and when both are valid but differ the result is `ambiguous`, except
 * for rupiah amounts (`Rp 1.250`), which are read the Indonesian way as rupiah have no decimals.
 */
export function parseNumber(
  raw: string,
  style?: NumberStyle,
  options: ParseNumberOptions = {},
): NumberResult {
  const cell = trimText(raw);
  if (cell.length === 0) return EMPTY;
  if (isMissing(cell, options.missingValues)) return MISSING;
  if (PLAIN_INTEGER.test(cell)) return { ok: true, value: Number(cell) };
  if (style !== 'id' && PLAIN_DECIMAL.test(cell) && !looksGrouped(cell))
    return { ok: true, value: Number(cell) };
  const parts = splitNumber(cell);
  if (parts === undefined) return NOT_A_NUMBER;
  if (parts.scientific !== undefined) return success(parts, parts.scientific);
  if (style !== undefined) {
    const value = readDigits(parts.digits, style);
    return Number.isNaN(value) ? NOT_A_NUMBER : success(parts, value);
  }
  const id = readDigits(parts.digits, 'id');
  const en = readDigits(parts.digits, 'en');
  if (Number.isNaN(id)) return Number.isNaN(en) ? NOT_A_NUMBER : success(parts, en);
  if (Number.isNaN(en) || id === en || parts.currency) return success(parts, id);
  const failure: NumberFailure = {
    ok: false,
    reason: 'ambiguous',
    readings: { id: signed(id, parts.negative), en: signed(en, parts.negative) },
  };
  if (parts.percent) failure.percent = true;
  return failure;
}

function success(parts: NumberParts, value: number): NumberValue {
  const result: NumberValue = { ok: true, value: signed(value, parts.negative) };
  if (parts.percent) result.percent = true;
  if (parts.currency) result.currency = 'IDR';
  return result;
}
