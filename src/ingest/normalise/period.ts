/** The `Period` value: a day, month, quarter, semester or year, with its first and last day. */

export type PeriodKind = 'day' | 'month' | 'quarter' | 'semester' | 'year';

export interface Period {
  kind: PeriodKind;
  year: number;
  month?: number;
  day?: number;
  quarter?: number;
  semester?: number;
  /** First day, `YYYY-MM-DD`. */
  start: string;
  /** Last day, `YYYY-MM-DD`. */
  end: string;
}

export type PeriodResult =
  | { ok: true; period: Period }
  | {
      ok: false;
      /** `impossible_date`: shaped like a date that does not exist (31 Februari, month 13). */
      reason: 'empty' | 'missing' | 'impossible_date' | 'not_a_period';
    };

/** Years outside this range are not read as periods (a code such as `3201` is not a year). */
export const MIN_YEAR = 1800;
export const MAX_YEAR = 2199;

export const isYear = (year: number): boolean => year >= MIN_YEAR && year <= MAX_YEAR;

const isLeap = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeap(year) ? 29 : DAYS[month - 1]!;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`);
const isoDate = (year: number, month: number, day: number): string => `${year}-${pad2(month)}-${pad2(day)}`;
const monthEnd = (year: number, month: number): string => isoDate(year, month, daysInMonth(year, month));

/** A day, or undefined when it does not exist (31 February, month 13, year out of range). */
export function dayPeriod(year: number, month: number, day: number): Period | undefined {
  if (!isYear(year) || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  const date = isoDate(year, month, day);
  return { kind: 'day', year, month, day, start: date, end: date };
}

export function monthPeriod(year: number, month: number): Period | undefined {
  if (!isYear(year) || month < 1 || month > 12) return undefined;
  return { kind: 'month', year, month, start: isoDate(year, month, 1), end: monthEnd(year, month) };
}

export function quarterPeriod(year: number, quarter: number): Period | undefined {
  if (!isYear(year) || quarter < 1 || quarter > 4) return undefined;
  const first = quarter * 3 - 2;
  return { kind: 'quarter', year, quarter, start: isoDate(year, first, 1), end: monthEnd(year, first + 2) };
}

export function semesterPeriod(year: number, semester: number): Period | undefined {
  if (!isYear(year) || semester < 1 || semester > 2) return undefined;
  const first = semester * 6 - 5;
  return { kind: 'semester', year, semester, start: isoDate(year, first, 1), end: monthEnd(year, first + 5) };
}

export function yearPeriod(year: number): Period | undefined {
  if (!isYear(year)) return undefined;
  return { kind: 'year', year, start: isoDate(year, 1, 1), end: isoDate(year, 12, 31) };
}

/** ISO-like text: `2019-08-13`, `2019-08`, `2020-Q1`, `2021-S2`, `2019`. `parsePeriod` reads it back. */
export function formatPeriod(period: Period): string {
  switch (period.kind) {
    case 'day':
      return period.start;
    case 'month':
      return period.start.slice(0, 7);
    case 'quarter':
      return `${period.year}-Q${period.quarter}`;
    case 'semester':
      return `${period.year}-S${period.semester}`;
    case 'year':
      return `${period.year}`;
  }
}
