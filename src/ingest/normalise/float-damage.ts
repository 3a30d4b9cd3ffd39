/**
 * Integers that went through a float on their way out (`3201.0`, `32.0`, `2019.0`), as pandas
 * writes an integer column that had a missing value in it.
 */

import { isMissing, type MissingMarkers, missingMarkers } from './missing.js';
import { trimText } from './text.js';

const FLOAT_INTEGER = /^-?\d+\.0+$/;
const INTEGER = /^-?\d+$/;

/** True for an integer written with a zero fraction: `3201.0`, `3201190006.0`, `2019.00`. */
export function isFloatDamagedInteger(raw: string): boolean {
  return FLOAT_INTEGER.test(trimText(raw));
}

export interface FloatDamageResult {
  /** The column with `.0` fractions removed; the input itself when nothing was restored. */
  values: readonly string[];
  restored: boolean;
}

/**
 * Removes the zero fraction from a column's float-damaged integers, but only when the whole
 * column is integers (missing cells aside) and at least one carries the damage: one real decimal
 * (`451.3` next to `0.0`) means the column is measurements and is left as is.
 */
export function restoreFloatDamage(
  values: readonly string[],
  options: { missingValues?: readonly string[] | MissingMarkers } = {},
): FloatDamageResult {
  const markers = missingMarkers(options.missingValues);
  let damaged = 0;
  for (const raw of values) {
    const cell = trimText(raw);
    if (FLOAT_INTEGER.test(cell)) damaged++;
    else if (!INTEGER.test(cell) && !isMissing(cell, markers)) return { values, restored: false };
  }
  if (damaged === 0) return { values, restored: false };
  const out = values.map((raw) => {
    const cell = trimText(raw);
    return FLOAT_INTEGER.test(cell) ? cell.slice(0, cell.indexOf('.')) : raw;
  });
  return { values: out, restored: true };
}
