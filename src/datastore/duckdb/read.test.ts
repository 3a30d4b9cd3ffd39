import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isKendaliError, type KendaliError } from '../../core/errors.js';
import type { CellValue, ColumnInfo, DatastoreBackend, Filter } from '../backend.js';
import { openDuckDbDatastore } from './index.js';

const PROVINCES = ['11', '12', '31', '32', '33', '96'];
const COLUMNS: ColumnInfo[] = [
  { name: 'kode provinsi', type: 'text' },
  { name: 'tahun', type: 'integer' },
  { name: 'nilai', type: 'number' },
  { name: 'nama', type: 'text' },
  { name: 'aktif', type: 'boolean' },
  { name: 'tanggal', type: 'date' },
  { name: 'waktu', type: 'timestamp' },
];
const ROWS: CellValue[][] = Array.from({ length: 60 }, (_, i) => [
  PROVINCES[i % 6] ?? null,
  2020 + (i % 5),
  i % 7 === 0 ? null : i * 1.5,
  i % 10 === 0 ? null : `Wilayah ${i} 'kutip'`,
  i % 2 === 0,
  `2024-01-${String(1 + (i % 28)).padStart(2, '0')}`,
  new Date(Date.UTC(2024, 0, 1) + i * 3_600_000).toISOString(),
]);
const OBJECTS = ROWS.map((r) => Object.fromEntries(COLUMNS.map((c, i) => [c.name, r[i] ?? null])));
const ref = { tableId: 'wilayah', version: 1 };

let dir: string;
let store: DatastoreBackend;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kendali-duckdb-read-'));
  store = await openDuckDbDatastore(dir);
  await store.writeVersion(ref, { kind: 'rows', columns: COLUMNS, rows: ROWS });
});

afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function failure(promise: Promise<unknown>): Promise<KendaliError> {
  const e = await promise.then(
    () => undefined,
    (err: unknown) => err,
  );
  if (!isKendaliError(e)) throw new Error(`expected a KendaliError, got ${String(e)}`);
  return e;
}

const filtered = async (filters: Filter[]) => (await store.query(ref, { filters, limit: 1000 })).rows;

describe('DuckDB datastore: queries', () => {
  it('describes a version', async () => {
    const info = await store.describe(ref);
    expect(info).toEqual({
      ...ref,
      columns: COLUMNS,
      rowCount: 60,
      bytes: statSync(join(dir, 'datastore', 'wilayah', 'v1.parquet')).size,
    });
  });

  it('returns 100 rows by default, in file order, with the total', async () => {
    const result = await store.query(ref);
    expect(result.total).toBe(60);
    expect(result.rows).toEqual(OBJECTS);
  });

  it('applies each filter operator', async () => {
    const by = (pred: (o: Record<string, CellValue>) => boolean) => OBJECTS.filter(pred);
    expect(await filtered([{ column: 'kode provinsi', op: 'eq', value: '32' }])).toEqual(
      by((o) => o['kode provinsi'] === '32'),
    );
    // ne keeps rows whose value is null (IS DISTINCT FROM)
    expect(await filtered([{ column: 'nilai', op: 'ne', value: 3 }])).toEqual(by((o) => o.nilai !== 3));
    expect(await filtered([{ column: 'tahun', op: 'lt', value: 2022 }])).toEqual(
      by((o) => Number(o.tahun) < 2022),
    );
    expect(await filtered([{ column: 'tahun', op: 'le', value: 2022 }])).toEqual(
      by((o) => Number(o.tahun) <= 2022),
    );
    expect(await filtered([{ column: 'nilai', op: 'gt', value: 80.25 }])).toEqual(
      by((o) => o.nilai !== null && Number(o.nilai) > 80.25),
    );
    expect(await filtered([{ column: 'tanggal', op: 'ge', value: '2024-01-25' }])).toEqual(
      by((o) => String(o.tanggal) >= '2024-01-25'),
    );
    expect(
      await filtered([{ column: 'kode provinsi', op: 'in', value: ['11', '96', "x' OR 1=1 --"] }]),
    ).toEqual(by((o) => o['kode provinsi'] === '11' || o['kode provinsi'] === '96'));
    expect(await filtered([{ column: 'nama', op: 'like', value: "Wilayah 5_ 'kutip'" }])).toEqual(
      by((o) => /^Wilayah 5\d 'kutip'$/.test(String(o.nama))),
    );
    expect(await filtered([{ column: 'aktif', op: 'eq', value: false }])).toEqual(
      by((o) => o.aktif === false),
    );
  });

  it('combines filters, compares timestamps with offsets, and matches nulls', async () => {
    const rows = await filtered([
      { column: 'waktu', op: 'ge', value: '2024-01-02T07:00:00+07:00' }, // = 2024-01-02T00:00Z
      { column: 'tahun', op: 'eq', value: 2021 },
    ]);
    expect(rows).toEqual(OBJECTS.filter((o) => String(o.waktu) >= '2024-01-02T00:00' && o.tahun === 2021));
    expect(await filtered([{ column: 'nilai', op: 'eq', value: null }])).toEqual(
      OBJECTS.filter((o) => o.nilai === null),
    );
    expect(await filtered([{ column: 'nama', op: 'in', value: [null, "Wilayah 1 'kutip'"] }])).toHaveLength(
      7,
    );
    expect(await filtered([{ column: 'tahun', op: 'in', value: [] }])).toEqual([]);
  });

  it('projects, sorts and pages, with the total counted before paging', async () => {
    const sorted = [...OBJECTS].sort(
      (a, b) => Number(b.tahun) - Number(a.tahun) || String(a.waktu).localeCompare(String(b.waktu)),
    );
    const page = await store.query(ref, {
      columns: ['waktu', 'tahun', 'tahun'],
      sort: [{ column: 'tahun', desc: true }, { column: 'waktu' }],
      limit: 5,
      offset: 10,
    });
    expect(page.total).toBe(60);
    expect(page.columns).toEqual([
      { name: 'waktu', type: 'timestamp' },
      { name: 'tahun', type: 'integer' },
    ]);
    expect(page.rows).toEqual(sorted.slice(10, 15).map((o) => ({ waktu: o.waktu, tahun: o.tahun })));

    const nullsLast = await store.query(ref, {
      columns: ['nilai'],
      sort: [{ column: 'nilai', desc: true }],
      limit: 60,
    });
    expect(nullsLast.rows.slice(-9).every((r) => r.nilai === null)).toBe(true);

    const counted = await store.query(ref, {
      filters: [{ column: 'tahun', op: 'eq', value: 2020 }],
      limit: 0,
    });
    expect(counted).toMatchObject({ total: 12, rows: [] });
    expect((await store.query(ref, { offset: 100 })).rows).toEqual([]);
  });

  it('caps the limit at 32,000 with a clear validation error', async () => {
    expect((await store.query(ref, { limit: 32_000 })).rows).toHaveLength(60);
    const e = await failure(store.query(ref, { limit: 32_001, offset: -1 }));
    expect(e.code).toBe('VALIDATION');
    expect(e.fields?.limit?.[0]).toMatch(/at most 32000/);
    expect(e.fields).toHaveProperty('offset');
  });

  it('reports unknown columns and mistyped values with field paths', async () => {
    const e = await failure(
      store.query(ref, {
        columns: ['nama', 'province'],
        filters: [
          { column: 'tahun', op: 'eq', value: 2020 },
          { column: 'Tahun', op: 'eq', value: 2020 },
          { column: 'tahun', op: 'gt', value: 'dua ribu' },
          { column: 'tanggal', op: 'lt', value: '2024-13-01' },
          { column: 'nilai', op: 'in', value: 3 },
          { column: 'aktif', op: 'lt', value: null },
        ],
        sort: [{ column: 'x"; DROP TABLE t; --' }],
      }),
    );
    expect(e.code).toBe('VALIDATION');
    expect(e.fields).toEqual({
      'columns.1': ['unknown column "province"'],
      'filters.1.column': ['unknown column "Tahun"'],
      'filters.2.value': ['expected a number'],
      'filters.3.value': ['expected a date YYYY-MM-DD'],
      'filters.4.value': ['expected a list of values'],
      'filters.5.value': ["null can only be compared with 'eq' or 'ne'"],
      'sort.0.column': ['unknown column "x\\"; DROP TABLE t; --"'],
    });
  });

  it('answers not found for a missing version', async () => {
    expect((await failure(store.query({ tableId: 'wilayah', version: 2 }))).code).toBe('NOT_FOUND');
    expect(
      (await failure(store.aggregate({ tableId: 'nothing', version: 1 }, { groupBy: [], measures: [] })))
        .code,
    ).toBe('NOT_FOUND');
  });
});

describe('DuckDB datastore: aggregates', () => {
  it('groups with sum, avg, min, max and count, ordered by the groups', async () => {
    const result = await store.aggregate(ref, {
      groupBy: ['kode provinsi', 'tahun'],
      measures: [
        { column: 'nilai', fn: 'sum' },
        { column: 'nilai', fn: 'avg', as: 'rata-rata nilai' },
        { column: 'tanggal', fn: 'min' },
        { column: 'waktu', fn: 'max' },
        { column: 'nilai', fn: 'count' },
        { column: '*', fn: 'count' },
      ],
      filters: [{ column: 'aktif', op: 'eq', value: true }],
    });
    const groups = new Map<string, Record<string, CellValue>[]>();
    for (const o of OBJECTS.filter((o) => o.aktif === true)) {
      const key = `${o['kode provinsi']}|${o.tahun}`;
      groups.set(key, [...(groups.get(key) ?? []), o]);
    }
    const expected = [...groups.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([, members]) => {
        const values = members.map((m) => m.nilai).filter((v): v is number => typeof v === 'number');
        const sum = values.reduce((s, v) => s + v, 0);
        return {
          'kode provinsi': members[0]?.['kode provinsi'],
          tahun: members[0]?.tahun,
          sum_nilai: values.length > 0 ? sum : null,
          'rata-rata nilai': values.length > 0 ? sum / values.length : null,
          min_tanggal: members.map((m) => String(m.tanggal)).sort()[0],
          max_waktu: members
            .map((m) => String(m.waktu))
            .sort()
            .at(-1),
          count_nilai: values.length,
          count: members.length,
        };
      });
    expect(result).toHaveLength(expected.length);
    result.forEach((row, i) => {
      const want = expected[i] as Record<string, CellValue | undefined>;
      for (const [k, v] of Object.entries(want)) {
        if (typeof v === 'number' && !Number.isInteger(v)) expect(row[k]).toBeCloseTo(v, 9);
        else expect(row[k]).toEqual(v);
      }
    });
  });

  it('sums integers as exact numbers and aggregates without groups', async () => {
    const [total] = await store.aggregate(ref, { groupBy: [], measures: [{ column: 'tahun', fn: 'sum' }] });
    expect(total).toEqual({ sum_tahun: OBJECTS.reduce((s, o) => s + Number(o.tahun), 0) });
  });

  it('rejects unknown columns, non-numeric sums and clashing output names', async () => {
    const e = await failure(
      store.aggregate(ref, {
        groupBy: ['provinsi'],
        measures: [
          { column: 'nama', fn: 'sum' },
          { column: 'nilai', fn: 'median' as 'sum' },
          { column: 'x', fn: 'max' },
        ],
      }),
    );
    expect(Object.keys(e.fields ?? {}).sort()).toEqual([
      'groupBy.0',
      'measures.0.column',
      'measures.1.fn',
      'measures.2.column',
    ]);
    const clash = await failure(
      store.aggregate(ref, { groupBy: ['tahun'], measures: [{ column: 'nilai', fn: 'sum', as: 'Tahun' }] }),
    );
    expect(clash.fields?.measures?.[0]).toMatch(/used twice/);
  });
});
