/**
 * A new version from the one before it, in DuckDB SQL over the base version's Parquet file:
 * records merged by key (a FULL OUTER JOIN of the base with the staged records, each record
 * setting only the fields it names), or rows left out by filters. Base rows keep their order;
 * new rows follow in the order of the records. Key checks (insert: the key must be new;
 * update: it must exist) run before anything is written.
 */

import { type FieldErrors, validation } from '../../core/errors.js';
import type { ColumnInfo, TableChange } from '../backend.js';
import type { DuckDBConnection } from './api.js';
import { type MergeChange, type StagedRecord, showKey, stageRecords } from './change-check.js';
import { Params, whereClause } from './filters.js';
import { openSource, type Source } from './read.js';
import { PARQUET_OPTIONS, quoteIdent, quoteLiteral, STORAGE_TYPE } from './sql.js';
import { toCell } from './values.js';
import { appendCell, type Written } from './write.js';

const STAGE = 'kendali_change';
/** Errors about keys reported per call. */
const MAX_KEY_ERRORS = 20;

const copyTo = (select: string, path: string) =>
  `COPY (${select}) TO ${quoteLiteral(path)} (${PARQUET_OPTIONS})`;

/** The base as `b0 … bn, bpos` (new columns null), so no table column can clash with a name used here. */
function baseRelation(source: Source | null, columns: readonly ColumnInfo[]): string {
  const cols = columns.map((c, i) =>
    source?.types.has(c.name)
      ? `${quoteIdent(c.name)} AS b${i}`
      : `CAST(NULL AS ${STORAGE_TYPE[c.type]}) AS b${i}`,
  );
  if (source === null) return `(SELECT ${cols.join(', ')}, 0::BIGINT AS bpos WHERE false)`;
  const clash = source.columns.some((c) => c.name.toLowerCase() === 'file_row_number');
  const from = clash ? source.from : source.from.replace(/\)$/, ', file_row_number = true)');
  const pos = clash ? 'row_number() OVER ()' : 'file_row_number';
  return `(SELECT ${cols.join(', ')}, ${pos} AS bpos FROM ${from})`;
}

async function stage(connection: DuckDBConnection, columns: readonly ColumnInfo[], rows: StagedRecord[]) {
  const defs = columns.flatMap((c, i) => [`v${i} ${STORAGE_TYPE[c.type]}`, `s${i} BOOLEAN`]);
  await connection.run(`CREATE TEMP TABLE ${STAGE} (seq BIGINT, ${defs.join(', ')})`);
  const appender = await connection.createAppender(STAGE);
  try {
    for (const row of rows) {
      appender.appendBigInt(BigInt(row.seq));
      columns.forEach((c, i) => {
        appendCell(appender, c.type, row.values[i] ?? null);
        appender.appendBoolean(row.set[i] === true);
      });
      appender.endRow();
    }
  } finally {
    appender.closeSync();
  }
}

/** Staged records whose key exists in the base (`exists`) or does not, as Validation errors. */
async function checkKeys(
  connection: DuckDBConnection,
  base: string,
  change: MergeChange,
  keyIdx: readonly number[],
  exists: boolean,
): Promise<void> {
  const on = keyIdx.map((i) => `b.b${i} = s.v${i}`).join(' AND ');
  const reader = await connection.runAndReadAll(
    `SELECT s.seq, ${keyIdx.map((i) => `s.v${i}`).join(', ')} FROM ${STAGE} s
     WHERE ${exists ? '' : 'NOT '}EXISTS (SELECT 1 FROM ${base} b WHERE ${on})
     ORDER BY s.seq LIMIT ${MAX_KEY_ERRORS}`,
  );
  const rows = reader.getRows();
  if (rows.length === 0) return;
  const fields: FieldErrors = {};
  for (const [seq, ...key] of rows) {
    const shown = showKey(change.key, key.map(toCell));
    fields[`records.${toCell(seq ?? null)}`] = [
      exists ? `key ${shown} already exists` : `key ${shown} not found`,
    ];
  }
  throw validation(fields, exists ? 'Duplicate key' : 'Key not found');
}

/** A key new to the table must be complete and unique over the base's rows. */
async function checkBaseKey(
  connection: DuckDBConnection,
  base: string,
  change: MergeChange,
  keyIdx: number[],
) {
  const cols = keyIdx.map((i) => `b${i}`);
  const nulls = await connection.runAndReadAll(
    `SELECT count(*) FROM ${base} WHERE ${cols.map((c) => `${c} IS NULL`).join(' OR ')}`,
  );
  if (Number(toCell(nulls.getRows()[0]?.[0] ?? 0)) > 0)
    throw validation({ primary_key: ['existing rows have no value for the key'] });
  const dup = await connection.runAndReadAll(
    `SELECT ${cols.join(', ')} FROM ${base} GROUP BY ALL HAVING count(*) > 1 LIMIT 1`,
  );
  const first = dup.getRows()[0];
  if (first)
    throw validation({
      primary_key: [`existing rows repeat the key ${showKey(change.key, first.map(toCell))}`],
    });
}

async function merge(connection: DuckDBConnection, source: Source | null, change: MergeChange, path: string) {
  const rows = stageRecords(change, source?.columns ?? null);
  const { columns } = change;
  await stage(connection, columns, rows);
  await connection.run(`CREATE TEMP VIEW kendali_base AS SELECT * FROM ${baseRelation(source, columns)}`);
  const keyIdx = change.key.map((k) => columns.findIndex((c) => c.name === k));
  if (keyIdx.length > 0) {
    if (change.checkKey && source) await checkBaseKey(connection, 'kendali_base', change, keyIdx);
    if (change.method === 'insert') await checkKeys(connection, 'kendali_base', change, keyIdx, true);
    if (change.method === 'update') await checkKeys(connection, 'kendali_base', change, keyIdx, false);
  }
  const out = columns.map((c) => quoteIdent(c.name));
  const bs = columns.map((_, i) => `b${i}`).join(', ');
  const vs = columns.map((_, i) => `v${i}`).join(', ');
  const select =
    keyIdx.length === 0
      ? `SELECT ${out.map((name, i) => `b${i} AS ${name}`).join(', ')} FROM (
           SELECT ${bs}, bpos AS o1, 0::BIGINT AS o2 FROM kendali_base
           UNION ALL SELECT ${vs}, NULL, seq FROM ${STAGE}
         ) ORDER BY o1 NULLS LAST, o2`
      : `SELECT ${out.map((name, i) => `CASE WHEN s.s${i} THEN s.v${i} ELSE b.b${i} END AS ${name}`).join(', ')}
         FROM kendali_base b FULL OUTER JOIN ${STAGE} s ON ${keyIdx.map((i) => `b.b${i} = s.v${i}`).join(' AND ')}
         ORDER BY b.bpos NULLS LAST, s.seq`;
  const copied = await connection.run(copyTo(select, path));
  return { columns: columns.map((c) => ({ name: c.name, type: c.type })), rowCount: copied.rowsChanged };
}

type DeleteChange = Extract<TableChange, { kind: 'delete' }>;

async function remove(connection: DuckDBConnection, source: Source, change: DeleteChange, path: string) {
  const fields: FieldErrors = {};
  const params = new Params();
  const where = whereClause(change.filters, source.types, params, fields);
  if (Object.keys(fields).length > 0) throw validation(fields);
  const condition = where === '' ? 'true' : where.replace(/^ WHERE /, '');
  const copied = await connection.run(
    copyTo(`SELECT * FROM ${source.from} WHERE (${condition}) IS NOT TRUE`, path),
    params.values,
  );
  return { columns: source.columns, rowCount: copied.rowsChanged };
}

/** Writes `base` (a version file, or null for an empty table) changed by `change` as Parquet at `path`. */
export async function deriveParquet(
  connection: DuckDBConnection,
  basePath: string | null,
  change: TableChange,
  path: string,
): Promise<Written> {
  const source = basePath === null ? null : await openSource(connection, basePath);
  if (change?.kind === 'merge') return merge(connection, source, change, path);
  if (change?.kind !== 'delete') throw validation({ 'change.kind': ["must be 'merge' or 'delete'"] });
  if (source === null) throw validation({ base: ['a delete needs a version to delete from'] });
  return remove(connection, source, change, path);
}
