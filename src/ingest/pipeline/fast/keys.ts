/**
 * Profile classes: the DuckDB path profiles a column by classes of cells that read alike, not cell
 * by cell. A cell's shape is the cell with every digit 2–9 written as `1` (`1.234.567` →
 * `1.111.111`): zeros, lengths, separators and letters stay. Cells of one shape differ only in
 * the values of their non-zero digits, and for two kinds of shape nothing the profile counts
 * (profile.ts) depends on those values, so one cell stands for its whole class, with its count:
 *  - numbers with grouped thousands or five digits or more (`1.234.567`, `Rp 12.500`,
 *    `3201190006`), up to 15 digits: leading zeros, widths, decimal parts, number styles,
 *    whole-ness all stay;
 *    no date or period has this form (their day, month and year values would matter);
 *  - long plain ASCII text with a letter no number holds (`catatan nomor 4411 untuk wilayah ini`):
 *    longer than any period form, never a number, a code token or a yes/no word.
 * Every other shape holding a non-zero digit is profiled value by value (dates, years, codes
 * `011`), as is a shape a missing-value marker has. `keys.test.ts` checks that every cell profiles
 * exactly as its shape does, and that SQL and JS shapes agree.
 *
 * Coarser classes, whose cells profile alike whatever their shapes, are grouped under one key
 * each without computing shapes (a shape costs DuckDB several times the test of a form):
 *  - long plain text (no number, period, code, yes/no or float-damaged form is that long), under
 *    `TEXT_CLASS`;
 *  - grouped whole numbers of a few common forms (`NUMBER_CLASSES`), each under one of its cells.
 * A class whose form a missing-value marker has is left to shapes.
 */
import { quoteLiteral } from '../../../datastore/duckdb/sql.js';
import { cleanText, type MissingMarkers } from '../../normalise/index.js';

const NUMBER = /^-?(?:Rp\.? ?)?(?:[1-9][0-9]{0,2}(?:[.,][0-9]{3})+|[0-9]{5,})(?:[.,][0-9]+)?$/;
/** Printable ASCII words separated by single spaces: nothing for trimming or cleaning to change. */
const PLAIN_TEXT = /^[\x21-\x7E]+(?: [\x21-\x7E]+)*$/;
/** Letters no number may hold (numbers allow only rp, idr, rupiah and the e of 1e5). */
const NON_NUMBER_LETTER = /[bcfgjklmnoqstvwxyz]/i;
/** Longer than any period or date form (`Jum'at, 13 September 2019 00:00:00` is 35). */
const LONG = 40;
const NON_ZERO = /[2-9]/g;
const DIGIT = /[0-9]/g;
/**
 * Digits a class number may have: a double holds 15 exactly, and with more the values of the
 * digits decide whether the number reads as whole (`99.969.039.857.387,998` does).
 */
const MAX_DIGITS = 15;

/**
 * Cells shorter than this many bytes are never in a class (a class number has five digits or a
 * group, a class text is long): the DuckDB path groups them by value even in a column grouped by
 * shape.
 */
export const SHORT = 5;

/**
 * The key every long plain text cell is grouped under: itself long plain text with no digit, so
 * a cell with this shape is this very cell, in the class.
 */
export const TEXT_CLASS = 'kelas teks panjang biasa: satu sel mewakili semuanya';

/**
 * Forms of numbers whose cells profile alike (keys.test.ts), each grouped under `key`, a cell of
 * the form: whole numbers with grouped thousands, Indonesian amounts with two decimals, and
 * digit strings of five digits or more, with or without a leading zero (`width`: one key per
 * length, `1` or `01` and zeros, since code detection reads their widths). Tried in this order;
 * a form and its shapes match alike (`[1-9]`, `[0-9]` and the zeros of `.000` survive shaping). Within a form only the zeros of a last group
 * could change a profile (`1.000` reads as 1 the English way, `1.234,00` is whole), hence the
 * `.000`, `,000` and `,00` forms of their own.
 */
export const NUMBER_CLASSES: readonly {
  readonly form: string;
  readonly key: string;
  readonly width?: true;
}[] = [
  { form: String.raw`[1-9][0-9]{0,2}(?:\.[0-9]{3}){2,4}`, key: '1.234.567' },
  { form: String.raw`Rp [1-9][0-9]{0,2}(?:\.[0-9]{3}){2,4}`, key: 'Rp 1.234.567' },
  { form: String.raw`-[1-9][0-9]{0,2}(?:\.[0-9]{3}){2,4}`, key: '-1.234.567' },
  { form: '[1-9][0-9]{0,2}(?:,[0-9]{3}){2,4}', key: '1,234,567' },
  { form: String.raw`[1-9][0-9]{0,2}(?:\.[0-9]{3}){1,3},(?:0[1-9]|[1-9][0-9])`, key: '1.234,56' },
  { form: String.raw`[1-9][0-9]{0,2}(?:\.[0-9]{3}){1,3},00`, key: '1.234,00' },
  { form: String.raw`[1-9][0-9]{0,2}\.000`, key: '1.000' },
  { form: String.raw`[1-9][0-9]{0,2}\.[0-9]{3}`, key: '1.234' },
  { form: '[1-9][0-9]{0,2},000', key: '1,000' },
  { form: '[1-9][0-9]{0,2},[0-9]{3}', key: '1,234' },
  { form: '[1-9][0-9]{4,14}', key: '10000', width: true },
  { form: '0[0-9]{4,14}', key: '01000', width: true },
];

/** No cell of a number form is longer (`Rp 999.999.999.999.999` is 23 bytes); keys.test.ts checks it. */
export const NUMBER_CLASS_BYTES = 24;

interface NumberClass {
  readonly form: string;
  readonly test: RegExp;
  readonly key: string;
  readonly width?: true;
}

/** The start of a width class's keys: `1`, or `01` for a leading zero. */
const widthHead = (c: NumberClass): string => c.key.replace(/0+$/, '');

/** The key of a width class for a cell of `n` bytes (its start and zeros), itself of the form. */
const widthKey = (c: NumberClass, n: number): string => widthHead(c).padEnd(n, '0');
const numberClassCache = new WeakMap<ReadonlySet<string>, readonly NumberClass[]>();

/** The number classes in use with these marker shapes: none a marker's shape has the form of. */
function numberClasses(markers: ReadonlySet<string>): readonly NumberClass[] {
  let found = numberClassCache.get(markers);
  if (!found) {
    found = NUMBER_CLASSES.map((c) => ({ ...c, test: new RegExp(`^(?:${c.form})$`) })).filter(
      (c) => ![...markers].some((m) => c.test.test(m)),
    );
    numberClassCache.set(markers, found);
  }
  return found;
}

/** True when `key` (a group key) stands for a class of cells rather than for itself. */
export function isClassKey(key: string, markers: ReadonlySet<string>): boolean {
  if (key === TEXT_CLASS) return true;
  for (const c of numberClasses(markers))
    if (c.width ? c.test.test(key) && key === widthKey(c, key.length) : c.key === key) return true;
  return Buffer.byteLength(key) >= SHORT && isClassShape(key, markers);
}

/** The shape of a cell: digits 2–9 written as `1`. */
export const shapeOf = (cell: string): string => cell.replace(NON_ZERO, '1');

/** The same in DuckDB SQL. */
export const shapeSql = (col: string): string => `translate(${col}, '23456789', '11111111')`;

/** Every cell of this shape is this very cell (no non-zero digit to vary). */
export const isSingleShape = (shape: string): boolean => !shape.includes('1');

/** Shapes of the missing-value markers: a class with one of these is read value by value. */
export const markerShapes = (markers: MissingMarkers): Set<string> =>
  new Set(markers.values.flatMap((m) => [shapeOf(cleanText(m)), shapeOf(cleanText(m).toLowerCase())]));

/** Long plain ASCII text with a letter no number holds (a cell and its shape alike). */
const isPlainLong = (s: string): boolean =>
  s.length > LONG && PLAIN_TEXT.test(s) && NON_NUMBER_LETTER.test(s);

/** True for a long plain text cell that is not (by shape) a missing-value marker. */
export function isLongText(cell: string, markers: ReadonlySet<string>): boolean {
  if (!isPlainLong(cell)) return false;
  const shape = shapeOf(cell);
  return !markers.has(shape) && !markers.has(shape.toLowerCase());
}

/**
 * The key a cell of a column grouped by shape is grouped under: a short cell as it is, a cell of a
 * number class as the class's key, long plain text as `TEXT_CLASS`, any other cell as its shape.
 * `keySql` is the same in DuckDB SQL.
 */
export function groupKey(cell: string, markers: ReadonlySet<string>): string {
  if (Buffer.byteLength(cell) < SHORT) return cell;
  for (const c of numberClasses(markers))
    if (c.test.test(cell)) return c.width ? widthKey(c, cell.length) : c.key;
  return isLongText(cell, markers) ? TEXT_CLASS : shapeOf(cell);
}

/**
 * The number forms by what a cell of each must hold: forms led by a character other than a digit
 * (`R` of `Rp`, `-`) under it; the rest, which start with a digit, by whether they hold a
 * separator (`.` or `,`) or digits alone. Each group keeps the forms' order. (keys.test.ts: SQL
 * keys, tested this way, equal the JS keys, tested form after form.)
 */
function formGroups(forms: readonly NumberClass[]): {
  readonly lead: readonly (readonly [string, NumberClass[]])[];
  readonly separated: NumberClass[];
  readonly plain: NumberClass[];
} {
  const lead = new Map<string, NumberClass[]>();
  const separated: NumberClass[] = [];
  const plain: NumberClass[] = [];
  // Read off each form's key, a cell of the form: all its cells start and hold alike.
  for (const c of forms) {
    const first = c.key[0] as string;
    if (!/[0-9]/.test(first)) lead.set(first, [...(lead.get(first) ?? []), c]);
    else if (/[.,]/.test(c.key)) separated.push(c);
    else plain.push(c);
  }
  return { lead: [...lead], separated, plain };
}

/** `groupKey` in DuckDB SQL (the long-text test without shapes unless a marker is that long). */
export function keySql(col: string, markers: ReadonlySet<string>): string {
  const long = [...markers].filter((m) => m.length > LONG);
  const notMarker =
    long.length === 0
      ? ''
      : ` AND NOT (strlen(${col}) IN (${[...new Set(long.map((m) => Buffer.byteLength(m)))].join(', ')}) AND lower(${shapeSql(col)}) IN (${long.map(quoteLiteral).join(', ')}))`;
  // PLAIN_TEXT as one full match: a search for what it excludes (`[^\x21-\x7E ]|^ | $|  `)
  // cost DuckDB three times as much over a column of notes.
  const text = `strlen(${col}) > ${LONG} AND regexp_full_match(${col}, '[\\x21-\\x7E]+(?: [\\x21-\\x7E]+)*') AND regexp_matches(${col}, '[bcfgjklmnoqstvwxyzBCFGJKLMNOQSTVWXYZ]')${notMarker}`;
  const forms = numberClasses(markers);
  const test = (group: readonly NumberClass[]) =>
    `CASE ${group.map((c) => `WHEN regexp_full_match(${col}, ${quoteLiteral(c.form)}) THEN ${c.width ? `rpad(${quoteLiteral(widthHead(c))}, CAST(strlen(${col}) AS INTEGER), '0')` : quoteLiteral(c.key)} `).join('')}ELSE ${shapeSql(col)} END`;
  // Only a cell this short can be of a number form: longer cells skip the forms' tests. A cell is
  // tested only against the forms it can have (by its first character, and whether it holds a
  // separator), in their order: a code of digits no longer tries ten forms before its own.
  const groups = formGroups(forms);
  const numbers =
    forms.length === 0
      ? ''
      : `WHEN strlen(${col}) <= ${NUMBER_CLASS_BYTES} THEN CASE ${groups.lead.map(([lead, group]) => `WHEN starts_with(${col}, ${quoteLiteral(lead)}) THEN ${test(group)} `).join('')}WHEN contains(${col}, '.') OR contains(${col}, ',') THEN ${test(groups.separated)} ELSE ${test(groups.plain)} END `;
  return `CASE WHEN strlen(${col}) < ${SHORT} THEN ${col} ${numbers}WHEN ${text} THEN ${quoteLiteral(TEXT_CLASS)} ELSE ${shapeSql(col)} END`;
}

/** True when every cell of this shape profiles as any other: one stands for the class. */
export function isClassShape(shape: string, markers: ReadonlySet<string>): boolean {
  if (markers.has(shape) || markers.has(shape.toLowerCase())) return false;
  return (NUMBER.test(shape) && (shape.match(DIGIT) ?? []).length <= MAX_DIGITS) || isPlainLong(shape);
}
