/**
 * Profile classes: the DuckDB path profiles a column by classes of cells that read alike, not cell
 * by cell. A cell's shape is the cell with every digit 2–9 written as `1` (`1.234.567` →
 * `1.111.111`): zeros, lengths, separators and letters stay. Cells of one shape differ only in
 * the values of their non-zero digits, and for two kinds of shape nothing the profile counts
 * (profile.ts) depends on those values, so one cell stands for its whole class, with its count:
 *  - numbers with grouped thousands or five digits or more (`1.234.567`, `Rp 12.500`,
 *    `3201190006`): leading zeros, widths, decimal parts, number styles, whole-ness all stay;
 *    no date or period has this form (their day, month and year values would matter);
 *  - long plain ASCII text with a letter no number holds (`catatan nomor 4411 untuk wilayah ini`):
 *    longer than any period form, never a number, a code token or a yes/no word.
 * Every other shape holding a non-zero digit is profiled value by value (dates, years, codes
 * `011`), as is a shape a missing-value marker has. `keys.test.ts` checks that every cell profiles
 * exactly as its shape does, and that SQL and JS shapes agree.
 */
import { cleanText, type MissingMarkers } from '../../normalise/index.js';

const NUMBER = /^-?(?:Rp\.? ?)?(?:[1-9][0-9]{0,2}(?:[.,][0-9]{3})+|[0-9]{5,})(?:[.,][0-9]+)?$/;
/** Printable ASCII words separated by single spaces: nothing for trimming or cleaning to change. */
const PLAIN_TEXT = /^[\x21-\x7E]+(?: [\x21-\x7E]+)*$/;
/** Letters no number may hold (numbers allow only rp, idr, rupiah and the e of 1e5). */
const NON_NUMBER_LETTER = /[bcfgjklmnoqstvwxyz]/i;
/** Longer than any period or date form (`Jum'at, 13 September 2019 00:00:00` is 35). */
const LONG = 40;
const NON_ZERO = /[2-9]/g;

/**
 * Cells shorter than this many bytes are never in a class (a class number has five digits or a
 * group, a class text is long): the DuckDB path groups them by value even in a column grouped by
 * shape.
 */
export const SHORT = 5;

/** The shape of a cell: digits 2–9 written as `1`. */
export const shapeOf = (cell: string): string => cell.replace(NON_ZERO, '1');

/** The same in DuckDB SQL. */
export const shapeSql = (col: string): string => `translate(${col}, '23456789', '11111111')`;

/** Every cell of this shape is this very cell (no non-zero digit to vary). */
export const isSingleShape = (shape: string): boolean => !shape.includes('1');

/** Shapes of the missing-value markers: a class with one of these is read value by value. */
export const markerShapes = (markers: MissingMarkers): Set<string> =>
  new Set(markers.values.flatMap((m) => [shapeOf(cleanText(m)), shapeOf(cleanText(m).toLowerCase())]));

/** True when every cell of this shape profiles as any other: one stands for the class. */
export function isClassShape(shape: string, markers: ReadonlySet<string>): boolean {
  if (markers.has(shape) || markers.has(shape.toLowerCase())) return false;
  return (
    NUMBER.test(shape) || (shape.length > LONG && PLAIN_TEXT.test(shape) && NON_NUMBER_LETTER.test(shape))
  );
}
