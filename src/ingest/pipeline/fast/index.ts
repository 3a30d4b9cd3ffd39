/**
 * The DuckDB path for large delimited text files: the same import as the streaming path
 * (import.ts), the same decisions and the same report, in DuckDB's parallel SQL instead of a
 * JS loop over every cell.
 *
 *  1. The JS reader reads the start of the file: encoding, delimiter, header, layout.
 *  2. DuckDB loads every data row as text (`read_csv`, all VARCHAR).
 *  3. The last rows go through the JS table filter: a footer ("Sumber: BPS") is cut off as the
 *     streaming path would.
 *  4. Each column is profiled by classes of cells that read alike (keys.ts), fed to the same
 *     ColumnProfile with their counts; types and region columns are planned as in import.ts.
 *  5. Each column converts in SQL where its cells have a common shape (convert-sql.ts); every
 *     other distinct cell, and every cell of a column with few distinct values, goes through the
 *     JS conversion once and joins back. Region names resolve once per (name, parent) pair.
 *  6. Issues are counted in SQL with their first examples; uniqueness and primary keys as before.
 *
 * Whenever the file holds something only the streaming path describes exactly (ragged rows, a
 * cell spanning lines, empty rows among the data, per-cell schema constraints, a column ordered
 * by the rows above it), this path steps aside with the reason and the streaming path runs.
 */
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import type { ColumnInfo } from '../../../datastore/backend.js';
import { instanceSettings } from '../../../datastore/duckdb/engine.js';
import { quoteIdent, quoteLiteral } from '../../../datastore/duckdb/sql.js';
import { getRegionIndex, type RegionMatch } from '../../../regions/resolve/index.js';
import { cleanText, missingMarkers, restoreRangeHeaders } from '../../normalise/index.js';
import { openReader } from '../../readers/index.js';
import type { RawRow } from '../../readers/types.js';
import { DataFilter } from '../../table/data-filter.js';
import { readTable, type TableLayout } from '../../table/index.js';
import { convertCell, storageType } from '../convert.js';
import type { ImportOptions, PreparedImport } from '../import.js';
import { Issues, validationReport } from '../issues.js';
import { fieldNames } from '../names.js';
import { planTable, regionCandidates, regionIssue, regionNotes } from '../plan.js';
import { ColumnProfile, MAX_DISTINCT } from '../profile.js';
import { schemaNames } from '../schema.js';
import { appendCell, DUCK_TYPE, duplicateRows } from '../sink.js';
import { EXAMPLES_PER_CODE, type FieldPlan, type Issue } from '../types.js';
import { convertSql } from './convert-sql.js';
import { isClassShape, isSingleShape, markerShapes, shapeSql } from './keys.js';

/** Columns with at most this many distinct values convert entirely through JS, once per value. */
const MAP_LIMIT = 200_000;
/** Rows at the end handed to the JS table filter to find a footer. */
const TAIL_ROWS = 1_000;
/** Files from this size take the DuckDB path when it applies (`engine: 'auto'`). */
export const FAST_MIN_BYTES = 16 << 20;

/** Why the DuckDB path stepped aside; the streaming path then runs. */
export class NotFast {
  constructor(readonly reason: string) {}
}

const col = (i: number) => quoteIdent(`c${i}`);
const rawCol = (i: number) => `raw.${col(i)}`;

async function rowsOf(c: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  return (await c.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
}

/** Closes a table's row iterator without reading on. */
async function stopReading(rows: AsyncIterable<RawRow>): Promise<void> {
  for await (const _ of rows) break;
}

export async function prepareFast(path: string, options: ImportOptions): Promise<PreparedImport | NotFast> {
  const constrained = options.schema?.fields?.find((f) =>
    Object.keys(f.constraints ?? {}).some((k) => k !== 'unique'),
  );
  if (constrained) return new NotFast(`kolom "${constrained.name}" punya batasan yang diperiksa per sel`);

  // 1. The start of the file, read as the streaming path reads it.
  const reader = await openReader(path, { ...options.reader, signal: options.signal });
  const info = reader.info;
  if (info.format !== 'csv' && info.format !== 'tsv') return new NotFast(`format ${info.format}`);
  if (info.encoding !== 'utf-8') return new NotFast(`encoding ${info.encoding ?? '?'}`);
  const table = await readTable(reader, { expectedNames: schemaNames(options.schema) });
  await stopReading(table.rows());
  const layout = table.layout;
  const width = layout.header.length;
  if (layout.droppedColumns.length > 0 || layout.columns.some((c, i) => c !== i))
    return new NotFast('kolom kosong dilewati');
  if (layout.dataStartLine === undefined) return new NotFast('tidak ada baris data');
  // The region index takes a second or two to build: in JS, while DuckDB reads on its threads.
  if (regionCandidates(layout.header, options).length > 0) getRegionIndex().catch(() => undefined);
  const firstLine = layout.dataStartLine;

  await mkdir(join(options.workDir, 'spill'), { recursive: true });
  await mkdir(join(options.workDir, 'ext'), { recursive: true });
  const instance = await DuckDBInstance.create(':memory:', {
    ...instanceSettings({
      spillDir: join(options.workDir, 'spill'),
      extensionDir: join(options.workDir, 'ext'),
    }),
    memory_limit: '1GB',
  });
  const c = await instance.connect();
  const dispose = async () => {
    c.closeSync();
    instance.closeSync();
    await rm(options.workDir, { recursive: true, force: true });
  };
  const onAbort = () => c.interrupt();
  options.signal?.addEventListener('abort', onAbort);
  try {
    const result = await run(c, path, options, info, layout, width, firstLine, dispose);
    if (result instanceof NotFast) await dispose();
    return result;
  } catch (e) {
    await dispose();
    if (options.signal?.aborted) throw options.signal.reason ?? e;
    throw e;
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }
}

async function run(
  c: DuckDBConnection,
  path: string,
  options: ImportOptions,
  info: PreparedImport['source'],
  detected: TableLayout,
  width: number,
  firstLine: number,
  dispose: () => Promise<void>,
): Promise<PreparedImport | NotFast> {
  const progress = (phase: 'profile' | 'convert', rows: number, done: number) =>
    options.onProgress?.(phase, rows, done, info.bytes);
  progress('profile', 0, 0);

  // 2. Every data row as text. Anything DuckDB reads differently (more cells than the header,
  // bad UTF-8 further on, an unclosed quote) is the streaming path's to describe.
  const columns = Array.from({ length: width }, (_, i) => `${quoteLiteral(`c${i}`)}: 'VARCHAR'`).join(', ');
  try {
    await c.run(
      `CREATE TABLE raw AS SELECT * FROM read_csv(${quoteLiteral(path)}, delim = ${quoteLiteral(info.delimiter ?? ',')}, quote = '"', escape = '"', header = false, skip = ${firstLine - 1}, columns = {${columns}}, auto_detect = false, null_padding = true, strict_mode = true, compression = ${info.gzip ? "'gzip'" : "'none'"}, encoding = 'utf-8')`,
    );
  } catch (e) {
    if (options.signal?.aborted) throw e;
    return new NotFast(`DuckDB tidak membaca berkas ini sama persis: ${(e as Error).message.split('\n')[0]}`);
  }
  // One scan: rows, the first blank row, cells spanning lines (line numbers would drift).
  const all = Array.from({ length: width }, (_, i) => col(i));
  const allNull = all.map((x) => `${x} IS NULL`).join(' AND ');
  const anyBreak = all.map((x) => `contains(${x}, chr(10)) OR contains(${x}, chr(13))`).join(' OR ');
  const [counts] = await rowsOf(
    c,
    `SELECT count(*)::BIGINT AS n, min(rowid) FILTER (WHERE ${allNull})::BIGINT AS blank, count(*) FILTER (WHERE ${anyBreak})::BIGINT AS breaks FROM raw`,
  );
  const total = Number(counts?.n ?? 0);
  if (total === 0) return new NotFast('tidak ada baris data');
  if (Number(counts?.breaks ?? 0) > 0) return new NotFast('ada sel yang memuat ganti baris');
  progress('profile', total, info.bytes / 2);

  // 3. The footer: the last rows through the JS filter, as the streaming path ends.
  const layout: TableLayout = { ...detected, notes: [...detected.notes] };
  const detectedNotes = new Set(detected.notes);
  const tailFrom = Math.max(0, total - TAIL_ROWS);
  const tail = await rowsOf(
    c,
    `SELECT rowid::BIGINT AS r, * FROM raw WHERE rowid >= ${tailFrom} ORDER BY rowid`,
  );
  const filter = new DataFilter(layout, path, false);
  const kept: RawRow[] = [];
  for (const t of tail) {
    const cells = Array.from({ length: width }, (_, i) => (t[`c${i}`] as string | null) ?? '');
    filter.push({ line: firstLine + Number(t.r), cells }, kept);
  }
  filter.end(kept);
  // A file read whole while detecting already has the footer notes.
  layout.notes.splice(
    0,
    layout.notes.length,
    ...detected.notes,
    ...layout.notes.slice(detected.notes.length).filter((x) => !detectedNotes.has(x)),
  );
  const cutoff = tailFrom + kept.length;
  if (kept.some((r, i) => r.line !== firstLine + tailFrom + i))
    return new NotFast('baris kosong di antara data');
  const firstBlank = counts?.blank === null || counts?.blank === undefined ? undefined : Number(counts.blank);
  if (firstBlank !== undefined && firstBlank < cutoff) return new NotFast('baris kosong di antara data');
  const rows = cutoff;

  // 4. Profiles: each column's distinct values with their counts (DuckDB groups its compressed
  // columns fast); a column with very many is profiled by classes of alike cells (keys.ts).
  const restored = restoreRangeHeaders(layout.header);
  const titles = restored.headers;
  const markers = missingMarkers(options.schema?.missingValues);
  const markerLower = markers.values.map((m) => cleanText(m).toLowerCase());
  const shapesOfMarkers = markerShapes(markers);
  const names = fieldNames(titles);
  const candidates = new Set(regionCandidates(titles, options));
  const within = cutoff < total ? ` AND raw.rowid < ${cutoff}` : '';
  const profiles: ColumnProfile[] = [];
  /** Columns with few enough distinct values: each value with its count. */
  const exact: (Counted[] | undefined)[] = [];
  for (let i = 0; i < width; i++) {
    const profile = new ColumnProfile(options.schema?.missingValues);
    await c.run(
      `CREATE OR REPLACE TEMP TABLE d AS SELECT ${col(i)} AS v, count(*)::BIGINT AS n FROM raw WHERE ${col(i)} IS NOT NULL${within} GROUP BY ${col(i)}`,
    );
    const [size] = await rowsOf(c, 'SELECT count(*)::BIGINT AS m FROM d');
    const distinct = Number(size?.m ?? 0);
    let fed: Counted[];
    let reduced = false;
    if (distinct <= (options.mapLimit ?? MAP_LIMIT)) {
      fed = counted(await rowsOf(c, 'SELECT v, n FROM d'));
    } else {
      fed = [];
      const shapes = await rowsOf(c, `SELECT ${shapeSql('v')} AS v, sum(n)::BIGINT AS n FROM d GROUP BY 1`);
      const valueByValue: string[] = [];
      for (const k of counted(shapes)) {
        if (isSingleShape(k.v)) fed.push(k);
        else if (isClassShape(k.v, shapesOfMarkers)) {
          reduced = true;
          fed.push(k);
        } else valueByValue.push(k.v);
      }
      if (valueByValue.length > 0) {
        await c.run('CREATE OR REPLACE TEMP TABLE u (k VARCHAR)');
        const appender = await c.createAppender('u');
        for (const k of valueByValue) {
          appender.appendVarchar(k);
          appender.endRow();
        }
        appender.closeSync();
        fed.push(...counted(await rowsOf(c, `SELECT v, n FROM d JOIN u ON ${shapeSql('d.v')} = u.k`)));
      }
    }
    let nonNull = 0;
    for (const f of fed) {
      nonNull += f.n;
      profile.add(f.v, 1, f.n);
    }
    profile.missing += rows - nonNull;
    exact.push(reduced ? undefined : fed);
    if (reduced) {
      profile.overflow();
      if (candidates.has(titles[i] as string) || candidates.has(names[i] as string)) {
        const values = counted(
          await rowsOf(
            c,
            `SELECT trim(v) AS v, sum(n)::BIGINT AS n FROM d GROUP BY 1 LIMIT ${MAX_DISTINCT + 1}`,
          ),
        );
        if (values.length <= MAX_DISTINCT) {
          profile.distinctOverflow = false;
          for (const d of values) profile.addDistinct(d.v, d.n);
        }
      }
    }
    profiles.push(profile);
  }
  await c.run('DROP TABLE IF EXISTS d');
  const notes = [...info.notes, ...layout.notes];
  for (const r of restored.restored)
    notes.push(
      `judul kolom ${r.index + 1} "${r.from}" dipulihkan menjadi "${r.to}" (dirusak Excel menjadi tanggal)`,
    );
  const {
    fields,
    regionFields,
    columns: sinkColumns,
    regionWidth,
  } = await planTable(titles, profiles, options, notes);
  for (const { field, region, parent } of regionFields) {
    if (region.plan.carry)
      return new NotFast(`kolom wilayah "${field.title}" dibaca menurut baris di atasnya`);
    if (exact[field.source] === undefined || (parent && exact[parent.source] === undefined))
      return new NotFast(`kolom wilayah "${field.title}" punya terlalu banyak nilai berbeda`);
  }
  progress('convert', rows, (info.bytes * 3) / 4);

  // 5. Conversion: SQL for the common shapes of a column with many values; JS once per distinct
  // value for the rest, in tables m<i> (raw cell, value, why it does not fit) joined back.
  const sqlOf = fields.map((f) =>
    exact[f.source] === undefined ? convertSql(rawCol(f.source), f, markerLower) : undefined,
  );
  /** Per field: cells that do not fit, in total, and the distinct such cells. */
  const misfitCount = fields.map(() => 0);
  for (const [i, field] of fields.entries()) {
    const sql = sqlOf[i];
    const values =
      sql === undefined
        ? (exact[field.source] ??
          counted(
            await rowsOf(
              c,
              `SELECT ${rawCol(field.source)} AS v, count(*)::BIGINT AS n FROM raw WHERE ${rawCol(field.source)} IS NOT NULL${within} GROUP BY 1`,
            ),
          ))
        : counted(
            await rowsOf(
              c,
              `SELECT ${rawCol(field.source)} AS v, count(*)::BIGINT AS n FROM raw WHERE ${rawCol(field.source)} IS NOT NULL AND (${sql}) IS NULL${within} GROUP BY 1`,
            ),
          );
    const type = storageType(field);
    await c.run(`CREATE TEMP TABLE m${i} (k VARCHAR, v ${DUCK_TYPE[type]}, e VARCHAR)`);
    const appender = await c.createAppender(`m${i}`);
    for (const { v: raw, n } of values) {
      const converted = convertCell(field, raw, markers);
      appender.appendVarchar(raw);
      if (converted.ok) {
        appendCell(appender, type, converted.value);
        appender.appendNull();
      } else {
        appender.appendNull();
        appender.appendVarchar(converted.message);
        misfitCount[i] = (misfitCount[i] ?? 0) + n;
      }
      appender.endRow();
    }
    appender.closeSync();
  }

  // Region names: once per (name, parent) pair.
  const parentValue = (parent: FieldPlan | undefined) =>
    parent !== undefined && storageType(parent) === 'text'
      ? `CASE WHEN m${fields.indexOf(parent)}.v <> '' THEN m${fields.indexOf(parent)}.v END`
      : 'CAST(NULL AS VARCHAR)';
  const regionJoins = (k: number, field: FieldPlan, parent: FieldPlan | undefined) => {
    const s = fields.indexOf(field);
    const p = parent ? fields.indexOf(parent) : -1;
    return [
      `LEFT JOIN m${s} ON ${rawCol(field.source)} = m${s}.k`,
      ...(p >= 0 ? [`LEFT JOIN m${p} ON ${rawCol((parent as FieldPlan).source)} = m${p}.k`] : []),
      `LEFT JOIN r${k} ON r${k}.v = m${s}.v AND r${k}.p IS NOT DISTINCT FROM ${parentValue(parent)}`,
    ];
  };
  const matches = regionFields.map(() => new Map<string, RegionMatch>());
  const unresolved = regionFields.map(() => ({ ambiguous: 0, unresolved: 0 }));
  for (const [k, { field, region, parent }] of regionFields.entries()) {
    const s = fields.indexOf(field);
    const joins = regionJoins(k, field, parent).slice(0, -1);
    const pairs = await rowsOf(
      c,
      `SELECT m${s}.v AS v, ${parentValue(parent)} AS p, count(*)::BIGINT AS n FROM raw ${joins.join(' ')} WHERE m${s}.v IS NOT NULL AND m${s}.v <> ''${within} GROUP BY ALL`,
    );
    await c.run(
      `CREATE TEMP TABLE r${k} (v VARCHAR, p VARCHAR, code VARCHAR, name VARCHAR, bps VARCHAR, st VARCHAR)`,
    );
    const appender = await c.createAppender(`r${k}`);
    for (const pair of pairs) {
      const v = pair.v as string;
      const pv = (pair.p as string | null) ?? undefined;
      const n = Number(pair.n);
      const m = region.resolve(v, pv);
      region.stats[m.status] += n - 1;
      if (m.status !== 'resolved')
        (unresolved[k] as { ambiguous: number; unresolved: number })[m.status] += n;
      matches[k]?.set(`${pv ?? ''}\u0000${v}`, m);
      appender.appendVarchar(v);
      if (pv === undefined) appender.appendNull();
      else appender.appendVarchar(pv);
      const bps = m.status === 'resolved' && m.code ? region.bpsCode(m.code) : undefined;
      for (const x of m.status === 'resolved'
        ? [m.code ?? '', m.name ?? '', bps]
        : [undefined, undefined, undefined]) {
        if (x === undefined) appender.appendNull();
        else appender.appendVarchar(x);
      }
      appender.appendVarchar(m.status);
      appender.endRow();
    }
    appender.closeSync();
  }

  // The table, in file order, straight to Parquet.
  const select: string[] = [];
  const joins: string[] = [];
  for (const [i, field] of fields.entries()) {
    const name = quoteIdent(sinkColumns[i]?.name ?? field.name);
    joins.push(`LEFT JOIN m${i} ON ${rawCol(field.source)} = m${i}.k`);
    select.push(`${sqlOf[i] === undefined ? `m${i}.v` : `coalesce(raw._kendali_v${i}, m${i}.v)`} AS ${name}`);
  }
  for (const [k, { field, parent }] of regionFields.entries()) {
    joins.push(regionJoins(k, field, parent).at(-1) as string);
    const out = fields.length + k * regionWidth;
    select.push(
      `r${k}.code AS ${quoteIdent(sinkColumns[out]?.name ?? '')}`,
      `r${k}.name AS ${quoteIdent(sinkColumns[out + 1]?.name ?? '')}`,
      ...(regionWidth === 3 ? [`r${k}.bps AS ${quoteIdent(sinkColumns[out + 2]?.name ?? '')}`] : []),
    );
  }
  const inner = [
    'rowid AS _r',
    ...Array.from({ length: width }, (_, i) => col(i)),
    ...sqlOf.flatMap((sql, i) => (sql === undefined ? [] : [`${sql} AS _kendali_v${i}`])),
  ].join(', ');
  const parquetPath = join(options.workDir, 'table.parquet');
  const copied = await c.run(
    `COPY (SELECT ${select.join(', ')} FROM (SELECT ${inner} FROM raw${within ? ` WHERE ${within.slice(5)}` : ''}) raw ${joins.join(' ')} ORDER BY raw._r) TO ${quoteLiteral(parquetPath)} (FORMAT parquet, COMPRESSION zstd)`,
  );
  progress('convert', rows, (info.bytes * 9) / 10);

  // 6. Issues: exact counts (from the maps), the first examples of each code in row order.
  const issues = new Issues();
  const found: Issue[] = [];
  const totals = new Map<string, number>();
  const bump = (code: string, by: number) => totals.set(code, (totals.get(code) ?? 0) + by);
  const misfits = fields.map(() => ({ n: 0, examples: [] as { row: number; value: string }[] }));
  for (const [i, field] of fields.entries()) {
    const errors = misfitCount[i] ?? 0;
    if (errors === 0) continue;
    bump('type-error', errors);
    const m = misfits[i] as { n: number; examples: { row: number; value: string }[] };
    m.n = errors;
    const first = await rowsOf(
      c,
      `SELECT raw.rowid AS r, ${rawCol(field.source)} AS x, e.e AS e FROM raw JOIN (SELECT k, e FROM m${i} WHERE e IS NOT NULL) e ON ${rawCol(field.source)} = e.k${within} ORDER BY raw.rowid LIMIT ${Math.max(5, EXAMPLES_PER_CODE)}`,
    );
    for (const r of first) {
      const row = Number(r.r) + 1;
      const value = String(r.x);
      if (m.examples.length < 5) m.examples.push({ row, value });
      found.push({
        code: 'type-error',
        row,
        line: row + firstLine - 1,
        field: field.name,
        column: field.source + 1,
        value,
        message: `${field.title}: ${String(r.e)}`,
      });
    }
  }
  for (const [k, { field, parent }] of regionFields.entries()) {
    const s = fields.indexOf(field);
    for (const status of ['ambiguous', 'unresolved'] as const) {
      const count = unresolved[k]?.[status] ?? 0;
      if (count === 0) continue;
      bump(status === 'ambiguous' ? 'region-ambiguous' : 'region-unresolved', count);
      const first = await rowsOf(
        c,
        `SELECT raw.rowid AS r, m${s}.v AS v, ${parentValue(parent)} AS p FROM raw ${regionJoins(k, field, parent).join(' ')} WHERE r${k}.st = '${status}'${within} ORDER BY raw.rowid LIMIT ${EXAMPLES_PER_CODE}`,
      );
      for (const r of first) {
        const v = String(r.v);
        const pv = (r.p as string | null) ?? '';
        const m = matches[k]?.get(`${pv}\u0000${v}`);
        const row = Number(r.r) + 1;
        if (m) found.push(regionIssue(m, v, field, row, row + firstLine - 1));
      }
    }
  }
  found.sort((a, b) => a.row - b.row || (a.column ?? 0) - (b.column ?? 0));
  const added = new Map<string, number>();
  for (const issue of found) {
    if ((added.get(issue.code) ?? 0) >= EXAMPLES_PER_CODE) continue;
    issues.add(issue);
    added.set(issue.code, (added.get(issue.code) ?? 0) + 1);
  }
  for (const [code, count] of totals) issues.count(code as Issue['code'], count - (added.get(code) ?? 0));

  // Uniqueness and primary keys, over the written table.
  const uniqueFields = fields.filter((f) => f.constraints?.unique);
  const dupes: { fields: string[]; code: 'unique-error' | 'primary-key-error'; message: string }[] =
    uniqueFields.map((f) => ({ fields: [f.name], code: 'unique-error', message: `${f.title} harus unik` }));
  const pk = options.schema?.primaryKey;
  if (pk?.length) {
    const pkFields = (Array.isArray(pk) ? pk : [pk]).map(
      (k) => fields.find((f) => f.name === k || f.title === k)?.name ?? k,
    );
    dupes.push({
      fields: pkFields,
      code: 'primary-key-error',
      message: `kunci utama (${pkFields.join(', ')}) berulang`,
    });
  }
  if (dupes.length > 0)
    await c.run(
      `CREATE TEMP VIEW conv AS SELECT file_row_number + 1 AS _row, file_row_number + ${firstLine} AS _line, * FROM read_parquet(${quoteLiteral(parquetPath)}, file_row_number = true)`,
    );
  for (const d of dupes) {
    const dup = await duplicateRows(c, 'conv', d.fields, EXAMPLES_PER_CODE);
    for (const [row, line, firstRow, key] of dup.rows)
      issues.add({
        code: d.code,
        row,
        line,
        field: d.fields.join(','),
        value: key,
        message: `${d.message}: sama dengan baris data ${firstRow}`,
      });
    issues.count(d.code, dup.count - dup.rows.length);
  }
  notes.push(...regionNotes(regionFields));
  progress('convert', rows, info.bytes);

  notes.push(FAST_NOTE);
  const columnsOut: ColumnInfo[] = sinkColumns.map((s) => ({ name: s.name, type: s.type }));
  return {
    source: info,
    layout,
    fields,
    columns: columnsOut,
    report: validationReport(issues, rows, fields, (f) => profiles[f.source]?.values ?? 0, misfits, notes),
    parquet: { path: parquetPath, rows: copied.rowsChanged },
    dispose,
  };
}

/** The note that tells which path read the file. */
export const FAST_NOTE = 'dibaca dengan DuckDB (jalur cepat untuk berkas besar)';

interface Counted {
  readonly v: string;
  readonly n: number;
}

const counted = (rows: readonly Record<string, unknown>[]): Counted[] =>
  rows.map((r) => ({ v: r.v as string, n: Number(r.n) }));
