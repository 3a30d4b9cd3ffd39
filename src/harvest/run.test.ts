import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOG_ENGINES } from '../../test/support/catalog.js';
import { harvestHarness } from '../../test/support/harvest.js';
import { openTestServices, type TestServices } from '../../test/support/services.js';
import { CkanFixture, type FixtureDataset } from './fixture.js';
import { type HarvestDeps, type HarvestLimits, type HarvestSourceSpec, runHarvest } from './run.js';

const PENDUDUK_CSV = 'tahun,kategori,jumlah\n2023,Laki-laki,1200\n2023,Perempuan,1250\n2024,Laki-laki,1310\n';
const IPM_CSV = 'tahun,indeks\n2022,72.45\n2023,73.12\n';

/** Five public datasets: two good tables, a file answering 500, one too large, one plain link. */
function remoteDatasets(): FixtureDataset[] {
  return [
    {
      id: 'a0000000-0000-4000-8000-000000000001',
      name: 'penduduk-kota',
      title: 'Penduduk Kota Bandung',
      metadata_modified: '2025-01-01T00:00:01.000000',
      notes: 'Jumlah penduduk menurut jenis kelamin.',
      tags: ['kependudukan', 'Satu Data', '!'],
      license_id: 'cc-by',
      author_email: 'bukan email',
      extras: { sumber: 'BPS Jawa Barat', harvest_source_id: 'milik-portal-sana' },
      resources: [
        {
          id: 'r1',
          name: 'Penduduk 2023-2024',
          format: 'CSV',
          url: '/files/penduduk.csv',
          last_modified: '2025-01-01T00:00:00',
        },
        { id: 'r1-doc', name: 'Metodologi', format: 'PDF', url: '/files/metodologi.pdf' },
      ],
    },
    {
      id: 'a0000000-0000-4000-8000-000000000002',
      name: 'anggaran-2024',
      title: 'Anggaran 2024',
      metadata_modified: '2025-01-01T00:00:02.000000',
      resources: [{ id: 'r2', name: 'Anggaran', format: 'csv', url: '/files/anggaran.csv' }],
    },
    {
      id: 'a0000000-0000-4000-8000-000000000003',
      name: 'produksi-padi',
      title: 'Produksi Padi',
      metadata_modified: '2025-01-01T00:00:03.000000',
      resources: [{ id: 'r3', name: 'Padi', format: 'CSV', url: '/files/padi.csv' }],
    },
    {
      id: 'a0000000-0000-4000-8000-000000000004',
      name: 'penduduk-kecamatan',
      title: 'Penduduk Kecamatan',
      metadata_modified: '2025-01-01T00:00:04.000000',
      resources: [{ id: 'r4', name: 'Portal', format: 'HTML', url: 'https://example.go.id/penduduk' }],
    },
    {
      id: 'a0000000-0000-4000-8000-000000000005',
      name: 'indeks-pembangunan-manusia',
      title: 'Indeks Pembangunan Manusia',
      metadata_modified: '2025-01-01T00:00:05.000000',
      resources: [{ id: 'r5', name: 'IPM', format: '', url: '', datastore_active: true }],
    },
  ];
}

describe.each(CATALOG_ENGINES)('harvesting a CKAN portal into Kendali on %s', (engine) => {
  let t: TestServices;
  let remote: CkanFixture;
  let source: HarvestSourceSpec;
  const notes: string[] = [];
  const h = harvestHarness(() => t, { pageSize: 2, maxResourceBytes: 10_000 });
  const { call, show } = h;
  const deps = (limits: Partial<HarvestLimits> = {}, signal?: AbortSignal): HarvestDeps =>
    h.deps(limits, notes, signal);

  /** The local names of this source's datasets. */
  const names = [
    'penduduk-kota',
    'anggaran-2024',
    'produksi-padi',
    'jabar-penduduk-kecamatan',
    'indeks-pembangunan-manusia',
  ];
  /** Their states by name. */
  async function harvested(): Promise<Record<string, string>> {
    return Object.fromEntries(await Promise.all(names.map(async (n) => [n, (await show(n)).state])));
  }

  beforeAll(async () => {
    t = await openTestServices(engine);
    remote = await CkanFixture.start();
    remote.datasets = remoteDatasets();
    remote.files.set('/files/penduduk.csv', { body: PENDUDUK_CSV });
    remote.files.set('/files/anggaran.csv', { status: 500, body: 'Internal Server Error' });
    remote.files.set('/files/padi.csv', {
      body: `tahun,ton\n${'2024,123456\n'.repeat(5000)}`,
      chunked: true,
    });
    remote.files.set('/datastore/dump/r5', { body: IPM_CSV });
    await call('organization_create', { name: 'diskominfo-jabar', title: 'Diskominfo Jawa Barat' });
    await call('organization_create', { name: 'bps', title: 'Badan Pusat Statistik' });
    // A local dataset, not harvested, already holds one remote name.
    await call('package_create', { name: 'penduduk-kecamatan', title: 'Milik lokal', owner_org: 'bps' });
    source = {
      id: randomUUID(),
      name: 'jabar',
      type: 'ckan',
      url: `${remote.url}/`,
      org: 'diskominfo-jabar',
    };
  });
  afterAll(async () => {
    await remote?.close();
    await t?.cleanup();
  });

  it('harvests 3 pages: creates every dataset, reports the two whose file failed, imports the good tables', async () => {
    const result = await runHarvest(source, deps());
    expect(result.counts).toEqual({ created: 5, updated: 0, unchanged: 0, deleted: 0, failed: 2 });
    expect(result.seen).toBe(5);
    expect(result.errors.map((e) => e.dataset)).toEqual(['anggaran-2024', 'produksi-padi']);
    expect(result.errors[0]?.message).toMatch(
      /resource "Anggaran": GET http:\/\/127\.0\.0\.1:\d+\/files\/anggaran\.csv: answered status 500/,
    );
    expect(result.errors[1]?.message).toMatch(
      /resource "Padi": .*padi\.csv: the file is larger than the limit of 9\.8 KB; stopped reading$/,
    );
    // Three pages of two, then nothing more; the remote's datastore table came as a CSV dump.
    expect(remote.requests.filter((r) => r.includes('package_search')).length).toBe(3);
    expect(remote.requests).toContain('/datastore/dump/r5?format=csv');
    expect(notes).toHaveLength(5);
    expect(notes[4]).toBe('5/5 created indeks-pembangunan-manusia');

    const ds = await show('penduduk-kota');
    const orgId = (await call<{ id: string }>('organization_show', { id: 'diskominfo-jabar' })).id;
    expect(ds).toMatchObject({
      title: 'Penduduk Kota Bandung',
      owner_org: orgId,
      license_id: 'cc-by',
      private: false,
    });
    expect(ds.author_email).toBe(''); // not an email: left out rather than failing the dataset
    expect(ds.tags.map((x) => x.name)).toEqual(['Satu Data', 'kependudukan']);
    const extras = Object.fromEntries(ds.extras.map((e) => [e.key, e.value]));
    expect(extras).toMatchObject({
      sumber: 'BPS Jawa Barat',
      harvest_source_id: source.id,
      harvest_source_name: 'jabar',
      harvest_object_id: 'a0000000-0000-4000-8000-000000000001',
      harvest_url: `${remote.url}/dataset/penduduk-kota`,
      harvest_modified: '2025-01-01T00:00:01.000000',
    });
    expect(Number.isNaN(Date.parse(extras.harvested_at ?? ''))).toBe(false);
    expect(ds.resources.map((r) => [r.name, r.format, r.datastore_active])).toEqual([
      ['Penduduk 2023-2024', 'CSV', true],
      ['Metodologi', 'PDF', false],
    ]);
    expect(ds.resources[1]?.url).toBe(`${remote.url}/files/metodologi.pdf`);

    const table = await call<{ total: number; records: Record<string, unknown>[] }>('datastore_search', {
      resource_id: ds.resources[0]?.id,
      sort: 'tahun asc, kategori asc',
    });
    expect(table.total).toBe(3);
    expect(table.records).toEqual([
      { tahun: 2023, kategori: 'Laki-laki', jumlah: 1200 },
      { tahun: 2023, kategori: 'Perempuan', jumlah: 1250 },
      { tahun: 2024, kategori: 'Laki-laki', jumlah: 1310 },
    ]);
    const ipm = await show('indeks-pembangunan-manusia');
    const ipmTable = await call<{ records: Record<string, unknown>[] }>('datastore_search', {
      resource_id: ipm.resources[0]?.id,
      sort: 'tahun asc',
    });
    expect(ipmTable.records).toEqual([
      { tahun: 2022, indeks: 72.45 },
      { tahun: 2023, indeks: 73.12 },
    ]);

    // The failed datasets stay, without a table; the taken name went to the prefixed one.
    expect((await show('anggaran-2024')).resources[0]?.datastore_active).toBe(false);
    expect((await show('penduduk-kecamatan')).title).toBe('Milik lokal');
    expect((await show('jabar-penduduk-kecamatan')).title).toBe('Penduduk Kecamatan');
    // Temporary downloads and uploads are gone.
    const { readdir } = await import('node:fs/promises');
    expect(await readdir(join(t.services.config.dataDir, 'tmp', 'harvest'))).toEqual([]);
    expect(await readdir(join(t.services.config.dataDir, 'uploads'))).toEqual([]);
  });

  it('a second run with nothing changed writes nothing', async () => {
    const before = await Promise.all(
      Object.keys(await harvested()).map(async (n) => (await show(n)).metadata_modified),
    );
    const result = await runHarvest(source, deps());
    expect(result).toEqual({
      counts: { created: 0, updated: 0, unchanged: 5, deleted: 0, failed: 0 },
      errors: [],
      seen: 5,
    });
    const after = await Promise.all(
      Object.keys(await harvested()).map(async (n) => (await show(n)).metadata_modified),
    );
    expect(after).toEqual(before);
  });

  it('asks once more for a dataset missing from the listing, and keeps it while the remote still has it', async () => {
    const id = 'a0000000-0000-4000-8000-000000000002';
    remote.datasets = remote.datasets.map((d) => (d.id === id ? { ...d, unlisted: true } : d));
    const result = await runHarvest(source, deps());
    expect(result.counts).toEqual({ created: 0, updated: 0, unchanged: 5, deleted: 0, failed: 0 });
    expect(remote.requests.at(-1)).toBe(`/api/3/action/package_show?id=${id}`);
    remote.datasets = remote.datasets.map((d) => (d.id === id ? { ...d, unlisted: false } : d));
  });

  it('updates a changed dataset in place and deletes one the remote dropped', async () => {
    const before = await show('penduduk-kota');
    remote.datasets = remote.datasets
      .filter((d) => d.name !== 'penduduk-kecamatan')
      .map((d) =>
        d.name === 'penduduk-kota'
          ? { ...d, title: 'Penduduk Kota Bandung (revisi)', metadata_modified: '2025-02-01T00:00:00.000000' }
          : d,
      );
    const result = await runHarvest(source, deps());
    expect(result.counts).toEqual({ created: 0, updated: 1, unchanged: 3, deleted: 1, failed: 0 });
    expect(result.errors).toEqual([]);
    const after = await show('penduduk-kota');
    expect(after.id).toBe(before.id);
    expect(after.title).toBe('Penduduk Kota Bandung (revisi)');
    // The same resource keeps its table (its file did not change, so it was not downloaded again).
    expect(after.resources[0]?.id).toBe(before.resources[0]?.id);
    expect(after.resources[0]?.datastore_active).toBe(true);
    expect(await harvested()).toMatchObject({
      'jabar-penduduk-kecamatan': 'deleted',
      'penduduk-kota': 'active',
    });
    expect((await show('penduduk-kecamatan')).state).toBe('active'); // not ours: untouched
  });

  it('deletes a dataset made private; made public again, it returns under the prefixed name', async () => {
    const ipm = 'indeks-pembangunan-manusia';
    const setPrivate = (value: boolean) => {
      remote.datasets = remote.datasets.map((d) =>
        d.name === ipm ? { ...d, private: value, metadata_modified: '2025-03-01T00:00:00.000000' } : d,
      );
    };
    setPrivate(true);
    const hidden = await runHarvest(source, deps());
    expect(hidden.counts).toEqual({ created: 0, updated: 0, unchanged: 3, deleted: 1, failed: 0 });
    expect(hidden.seen).toBe(3);
    expect((await show(ipm)).state).toBe('deleted');

    // No action writes a deleted dataset, and its name stays taken: the copy comes back beside it.
    setPrivate(false);
    const back = await runHarvest(source, deps());
    expect(back.counts).toEqual({ created: 1, updated: 0, unchanged: 3, deleted: 0, failed: 0 });
    names.push(`jabar-${ipm}`);
    expect(await harvested()).toEqual({
      'penduduk-kota': 'active',
      'anggaran-2024': 'active',
      'produksi-padi': 'active',
      'jabar-penduduk-kecamatan': 'deleted',
      [ipm]: 'deleted',
      [`jabar-${ipm}`]: 'active',
    });
    const table = await call<{ total: number }>('datastore_search', {
      resource_id: (await show(`jabar-${ipm}`)).resources[0]?.id,
    });
    expect(table.total).toBe(2);
  });

  it('a remote answering an HTML page ends with an error and deletes nothing', async () => {
    remote.mode = 'html';
    const result = await runHarvest(source, deps());
    expect(result.counts).toEqual({ created: 0, updated: 0, unchanged: 0, deleted: 0, failed: 0 });
    expect(result.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(
        /package_search\?rows=2&start=0.*: answered an HTML page \(status 200\), expected CKAN API JSON/,
      ),
      'the listing is incomplete, so no local dataset was deleted',
    ]);
    expect(Object.values(await harvested()).filter((s) => s === 'active')).toHaveLength(4);
  });

  it('a remote repeating the same page is stopped with an error and nothing is deleted', async () => {
    remote.mode = 'repeat';
    const requests = remote.requests.length;
    const result = await runHarvest(source, deps());
    expect(remote.requests.length - requests).toBe(2);
    expect(result.counts).toMatchObject({ deleted: 0, unchanged: 2 });
    expect(result.errors[0]?.message).toMatch(/start=2.*answered the same datasets as for start=0/);
    expect(result.errors[1]?.message).toBe('the listing is incomplete, so no local dataset was deleted');
    expect(Object.values(await harvested()).filter((s) => s === 'active')).toHaveLength(4);
  });

  it('a remote that never answers fails with a timeout error naming the URL', async () => {
    remote.mode = 'silent';
    const started = Date.now();
    const result = await runHarvest(source, deps({ requestTimeoutMs: 300 }));
    expect(Date.now() - started).toBeLessThan(5000);
    expect(result.errors[0]?.message).toMatch(
      /^the listing failed: GET http:\/\/127\.0\.0\.1:\d+\/api\/3\/action\/package_search\?.*: no answer within 300 ms \(request timeout\)$/,
    );
    expect(result.counts.deleted).toBe(0);
  });

  it('stops promptly with the abort reason when the caller aborts', async () => {
    remote.mode = 'silent';
    const abort = new AbortController();
    setTimeout(() => abort.abort(new Error('dihentikan operator')), 100);
    const started = Date.now();
    await expect(runHarvest(source, deps({}, abort.signal))).rejects.toThrow('dihentikan operator');
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
