import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isKendaliError, type KendaliError } from '../../core/errors.js';
import type { ColumnInfo, DatastoreBackend, TableChange } from '../backend.js';
import { openDuckDbDatastore } from './index.js';

let dir: string;
let store: DatastoreBackend;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kendali-duckdb-derive-'));
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

const COLUMNS: ColumnInfo[] = [
  { name: 'kode', type: 'text' },
  { name: 'tahun', type: 'integer' },
  { name: 'nilai', type: 'number' },
  { name: 'rilis', type: 'date' },
];
const merge = (
  method: 'insert' | 'update' | 'upsert',
  records: Record<string, string | number | boolean | null>[],
  extra: Partial<Extract<TableChange, { kind: 'merge' }>> = {},
): TableChange => ({ kind: 'merge', columns: COLUMNS, key: ['kode', 'tahun'], method, records, ...extra });
const rows = async (tableId: string, version: number) =>
  (await store.query({ tableId, version })).rows.map((r) => Object.values(r));

describe('deriveVersion', () => {
  it('inserts into an empty table, then upserts by a composite key keeping fields not named', async () => {
    const t = 'derive_a';
    const v1 = await store.deriveVersion(
      { tableId: t, version: 1 },
      null,
      merge('insert', [
        { kode: '32.01', tahun: 2023, nilai: 7.1, rilis: '2024-01-15' },
        { kode: '32.01', tahun: 2024, nilai: 7.05 },
      ]),
    );
    expect(v1).toMatchObject({ rowCount: 2, columns: COLUMNS });
    const v2 = await store.deriveVersion(
      { tableId: t, version: 2 },
      { tableId: t, version: 1 },
      merge('upsert', [
        { kode: '32.71', tahun: 2024, nilai: 6.53 },
        { kode: '32.01', tahun: 2024, nilai: 6.9 },
        { kode: '32.01', tahun: 2024, rilis: '2025-02-01' },
      ]),
    );
    expect(v2.rowCount).toBe(3);
    expect(await rows(t, 2)).toEqual([
      ['32.01', 2023, 7.1, '2024-01-15'],
      ['32.01', 2024, 6.9, '2025-02-01'],
      ['32.71', 2024, 6.53, null],
    ]);
    expect(await rows(t, 1)).toEqual([
      ['32.01', 2023, 7.1, '2024-01-15'],
      ['32.01', 2024, 7.05, null],
    ]);
  });

  it('refuses an existing key on insert and a missing one on update, naming the record; writes nothing', async () => {
    const t = 'derive_b';
    await store.deriveVersion({ tableId: t, version: 1 }, null, merge('insert', [{ kode: 'a', tahun: 1 }]));
    const base = { tableId: t, version: 1 };
    const dup = await failure(
      store.deriveVersion(
        { tableId: t, version: 2 },
        base,
        merge('insert', [
          { kode: 'b', tahun: 1 },
          { kode: 'a', tahun: 1 },
        ]),
      ),
    );
    expect(dup.fields).toEqual({ 'records.1': ['key {"kode":"a","tahun":1} already exists'] });
    const missing = await failure(
      store.deriveVersion(
        { tableId: t, version: 2 },
        base,
        merge('update', [{ kode: 'z', tahun: 9, nilai: 1 }]),
      ),
    );
    expect(missing.fields).toEqual({ 'records.0': ['key {"kode":"z","tahun":9} not found'] });
    const inBatch = await failure(
      store.deriveVersion(
        { tableId: t, version: 2 },
        base,
        merge('insert', [
          { kode: 'c', tahun: 1 },
          { kode: 'c', tahun: 1 },
        ]),
      ),
    );
    expect(inBatch.fields).toEqual({ 'records.1': ['repeats the key of records.0'] });
    expect(readdirSync(join(dir, 'datastore', t))).toEqual(['v1.parquet']);
  });

  it('names wrong types, unknown fields and missing keys by record and field', async () => {
    const e = await failure(
      store.deriveVersion(
        { tableId: 'derive_c', version: 1 },
        null,
        merge('insert', [
          { kode: 'a', tahun: 'dua', nilai: 1 },
          { kode: 'b', tahun: 2, warna: 'x' },
          { nilai: 3 },
        ]),
      ),
    );
    expect(e.code).toBe('VALIDATION');
    expect(Object.keys(e.fields ?? {}).sort()).toEqual([
      'records.0.tahun',
      'records.1.warna',
      'records.2.kode',
      'records.2.tahun',
    ]);
  });

  it('appends without a key, adds columns, checks a new key over the base, and deletes by filters', async () => {
    const t = 'derive_d';
    const cols: ColumnInfo[] = [
      { name: 'file_row_number', type: 'integer' },
      { name: 'x', type: 'text' },
    ];
    const insert = (records: Record<string, string | number>[]): TableChange => ({
      kind: 'merge',
      columns: cols,
      key: [],
      method: 'insert',
      records,
    });
    await store.deriveVersion({ tableId: t, version: 1 }, null, insert([{ file_row_number: 1, x: 'a' }]));
    await store.deriveVersion(
      { tableId: t, version: 2 },
      { tableId: t, version: 1 },
      insert([
        { file_row_number: 1, x: 'b' },
        { file_row_number: 2, x: 'c' },
      ]),
    );
    expect(await rows(t, 2)).toEqual([
      [1, 'a'],
      [1, 'b'],
      [2, 'c'],
    ]);
    const wider = [...cols, { name: 'y', type: 'boolean' as const }];
    const badKey = await failure(
      store.deriveVersion(
        { tableId: t, version: 3 },
        { tableId: t, version: 2 },
        {
          kind: 'merge',
          columns: wider,
          key: ['file_row_number'],
          checkKey: true,
          method: 'insert',
          records: [],
        },
      ),
    );
    expect(badKey.fields?.primary_key?.[0]).toMatch(/repeat the key \{"file_row_number":1\}/);
    await store.deriveVersion(
      { tableId: t, version: 3 },
      { tableId: t, version: 2 },
      {
        kind: 'merge',
        columns: wider,
        key: [],
        method: 'insert',
        records: [{ x: 'd', y: true }],
      },
    );
    expect(await rows(t, 3)).toEqual([
      [1, 'a', null],
      [1, 'b', null],
      [2, 'c', null],
      [null, 'd', true],
    ]);
    const v4 = await store.deriveVersion(
      { tableId: t, version: 4 },
      { tableId: t, version: 3 },
      {
        kind: 'delete',
        filters: [{ column: 'file_row_number', op: 'eq', value: 1 }],
      },
    );
    expect(v4.rowCount).toBe(2);
    expect(await rows(t, 4)).toEqual([
      [2, 'c', null],
      [null, 'd', true],
    ]);
    const v5 = await store.deriveVersion(
      { tableId: t, version: 5 },
      { tableId: t, version: 4 },
      {
        kind: 'delete',
        filters: [],
      },
    );
    expect(v5).toMatchObject({ rowCount: 0, columns: wider });
    expect((await store.describe({ tableId: t, version: 5 })).columns).toEqual(wider);
    const bad = await failure(
      store.deriveVersion(
        { tableId: t, version: 6 },
        { tableId: t, version: 5 },
        {
          kind: 'delete',
          filters: [{ column: 'nope', op: 'eq', value: 1 }],
        },
      ),
    );
    expect(bad.fields).toEqual({ 'filters.0.column': ['unknown column "nope"'] });
  });

  it('refuses update and upsert on a table without a key, and a base column changed', async () => {
    const e = await failure(
      store.deriveVersion({ tableId: 'derive_e', version: 1 }, null, merge('upsert', [], { key: [] })),
    );
    expect(e.fields?.key?.[0]).toMatch(/no primary key/);
    await store.deriveVersion({ tableId: 'derive_e', version: 1 }, null, merge('insert', []));
    const changed = await failure(
      store.deriveVersion(
        { tableId: 'derive_e', version: 2 },
        { tableId: 'derive_e', version: 1 },
        {
          kind: 'merge',
          columns: [{ name: 'kode', type: 'integer' }],
          key: [],
          method: 'insert',
          records: [],
        },
      ),
    );
    expect(Object.keys(changed.fields ?? {})).toEqual(['columns.0', 'columns.1', 'columns.2', 'columns.3']);
  });
});
