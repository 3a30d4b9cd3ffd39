import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../../../test/support/accounts.js';
import { openTestServices, type TestServices } from '../../../test/support/services.js';
import { KendaliError } from '../../core/errors.js';
import { makeContext } from '../../http/context.js';
import { addUpload } from '../../ingest/uploads.js';

const SAMPLE = resolve(
  import.meta.dirname,
  '../../../../shared/data/samples/bps_persentase_penduduk_miskin_kabkota_jabar_2024.csv',
);

describe.each(['pglite', 'postgres'] as const)('datastore import and search on %s', (engine) => {
  let t: TestServices;
  const files = mkdtempSync(join(tmpdir(), 'kendali-ds-'));
  // biome-ignore lint/suspicious/noExplicitAny: results are read loosely in this test
  const call = (name: string, input: unknown): Promise<any> => t.registry.call(name, systemCtx(t), input);
  // biome-ignore lint/suspicious/noExplicitAny: results are read loosely in this test
  const anon = (name: string, input: unknown): Promise<any> =>
    t.registry.call(name, makeContext(t.registry, t.services, null, 'id', 't'), input);
  const upload = async (file: string) =>
    (await addUpload(t.services.config.dataDir, file, '00000000-0000-0000-0000-000000000000')).id;

  beforeAll(async () => {
    t = await openTestServices(engine, { regions: true });
    await call('organization_create', { name: 'bps', title: 'Badan Pusat Statistik' });
    await call('package_create', {
      name: 'miskin-jabar',
      title: 'Penduduk Miskin Jawa Barat',
      owner_org: 'bps',
    });
    await call('package_create', { name: 'rahasia', title: 'Rahasia', owner_org: 'bps', private: true });
  });
  afterAll(async () => {
    await t.cleanup();
    rmSync(files, { recursive: true, force: true });
  });

  let resourceId = '';

  it('imports a real BPS file as version 1 with region codes, and searches it', async () => {
    const res = await call('datastore_import', {
      upload_id: await upload(SAMPLE),
      package_id: 'miskin-jabar',
    });
    expect(res).toMatchObject({ published: true, version: 1, rows: 28 });
    expect(res.report.valid).toBe(true);
    resourceId = res.resource_id;
    const all = await anon('datastore_search', { resource_id: resourceId, limit: 5 });
    expect(all).toMatchObject({ total: 28, limit: 5, records_format: 'objects' });
    expect(all.fields.map((f: { id: string; type: string }) => `${f.id}:${f.type}`)).toEqual([
      'kabupaten_kota:text',
      'k_2024:numeric',
      'kabupaten_kota_kode:text',
      'kabupaten_kota_nama_baku:text',
    ]);
    const bogor = await anon('datastore_search', {
      resource_id: resourceId,
      filters: { kabupaten_kota_kode: ['32.01', '32.71'] },
      sort: 'k_2024 desc',
    });
    expect(bogor.records.map((r: Record<string, unknown>) => [r.kabupaten_kota, r.k_2024])).toEqual([
      ['Bogor', 7.05],
      ['Kota Bogor', 6.53],
    ]);
    const q = await anon('datastore_search', {
      resource_id: resourceId,
      q: 'tasikmalaya',
      fields: 'kabupaten_kota,k_2024',
    });
    expect(q.total).toBe(2);
    const csv = await anon('datastore_search', {
      resource_id: resourceId,
      filters: '{"kabupaten_kota_kode":"32.04"}',
      records_format: 'csv',
    });
    expect(csv.records).toBe('Bandung,6.19,32.04,Kabupaten Bandung\n');
    const info = await anon('datastore_info', { id: resourceId });
    expect(info.meta).toMatchObject({ count: 28, version: 1 });
    expect(info.fields[1]).toMatchObject({ id: 'k_2024', type: 'numeric', info: { label: '2024' } });
  });

  it('a second import is version 2; version 1 stays readable; the dataset shows a datastore resource', async () => {
    const path = join(files, 'miskin.csv');
    writeFileSync(path, 'Kabupaten/Kota,2025\nKota Bandung,"3,9"\nKabupaten Bogor,"7,1"\n');
    const res = await call('datastore_import', { upload_id: await upload(path), package_id: 'miskin-jabar' });
    expect(res).toMatchObject({ version: 2, rows: 2, resource_id: resourceId });
    const latest = await anon('datastore_search', { resource_id: resourceId });
    expect(latest.records).toEqual([
      {
        kabupaten_kota: 'Kota Bandung',
        k_2025: 3.9,
        kabupaten_kota_kode: '32.73',
        kabupaten_kota_nama_baku: 'Kota Bandung',
      },
      {
        kabupaten_kota: 'Kabupaten Bogor',
        k_2025: 7.1,
        kabupaten_kota_kode: '32.01',
        kabupaten_kota_nama_baku: 'Kabupaten Bogor',
      },
    ]);
    expect((await anon('datastore_search', { resource_id: resourceId, version: 1 })).total).toBe(28);
    const ds = (await anon('package_show', { id: 'miskin-jabar' })) as {
      resources: { datastore_active: boolean }[];
    };
    expect(ds.resources[0]?.datastore_active).toBe(true);
  });

  it('a file with errors publishes nothing by default, and names row and column', async () => {
    const path = join(files, 'salah.csv');
    writeFileSync(
      path,
      `tahun,nilai\n${Array.from({ length: 40 }, (_, i) => `${2000 + i},${i}`).join('\n')}\n2040,dua puluh\n`,
    );
    const before = await anon('datastore_info', { id: resourceId });
    const err = await call('datastore_import', {
      upload_id: await upload(path),
      package_id: 'miskin-jabar',
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(KendaliError);
    expect((err as KendaliError).fields?.upload_id?.[0]).toMatch(
      /1 errors; nothing was published\. First: row 41, line 42, column nilai: nilai: "dua puluh" bukan bilangan/,
    );
    expect((await anon('datastore_info', { id: resourceId })).meta.version).toBe(before.meta.version);
    const dry = await call('datastore_import', {
      upload_id: await upload(path),
      package_id: 'miskin-jabar',
      dry_run: true,
    });
    expect(dry.published).toBe(false);
    expect(dry.report.counts).toEqual({ 'type-error': 1 });
  });

  it('a private dataset’s table is not found for the public', async () => {
    const res = await call('datastore_import', { upload_id: await upload(SAMPLE), package_id: 'rahasia' });
    const err = await anon('datastore_search', { resource_id: res.resource_id }).catch((e: unknown) => e);
    expect((err as KendaliError).code).toBe('NOT_FOUND');
  });
});

describe('datastore_search_sql', () => {
  let t: TestServices;
  // biome-ignore lint/suspicious/noExplicitAny: results are read loosely in this test
  const call = (name: string, input: unknown): Promise<any> => t.registry.call(name, systemCtx(t), input);
  // biome-ignore lint/suspicious/noExplicitAny: results are read loosely in this test
  const anon = (name: string, input: unknown): Promise<any> =>
    t.registry.call(name, makeContext(t.registry, t.services, null, 'id', 't'), input);
  beforeAll(async () => {
    t = await openTestServices('pglite', { regions: true });
    await call('organization_create', { name: 'bps' });
    await call('package_create', { name: 'miskin', owner_org: 'bps' });
    await call('package_create', { name: 'tertutup', owner_org: 'bps', private: true });
  });
  afterAll(async () => t.cleanup());

  it('runs a SELECT over tables named by resource id, and hides private ones', async () => {
    const up = await addUpload(t.services.config.dataDir, SAMPLE, null);
    const pub = await call('datastore_import', { upload_id: up.id, package_id: 'miskin' });
    const up2 = await addUpload(t.services.config.dataDir, SAMPLE, null);
    const priv = await call('datastore_import', { upload_id: up2.id, package_id: 'tertutup' });
    const res = await anon('datastore_search_sql', {
      sql: `SELECT kabupaten_kota_kode AS kode, k_2024 FROM "${pub.resource_id}" WHERE k_2024 > 10 ORDER BY k_2024 DESC`,
    });
    expect(res.fields).toEqual([
      { id: 'kode', type: 'text' },
      { id: 'k_2024', type: 'numeric' },
    ]);
    // Indramayu, 11.93 in the source file, is the highest.
    expect(res.records[0]).toEqual({ kode: '32.12', k_2024: 11.93 });
    expect(res.records_truncated).toBe(false);
    const hidden = await anon('datastore_search_sql', { sql: `SELECT * FROM "${priv.resource_id}"` }).catch(
      (e: unknown) => e,
    );
    expect((hidden as KendaliError).fields?.sql?.[0]).toMatch(/unknown table/);
    const file = await anon('datastore_search_sql', { sql: "SELECT * FROM read_csv('/etc/passwd')" }).catch(
      (e: unknown) => e,
    );
    expect((file as KendaliError).code).toBe('VALIDATION');
    const mine = await call('datastore_search_sql', {
      sql: `SELECT count(*) AS n FROM "${priv.resource_id}"`,
    });
    expect(mine.records).toEqual([{ n: 28 }]);
  });
});
