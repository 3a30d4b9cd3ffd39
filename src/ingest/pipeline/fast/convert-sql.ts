/**
 * Conversions in DuckDB SQL for the shapes that make up nearly every cell of a large column:
 * plain text, integers and decimals in the column's number style (with `Rp` and a sign), and
 * dates as `13/08/2019`, `2019-08-13` or `13 Agustus 2019`. Each expression gives the value or
 * NULL; a cell outside these shapes (or a date that does not exist) gets NULL here and goes to the
 * JS conversion (convert.ts), which remains the one authority: `convert-sql.test.ts` checks that
 * wherever SQL gives a value, it is the value JS gives.
 */
import { quoteLiteral } from '../../../datastore/duckdb/sql.js';
import { MONTH_NAMES_ID as MONTHS } from '../../normalise/index.js';
import type { FieldPlan } from '../types.js';

const YEAR = '(?:19|20)[0-9]{2}';
/** Printable ASCII words separated by single spaces: nothing for trimming or cleaning to change. */
const PLAIN_TEXT = String.raw`[\x21-\x7E]+(?: [\x21-\x7E]+)*`;
const SIGN_RP = String.raw`^(-?)(?:Rp\.? ?)?`;

const re = (pattern: string): string => quoteLiteral(pattern);

function numberSql(col: string, field: FieldPlan, trusted: boolean): string {
  const en = field.numberStyle === 'en';
  const group = en ? ',' : String.raw`\.`;
  const decimal = en ? String.raw`\.` : ',';
  const grouped = `[1-9][0-9]{0,2}(?:${group}[0-9]{3}){1,4}|[0-9]{1,15}`;
  // Sign and `Rp` off (only a cell starting with `-` or `R` can have them), grouping out, decimal
  // mark to a dot. Trusted, a cell is known to have the form (`-`, then `Rp`, `.` and ` ` each at
  // most once, then a digit): trimming dots and spaces after `Rp` does what the pattern does.
  const rp = (from: number) => `ltrim(${col}[${from}:], '. ')`;
  const bare = trusted
    ? `CASE ${col}[1] WHEN 'R' THEN ${rp(3)} WHEN '-' THEN CASE WHEN ${col}[2] = 'R' THEN '-' || ${rp(4)} ELSE ${col} END ELSE ${col} END`
    : `CASE WHEN ${col}[1] IN ('-', 'R') THEN regexp_replace(${col}, ${re(SIGN_RP)}, '\\1') ELSE ${col} END`;
  const digits = `replace(${bare}, ${quoteLiteral(en ? ',' : '.')}, '')`;
  if (field.type === 'integer') {
    const pattern = `-?(?:Rp\\.? ?)?(?:${grouped})(?:${decimal}0+)?`;
    const mark = en ? '.' : ',';
    const whole = `CASE WHEN contains(${col}, ${quoteLiteral(mark)}) THEN regexp_replace(${digits}, ${re(`${en ? String.raw`\.` : ','}0+$`)}, '') ELSE ${digits} END`;
    // Trusted, a cell that would not convert after all gives NULL, never an error: the written
    // table's counts of values then disagree and the field is converted again with checks.
    if (trusted) return `TRY_CAST(${whole} AS BIGINT)`;
    return `CASE WHEN regexp_full_match(${col}, ${re(pattern)}) THEN CAST(${whole} AS BIGINT) END`;
  }
  const pattern = `-?(?:Rp\\.? ?)?(?:${grouped})(?:${decimal}[0-9]{1,15})?`;
  const text = en ? digits : `replace(${digits}, ',', '.')`;
  // JS never gives -0 (`signed`): a zero is a plain zero.
  const value = `(CASE WHEN CAST(${text} AS DOUBLE) = 0 THEN 0.0 ELSE CAST(${text} AS DOUBLE) END)`;
  if (trusted) return value.replaceAll('CAST(', 'TRY_CAST(');
  return `CASE WHEN regexp_full_match(${col}, ${re(pattern)}) THEN ${value} END`;
}

function dateSql(col: string, field: FieldPlan): string {
  const mdy = field.dateOrder === 'mdy';
  const numeric = `^([0-9]{1,2})[/-]([0-9]{1,2})[/-](${YEAR})$`;
  const one = (sep: string) => `[0-9]{1,2}${sep}[0-9]{1,2}${sep}${YEAR}`;
  const [d, m] = mdy ? [2, 1] : [1, 2];
  const part = (pattern: string, n: number) => `regexp_extract(${col}, ${re(pattern)}, ${n})`;
  const iso = `^(${YEAR})-([0-9]{1,2})-([0-9]{1,2})$`;
  const text = `^([0-9]{1,2}) (${MONTHS.join('|')}) (${YEAR})$`;
  const ymd = (y: string, mo: string, da: string) =>
    `TRY_CAST(concat(${y}, '-', lpad(${mo}, 2, '0'), '-', lpad(${da}, 2, '0')) AS DATE)`;
  const months = `[${MONTHS.map(quoteLiteral).join(', ')}]`;
  return `CASE
    WHEN regexp_full_match(${col}, ${re(one('/'))}) OR regexp_full_match(${col}, ${re(one('-'))}) THEN ${ymd(part(numeric, 3), part(numeric, m), part(numeric, d))}
    WHEN regexp_full_match(${col}, ${re(iso.slice(1, -1))}) THEN ${ymd(part(iso, 1), part(iso, 2), part(iso, 3))}
    WHEN regexp_full_match(${col}, ${re(text.slice(1, -1))}) THEN ${ymd(part(text, 3), `CAST(list_position(${months}, ${part(text, 2)}) AS VARCHAR)`, part(text, 1))}
  END`;
}

/**
 * The SQL conversion of a VARCHAR column for `field`, or undefined when the type has none (every
 * cell then goes to JS). `markerLower`: the lower-cased missing-value markers (such cells go to JS).
 *
 * `trusted`: for cells already known to be of a shape the conversion takes (a class whose shape it
 * converts, keys.ts), without the checks of shape and markers: the same value, cheaper. Dates keep
 * their checks (their forms are told apart by them).
 */
export function convertSql(
  col: string,
  field: FieldPlan,
  markerLower: readonly string[],
  trusted = false,
): string | undefined {
  const text = field.floatDamage ? `regexp_replace(${col}, ${re(String.raw`\.0+$`)}, '')` : col;
  if (trusted && field.type === 'string') return text;
  if (trusted && (field.type === 'integer' || field.type === 'number')) return numberSql(col, field, true);
  const expr =
    field.type === 'string'
      ? `CASE WHEN regexp_full_match(${col}, ${re(PLAIN_TEXT)}) THEN ${text} END`
      : field.type === 'integer' || field.type === 'number'
        ? numberSql(col, field, false)
        : field.type === 'date'
          ? dateSql(col, field)
          : undefined;
  if (expr === undefined) return undefined;
  if (markerLower.length === 0) return expr;
  // Only a cell no longer than the longest marker can be one (strlen counts bytes: cheap).
  const longest = Math.max(...markerLower.map((m) => Buffer.byteLength(m)));
  return `CASE WHEN strlen(${col}) <= ${longest} AND lower(${col}) IN (${markerLower.map(quoteLiteral).join(', ')}) THEN NULL ELSE ${expr} END`;
}
