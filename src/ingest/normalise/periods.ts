/** Reading any period from a cell: day, month, quarter, semester or year. */

import { type DateOrder, readDate, startsWithDigit } from './dates.js';
import { isMissing, type MissingMarkers } from './missing.js';
import { type PeriodResult, quarterPeriod, semesterPeriod, yearPeriod } from './period.js';
import { cleanText } from './text.js';

const ROMAN: Readonly<Record<string, number>> = { i: 1, ii: 2, iii: 3, iv: 4 };
const numeral = (text: string): number => ROMAN[text.toLowerCase()] ?? Number(text);

const QUARTER_WORD = '(?:triwulan|trw|tw|kuartal|kwartal|quarter|qtr|q)';
const SEMESTER_WORD = '(?:semester|smt|sem|s|h)';
const YEAR_WORD = String.raw`(?:(?:tahun|th\.?)\s*)?`;
const QUARTER_NUMBER = '([1-4]|iv|i{1,3})';
const SEMESTER_NUMBER = '([12]|ii|i)';

/** `Triwulan I 2020`, `TW I 2020`, `Q1 2020`, `Kuartal 1 Tahun 2020`, `Q1-2020`. */
const QUARTER = new RegExp(
  String.raw`^${QUARTER_WORD}\s*[-.]?\s*${QUARTER_NUMBER}\s*[-/,]?\s*${YEAR_WORD}(\d{4})$`,
  'i',
);
/** `2020-Q1` (as `formatPeriod` writes it), `2020Q1`, `2020 Triwulan I`. */
const YEAR_QUARTER = new RegExp(
  String.raw`^(\d{4})\s*[-/]?\s*${QUARTER_WORD}\s*[-.]?\s*${QUARTER_NUMBER}$`,
  'i',
);
/** `Semester 2 2021`, `Semester II 2021`, `S2 2021`, `Smt II Tahun 2021`, `H2 2021`. */
const SEMESTER = new RegExp(
  String.raw`^${SEMESTER_WORD}\s*[-.]?\s*${SEMESTER_NUMBER}\s*[-/,]?\s*${YEAR_WORD}(\d{4})$`,
  'i',
);
/** `2021-S2` (as `formatPeriod` writes it), `2021 Semester II`. */
const YEAR_SEMESTER = new RegExp(
  String.raw`^(\d{4})\s*[-/]?\s*${SEMESTER_WORD}\s*[-.]?\s*${SEMESTER_NUMBER}$`,
  'i',
);
/** `2019`, `Tahun 2019`, and `2019.0` from a float-damaged export. */
const YEAR = new RegExp(String.raw`^${YEAR_WORD}(\d{4})(?:\.0+)?$`, 'i');

/** No period needs more characters than this (`Selasa, 13 September 2019 00:00:00+07:00`). */
const MAX_LENGTH = 48;

const EMPTY: PeriodResult = Object.freeze({ ok: false, reason: 'empty' });
const MISSING: PeriodResult = Object.freeze({ ok: false, reason: 'missing' });
const NOT_A_PERIOD: PeriodResult = Object.freeze({ ok: false, reason: 'not_a_period' });

export interface ParsePeriodOptions {
  /** Order of numeric dates (`13/08/2019`); decide it per column with `inferDateOrder`. Default `dmy`. */
  dateOrder?: DateOrder;
  missingValues?: readonly string[] | MissingMarkers;
}

const result = (period: ReturnType<typeof yearPeriod>): PeriodResult =>
  period === undefined ? NOT_A_PERIOD : { ok: true, period };

/**
 * Reads a cell as a period. Besides the date forms of `readDate`: years (`2019`, `2019.0`),
 * quarters (`Triwulan I 2020`, `TW I 2020`, `Q1 2020`, `Kuartal 1 2020`, `2020-Q1`) and semesters
 * (`Semester 2 2021`, `Semester II 2021`, `S2 2021`, `2021-S2`). Years outside 1800–2199 are
 * `not_a_period`; dates that do not exist (`31 Februari 2020`) are `impossible_date`.
 */
export function parsePeriod(raw: string, options: ParsePeriodOptions = {}): PeriodResult {
  const cell = cleanText(raw);
  if (cell.length === 0) return EMPTY;
  if (isMissing(cell, options.missingValues)) return MISSING;
  if (cell.length > MAX_LENGTH) return NOT_A_PERIOD;
  let m: RegExpExecArray | null;
  if (startsWithDigit(cell)) {
    m = YEAR.exec(cell);
    if (m !== null) return result(yearPeriod(Number(m[1])));
    m = YEAR_QUARTER.exec(cell);
    if (m !== null) return result(quarterPeriod(Number(m[1]), numeral(m[2]!)));
    m = YEAR_SEMESTER.exec(cell);
    if (m !== null) return result(semesterPeriod(Number(m[1]), numeral(m[2]!)));
  } else {
    m = YEAR.exec(cell);
    if (m !== null) return result(yearPeriod(Number(m[1])));
    m = QUARTER.exec(cell);
    if (m !== null) return result(quarterPeriod(Number(m[2]), numeral(m[1]!)));
    m = SEMESTER.exec(cell);
    if (m !== null) return result(semesterPeriod(Number(m[2]), numeral(m[1]!)));
  }
  return readDate(cell, options.dateOrder ?? 'dmy') ?? NOT_A_PERIOD;
}
