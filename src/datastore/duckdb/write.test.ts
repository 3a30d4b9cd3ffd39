import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isKendaliError, type KendaliError } from '../../core/errors.js';
import type { ColumnInfo, DatastoreBackend } from '../backend.js';
import { DuckDBInstance } from './api.js';
import { openDuckDbDatastore } from './index.js';

let dir: string;
let store: DatastoreBackend;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kendali-duckdb-write-'));
  store = await openDuckDbDatastore(dir);
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

const tableFiles = (tableId: string): string[] => readdirSync(join(dir, 'datastore', tableId)).sort();

const AWKWARD: ColumnInfo[] = [
  { name: 'nama provinsi', type: 'text' },
  { name: 'kode "BPS"', type: 'text' },
  { name: "jumlah penduduk (ribu jiwa) it's", type: 'integer' },
  { name: 'Persentase (%)', type: 'number' },
  { name: 'ada_data?', type: 'boolean' },
  { name: 'tanggal rilis', type: 'date' },
  { name: 'diperbarui; DROP TABLE x; --', type: 'timestamp' },
];

describe('DuckDB datastore: writing versions', () => {
  it('round-trips rows of every column type with awkward column names', async () => {
    const rows = [
      ['Aceh', '11', 5_274_871, 14.64, true, '2024-02-15', '2024-02-15T09:30:00+07:00'],
      ['Daerah Istimewa Yogyakarta', '34', -3, 0.5, false, '1999-12-31', '2024-02-15T02:30:00.123Z'],
      [
        "Papua Barat Daya 'baru'",
        '96',
        Number.MAX_SAFE_INTEGER,
        -1e-9,
        null,
        '0050-01-02',
        '2024-02-15 02:30',
      ],
      [null, null, null, null, null, null, null],
    ];
    const info = await store.writeVersion(
      { tableId: 'awkward', version: 1 },
      { kind: 'rows', columns: AWKWARD, rows },
    );
    expect(info).toMatchObject({ tableId: 'awkward', version: 1, rowCount: 4, columns: AWKWARD });
    expect(info.bytes).toBeGreaterThan(0);
    expect(tableFiles('awkward')).toEqual(['v1.parquet']);

    const result = await store.query({ tableId: 'awkward', version: 1 });
    expect(result.total).toBe(4);
    expect(result.columns).toEqual(AWKWARD);
    expect(result.rows.map((r) => AWKWARD.map((c) => r[c.name]))).toEqual([
      ['Aceh', '11', 5_274_871, 14.64, true, '2024-02-15', '2024-02-15T02:30:00.000Z'],
      ['Daerah Istimewa Yogyakarta', '34', -3, 0.5, false, '1999-12-31', '2024-02-15T02:30:00.123Z'],
      [
        "Papua Barat Daya 'baru'",
        '96',
        Number.MAX_SAFE_INTEGER,
        -1e-9,
        null,
        '0050-01-02',
        '2024-02-15T02:30:00.000Z',
      ],
      [null, null, null, null, null, null, null],
    ]);
    const described = await store.describe({ tableId: 'awkward', version: 1 });
    expect(described).toEqual(info);
  });

  it('moves a Parquet file of storage types into place when asked, and copies any other', async () => {
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    const typed = join(dir, 'typed.parquet');
    const narrow = join(dir, 'narrow.parquet');
    await c.run(
      `COPY (SELECT 'Aceh' AS nama, 11::BIGINT AS kode, DATE '2024-02-15' AS tanggal) TO '${typed}' (FORMAT parquet)`,
    );
    await c.run(`COPY (SELECT 'Bali' AS nama, 51::INTEGER AS kode) TO '${narrow}' (FORMAT parquet)`);
    c.closeSync();
    db.closeSync();

    const moved = await store.writeVersion(
      { tableId: 'moved', version: 1 },
      { kind: 'parquet', path: typed, move: true },
    );
    expect(existsSync(typed)).toBe(false);
    expect(moved.rowCount).toBe(1);
    expect(moved.columns).toEqual([
      { name: 'nama', type: 'text' },
      { name: 'kode', type: 'integer' },
      { name: 'tanggal', type: 'date' },
    ]);
    expect((await store.query({ tableId: 'moved', version: 1 })).rows).toEqual([
      { nama: 'Aceh', kode: 11, tanggal: '2024-02-15' },
    ]);

    // INTEGER is not a storage type: the file is read and written as BIGINT, and left where it was.
    const copied = await store.writeVersion(
      { tableId: 'copied', version: 1 },
      { kind: 'parquet', path: narrow, move: true },
    );
    expect(existsSync(narrow)).toBe(true);
    expect(copied.rowCount).toBe(1);
    expect((await store.query({ tableId: 'copied', version: 1 })).rows).toEqual([{ nama: 'Bali', kode: 51 }]);
  });

  it('writes an empty version', async () => {
    const info = await store.writeVersion(
      { tableId: 'empty', version: 1 },
      { kind: 'rows', columns: [{ name: 'a', type: 'text' }], rows: [] },
    );
    expect(info.rowCount).toBe(0);
    expect((await store.query({ tableId: 'empty', version: 1 })).rows).toEqual([]);
  });

  it('reads a CSV with detected types, keeping codes with leading zeros as text', async () => {
    const csv = join(dir, 'detected.csv');
    writeFileSync(
      csv,
      [
        'kode_wilayah,"nama ""resmi""",tahun,nilai,aktif,tanggal,waktu,jam',
        '01,"Aceh, Prov.",2018,99.86,true,2018-08-01,2018-08-01 10:00:00,12:30',
        '12,Sumatera Utara,2019,,false,,2018-08-01T10:00:00+07:00,',
      ].join('\n'),
    );
    const info = await store.writeVersion({ tableId: 'csv_detect', version: 1 }, { kind: 'csv', path: csv });
    expect(info.rowCount).toBe(2);
    expect(info.columns).toEqual([
      { name: 'kode_wilayah', type: 'text' },
      { name: 'nama "resmi"', type: 'text' },
      { name: 'tahun', type: 'integer' },
      { name: 'nilai', type: 'number' },
      { name: 'aktif', type: 'boolean' },
      { name: 'tanggal', type: 'date' },
      { name: 'waktu', type: 'timestamp' },
      { name: 'jam', type: 'text' }, // TIME has no ColumnType: kept as text
    ]);
    const { rows } = await store.query({ tableId: 'csv_detect', version: 1 });
    expect(rows[0]).toEqual({
      kode_wilayah: '01',
      'nama "resmi"': 'Aceh, Prov.',
      tahun: 2018,
      nilai: 99.86,
      aktif: true,
      tanggal: '2018-08-01',
      waktu: '2018-08-01T10:00:00.000Z',
      jam: '12:30:00',
    });
    expect(rows[1]).toMatchObject({
      nilai: null,
      tanggal: null,
      waktu: '2018-08-01T03:00:00.000Z',
      jam: null,
    });
  });

  it('reads a CSV with declared columns (names from the declaration, header row skipped)', async () => {
    const csv = join(dir, "data o'brien; --.csv"); // a path that needs quoting in SQL
    writeFileSync(csv, 'a,b,c,d\n11,2018,1.5,2018-08-01T10:00:00+07:00\n96,2024,,2018-08-01 10:00\n');
    const columns: ColumnInfo[] = [
      { name: 'Kode Provinsi', type: 'text' },
      { name: 'Tahun', type: 'integer' },
      { name: 'Nilai', type: 'number' },
      { name: 'Waktu', type: 'timestamp' },
    ];
    const info = await store.writeVersion(
      { tableId: 'csv_declared', version: 1 },
      { kind: 'csv', path: csv, columns },
    );
    expect(info).toMatchObject({ rowCount: 2, columns });
    const { rows } = await store.query({ tableId: 'csv_declared', version: 1 });
    expect(rows).toEqual([
      { 'Kode Provinsi': '11', Tahun: 2018, Nilai: 1.5, Waktu: '2018-08-01T03:00:00.000Z' },
      { 'Kode Provinsi': '96', Tahun: 2024, Nilai: null, Waktu: '2018-08-01T10:00:00.000Z' },
    ]);
  });

  it('leaves nothing behind when a CSV write fails midway, and earlier versions stay readable', async () => {
    const ref = { tableId: 'atomic', version: 1 };
    const columns: ColumnInfo[] = [
      { name: 'kode', type: 'text' },
      { name: 'nilai', type: 'integer' },
    ];
    const good = join(dir, 'good.csv');
    writeFileSync(good, 'kode,nilai\n11,1\n12,2\n');
    await store.writeVersion(ref, { kind: 'csv', path: good, columns });

    // Many good rows first, so DuckDB has started writing the Parquet file before it fails.
    const bad = join(dir, 'bad.csv');
    const lines = ['kode,nilai'];
    for (let i = 0; i < 300_000; i++) lines.push(`${i},${i}`);
    lines.push('99,sembilan puluh');
    writeFileSync(bad, `${lines.join('\n')}\n`);
    const e = await failure(
      store.writeVersion({ tableId: 'atomic', version: 2 }, { kind: 'csv', path: bad, columns }),
    );
    expect(e.code).toBe('VALIDATION');
    expect(e.fields?.source?.[0]).toMatch(/sembilan puluh/);
    expect(e.fields?.source?.[0]).not.toContain(dir);

    expect(tableFiles('atomic')).toEqual(['v1.parquet']);
    expect(await store.listVersions('atomic')).toEqual([1]);
    expect((await store.query(ref)).rows).toEqual([
      { kode: '11', nilai: 1 },
      { kode: '12', nilai: 2 },
    ]);
  });

  it('refuses rows whose values do not fit their column, with the cell path, writing nothing', async () => {
    const columns: ColumnInfo[] = [
      { name: 'tahun', type: 'integer' },
      { name: 'tanggal', type: 'date' },
    ];
    const rows = [[2018, '2018-01-01'], [2019.5, '2019-02-30'], ['2020', '2020-01-01'], [2021]];
    const e = await failure(
      store.writeVersion({ tableId: 'badrows', version: 1 }, { kind: 'rows', columns, rows }),
    );
    expect(e.code).toBe('VALIDATION');
    expect(e.fields).toEqual({
      'source.rows.1.0': ['tahun: expected an integer, got 2019.5'],
      'source.rows.1.1': ['tanggal: expected a date YYYY-MM-DD, got "2019-02-30"'],
      'source.rows.2.0': ['tahun: expected an integer, got "2020"'],
      'source.rows.3': ['must be a list of 2 values'],
    });
    expect(await store.listVersions('badrows')).toEqual([]);
  });

  it('refuses to overwrite a version, also when two writers race', async () => {
    const source = { kind: 'rows', columns: [{ name: 'x', type: 'integer' }], rows: [[1]] } as const;
    await store.writeVersion({ tableId: 'once', version: 1 }, source);
    expect((await failure(store.writeVersion({ tableId: 'once', version: 1 }, source))).code).toBe(
      'CONFLICT',
    );

    const results = await Promise.allSettled([
      store.writeVersion({ tableId: 'once', version: 2 }, source),
      store.writeVersion({ tableId: 'once', version: 2 }, source),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(tableFiles('once')).toEqual(['v1.parquet', 'v2.parquet']);
  });

  it('validates table ids, versions, columns and the CSV path', async () => {
    const rows = { kind: 'rows', columns: [{ name: 'x', type: 'integer' }], rows: [] } as const;
    const bad = await failure(store.writeVersion({ tableId: '../etc', version: 0 }, rows));
    expect(bad.code).toBe('VALIDATION');
    expect(Object.keys(bad.fields ?? {}).sort()).toEqual(['tableId', 'version']);
    expect((await failure(store.writeVersion({ tableId: 'A', version: 1.5 }, rows))).fields).toHaveProperty(
      'version',
    );
    expect((await failure(store.writeVersion({ tableId: 'x'.repeat(65), version: 1 }, rows))).code).toBe(
      'VALIDATION',
    );

    const dup = await failure(
      store.writeVersion(
        { tableId: 'dup', version: 1 },
        {
          kind: 'rows',
          columns: [
            { name: 'Nilai', type: 'number' },
            { name: 'nilai', type: 'number' },
            { name: '', type: 'text' },
          ],
          rows: [],
        },
      ),
    );
    expect(Object.keys(dup.fields ?? {}).sort()).toEqual(['source.columns.1.name', 'source.columns.2.name']);

    const missing = await failure(
      store.writeVersion({ tableId: 'nofile', version: 1 }, { kind: 'csv', path: join(dir, 'nope.csv') }),
    );
    expect(missing.fields).toEqual({ 'source.path': ['no such file'] });
  });

  it('lists versions in numeric order, ignoring other files, and drops tables', async () => {
    const source = { kind: 'rows', columns: [{ name: 'x', type: 'integer' }], rows: [[1]] } as const;
    for (const version of [2, 10, 1]) await store.writeVersion({ tableId: 'many', version }, source);
    writeFileSync(join(dir, 'datastore', 'many', '.v3.parquet.tmp-left-over'), '');
    expect(await store.listVersions('many')).toEqual([1, 2, 10]);
    expect(await store.listVersions('never_written')).toEqual([]);
    await store.dropTable('many');
    expect(await store.listVersions('many')).toEqual([]);
    expect((await failure(store.describe({ tableId: 'many', version: 1 }))).code).toBe('NOT_FOUND');
  });
});
