/** Reading dates (a day or a month) from cells, and deciding a column's day/month order. */

import { isMissing, type MissingMarkers, missingMarkers } from './missing.js';
import { monthFromName } from './months.js';
import { dayPeriod, monthPeriod, type PeriodResult } from './period.js';
import { trimText } from './text.js';

/** `dmy`: 13/08/2019, the Indonesian default. `mdy`: 08/13/2019. */
export type DateOrder = 'dmy' | 'mdy';

/** A midnight time, as database exports append to dates. Any other time makes the cell a timestamp. */
const MIDNIGHT = String.raw`(?:[ T]00[:.]00(?:[:.]00(?:\.0+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?`;

const NUMERIC_DATE = new RegExp(String.raw`^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})${MIDNIGHT}$`);
const ISO_DATE = new RegExp(String.raw`^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})${MIDNIGHT}$`);
const TEXT_DATE = /^(\d{1,2})(?:\s*[-/.]\s*|\s+)([a-z]+)\.?(?:\s*[-/.,]\s*|\s+)(\d{4})$/i;
const TEXT_DATE_MONTH_FIRST = /^([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$/i;
const MONTH_YEAR = /^([a-z]+)\.?(?:\s*[-/.,]\s*|\s+)(\d{4})$/i;
const YEAR_MONTH_NAME = /^(\d{4})\s+([a-z]+)\.?$/i;
const YEAR_MONTH = /^(\d{4})[-/](\d{1,2})$/;
const MONTH_YEAR_NUMERIC = /^(\d{1,2})[-/](\d{4})$/;
const WEEKDAY =
  /^(?:senin|selasa|rabu|kamis|jum['\u2019]?at|sabtu|minggu|ahad|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s*,?\s*/i;

const IMPOSSIBLE: PeriodResult = Object.freeze({ ok: false, reason: 'impossible_date' });

const day = (year: number, month: number, d: number): PeriodResult => {
  const period = dayPeriod(year, month, d);
  return period === undefined ? IMPOSSIBLE : { ok: true, period };
};

const month = (year: number, m: number): PeriodResult => {
  const period = monthPeriod(year, m);
  return period === undefined ? IMPOSSIBLE : { ok: true, period };
};

/**
 * Reads a cleaned cell as a day or a month: `13 Agustus 2019`, `Selasa, 13 Agt. 2019`,
 * `13/08/2019`, `13-08-2019`, `13.08.2019`, `2019-08-13` (ISO, always year-month-day),
 * `August 13, 2019`, `Agt 2019`, `Agustus 2019`, `2019 Agustus`, `2019-08`, `08/2019`.
 * Two-digit years are not read (`13/08/19`): their century is a guess.
 * Undefined when the cell is not shaped like a date; `impossible_date` when it is, but the
 * date does not exist.
 */
export function readDate(cell: string, order: DateOrder): PeriodResult | undefined {
  if (startsWithDigit(cell)) return readDigitFirst(cell, order);
  if (WEEKDAY.test(cell)) {
    const rest = cell.replace(WEEKDAY, '');
    return startsWithDigit(rest) ? readDigitFirst(rest, order) : readMonthFirst(rest);
  }
  return readMonthFirst(cell);
}

export const startsWithDigit = (text: string): boolean => {
  const c = text.charCodeAt(0);
  return c >= 0x30 && c <= 0x39;
};

/** `13/08/2019`, `2019-08-13`, `2019-08`, `08/2019`, `13 Agustus 2019`, `2019 Agustus`. */
function readDigitFirst(cell: string, order: DateOrder): PeriodResult | undefined {
  let m = NUMERIC_DATE.exec(cell);
  if (m !== null) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    return order === 'dmy' ? day(Number(m[4]), b, a) : day(Number(m[4]), a, b);
  }
  m = ISO_DATE.exec(cell);
  if (m !== null) return day(Number(m[1]), Number(m[3]), Number(m[4]));
  m = YEAR_MONTH.exec(cell);
  if (m !== null) return month(Number(m[1]), Number(m[2]));
  m = MONTH_YEAR_NUMERIC.exec(cell);
  if (m !== null) return month(Number(m[2]), Number(m[1]));
  m = TEXT_DATE.exec(cell);
  if (m !== null) return dayNamed(Number(m[3]), m[2]!, Number(m[1]));
  m = YEAR_MONTH_NAME.exec(cell);
  if (m !== null) return monthNamed(Number(m[1]), m[2]!);
  return undefined;
}

/** `August 13, 2019`, `Agt 2019`, `Agustus 2019`. */
function readMonthFirst(cell: string): PeriodResult | undefined {
  let m = TEXT_DATE_MONTH_FIRST.exec(cell);
  if (m !== null) return dayNamed(Number(m[3]), m[1]!, Number(m[2]));
  m = MONTH_YEAR.exec(cell);
  if (m !== null) return monthNamed(Number(m[2]), m[1]!);
  return undefined;
}

function monthNamed(year: number, name: string): PeriodResult | undefined {
  const mm = monthFromName(name);
  return mm === undefined ? undefined : month(year, mm);
}

function dayNamed(year: number, name: string, d: number): PeriodResult | undefined {
  const mm = monthFromName(name);
  return mm === undefined ? undefined : day(year, mm, d);
}

export interface DateOrderEvidence {
  /** Cells whose first part is above 12 (`13/08/2019`). */
  dmy: number;
  /** Cells whose second part is above 12 (`08/13/2019`). */
  mdy: number;
  /** Cells valid both ways with different dates (`05/01/2021`). */
  ambiguous: number;
  /** Cells read the same either way (`05/05/2021`), or not numeric dates. */
  neutral: number;
}

export interface DateOrderInference {
  /** The order to parse the column with: the decided one, or the default when undecided. */
  order: DateOrder;
  status: 'decided' | 'conflict' | 'ambiguous' | 'no_evidence';
  evidence: DateOrderEvidence;
}

export interface InferDateOrderOptions {
  /** Used when the evidence does not decide. Default `dmy`, the Indonesian order. */
  defaultOrder?: DateOrder;
  missingValues?: readonly string[] | MissingMarkers;
}

/** Counts a column's day/month order evidence one cell at a time. */
export class DateOrderCounter {
  readonly evidence: DateOrderEvidence = { dmy: 0, mdy: 0, ambiguous: 0, neutral: 0 };
  readonly #markers: MissingMarkers;

  constructor(missingValues?: readonly string[] | MissingMarkers) {
    this.#markers = missingMarkers(missingValues);
  }

  /** Counts `raw` as `times` cells. */
  add(raw: string, times = 1): void {
    const evidence = this.evidence;
    const cell = trimText(raw);
    if (isMissing(cell, this.#markers)) return;
    const m = NUMERIC_DATE.exec(cell);
    if (m === null) {
      evidence.neutral += times;
      return;
    }
    const a = Number(m[1]);
    const b = Number(m[3]);
    if (a > 12 && b <= 12) evidence.dmy += times;
    else if (b > 12 && a <= 12) evidence.mdy += times;
    else if (a === b || (a > 12 && b > 12)) evidence.neutral += times;
    else evidence.ambiguous += times;
  }

  result(defaultOrder: DateOrder = 'dmy'): DateOrderInference {
    const evidence = { ...this.evidence };
    if (evidence.dmy > 0 && evidence.mdy > 0) {
      const order =
        evidence.dmy === evidence.mdy ? defaultOrder : evidence.dmy > evidence.mdy ? 'dmy' : 'mdy';
      return { order, status: 'conflict', evidence };
    }
    if (evidence.dmy > 0) return { order: 'dmy', status: 'decided', evidence };
    if (evidence.mdy > 0) return { order: 'mdy', status: 'decided', evidence };
    return { order: defaultOrder, status: evidence.ambiguous > 0 ? 'ambiguous' : 'no_evidence', evidence };
  }
}

/** Decides day-first or month-first for a column of numeric dates (`13/08/2019`, `08-13-2019`). */
export function inferDateOrder(
  samples: Iterable<string>,
  options: InferDateOrderOptions = {},
): DateOrderInference {
  const counter = new DateOrderCounter(options.missingValues);
  for (const raw of samples) counter.add(raw);
  return counter.result(options.defaultOrder ?? 'dmy');
}
