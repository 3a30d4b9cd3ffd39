/**
 * Table Schema `foreignKeys`: every non-empty key of the new table must exist in the referenced
 * table — another datastore resource (`reference.resource`: its id) or the table itself (`""`),
 * compared as text so `3201` and "3201" meet. Checked in DuckDB over both Parquet files; each
 * missing key is a `foreign-key-error` with its row, so a table never points at nothing.
 */

import { validation } from '../../core/errors.js';
import { DuckDBInstance } from '../../datastore/duckdb/api.js';
import { quoteIdent, quoteLiteral } from '../../datastore/duckdb/sql.js';
import { EXAMPLES_PER_CODE, type Issue, type ValidationReport } from './types.js';

export interface ForeignKey {
  readonly fields: string | readonly string[];
  readonly reference: { readonly resource: string; readonly fields: string | readonly string[] };
}

const list = (x: string | readonly string[]): string[] => (typeof x === 'string' ? [x] : [...x]);

/** The foreign keys of a Table Schema, checked for shape; field errors name `schema.foreignKeys.N`. */
export function parseForeignKeys(
  raw: readonly unknown[] | undefined,
  columns: readonly string[],
): ForeignKey[] {
  const out: ForeignKey[] = [];
  (raw ?? []).forEach((fk, i) => {
    const where = `schema.foreignKeys.${i}`;
    const f = fk as Partial<ForeignKey> | null;
    const fields = f && (typeof f.fields === 'string' || Array.isArray(f.fields)) ? list(f.fields) : [];
    const ref = f?.reference;
    const refFields =
      ref && (typeof ref.fields === 'string' || Array.isArray(ref.fields)) ? list(ref.fields) : [];
    if (fields.length === 0 || !ref || typeof ref.resource !== 'string' || refFields.length !== fields.length)
      throw validation({
        [where]: ['Expected {fields, reference: {resource, fields}} with as many reference fields as fields'],
      });
    const unknown = fields.filter((x) => !columns.includes(x));
    if (unknown.length) throw validation({ [where]: [`Not columns of the file: ${unknown.join(', ')}`] });
    out.push({ fields, reference: { resource: ref.resource, fields: refFields } });
  });
  return out;
}

export interface ForeignKeyTarget {
  /** The referenced table's Parquet file and its columns. */
  readonly path: string;
  readonly columns: readonly string[];
}

/**
 * Checks each key against its target (resolved by the caller, which checks the caller may read
 * it) and returns the report with the misses added: counts, the first examples, not valid.
 */
export async function checkForeignKeys(
  parquet: string,
  keys: readonly ForeignKey[],
  target: (resource: string) => Promise<ForeignKeyTarget>,
  report: ValidationReport,
  firstLine: number,
): Promise<ValidationReport> {
  if (keys.length === 0) return report;
  const db = await DuckDBInstance.create(':memory:', {
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
  });
  const c = await db.connect();
  const found: Issue[] = [];
  let missing = 0;
  try {
    for (const [i, fk] of keys.entries()) {
      const fields = list(fk.fields);
      const refFields = list(fk.reference.fields);
      const t =
        fk.reference.resource === ''
          ? { path: parquet, columns: fields }
          : await target(fk.reference.resource);
      const absent = refFields.filter((x) => !t.columns.includes(x) && fk.reference.resource !== '');
      if (absent.length)
        throw validation({
          [`schema.foreignKeys.${i}`]: [`Not columns of ${fk.reference.resource}: ${absent.join(', ')}`],
        });
      const key = (alias: string, cols: readonly string[]) =>
        cols.map((x) => `CAST(${alias}.${quoteIdent(x)} AS VARCHAR)`);
      const notNull = key('n', fields)
        .map((x) => `${x} IS NOT NULL`)
        .join(' AND ');
      const match = key('n', fields)
        .map((x, k) => `${x} = ${key('r', refFields)[k]}`)
        .join(' AND ');
      const orphans = `SELECT n.file_row_number + 1 AS row, ${key('n', fields).join(` || ', ' || `)} AS k FROM read_parquet(${quoteLiteral(parquet)}, file_row_number = true) n WHERE ${notNull} AND NOT EXISTS (SELECT 1 FROM read_parquet(${quoteLiteral(t.path)}) r WHERE ${match})`;
      const [count] = (
        await c.runAndReadAll(`SELECT count(*)::BIGINT AS n FROM (${orphans})`)
      ).getRowObjectsJS();
      const n = Number(count?.n ?? 0);
      if (n === 0) continue;
      missing += n;
      const rows = (
        await c.runAndReadAll(`${orphans} ORDER BY row LIMIT ${EXAMPLES_PER_CODE}`)
      ).getRowObjectsJS();
      const where = fk.reference.resource === '' ? 'tabel ini sendiri' : fk.reference.resource;
      for (const r of rows)
        found.push({
          code: 'foreign-key-error',
          row: Number(r.row),
          line: Number(r.row) + firstLine - 1,
          field: fields.join(','),
          value: String(r.k),
          message: `${fields.join(', ')} "${String(r.k)}" tidak ada di ${where} (${refFields.join(', ')})`,
        });
    }
  } finally {
    c.closeSync();
    db.closeSync();
  }
  if (missing === 0) return report;
  found.sort((a, b) => a.row - b.row);
  return {
    ...report,
    valid: false,
    errorCount: report.errorCount + missing,
    counts: { ...report.counts, 'foreign-key-error': (report.counts['foreign-key-error'] ?? 0) + missing },
    issues: [...report.issues, ...found.slice(0, EXAMPLES_PER_CODE)].sort(
      (a, b) => a.row - b.row || (a.column ?? 0) - (b.column ?? 0),
    ),
  };
}
