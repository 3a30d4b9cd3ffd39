/**
 * Column evidence that values are codes, which must stay text even when they are made of
 * digits: a leading zero (`011`, `007`) or a letter among digits (`0164A`) would be lost or
 * rejected by a number type.
 */

import { isMissing, type MissingMarkers, missingMarkers } from './missing.js';
import { trimText } from './text.js';

const DIGITS = /^\d+$/;
/** Letters and digits, both present, optionally in parts joined by `-`, `.` or `/` (`A-01`). */
const ALPHANUMERIC = /^(?=.*\d)(?=.*[a-z])[a-z\d]+(?:[-./][a-z\d]+)*$/i;
const SCIENTIFIC = /^\d+(?:\.\d+)?e[-+]?\d+$/i;

/** Digit strings this long lose digits as a double (NIK, 16 digits). */
const LONG_DIGITS = 16;

export interface CodeEvidence {
  /** True when the column should stay text. */
  isCode: boolean;
  /** Non-missing cells seen. */
  values: number;
  /** Digit-only cells with a leading zero (`011`). */
  leadingZero: number;
  /** Cells mixing letters and digits (`0164A`). */
  alphanumeric: number;
  /** Digit-only cells of 16 digits or more. */
  longDigits: number;
  /** The common length when every cell is a digit or letter-and-digit token of one length. */
  fixedWidth: number | undefined;
}

/** Gathers a column's code evidence one cell at a time. */
export class CodeCounter {
  #values = 0;
  #leadingZero = 0;
  #alphanumeric = 0;
  #longDigits = 0;
  #width: number | undefined;
  #sameWidth = true;
  readonly #markers: MissingMarkers;

  constructor(missingValues?: readonly string[] | MissingMarkers) {
    this.#markers = missingMarkers(missingValues);
  }

  /** Counts `raw` as `times` cells. */
  add(raw: string, times = 1): void {
    const cell = trimText(raw);
    if (isMissing(cell, this.#markers)) return;
    this.#values += times;
    let token = false;
    if (DIGITS.test(cell)) {
      token = true;
      if (cell.length > 1 && cell.charCodeAt(0) === 0x30) this.#leadingZero += times;
      if (cell.length >= LONG_DIGITS) this.#longDigits += times;
    } else if (ALPHANUMERIC.test(cell) && !SCIENTIFIC.test(cell)) {
      token = true;
      this.#alphanumeric += times;
    }
    if (!token || (this.#width !== undefined && this.#width !== cell.length)) this.#sameWidth = false;
    this.#width = cell.length;
  }

  result(): CodeEvidence {
    const width = this.#width;
    const values = this.#values;
    const fixedWidth = this.#sameWidth && width !== undefined && width > 1 ? width : undefined;
    const isCode =
      this.#leadingZero > 0 ||
      this.#longDigits > 0 ||
      (this.#alphanumeric > 0 && (fixedWidth !== undefined || this.#alphanumeric * 10 >= values));
    return {
      isCode,
      values,
      leadingZero: this.#leadingZero,
      alphanumeric: this.#alphanumeric,
      longDigits: this.#longDigits,
      fixedWidth,
    };
  }
}

/**
 * Judges a column. It is a code column when any cell has a leading zero or 16+ digits, or when
 * letter-and-digit cells are there and either every cell has the same width or they are at least
 * a tenth of the cells (one stray `12a` among numbers does not make a column of codes).
 * Digit-only codes without a leading zero (`3201`) are not flagged: a number keeps them intact,
 * and the column name is better evidence there. Restore float damage (`3201.0`) first.
 */
export function looksLikeCode(
  samples: Iterable<string>,
  options: { missingValues?: readonly string[] | MissingMarkers } = {},
): CodeEvidence {
  const counter = new CodeCounter(options.missingValues);
  for (const raw of samples) counter.add(raw);
  return counter.result();
}
