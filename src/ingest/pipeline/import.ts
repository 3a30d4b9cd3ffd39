/**
 * Prepares an import: reads the file twice with bounded memory — once to decide every
 * column's type from all its cells, once to convert, validate and resolve region names into
 * a DuckDB table — and ends with one Parquet file and a validation report. Publishing the
 * file as a new version is the caller's step (`publish.ts`), so a failed or refused import
 * never touches what is served.
 */

import { stat } from 'node:fs/promises';
import type { CellValue, ColumnInfo } from '../../datastore/backend.js';
import { coverageNote } from '../coverage.js';
import { readCoverage } from '../coverage-read.js';
import { missingMarkers, restoreRangeHeaders } from '../normalise/index.js';
import { openReader } from '../readers/index.js';
import type { ReaderOptions, SourceInfo } from '../readers/types.js';
import type { TableLayout } from '../table/index.js';
import { readTable } from '../table/index.js';
import { brokenConstraint } from './constraints.js';
import { convertCell } from './convert.js';
import { FAST_MIN_BYTES, NotFast, prepareFast } from './fast/index.js';
import { Issues, validationReport } from './issues.js';
import {
  type PlanOptions,
  planTable,
  type RegionField,
  regionIssue,
  regionNotes,
  resolutionOrder,
} from './plan.js';
import { ColumnProfile } from './profile.js';
import type { RegionColumnOptions } from './regions.js';
import { schemaNames, type TableSchema } from './schema.js';
import { TableSink } from './sink.js';
import { EXAMPLES_PER_CODE, type FieldPlan, type FieldType, type ValidationReport } from './types.js';

export interface ImportOptions extends PlanOptions {
  readonly reader?: Pick<
    ReaderOptions,
    'sheet' | 'encoding' | 'delimiter' | 'format' | 'maxColumns' | 'maxRows'
  >;
  /** Type overrides by header or field name. */
  readonly types?: Readonly<Record<string, FieldType>>;
  readonly schema?: TableSchema;
  /** Region columns; when absent, columns whose header names a region level are tried. */
  readonly regions?: readonly RegionColumnOptions[];
  readonly autoRegions?: boolean;
  /** Working directory for this import (created and removed). */
  readonly workDir: string;
  readonly onProgress?: (
    phase: 'profile' | 'convert',
    rows: number,
    bytesRead: number,
    bytesTotal: number,
  ) => void;
  readonly signal?: AbortSignal;
  /**
   * `stream` reads every cell in JS; `duckdb` takes the DuckDB path (fast/) when the file allows
   * it; `auto` (default) takes it for delimited text files from 16 MB.
   */
  readonly engine?: 'auto' | 'duckdb' | 'stream';
  /**
   * DuckDB path: columns with up to this many distinct values convert through JS once per value;
   * columns with more are profiled by classes and converted in SQL. Default 200,000.
   */
  readonly mapLimit?: number;
  /**
   * DuckDB path: rows read first to tell which columns have very many distinct values (grouped by
   * shape rather than by value). Default 5,000.
   */
  readonly sampleRows?: number;
}

export interface PreparedImport {
  readonly source: SourceInfo;
  readonly layout: TableLayout;
  readonly fields: readonly FieldPlan[];
  /** The stored columns: the fields, then `<region>_kode` and `<region>_nama_baku` pairs. */
  readonly columns: readonly ColumnInfo[];
  readonly report: ValidationReport;
  /** The converted table; absent when nothing could be converted (no rows). */
  readonly parquet: { readonly path: string; readonly rows: number };
  /** Removes the working files. */
  dispose(): Promise<void>;
}

async function open(
  path: string,
  options: ImportOptions,
  phase: 'profile' | 'convert',
  rowsSeen: () => number,
) {
  const reader = await openReader(path, {
    ...options.reader,
    signal: options.signal,
    onProgress: (done, total) => options.onProgress?.(phase, rowsSeen(), done, total),
  });
  return { reader, table: await readTable(reader, { expectedNames: schemaNames(options.schema) }) };
}

/**
 * Reads, types, checks and converts the file at `path` into a Parquet table ready to publish,
 * with its report; the report also tells what the table covers (coverage.ts).
 */
export async function prepareImport(path: string, options: ImportOptions): Promise<PreparedImport> {
  const prepared = await prepareTable(path, options);
  if (prepared.parquet.rows === 0) return prepared;
  try {
    const coverage = await readCoverage(
      prepared.parquet.path,
      prepared.fields,
      prepared.columns,
      options.workDir,
    );
    const note = coverageNote(coverage);
    return {
      ...prepared,
      report: {
        ...prepared.report,
        coverage,
        notes: note ? [...prepared.report.notes, note] : prepared.report.notes,
      },
    };
  } catch (e) {
    await prepared.dispose();
    throw e;
  }
}

async function prepareTable(path: string, options: ImportOptions): Promise<PreparedImport> {
  const engine = options.engine ?? 'auto';
  let stepAside: string | undefined;
  if (engine === 'duckdb' || (engine === 'auto' && (await fileSize(path)) >= FAST_MIN_BYTES)) {
    const fast = await prepareFast(path, options);
    if (!(fast instanceof NotFast)) return fast;
    stepAside = `jalur cepat DuckDB tidak dipakai: ${fast.reason}`;
  }
  // Pass 1: the evidence.
  let seen = 0;
  const first = await open(path, options, 'profile', () => seen);
  const restored = restoreRangeHeaders(first.table.layout.header);
  const titles = restored.headers;
  const markers = missingMarkers(options.schema?.missingValues);
  const profiles = titles.map(() => new ColumnProfile(options.schema?.missingValues));
  for await (const row of first.table.rows()) {
    seen++;
    for (let c = 0; c < titles.length; c++) profiles[c]?.add(row.cells[c] ?? null, seen);
  }
  const notes = [...first.reader.info.notes, ...first.table.layout.notes];
  if (stepAside) notes.push(stepAside);
  for (const r of restored.restored)
    notes.push(
      `judul kolom ${r.index + 1} "${r.from}" dipulihkan menjadi "${r.to}" (dirusak Excel menjadi tanggal)`,
    );

  const { fields, regionFields, columns, regionWidth } = await planTable(titles, profiles, options, notes);
  const order = resolutionOrder(regionFields);

  // Pass 2: convert, check, resolve, store.
  const sink = await TableSink.open(options.workDir, columns);
  try {
    const issues = new Issues();
    const misfits = fields.map(() => ({ n: 0, examples: [] as { row: number; value: string }[] }));
    let rows = 0;
    const second = await open(path, options, 'convert', () => rows);
    const values: CellValue[] = new Array(columns.length).fill(null);
    for await (const row of second.table.rows()) {
      rows++;
      const line = row.line;
      if (
        row.cells.length > titles.length &&
        row.cells.slice(titles.length).some((c) => c !== null && c.trim() !== '')
      ) {
        issues.add({
          code: 'extra-cell',
          row: rows,
          line,
          column: titles.length + 1,
          message: `baris ${line}: ${row.cells.length} sel, judul hanya ${titles.length} kolom`,
        });
      }
      for (let c = 0; c < fields.length; c++) {
        const field = fields[c] as FieldPlan;
        const raw = row.cells[c] ?? null;
        const converted = convertCell(field, raw, markers);
        if (!converted.ok) {
          values[c] = null;
          const m = misfits[c];
          if (m) {
            m.n++;
            if (m.examples.length < 5) m.examples.push({ row: rows, value: String(raw) });
          }
          issues.add({
            code: 'type-error',
            row: rows,
            line,
            field: field.name,
            column: c + 1,
            value: String(raw),
            message: `${field.title}: ${converted.message}`,
          });
          continue;
        }
        values[c] = converted.value;
        const broken = brokenConstraint(field.constraints, converted.value);
        if (broken)
          issues.add({
            code: 'constraint-error',
            row: rows,
            line,
            field: field.name,
            column: c + 1,
            value: String(raw ?? ''),
            message: `${field.title}: ${broken}`,
          });
      }
      for (const r of order) {
        const { field, region, parent, within } = regionFields[r] as RegionField;
        const value = values[field.source];
        const out = fields.length + r * regionWidth;
        for (let k = 0; k < regionWidth; k++) values[out + k] = null;
        if (typeof value !== 'string' || value === '') continue;
        // A kecamatan or desa: under the most specific higher region this row resolved to.
        const above = within
          ?.map((a) => values[fields.length + a * regionWidth])
          .find((code): code is string => typeof code === 'string' && code !== '');
        const parentValue = above ?? (parent ? values[parent.source] : undefined);
        const m = region.resolve(
          value,
          typeof parentValue === 'string' && parentValue ? parentValue : undefined,
        );
        if (m.status === 'resolved') {
          values[out] = m.code ?? null;
          values[out + 1] = m.name ?? null;
          if (regionWidth === 3 && m.code) values[out + 2] = region.bpsCode(m.code) ?? null;
        } else {
          issues.add(regionIssue(m, value, field, rows, line));
        }
      }
      sink.append(rows, line, values);
    }
    // Uniqueness over every row, in SQL.
    const uniqueFields = fields.filter((f) => f.constraints?.unique);
    for (const f of uniqueFields)
      await reportDuplicates(sink, issues, [f.name], 'unique-error', `${f.title} harus unik`);
    const pk = options.schema?.primaryKey;
    if (pk?.length) {
      const pkFields = (Array.isArray(pk) ? pk : [pk]).map(
        (n) => fields.find((f) => f.name === n || f.title === n)?.name ?? n,
      );
      await reportDuplicates(
        sink,
        issues,
        pkFields,
        'primary-key-error',
        `kunci utama (${pkFields.join(', ')}) berulang`,
      );
    }
    notes.push(...regionNotes(regionFields));
    const parquet = await sink.toParquet();
    const report = validationReport(
      issues,
      rows,
      fields,
      (f) => profiles[f.source]?.values ?? 0,
      misfits,
      notes,
    );
    const stored: ColumnInfo[] = columns.map((c) => ({ name: c.name, type: c.type }));
    return {
      source: second.reader.info,
      layout: second.table.layout,
      fields,
      columns: stored,
      report,
      parquet,
      dispose: () => sink.close(),
    };
  } catch (e) {
    await sink.close();
    throw e;
  }
}

async function reportDuplicates(
  sink: TableSink,
  issues: Issues,
  fields: string[],
  code: 'unique-error' | 'primary-key-error',
  message: string,
) {
  const dup = await sink.duplicates(fields, EXAMPLES_PER_CODE);
  for (const [row, line, firstRow, key] of dup.rows) {
    issues.add({
      code,
      row,
      line,
      field: fields.join(','),
      value: key,
      message: `${message}: sama dengan baris data ${firstRow}`,
    });
  }
  issues.count(code, dup.count - dup.rows.length);
}

const fileSize = (path: string): Promise<number> =>
  stat(path).then(
    (s) => s.size,
    () => 0,
  );
