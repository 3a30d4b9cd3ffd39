import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIELDS, failure, writeHelpers } from '../../../test/support/datastore-write.js';
import { openTestServices, type TestServices } from '../../../test/support/services.js';

describe.each(['pglite', 'postgres'] as const)('datastore create, upsert and delete on %s', (engine) => {
  let t: TestServices;
  const { call, search, rows, info, setup } = writeHelpers(() => t);

  beforeAll(async () => {
    t = await openTestServices(engine);
    await setup();
  });
  afterAll(async () => t.cleanup());

  let id = '';
  it('creates a resource and its table with a key and records (version 1), in CKAN’s shape', async () => {
    const res = await call('datastore_create', {
      resource: { package_id: 'miskin', name: 'Persentase penduduk miskin' },
      fields: FIELDS,
      primary_key: ['kode', 'tahun'],
      records: [
        { kode: '32.01', tahun: 2023, nilai: 7.1, rilis: '2024-01-15' },
        { kode: '32.01', tahun: '2024', nilai: '7.05' },
        { kode: '32.73', tahun: 2024, nilai: 3.9 },
      ],
    });
    id = String(res.resource_id);
    expect(res).toEqual({
      resource_id: id,
      fields: FIELDS,
      primary_key: ['kode', 'tahun'],
      method: 'insert',
      version: 1,
    });
    const found = await search(id);
    expect(found.total).toBe(3);
    expect(found.fields.map((f) => `${f.id}:${f.type}`)).toEqual([
      'kode:text',
      'tahun:int8',
      'nilai:numeric',
      'rilis:date',
    ]);
    expect(found.records[0]).toEqual({ kode: '32.01', tahun: 2023, nilai: 7.1, rilis: '2024-01-15' });
    const ds = await call<{ resources: { id: string; datastore_active: boolean; url_type: string }[] }>(
      'package_show',
      {
        id: 'miskin',
      },
    );
    expect(ds.resources).toMatchObject([{ id, datastore_active: true, url_type: 'datastore' }]);
    const meta = await call<{
      fields: { id: string; info: { label: string } }[];
      schema: { fields: { name: string; type: string; title?: string }[]; primaryKey?: string[] };
    }>('datastore_info', { id });
    expect(meta.fields[0]?.info.label).toBe('Kode wilayah');
    // The same table as a Frictionless Table Schema, key included.
    expect(meta.schema.primaryKey).toEqual(['kode', 'tahun']);
    expect(meta.schema.fields.map((f) => `${f.name}:${f.type}`)).toEqual([
      'kode:string',
      'tahun:integer',
      'nilai:number',
      'rilis:date',
    ]);
    expect(meta.schema.fields[0]?.title).toBe('Kode wilayah');
  });

  it('upserts: updates one row, inserts one (version 2); version 1 is unchanged', async () => {
    const res = await call('datastore_upsert', {
      resource_id: id,
      records: [
        { kode: '32.01', tahun: 2024, nilai: 6.9 },
        { kode: '32.71', tahun: 2024, nilai: 6.53 },
      ],
    });
    expect(res).toEqual({ resource_id: id, method: 'upsert', version: 2 });
    expect(await rows(id)).toEqual([
      ['32.01', 2023, 7.1],
      ['32.01', 2024, 6.9],
      ['32.71', 2024, 6.53],
      ['32.73', 2024, 3.9],
    ]);
    expect((await search(id, { filters: { kode: '32.01', tahun: 2023 } })).records[0]?.rilis).toBe(
      '2024-01-15',
    );
    expect(await rows(id, { version: 1 })).toEqual([
      ['32.01', 2023, 7.1],
      ['32.01', 2024, 7.05],
      ['32.73', 2024, 3.9],
    ]);
    const updated = await call('datastore_upsert', {
      resource_id: id,
      method: 'update',
      records: [{ kode: '32.73', tahun: 2024, rilis: '2025-02-01' }],
      include_records: true,
    });
    expect(updated).toEqual({
      resource_id: id,
      method: 'update',
      records: [{ kode: '32.73', tahun: 2024, rilis: '2025-02-01' }],
      version: 3,
    });
    expect((await search(id, { filters: { kode: '32.73' } })).records[0]).toMatchObject({
      nilai: 3.9,
      rilis: '2025-02-01',
    });
  });

  it('refuses an insert on an existing key, an update of a missing one and wrong types; nothing is published', async () => {
    const dup = await failure(
      call('datastore_upsert', {
        resource_id: id,
        method: 'insert',
        records: [
          { kode: '32.04', tahun: 2024, nilai: 6.19 },
          { kode: '32.01', tahun: 2023, nilai: 1 },
        ],
      }),
    );
    expect(dup.code).toBe('VALIDATION');
    expect(dup.fields).toEqual({ 'records.1': ['key {"kode":"32.01","tahun":2023} already exists'] });
    const missing = await failure(
      call('datastore_upsert', {
        resource_id: id,
        method: 'update',
        records: [{ kode: '99', tahun: 2024, nilai: 1 }],
      }),
    );
    expect(missing.fields).toEqual({ 'records.0': ['key {"kode":"99","tahun":2024} not found'] });
    const types = await failure(
      call('datastore_upsert', {
        resource_id: id,
        records: [
          { kode: '32.02', tahun: 'dua ribu', nilai: 1 },
          { kode: '32.03', tahun: 2024, nilai: 'banyak', rilis: '2024-13-01' },
          { kode: '32.05', tahun: 2024, warna: 'merah' },
          { nilai: 2 },
        ],
      }),
    );
    expect(Object.keys(types.fields ?? {}).sort()).toEqual([
      'records.0.tahun',
      'records.1.nilai',
      'records.1.rilis',
      'records.2.warna',
      'records.3.kode',
      'records.3.tahun',
    ]);
    const noKey = await failure(
      call('datastore_upsert', { resource_id: id, records: [{ nilai: 1 }], method: 'upsert' }),
    );
    expect(noKey.fields?.['records.0.kode']).toEqual(['is part of the primary key and is required']);
    expect(await call('datastore_upsert', { resource_id: id, records: [] })).toEqual({
      resource_id: id,
      method: 'upsert',
      version: 3,
    });
    const latest = await info(id);
    expect(latest.meta).toMatchObject({ version: 3, count: 4 });
    expect(latest.versions.map((v) => v.version)).toEqual([3, 2, 1]);
  });

  it('deletes rows by filters (version 4) and every row without filters (version 5, kept and empty)', async () => {
    const res = await call('datastore_delete', {
      resource_id: id,
      filters: { kode: ['32.01', '32.73'], tahun: 2024 },
    });
    expect(res).toEqual({
      resource_id: id,
      filters: { kode: ['32.01', '32.73'], tahun: 2024 },
      version: 4,
      rows: 2,
    });
    expect(await rows(id)).toEqual([
      ['32.01', 2023, 7.1],
      ['32.71', 2024, 6.53],
    ]);
    const unknown = await failure(call('datastore_delete', { resource_id: id, filters: { warna: 'x' } }));
    expect(unknown.fields).toEqual({ 'filters.warna': ['unknown column "warna"'] });
    const all = await call('datastore_delete', { resource_id: id });
    expect(all).toEqual({ resource_id: id, filters: {}, version: 5, rows: 0 });
    const empty = await search(id);
    expect(empty.total).toBe(0);
    expect(empty.fields.map((f) => f.id)).toEqual(['kode', 'tahun', 'nilai', 'rilis']);
    expect((await search(id, { version: 4 })).total).toBe(2);
    // The key is still known: a refill can upsert.
    await call('datastore_upsert', { resource_id: id, records: [{ kode: '32.01', tahun: 2025, nilai: 6 }] });
    expect(await rows(id)).toEqual([['32.01', 2025, 6]]);
  });
});
