/**
 * Normalising Indonesian cell values for ingest: numbers, missing markers, dates and periods,
 * Excel damage, text cleanup. Pure functions, no I/O; column-level inference functions take a
 * column's cells and decide what single-cell parsing cannot.
 */

export { CodeCounter, type CodeEvidence, looksLikeCode } from './codes.js';
export {
  type DateOrder,
  DateOrderCounter,
  type DateOrderEvidence,
  type DateOrderInference,
  type InferDateOrderOptions,
  inferDateOrder,
} from './dates.js';
export {
  type RangeHeaderResult,
  type RangeRestoration,
  restoreRangeHeaders,
} from './excel-damage.js';
export { type FloatDamageResult, isFloatDamagedInteger, restoreFloatDamage } from './float-damage.js';
export {
  DEFAULT_MISSING_MARKERS,
  DEFAULT_MISSING_VALUES,
  isMissing,
  MissingMarkers,
  type MissingMarkersOptions,
  missingMarkers,
} from './missing.js';
export { MONTH_NAMES_ID, type MonthHeader, monthFromHeader, monthFromName } from './months.js';
export type { NumberStyle } from './number-read.js';
export {
  type InferNumberStyleOptions,
  inferNumberStyle,
  NumberStyleCounter,
  type NumberStyleEvidence,
  type NumberStyleInference,
} from './number-style.js';
export {
  type NumberFailure,
  type NumberResult,
  type NumberValue,
  type ParseNumberOptions,
  parseNumber,
} from './numbers.js';
export {
  daysInMonth,
  formatPeriod,
  MAX_YEAR,
  MIN_YEAR,
  type Period,
  type PeriodKind,
  type PeriodResult,
} from './period.js';
export { type ParsePeriodOptions, parsePeriod } from './periods.js';
export { cleanText, stripBom, trimText } from './text.js';
