/**
 * One pass over every cell of a column, gathering the evidence its type is decided from: the
 * whole file, not the first rows. Memory per column is bounded (counters, a few examples and
 * up to `MAX_DISTINCT` distinct values for region detection).
 */
import {
  CodeCounter,
  DateOrderCounter,
  isFloatDamagedInteger,
  isMissing,
  type MissingMarkers,
  missingMarkers,
  NumberStyleCounter,
  type PeriodKind,
  parseNumber,
  parsePeriod,
  trimText,
} from '../normalise/index.js';

export const MAX_DISTINCT = 20_000;
const EXAMPLES = 5;
const BOOLEAN = /^(ya|tidak|y|t|n|true|false|benar|salah|yes|no)$/i;

export interface Example {
  readonly row: number;
  readonly value: string;
}

export class ColumnProfile {
  values = 0;
  missing = 0;
  readonly numberStyle: NumberStyleCounter;
  readonly dateOrder: DateOrderCounter;
  readonly code: CodeCounter;
  /** Cells that read as numbers under each style, and how many of those are whole. */
  readonly numeric = { id: { ok: 0, whole: 0 }, en: { ok: 0, whole: 0 } };
  readonly periods: Record<PeriodKind, number> = { day: 0, month: 0, quarter: 0, semester: 0, year: 0 };
  floatDamaged = 0;
  booleans = 0;
  readonly notNumbers: Example[] = [];
  readonly notPeriods: Example[] = [];
  readonly distinct = new Map<string, number>();
  distinctOverflow = false;
  readonly #markers: MissingMarkers;

  constructor(missingValues?: readonly string[]) {
    this.#markers = missingMarkers(missingValues);
    this.numberStyle = new NumberStyleCounter(this.#markers);
    this.dateOrder = new DateOrderCounter(this.#markers);
    this.code = new CodeCounter(this.#markers);
  }

  get markers(): MissingMarkers {
    return this.#markers;
  }

  /**
   * Counts one cell, or `times` cells that read alike (a class from the DuckDB profile, see
   * fast/keys.ts): every counter grows by `times`, the examples take the class's first row.
   */
  add(raw: string | null, row: number, times = 1): void {
    const cell = raw === null ? '' : trimText(raw);
    if (cell === '' || isMissing(cell, this.#markers)) {
      this.missing += times;
      return;
    }
    this.values += times;
    this.numberStyle.add(cell, times);
    this.dateOrder.add(cell, times);
    this.code.add(cell, times);
    for (const style of ['id', 'en'] as const) {
      const n = parseNumber(cell, style, { missingValues: this.#markers });
      if (n.ok) {
        this.numeric[style].ok += times;
        if (Number.isInteger(n.value)) this.numeric[style].whole += times;
      }
    }
    if (this.numeric.id.ok + this.numeric.en.ok === 0 && this.notNumbers.length < EXAMPLES)
      this.notNumbers.push({ row, value: cell });
    const p = parsePeriod(cell, { missingValues: this.#markers });
    if (p.ok) this.periods[p.period.kind] += times;
    else if (this.notPeriods.length < EXAMPLES) this.notPeriods.push({ row, value: cell });
    if (isFloatDamagedInteger(cell)) this.floatDamaged += times;
    if (BOOLEAN.test(cell)) this.booleans += times;
    if (!this.distinctOverflow) this.addDistinct(cell, times);
  }

  /** Adds `times` occurrences of `cell` to the distinct values (until they overflow). */
  addDistinct(cell: string, times: number): void {
    this.distinct.set(cell, (this.distinct.get(cell) ?? 0) + times);
    if (this.distinct.size > MAX_DISTINCT) this.overflow();
  }

  /** Gives up on the distinct values: more than are kept, or not known one by one. */
  overflow(): void {
    this.distinct.clear();
    this.distinctOverflow = true;
  }
}
