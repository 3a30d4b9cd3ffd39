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
import { mkdir, open, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CellValue, ColumnInfo } from '../../../datastore/backend.js';
import { type DuckDBConnection, DuckDBInstance } from '../../../datastore/duckdb/api.js';
import { instanceSettings } from '../../../datastore/duckdb/engine.js';
import { PARQUET_OPTIONS, quoteIdent, quoteLiteral } from '../../../datastore/duckdb/sql.js';
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
import { appendCell, DUCK_TYPE, duplicateRows, type StorageType } from '../sink.js';
import { EXAMPLES_PER_CODE, type FieldPlan, type Issue } from '../types.js';
import { convertSql } from './convert-sql.js';
import {
  groupKey,
  isClassKey,
  isClassShape,
  isSingleShape,
  keySql,
  markerShapes,
  SHORT,
  shapeOf,
  shapeSql,
  TEXT_CLASS,
} from './keys.js';

/** Columns with at most this many distinct values convert entirely through JS, once per value. */
const MAP_LIMIT = 200_000;
/** Rows at the end handed to the JS table filter to find a footer. */
const TAIL_ROWS = 1_000;
/** Rows read first (in JS) to tell which columns hold very many distinct values. */
const SAMPLE_ROWS = 5_000;
/** Files from this size take the DuckDB path when it applies (`engine: 'auto'`). */
export const FAST_MIN_BYTES = 16 << 20;

/** Why the DuckDB path stepped aside; the streaming path then runs. */
export class NotFast {
  constructor(readonly reason: string) {}
}

const col = (i: number) => quoteIdent(`c${i}`);

/**
 * An ENUM type `type` of the key column `k` of `table`, and for each entry of `lists` a list of
 * that expression (over the table as `t`) in the ENUM's order: `getvariable(name)[enumIndex(type,
 * cell)]` then looks a cell up in a projection, with no join (so the row order stays).
 * Lists named in `text` hold strings as values of an ENUM of their own (`<name>_t`): a row then
 * takes a small code instead of a copy of its string, and Parquet writes it as the same UTF8
 * column (twice as fast for a column of names).
 */
async function enumLists(
  c: DuckDBConnection,
  type: string,
  table: string,
  lists: Record<string, string>,
  text: readonly string[] = [],
): Promise<void> {
  await c.run(`DROP TYPE IF EXISTS ${type}`);
  await c.run(`CREATE TYPE ${type} AS ENUM (SELECT k FROM ${table})`);
  const ordered = `FROM (SELECT unnest(enum_range(NULL::${type})) AS k, generate_subscripts(enum_range(NULL::${type}), 1) AS o) x JOIN ${table} t ON t.k = x.k::VARCHAR`;
  for (const [name, expr] of Object.entries(lists)) {
    let value = expr;
    if (text.includes(name)) {
      // An ENUM of no values is allowed (a list of NULLs then).
      await c.run(`DROP TYPE IF EXISTS ${name}_t`);
      await c.run(
        `CREATE TYPE ${name}_t AS ENUM (SELECT DISTINCT ${expr} FROM ${table} t WHERE ${expr} IS NOT NULL)`,
      );
      value = `CAST(${expr} AS ${name}_t)`;
    }
    await c.run(`SET VARIABLE ${name} = (SELECT list(${value} ORDER BY x.o) ${ordered})`);
  }
}

/** The 1-based position of `cell` in the ENUM `type`, NULL when it is not one of its values. */
const enumIndex = (type: string, cell: string) => `enum_code(TRY_CAST(${cell} AS ${type})) + 1`;

async function rowsOf(c: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  return (await c.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
}

/**
 * Writes the file's last `n` whole lines (and a few more) to `out`, read from the end; false when
 * the file has no more lines than that.
 */
async function lastLines(path: string, n: number, out: string): Promise<boolean> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    const chunks: Buffer[] = [];
    let start = size;
    let lines = 0;
    while (start > 0 && lines <= n + 16) {
      const from = Math.max(0, start - (1 << 20));
      const chunk = Buffer.alloc(start - from);
      await file.read(chunk, 0, chunk.length, from);
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
      chunks.unshift(chunk);
      start = from;
    }
    if (lines <= n + 16) return false;
    const bytes = Buffer.concat(chunks);
    await writeFile(out, bytes.subarray(bytes.indexOf(10) + 1));
    return true;
  } finally {
    await file.close();
  }
}

/** The first rows of a table: how many, and per column its distinct cells and its cells in a class. */
interface Sample {
  readonly rows: number;
  readonly distinct: readonly number[];
  readonly classed: readonly number[];
}

/** Reads up to `limit` rows of the table (then stops reading) and counts each column's cells. */
async function firstRows(
  rows: AsyncIterable<RawRow>,
  width: number,
  limit: number,
  markers: ReadonlySet<string>,
): Promise<Sample> {
  const seen = Array.from({ length: width }, () => new Set<string>());
  const classed = Array.from({ length: width }, () => 0);
  let n = 0;
  for await (const row of rows) {
    if (n >= limit) break;
    n++;
    for (const [i, cell] of row.cells.entries()) {
      seen[i]?.add(cell ?? '');
      if (cell && isClassShape(shapeOf(cell), markers)) classed[i] = (classed[i] ?? 0) + 1;
    }
  }
  return { rows: n, distinct: seen.map((s) => s.size), classed };
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
  const sample = await firstRows(
    table.rows(),
    table.layout.header.length,
    options.sampleRows ?? SAMPLE_ROWS,
    markerShapes(missingMarkers(options.schema?.missingValues)),
  );
  const layout = table.layout;
  const width = layout.header.length;
  if (layout.droppedColumns.length > 0 || layout.columns.some((c, i) => c !== i))
    return new NotFast('kolom kosong dilewati');
  if (layout.dataStartLine === undefined) return new NotFast('tidak ada baris data');
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
    const result = await run(c, path, options, info, layout, width, firstLine, sample, dispose);
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

/** Columns grouped in one scan (each grouping set is a hash table of its own). */
const SCAN_COLUMNS = 16;

/** A column's cells as profiled: one by one, or (`classes`) by shapes that stand for their class. */
interface Grouped {
  /** Cells known one by one, with their counts. */
  readonly cells: Counted[];
  /** Class shapes with their counts (keys.ts): each stands for every cell of its shape. */
  readonly classes: Counted[];
  /** Cells that are not missing in the file (NULL), after the footer. */
  readonly present: number;
}

async function run(
  c: DuckDBConnection,
  path: string,
  options: ImportOptions,
  info: PreparedImport['source'],
  detected: TableLayout,
  width: number,
  firstLine: number,
  sample: Sample,
  dispose: () => Promise<void>,
): Promise<PreparedImport | NotFast> {
  const progress = (phase: 'profile' | 'convert', rows: number, done: number) =>
    options.onProgress?.(phase, rows, done, info.bytes);
  progress('profile', 0, 0);
  const markers = missingMarkers(options.schema?.missingValues);
  const markerLower = markers.values.map((m) => cleanText(m).toLowerCase());
  const shapesOfMarkers = markerShapes(markers);

  // 2. Every data row as text, read by DuckDB each time it is needed (a gzip file is unpacked once
  // into a table). Anything DuckDB reads differently (more cells than the header, bad UTF-8 further
  // on, an unclosed quote) is the streaming path's to describe.
  const types = Array.from({ length: width }, (_, i) => `${quoteLiteral(`c${i}`)}: 'VARCHAR'`).join(', ');
  const csvFrom = (skip: number, file = path) =>
    `read_csv(${quoteLiteral(file)}, delim = ${quoteLiteral(info.delimiter ?? ',')}, quote = '"', escape = '"', header = false, skip = ${skip}, columns = {${types}}, auto_detect = false, null_padding = true, strict_mode = true, compression = ${info.gzip ? "'gzip'" : "'none'"}, encoding = 'utf-8')`;
  const unread = (e: unknown): NotFast => {
    if (options.signal?.aborted) throw e;
    return new NotFast(`DuckDB tidak membaca berkas ini sama persis: ${(e as Error).message.split('\n')[0]}`);
  };
  let source = csvFrom(firstLine - 1);
  if (info.gzip) {
    try {
      await c.run(`CREATE TABLE raw AS SELECT * FROM ${source}`);
    } catch (e) {
      return unread(e);
    }
    source = 'raw';
  }
  const all = Array.from({ length: width }, (_, i) => col(i));

  // 3. Which columns to group by shape (keys.ts) rather than by value: those whose first rows show
  // very many distinct cells, mostly in classes. A wrong guess costs time, never the result.
  const restored = restoreRangeHeaders(detected.header);
  const titles = restored.headers;
  const names = fieldNames(titles);
  const candidates = new Set(regionCandidates(titles, options));
  const isCandidate = (i: number) =>
    candidates.has(titles[i] as string) || candidates.has(names[i] as string);
  const mapLimit = options.mapLimit ?? MAP_LIMIT;
  const shaped = all.map((_, i) => {
    const d = sample.distinct[i] ?? 0;
    const many = d > mapLimit / 4 || (sample.rows >= 1_000 && d > sample.rows / 2);
    // Shapes only pay where most cells fall into classes (numbers, long notes).
    return !isCandidate(i) && many && (sample.classed[i] ?? 0) * 2 >= sample.rows;
  });

  // 4. One pass over the file per SCAN_COLUMNS columns: each column's cells grouped (by value or
  // by shape) into g(s = column, k = value or shape, n), and (s = -1) the rows without any cell.
  await c.run('CREATE TEMP TABLE g (s INTEGER, k VARCHAR, b BOOLEAN, n BIGINT)');
  for (let from = 0; from < width; from += SCAN_COLUMNS) {
    const part = all.map((_, i) => i).slice(from, from + SCAN_COLUMNS);
    const keys = part.map((i) => `${shaped[i] ? keySql(col(i), shapesOfMarkers) : col(i)} AS k${i}`);
    const which = part.map((i) => `WHEN GROUPING(k${i}) = 0 THEN ${i}`).join(' ');
    const key = part.map((i) => `WHEN ${i} THEN k${i}`).join(' ');
    const blank = from === 0 ? [`(${all.map((x) => `${x} IS NULL`).join(' AND ')}) AS b`] : [];
    const sets = [...part.map((i) => `(k${i})`), ...(from === 0 ? ['(b)'] : [])];
    try {
      const grouping = c.run(
        `INSERT INTO g SELECT s, CASE s ${key} END, ${from === 0 ? 'b' : 'NULL'}, n FROM (SELECT CASE ${which} ELSE -1 END AS s, ${[...part.map((i) => `k${i}`), ...(from === 0 ? ['b'] : [])].join(', ')}, count(*)::BIGINT AS n FROM (SELECT ${[...keys, ...blank].join(', ')} FROM ${source}) GROUP BY GROUPING SETS (${sets.join(', ')}))`,
      );
      // The region index's records load in JS while DuckDB groups on its threads (not before: the
      // grouping would wait for them).
      if (from === 0 && candidates.size > 0) getRegionIndex().catch(() => undefined);
      await grouping;
    } catch (e) {
      return unread(e);
    }
  }
  const [counts] = await rowsOf(
    c,
    `SELECT (SELECT sum(n) FROM g WHERE s = -1)::BIGINT AS n, (SELECT sum(n) FROM g WHERE s = -1 AND b)::BIGINT AS blank, (SELECT count(*) FROM g WHERE s >= 0 AND (contains(k, chr(10)) OR contains(k, chr(13))))::BIGINT AS breaks`,
  );
  const total = Number(counts?.n ?? 0);
  if (total === 0) return new NotFast('tidak ada baris data');
  // A cell spanning lines would make line numbers drift.
  if (Number(counts?.breaks ?? 0) > 0) return new NotFast('ada sel yang memuat ganti baris');
  progress('profile', total, info.bytes / 2);

  // 5. The footer: the last rows through the JS filter, as the streaming path ends.
  const layout: TableLayout = { ...detected, notes: [...detected.notes] };
  const detectedNotes = new Set(detected.notes);
  const tailFrom = Math.max(0, total - TAIL_ROWS);
  // No cell spans lines, so the last rows are the file's last lines: read from there alone.
  const slice = join(options.workDir, 'tail.csv');
  const tail =
    !info.gzip && tailFrom > 0 && (await lastLines(path, total - tailFrom, slice))
      ? (await rowsOf(c, `SELECT * FROM ${csvFrom(0, slice)}`)).slice(-(total - tailFrom))
      : await rowsOf(c, `SELECT * FROM ${source} OFFSET ${tailFrom}`);
  if (tail.length !== total - tailFrom) return new NotFast('baris kosong di antara data');
  const tailCells = tail.map((t) => all.map((_, i) => (t[`c${i}`] as string | null) ?? null));
  const filter = new DataFilter(layout, path, false);
  const kept: RawRow[] = [];
  for (const [j, cells] of tailCells.entries())
    filter.push({ line: firstLine + tailFrom + j, cells: cells.map((x) => x ?? '') }, kept);
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
  const footer = tailCells.slice(kept.length);
  const isBlank = (cells: readonly (string | null)[]) => cells.every((x) => x === null);
  if (Number(counts?.blank ?? 0) > footer.filter(isBlank).length)
    return new NotFast('baris kosong di antara data');
  const rows = cutoff;
  const limited = cutoff < total ? `(SELECT * FROM ${source} LIMIT ${cutoff})` : source;
  if (footer.length > 0) {
    // The footer's cells leave the groups.
    await c.run('CREATE TEMP TABLE f (s INTEGER, k VARCHAR, b BOOLEAN)');
    const appender = await c.createAppender('f');
    const row = (s: number, k: string | null, b: boolean | null) => {
      appender.appendInteger(s);
      if (k === null) appender.appendNull();
      else appender.appendVarchar(k);
      if (b === null) appender.appendNull();
      else appender.appendBoolean(b);
      appender.endRow();
    };
    for (const cells of footer) {
      row(-1, null, isBlank(cells));
      for (const [i, x] of cells.entries())
        row(i, x === null || !shaped[i] ? x : groupKey(x, shapesOfMarkers), null);
    }
    appender.closeSync();
    await c.run(
      'UPDATE g SET n = g.n - f.n FROM (SELECT s, k, b, count(*) AS n FROM f GROUP BY ALL) f WHERE g.s = f.s AND g.k IS NOT DISTINCT FROM f.k AND g.b IS NOT DISTINCT FROM f.b',
    );
    await c.run('DELETE FROM g WHERE n = 0');
  }

  // 6. Profiles: each column's cells fed to the same ColumnProfile as the streaming path, one by
  // one or by class; a column of very many values keeps the shapes of its classes (keys.ts).
  const sizes = new Map(
    (
      await rowsOf(
        c,
        'SELECT s, count(*)::BIGINT AS m, sum(n)::BIGINT AS n FROM g WHERE s >= 0 AND k IS NOT NULL GROUP BY s',
      )
    ).map((r) => [Number(r.s), { groups: Number(r.m), present: Number(r.n) }]),
  );
  const grouped: Grouped[] = [];
  /** Shapes whose cells are profiled one by one, per column grouped by shape. */
  const wanted = new Map<number, string[]>();
  const split = (i: number, shapes: Counted[], cells: Counted[], classes: Counted[], byValue: string[]) => {
    for (const k of shapes) {
      // TEXT_CLASS has no digit, yet stands for every long plain text cell.
      if (k.v === TEXT_CLASS) classes.push(k);
      else if (isSingleShape(k.v)) cells.push(k);
      else if (isClassKey(k.v, shapesOfMarkers)) classes.push(k);
      else byValue.push(k.v);
    }
    if (byValue.length > 0) wanted.set(i, byValue);
  };
  for (let i = 0; i < width; i++) {
    const size = sizes.get(i) ?? { groups: 0, present: 0 };
    const cells: Counted[] = [];
    const classes: Counted[] = [];
    if (shaped[i]) {
      // Short cells were grouped as they are; the rest by shape.
      const keys = counted(await rowsOf(c, `SELECT k AS v, n FROM g WHERE s = ${i} AND k IS NOT NULL`));
      const short = (k: Counted) => Buffer.byteLength(k.v) < SHORT;
      cells.push(...keys.filter(short));
      split(
        i,
        keys.filter((k) => !short(k)),
        cells,
        classes,
        [],
      );
    } else if (size.groups <= mapLimit) {
      cells.push(...counted(await rowsOf(c, `SELECT k AS v, n FROM g WHERE s = ${i} AND k IS NOT NULL`)));
    } else {
      // Grouped by value but too many values: by shape from the groups, the rest value by value.
      const byValue: string[] = [];
      split(
        i,
        counted(
          await rowsOf(
            c,
            `SELECT ${keySql('k', shapesOfMarkers)} AS v, sum(n)::BIGINT AS n FROM g WHERE s = ${i} AND k IS NOT NULL GROUP BY 1`,
          ),
        ),
        cells,
        classes,
        byValue,
      );
      wanted.delete(i);
      if (byValue.length > 0) {
        await c.run('CREATE OR REPLACE TEMP TABLE u (k VARCHAR)');
        const appender = await c.createAppender('u');
        for (const k of byValue) {
          appender.appendVarchar(k);
          appender.endRow();
        }
        appender.closeSync();
        cells.push(
          ...counted(
            await rowsOf(
              c,
              `SELECT k AS v, n FROM g WHERE s = ${i} AND k IS NOT NULL AND ${keySql('k', shapesOfMarkers)} IN (SELECT k FROM u)`,
            ),
          ),
        );
      }
    }
    grouped.push({ cells, classes, present: size.present });
  }
  if (wanted.size > 0) {
    // The cells of those shapes, in one more pass over the file (lengths first: cheap to test).
    await c.run('CREATE OR REPLACE TEMP TABLE u (s INTEGER, k VARCHAR)');
    const appender = await c.createAppender('u');
    for (const [i, shapes] of wanted)
      for (const k of shapes) {
        appender.appendInteger(i);
        appender.appendVarchar(k);
        appender.endRow();
      }
    appender.closeSync();
    const pick = [...wanted].map(([i, shapes]) => {
      const lengths = [...new Set(shapes.map((k) => Buffer.byteLength(k)))].join(', ');
      return `CASE WHEN strlen(${col(i)}) IN (${lengths}) AND ${shapeSql(col(i))} IN (SELECT k FROM u WHERE s = ${i}) THEN ${col(i)} END AS v${i}`;
    });
    await c.run(
      `CREATE TEMP TABLE w AS SELECT * FROM (SELECT ${pick.join(', ')} FROM ${limited}) WHERE ${[...wanted.keys()].map((i) => `v${i} IS NOT NULL`).join(' OR ')}`,
    );
    for (const i of wanted.keys())
      grouped[i]?.cells.push(
        ...counted(
          await rowsOf(
            c,
            `SELECT v${i} AS v, count(*)::BIGINT AS n FROM w WHERE v${i} IS NOT NULL GROUP BY 1`,
          ),
        ),
      );
  }
  const profiles: ColumnProfile[] = [];
  for (const [i, { cells, classes, present }] of grouped.entries()) {
    const profile = new ColumnProfile(options.schema?.missingValues);
    for (const f of [...cells, ...classes]) profile.add(f.v, 1, f.n);
    profile.missing += rows - present;
    if (classes.length > 0) {
      profile.overflow();
      if (isCandidate(i)) {
        // A region column may still have few values once trimmed.
        const values = counted(
          await rowsOf(
            c,
            `SELECT trim(k) AS v, sum(n)::BIGINT AS n FROM g WHERE s = ${i} AND k IS NOT NULL GROUP BY 1 LIMIT ${MAX_DISTINCT + 1}`,
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
  await c.run('DROP TABLE g');
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
  const exactly = (f: FieldPlan) => (grouped[f.source]?.classes.length ?? 0) === 0;
  /** A kecamatan or desa field's higher region fields, theirs too (indexes into regionFields). */
  const chainOf = (k: number): number[] => {
    const seen = new Set<number>();
    const visit = (j: number) => {
      for (const a of regionFields[j]?.within ?? [])
        if (!seen.has(a)) {
          seen.add(a);
          visit(a);
        }
    };
    visit(k);
    return [...seen].sort((a, b) => a - b);
  };
  for (const [k, { field, region, parent, within }] of regionFields.entries()) {
    // A kecamatan or desa resolves under its row's higher region columns: their cells come along
    // (the chain), each column resolved as the streaming path does; a raw parent among them does not.
    const chain = chainOf(k).map((j) => regionFields[j] as (typeof regionFields)[number]);
    if (within?.length && chain.some((rf) => rf.parent !== undefined || rf.region.plan.carry))
      return new NotFast(
        `kolom wilayah "${field.title}" dibaca di bawah wilayah induknya pada baris yang sama`,
      );
    if (chain.some((rf) => !exactly(rf.field)))
      return new NotFast(`kolom wilayah "${field.title}" punya terlalu banyak nilai berbeda`);
    if (region.plan.carry)
      return new NotFast(`kolom wilayah "${field.title}" dibaca menurut baris di atasnya`);
    if (!exactly(field) || (parent && !exactly(parent)))
      return new NotFast(`kolom wilayah "${field.title}" punya terlalu banyak nilai berbeda`);
  }
  progress('convert', rows, (info.bytes * 3) / 4);

  // 7. Conversion. A column known cell by cell converts through JS once per distinct cell; a column
  // profiled by classes converts in SQL (convert-sql.ts), with its cells known one by one through JS.
  // Each field's JS values go to a table m<i> (cell, value, why it does not fit), an ENUM type e<i>
  // of its cells and lists by ENUM code, so the table is written in one streaming pass, in file
  // order, with no join. Whether a class converts is read off its shape (both conversions depend on
  // the shape alone); the written table's counts of values check it, and a field that disagrees is
  // converted again with all its SQL misfits read from the file.
  const stype = fields.map((f) => storageType(f));
  const sqlOf = fields.map((f) => (exactly(f) ? undefined : convertSql(col(f.source), f, markerLower)));
  /** Per field: the conversion without checks, when every class of the field converts. */
  const trusted: (string | undefined)[] = fields.map(() => undefined);
  const misfitCount = fields.map(() => 0);
  /** Per field: cells expected to hold a value in the written table. */
  const expected = fields.map(() => 0);
  const mapped = fields.map(() => 0);
  /** JS values by cell, kept for the fields region names are read from (and their parents). */
  const regionSources = new Set(
    regionFields.flatMap(({ field, parent }) =>
      [field, ...(parent ? [parent] : [])].map((f) => fields.indexOf(f)),
    ),
  );
  const converted = fields.map((_, i) => (regionSources.has(i) ? new Map<string, CellValue>() : undefined));

  async function buildMap(i: number, cells: readonly Counted[]): Promise<void> {
    const field = fields[i] as FieldPlan;
    const type = stype[i] as StorageType;
    await c.run(`CREATE OR REPLACE TEMP TABLE m${i} (k VARCHAR, v ${DUCK_TYPE[type]}, e VARCHAR)`);
    const appender = await c.createAppender(`m${i}`);
    for (const { v: raw, n } of cells) {
      const result = convertCell(field, raw, markers);
      appender.appendVarchar(raw);
      if (result.ok) {
        appendCell(appender, type, result.value);
        appender.appendNull();
        if (result.value !== null) expected[i] = (expected[i] ?? 0) + n;
        converted[i]?.set(raw, result.value);
      } else {
        appender.appendNull();
        appender.appendVarchar(result.message);
        misfitCount[i] = (misfitCount[i] ?? 0) + n;
      }
      appender.endRow();
    }
    appender.closeSync();
    mapped[i] = cells.length;
    if (cells.length > 0)
      await enumLists(
        c,
        `e${i}`,
        `m${i}`,
        { [`v${i}`]: 't.v', [`x${i}`]: 't.e IS NOT NULL' },
        type === 'text' ? [`v${i}`] : [],
      );
  }

  /** A field converted with every cell SQL does not convert read from the file. */
  async function convertMisfits(i: number): Promise<void> {
    const field = fields[i] as FieldPlan;
    const sql = sqlOf[i] as string;
    const x = col(field.source);
    trusted[i] = undefined;
    misfitCount[i] = 0;
    expected[i] = 0;
    converted[i]?.clear();
    const [ok] = await rowsOf(c, `SELECT count(*)::BIGINT AS n FROM ${limited} WHERE (${sql}) IS NOT NULL`);
    await buildMap(
      i,
      counted(
        await rowsOf(
          c,
          `SELECT ${x} AS v, count(*)::BIGINT AS n FROM ${limited} WHERE ${x} IS NOT NULL AND (${sql}) IS NULL GROUP BY 1`,
        ),
      ),
    );
    expected[i] = (expected[i] ?? 0) + Number(ok?.n ?? 0);
  }

  for (const [i, field] of fields.entries()) {
    const g = grouped[field.source] as Grouped;
    const sql = sqlOf[i];
    if (exactly(field)) {
      await buildMap(i, g.cells);
      continue;
    }
    if (sql === undefined) {
      // No SQL for this type: every distinct cell through JS.
      await buildMap(
        i,
        counted(
          await rowsOf(
            c,
            `SELECT ${col(field.source)} AS v, count(*)::BIGINT AS n FROM ${limited} WHERE ${col(field.source)} IS NOT NULL GROUP BY 1`,
          ),
        ),
      );
      continue;
    }
    await buildMap(i, g.cells);
    // Each class by its shape: converted by both, or a misfit of both.
    await c.run(`CREATE OR REPLACE TEMP TABLE q (k VARCHAR, n BIGINT)`);
    const appender = await c.createAppender('q');
    for (const k of g.classes) {
      appender.appendVarchar(k.v);
      appender.appendBigInt(BigInt(k.n));
      appender.endRow();
    }
    appender.closeSync();
    const bySql = await rowsOf(
      c,
      `SELECT k, n, (${convertSql('k', field, markerLower)}) IS NOT NULL AS ok FROM q`,
    );
    let agree = true;
    let allConvert = true;
    for (const r of bySql) {
      const js = convertCell(field, String(r.k), markers);
      const n = Number(r.n);
      if (js.ok && js.value !== null && r.ok === true) expected[i] = (expected[i] ?? 0) + n;
      else if (!js.ok && r.ok === false) {
        misfitCount[i] = (misfitCount[i] ?? 0) + n;
        allConvert = false;
      } else agree = false;
    }
    if (!agree) await convertMisfits(i);
    // Every class converts: a cell not known one by one needs no checks (convert-sql.ts).
    else if (allConvert) trusted[i] = convertSql(col(field.source), field, markerLower, true);
  }

  // Region names: once per (name, parent) pair, looked up by the cells (and the parent's cells).
  const matches = regionFields.map(() => new Map<string, RegionMatch>());
  const unresolved = regionFields.map(() => ({ ambiguous: 0, unresolved: 0 }));
  /** The SQL key of a row's region cells: the cell, with the parent's cell when there is one. */
  const regionKey = (s: string, p: string | undefined) =>
    p === undefined
      ? s
      : `concat(strlen(${s}), ':', ${s}, CASE WHEN ${p} IS NULL THEN '' ELSE '+' || ${p} END)`;
  const regionKeyJs = (s: string, p: string | null | undefined) =>
    p === undefined ? s : `${Buffer.byteLength(s)}:${s}${p === null ? '' : `+${p}`}`;
  /** The key of a kecamatan or desa cell with its chain's cells (each measured, a NULL as `!`). */
  const chainKey = (s: string, ps: readonly string[]) =>
    `concat(strlen(${s}), ':', ${s}${ps.map((p) => `, CASE WHEN ${p} IS NULL THEN '!' ELSE concat('+', strlen(${p}), ':', ${p}) END`).join('')})`;
  const chainKeyJs = (s: string, ps: readonly (string | null)[]) =>
    `${Buffer.byteLength(s)}:${s}${ps.map((p) => (p === null ? '!' : `+${Buffer.byteLength(p)}:${p}`)).join('')}`;
  /** Per region field: its rows' index into the r<k> lists; undefined when it has no names. */
  const regionAt: (string | undefined)[] = [];
  /** Per region field: the (name, parent) pair of each raw key (regionKeyJs), for the examples. */
  const pairOf = regionFields.map(() => new Map<string, { v: string; key: string }>());
  /**
   * A region field's lookup: r<k> (raw key → code, name, BPS code, status), its lists as ENUMs
   * (enumLists), and the SQL position of a row's key in them (`keySql`, the same key in SQL).
   */
  const regionLookup = async (
    k: number,
    rows: readonly { key: string; m: RegionMatch | undefined }[],
    keySql: string,
  ) => {
    const region = (regionFields[k] as (typeof regionFields)[number]).region;
    await c.run(`CREATE TEMP TABLE r${k} (k VARCHAR, code VARCHAR, name VARCHAR, bps VARCHAR, st VARCHAR)`);
    const appender = await c.createAppender(`r${k}`);
    for (const { key, m } of rows) {
      appender.appendVarchar(key);
      const bps = m?.status === 'resolved' && m.code ? region.bpsCode(m.code) : undefined;
      for (const x of m?.status === 'resolved'
        ? [m.code ?? '', m.name ?? '', bps]
        : [undefined, undefined, undefined]) {
        if (x === undefined) appender.appendNull();
        else appender.appendVarchar(x);
      }
      if (m === undefined) appender.appendNull();
      else appender.appendVarchar(m.status);
      appender.endRow();
    }
    appender.closeSync();
    if (rows.length === 0) {
      regionAt.push(undefined);
      return;
    }
    await enumLists(
      c,
      `re${k}`,
      `r${k}`,
      Object.fromEntries(['code', 'name', 'bps', 'st'].map((part) => [`r${k}_${part}`, `t.${part}`])),
      ['code', 'name', 'bps'].map((part) => `r${k}_${part}`),
    );
    regionAt.push(enumIndex(`re${k}`, keySql));
  };
  /**
   * Resolves each (name, parent) pair of a region field once, counting its rows, then writes the
   * field's lookup: each raw key (`rows`) with the match of its pair.
   */
  const settleRegion = async (
    k: number,
    pairs: ReadonlyMap<string, { v: string; pv: string | undefined; n: number }>,
    rows: readonly { key: string; pair: string | undefined }[],
    keySql: string,
  ) => {
    const region = (regionFields[k] as (typeof regionFields)[number]).region;
    for (const [key, { v, pv, n }] of pairs) {
      const m = region.resolve(v, pv);
      region.stats[m.status] += n - 1;
      if (m.status !== 'resolved')
        (unresolved[k] as { ambiguous: number; unresolved: number })[m.status] += n;
      matches[k]?.set(key, m);
    }
    await regionLookup(
      k,
      rows.map(({ key, pair }) => ({ key, m: pair === undefined ? undefined : matches[k]?.get(pair) })),
      keySql,
    );
  };
  /** The chain fields of each kecamatan or desa field. */
  const chains = regionFields.map((_, k) => chainOf(k));
  const chainRegion = async (k: number, s: number) => {
    const { field } = regionFields[k] as (typeof regionFields)[number];
    const chain = chains[k] as number[];
    const chainCols = chain.map((j) => col((regionFields[j] as (typeof regionFields)[number]).field.source));
    const raws = (
      await rowsOf(
        c,
        `SELECT ${col(field.source)} AS a, ${chainCols.map((x, i) => `${x} AS b${i}`).join(', ')}, count(*)::BIGINT AS n FROM ${limited} WHERE ${col(field.source)} IS NOT NULL GROUP BY ALL`,
      )
    ).map((r) => ({
      a: r.a as string,
      bs: chain.map((_, i) => (r[`b${i}`] as string | null) ?? null),
      n: Number(r.n),
    }));
    const pairs = new Map<string, { v: string; pv: string | undefined; n: number }>();
    const keyOf = raws.map(({ a, bs, n }) => {
      const v = converted[s]?.get(a);
      if (typeof v !== 'string' || v === '') return undefined;
      // Each chain column's cell read as the streaming path reads it, top down.
      const cell = new Map<number, string>();
      chain.forEach((j, i) => {
        const b = bs[i];
        const x =
          b === null || b === undefined
            ? undefined
            : converted[fields.indexOf((regionFields[j] as (typeof regionFields)[number]).field)]?.get(b);
        if (typeof x === 'string' && x !== '') cell.set(j, x);
      });
      const codeOf = new Map<number, string | undefined>();
      const codeIn = (j: number): string | undefined => {
        if (codeOf.has(j)) return codeOf.get(j);
        const x = cell.get(j);
        const rf = regionFields[j] as (typeof regionFields)[number];
        const up = rf.within?.map(codeIn).find((code) => code !== undefined);
        const m = x === undefined ? undefined : rf.region.match(x, up);
        const code = m?.status === 'resolved' ? (m.code ?? undefined) : undefined;
        codeOf.set(j, code);
        return code;
      };
      const pv = (regionFields[k] as (typeof regionFields)[number]).within
        ?.map(codeIn)
        .find((code) => code !== undefined);
      const key = `${pv ?? ''}\u0000${v}`;
      const pair = pairs.get(key) ?? { v, pv, n: 0 };
      pair.n += n;
      pairs.set(key, pair);
      const rawKey = chainKeyJs(a, bs);
      pairOf[k]?.set(rawKey, { v, key });
      return key;
    });
    await settleRegion(
      k,
      pairs,
      raws.map(({ a, bs }, j) => ({ key: chainKeyJs(a, bs), pair: keyOf[j] })),
      chainKey(col(field.source), chainCols),
    );
  };
  for (const [k, { field, parent, within }] of regionFields.entries()) {
    const s = fields.indexOf(field);
    const p = parent ? fields.indexOf(parent) : -1;
    const textParent = parent !== undefined && storageType(parent) === 'text';
    if (within?.length) {
      await chainRegion(k, s);
      continue;
    }
    const raws =
      p >= 0
        ? (
            await rowsOf(
              c,
              `SELECT ${col(field.source)} AS a, ${col((parent as FieldPlan).source)} AS b, count(*)::BIGINT AS n FROM ${limited} WHERE ${col(field.source)} IS NOT NULL GROUP BY ALL`,
            )
          ).map((r) => ({ a: r.a as string, b: (r.b as string | null) ?? null, n: Number(r.n) }))
        : (grouped[field.source]?.cells ?? []).map((x) => ({ a: x.v, b: undefined, n: x.n }));
    // Converted (name, parent) pairs with their counts, each resolved once.
    const pairs = new Map<string, { v: string; pv: string | undefined; n: number }>();
    const keyOf = raws.map(({ a, b, n }) => {
      const v = converted[s]?.get(a);
      if (typeof v !== 'string' || v === '') return undefined;
      const parentV = b === undefined || b === null ? null : converted[p]?.get(b);
      const pv = textParent && typeof parentV === 'string' && parentV !== '' ? parentV : undefined;
      const key = `${pv ?? ''}\u0000${v}`;
      const pair = pairs.get(key) ?? { v, pv, n: 0 };
      pair.n += n;
      pairs.set(key, pair);
      pairOf[k]?.set(regionKeyJs(a, b), { v, key });
      return key;
    });
    await settleRegion(
      k,
      pairs,
      raws.map(({ a, b }, j) => ({ key: regionKeyJs(a, b), pair: keyOf[j] })),
      regionKey(col(field.source), p >= 0 ? col((parent as FieldPlan).source) : undefined),
    );
  }

  // The table, in file order, straight to Parquet: one streaming pass, no join, no sort. (An inner
  // projection computing each ENUM position once was slower than computing it per list.)
  const tableSql = () => {
    const valueSql = (i: number) => {
      const field = fields[i] as FieldPlan;
      const type = DUCK_TYPE[stype[i] as StorageType];
      const at = (mapped[i] ?? 0) > 0 ? enumIndex(`e${i}`, col(field.source)) : undefined;
      const fromMap = at === undefined ? undefined : `getvariable('v${i}')[${at}]`;
      const sql = sqlOf[i];
      const sure = trusted[i];
      const value =
        sure !== undefined
          ? fromMap !== undefined
            ? `CASE WHEN ${at} IS NOT NULL THEN ${fromMap} ELSE ${sure} END`
            : sure
          : sql !== undefined && fromMap !== undefined
            ? `coalesce(${sql}, ${fromMap})`
            : (sql ?? fromMap ?? 'NULL');
      // Text from the map alone is an ENUM (enumLists): written as text, without a cast.
      if (value === fromMap && stype[i] === 'text') return value;
      return `CAST(${value} AS ${type})`;
    };
    const select: string[] = fields.map(
      (field, i) => `${valueSql(i)} AS ${quoteIdent(sinkColumns[i]?.name ?? field.name)}`,
    );
    for (const [k] of regionFields.entries()) {
      const out = fields.length + k * regionWidth;
      const at = regionAt[k];
      const part = (name: string) =>
        at === undefined ? 'CAST(NULL AS VARCHAR)' : `getvariable('r${k}_${name}')[${at}]`;
      select.push(
        `${part('code')} AS ${quoteIdent(sinkColumns[out]?.name ?? '')}`,
        `${part('name')} AS ${quoteIdent(sinkColumns[out + 1]?.name ?? '')}`,
        ...(regionWidth === 3 ? [`${part('bps')} AS ${quoteIdent(sinkColumns[out + 2]?.name ?? '')}`] : []),
      );
    }
    return `SELECT ${select.join(', ')} FROM ${limited}`;
  };
  const parquetPath = join(options.workDir, 'table.parquet');
  // Built anew for each write: a field converted again writes with its new map and checks.
  const write = async () =>
    (await c.run(`COPY (${tableSql()}) TO ${quoteLiteral(parquetPath)} (${PARQUET_OPTIONS})`)).rowsChanged;
  let written = await write();
  /** Fields whose written values are not as many as expected. */
  const disagreeing = async () => {
    const [got] = await rowsOf(
      c,
      `SELECT ${fields.map((f, i) => `count(${quoteIdent(sinkColumns[i]?.name ?? f.name)})::BIGINT AS n${i}`).join(', ')} FROM read_parquet(${quoteLiteral(parquetPath)})`,
    );
    return fields.flatMap((_, i) => (Number(got?.[`n${i}`] ?? 0) === expected[i] ? [] : [i]));
  };
  const off = await disagreeing();
  if (off.length > 0) {
    for (const i of off) if (sqlOf[i] !== undefined) await convertMisfits(i);
    written = await write();
    const still = await disagreeing();
    if (still.length > 0)
      return new NotFast(
        `kolom "${fields[still[0] as number]?.title}" tidak terbaca sama persis oleh DuckDB`,
      );
  }
  progress('convert', rows, (info.bytes * 9) / 10);

  // 8. Issues: exact counts (from the maps), the first examples of each code in row order.
  const numbered = (cells: string) => `(SELECT row_number() OVER () - 1 AS _r, ${cells} FROM ${limited})`;
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
    const x = col(field.source);
    const sql = sqlOf[i];
    const bad = `coalesce(${(mapped[i] ?? 0) > 0 ? `getvariable('x${i}')[${enumIndex(`e${i}`, x)}]` : 'NULL'}, ${sql === undefined ? 'false' : `(${sql}) IS NULL`})`;
    const first = await rowsOf(
      c,
      `SELECT _r, ${x} AS x FROM ${numbered(x)} WHERE ${x} IS NOT NULL AND ${bad} ORDER BY _r LIMIT ${Math.max(5, EXAMPLES_PER_CODE)}`,
    );
    for (const r of first) {
      const row = Number(r._r) + 1;
      const value = String(r.x);
      const result = convertCell(field, value, markers);
      if (m.examples.length < 5) m.examples.push({ row, value });
      found.push({
        code: 'type-error',
        row,
        line: row + firstLine - 1,
        field: field.name,
        column: field.source + 1,
        value,
        message: `${field.title}: ${result.ok ? '' : result.message}`,
      });
    }
  }
  /** The first ambiguous and unresolved rows of a kecamatan or desa field, as the other fields'. */
  const chainExamples = async (k: number, a: string, at: string) => {
    const { field } = regionFields[k] as (typeof regionFields)[number];
    const chainCols = (chains[k] as number[]).map((j) =>
      col((regionFields[j] as (typeof regionFields)[number]).field.source),
    );
    for (const status of ['ambiguous', 'unresolved'] as const) {
      const count = unresolved[k]?.[status] ?? 0;
      if (count === 0) continue;
      bump(status === 'ambiguous' ? 'region-ambiguous' : 'region-unresolved', count);
      const first = await rowsOf(
        c,
        `SELECT _r, ${a} AS a, ${chainCols.map((x, i) => `${x} AS b${i}`).join(', ')} FROM ${numbered([a, ...chainCols].join(', '))} WHERE getvariable('r${k}_st')[${at}] = '${status}' ORDER BY _r LIMIT ${EXAMPLES_PER_CODE}`,
      );
      for (const r of first) {
        const bs = chainCols.map((_, i) => (r[`b${i}`] as string | null) ?? null);
        const pair = pairOf[k]?.get(chainKeyJs(String(r.a), bs));
        const m = pair && matches[k]?.get(pair.key);
        const row = Number(r._r) + 1;
        if (pair && m) found.push(regionIssue(m, pair.v, field, row, row + firstLine - 1));
      }
    }
  };
  for (const [k, { field, parent, within }] of regionFields.entries()) {
    const p = parent ? fields.indexOf(parent) : -1;
    const at = regionAt[k];
    if (at === undefined) continue;
    const a = col(field.source);
    if (within?.length) {
      await chainExamples(k, a, at);
      continue;
    }
    const b = p >= 0 ? col((parent as FieldPlan).source) : 'NULL';
    for (const status of ['ambiguous', 'unresolved'] as const) {
      const count = unresolved[k]?.[status] ?? 0;
      if (count === 0) continue;
      bump(status === 'ambiguous' ? 'region-ambiguous' : 'region-unresolved', count);
      const first = await rowsOf(
        c,
        `SELECT _r, ${a} AS a, ${b} AS b FROM ${numbered(p >= 0 ? `${a}, ${b}` : a)} WHERE getvariable('r${k}_st')[${at}] = '${status}' ORDER BY _r LIMIT ${EXAMPLES_PER_CODE}`,
      );
      for (const r of first) {
        const pair = pairOf[k]?.get(
          regionKeyJs(String(r.a), p >= 0 ? ((r.b as string | null) ?? null) : undefined),
        );
        const m = pair && matches[k]?.get(pair.key);
        const row = Number(r._r) + 1;
        if (pair && m) found.push(regionIssue(m, pair.v, field, row, row + firstLine - 1));
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
    parquet: { path: parquetPath, rows: written },
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
