/**
 * The low-level reading of a number cell: split off sign, brackets, currency, percent and the
 * rupiah `,-` tail, then read the digits under one convention. `numbers.ts` and
 * `number-style.ts` build on this. Every regex is compiled once, at load.
 */

/** `id`: dot thousands, comma decimal (`1.234.567,89`). `en`: comma thousands, dot decimal. */
export type NumberStyle = 'id' | 'en';

/**
 * One regex for the affixes around the digits, case-insensitive:
 * `(` sign `Rp`/`Rp.`/`IDR` sign DIGITS `,-` `%` `IDR`/`rupiah` `)`, spaces allowed between.
 * The digits start with a digit (or a separator and a digit, as in `,5`) and end with a digit.
 */
const AFFIXES =
  /^(\()?\s*([-+\u2212])?\s*(rp\.?|idr)?\s*([-+\u2212])?\s*([.,]?\d(?:[\d.,\s]*\d)?)\s*(?:[.,]\s*[-\u2013\u2014])?\s*(%)?\s*(idr|rupiah)?\s*(\))?$/i;

/** Scientific notation as spreadsheets export large or small numbers (`3.20119E+09`). */
const SCIENTIFIC = /^([-+\u2212])?(\d+(?:[.,]\d+)?[eE][-+]?\d+)$/;

/** Longer cells are text: no number written by a person needs 64 characters. */
const MAX_LENGTH = 64;

const WHITESPACE = /\s/;
const WHITESPACE_RUN = /\s+/g;

/**
 * Digits under each convention. A grouped integer part starts with 1–9 and has groups of exactly
 * three; a space-like grouping (`1 234 567`, NBSP, thin space) is accepted by both conventions.
 * The integer part may be absent only before a decimal part (`,5`, `.5`).
 */
const ID_DIGITS = /^(?:[1-9]\d{0,2}(?:\.\d{3})+|[1-9]\d{0,2}(?: \d{3})+|\d+)?(?:,\d+)?$/;
const EN_DIGITS = /^(?:[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d{0,2}(?: \d{3})+|\d+)?(?:\.\d+)?$/;
const ID_GROUPING = /[. ]/g;
const EN_GROUPING = /[, ]/g;
const HAS_SEPARATOR = /[., ]/;

export interface NumberParts {
  /** The digits with their separators; inner whitespace collapsed to single spaces. */
  digits: string;
  negative: boolean;
  percent: boolean;
  currency: boolean;
  /** Already-read value for scientific notation, which has no thousands grouping to resolve. */
  scientific?: number;
}

/** Digits and separators only, the common case: no affixes to look for. */
const BARE = /^[.,]?\d(?:[\d.,]*\d)?$/;

/** Splits a trimmed cell into its parts, or undefined when it is not shaped like a number. */
export function splitNumber(cell: string): NumberParts | undefined {
  if (cell.length > MAX_LENGTH) return undefined;
  if (BARE.test(cell)) return { digits: cell, negative: false, percent: false, currency: false };
  const sci = SCIENTIFIC.exec(cell);
  if (sci !== null) {
    const value = Number(sci[2]!.replace(',', '.'));
    const negative = sci[1] === '-' || sci[1] === '\u2212';
    return { digits: '', negative, percent: false, currency: false, scientific: value };
  }
  const m = AFFIXES.exec(cell);
  if (m === null) return undefined;
  const [, open, sign1, prefix, sign2, rawDigits, percent, suffix, close] = m;
  if ((open === undefined) !== (close === undefined)) return undefined;
  if (sign1 !== undefined && sign2 !== undefined) return undefined;
  const sign = sign1 ?? sign2;
  if (open !== undefined && sign !== undefined) return undefined;
  if (prefix !== undefined && suffix !== undefined) return undefined;
  const digits = WHITESPACE.test(rawDigits!) ? rawDigits!.replace(WHITESPACE_RUN, ' ') : rawDigits!;
  return {
    digits,
    negative: open !== undefined || sign === '-' || sign === '\u2212',
    percent: percent !== undefined,
    currency: prefix !== undefined || suffix !== undefined,
  };
}

/** Reads the digits under one convention; NaN when they are not valid under it. */
export function readDigits(digits: string, style: NumberStyle): number {
  if (!HAS_SEPARATOR.test(digits)) return Number(digits);
  if (style === 'id') {
    if (!ID_DIGITS.test(digits)) return Number.NaN;
    return Number(digits.replace(ID_GROUPING, '').replace(',', '.'));
  }
  if (!EN_DIGITS.test(digits)) return Number.NaN;
  return Number(digits.replace(EN_GROUPING, ''));
}

/** Applies the sign, never producing -0. */
export const signed = (value: number, negative: boolean): number =>
  negative && value !== 0 ? -value : value;
