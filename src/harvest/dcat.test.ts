/**
 * Harvesting DCAT catalogs: a hand-written DCAT-AP catalog in two Turtle pages on a loopback
 * server (`dcat-fixture.ts`), the same kind of catalog in JSON-LD and RDF/XML, and a real
 * Kendali HTTP app's own `/catalog.ttl` — into real Kendali services.
 */
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../../test/support/accounts.js';
import { CATALOG_ENGINES } from '../../test/support/catalog.js';
import { type HarvestedDict, harvestHarness } from '../../test/support/harvest.js';
import { openTestServices, type TestServices } from '../../test/support/services.js';
import type { Services } from '../actions/types.js';
import { buildApp } from '../http/app.js';
import { addUpload } from '../ingest/uploads.js';
import { runDcatHarvest } from './dcat.js';
import { DcatFixture, PENDUDUK_CSV } from './dcat-fixture.js';
import { LicenseMatcher, slugOf } from './dcat-graph.js';
import { looksLikeHtml, rdfSyntaxOf } from './rdf.js';
import { runHarvest } from './run.js';
import type { HarvestSourceSpec } from './types.js';

type Dict = HarvestedDict;

const extrasOf = (d: Dict): Record<string, string> =>
  Object.fromEntries(d.extras.map((e) => [e.key, e.value]));

const harness = (t: () => TestServices) => harvestHarness(t, { maxResourceBytes: 100_000 });

describe('reading DCAT documents', () => {
  it('picks the RDF syntax by Content-Type first, then by the URL’s extension', () => {
    expect(rdfSyntaxOf('text/turtle; charset=utf-8', 'http://h/catalog.rdf')).toBe('turtle');
    expect(rdfSyntaxOf('application/ld+json', 'http://h/catalog')).toBe('jsonld');
    expect(rdfSyntaxOf('application/rdf+xml', 'http://h/catalog.ttl')).toBe('rdfxml');
    expect(rdfSyntaxOf('text/plain', 'http://h/catalog.ttl?page=2')).toBe('turtle');
    expect(rdfSyntaxOf('application/octet-stream', 'http://h/catalog.jsonld')).toBe('jsonld');
    expect(rdfSyntaxOf('', 'http://h/catalog.rdf')).toBe('rdfxml');
    expect(rdfSyntaxOf('', 'http://h/catalog', 'http://h/catalog.ttl')).toBe('turtle');
    expect(rdfSyntaxOf('text/plain', 'http://h/catalog')).toBeUndefined();
    expect(looksLikeHtml('text/html', '@prefix x: <y> .')).toBe(true);
    expect(looksLikeHtml('text/turtle', '  <!DOCTYPE html><html>')).toBe(true);
    expect(looksLikeHtml('application/rdf+xml', '<?xml version="1.0"?><rdf:RDF/>')).toBe(false);
  });

  it('makes local names and maps licence IRIs to the local licence list', () => {
    expect(slugOf('APBD Provinsi 2024')).toBe('apbd-provinsi-2024');
    expect(slugOf('Jumlah-Sekolah_SD')).toBe('jumlah-sekolah_sd');
    expect(slugOf('Pendapatan Daerah — Ringkasan (é)')).toBe('pendapatan-daerah-ringkasan-e');
    expect(slugOf('x')).toBe('');
    const licenses = new LicenseMatcher([
      {
        id: 'cc-by',
        title: 'Creative Commons Attribution',
        url: 'http://www.opendefinition.org/licenses/cc-by',
      },
      { id: 'odc-odbl', title: 'ODbL', url: 'http://www.opendefinition.org/licenses/odc-odbl' },
      { id: 'cc-zero', title: 'Creative Commons CCZero', url: '' },
    ]);
    expect(licenses.byIri('https://opendefinition.org/licenses/cc-by/')).toBe('cc-by');
    expect(licenses.byIri('https://creativecommons.org/licenses/by/4.0/')).toBe('cc-by');
    expect(licenses.byIri('http://publications.europa.eu/resource/authority/licence/CC0')).toBe('cc-zero');
    expect(licenses.byIri('https://opendatacommons.org/licenses/odbl/1-0/')).toBe('odc-odbl');
    expect(licenses.byIri('https://example.org/lisensi/khusus')).toBe('');
    expect(licenses.byIri('https://creativecommons.org/licenses/by-sa/4.0/')).toBe(''); // not listed here
    expect(licenses.byText('Creative Commons Attribution')).toBe('cc-by');
  });
});

describe.each(CATALOG_ENGINES)('harvesting a DCAT catalog (Turtle, Hydra paging) on %s', (engine) => {
  let t: TestServices;
  let remote: DcatFixture;
  let source: HarvestSourceSpec;
  const h = harness(() => t);
  const names = ['penduduk-kota-bandung', 'jumlah-sekolah_sd', 'apbd-provinsi-2024'];
  const states = async (): Promise<Record<string, string>> =>
    Object.fromEntries(await Promise.all(names.map(async (n) => [n, (await h.show(n)).state])));
  /** Requests made since `from`. */
  const since = (from: number) => remote.requests.slice(from);

  beforeAll(async () => {
    t = await openTestServices(engine);
    remote = await DcatFixture.start();
    await h.call('organization_create', { name: 'bandung', title: 'Pemerintah Kota Bandung' });
    source = {
      id: randomUUID(),
      name: 'bandung',
      type: 'dcat',
      url: `${remote.url}/catalog.ttl`,
      org: 'bandung',
    };
  });
  afterAll(async () => {
    await remote?.close();
    await t?.cleanup();
  });

  it('creates every dataset of both pages, with its fields, provenance and tables', async () => {
    const notes: string[] = [];
    const result = await runDcatHarvest(source, h.deps({}, notes));
    expect(result).toEqual({
      counts: { created: 3, updated: 0, unchanged: 0, deleted: 0, failed: 0 },
      errors: [],
      seen: 3,
    });
    // Page 1, its CSV, page 2, its JSON file: a page's datasets are harvested before the next page is read.
    expect(remote.requests).toEqual([
      '/catalog.ttl',
      '/files/penduduk.csv',
      '/catalog.ttl?page=2',
      '/files/apbd.json',
    ]);
    expect(notes).toEqual([
      '1/3 created penduduk-kota-bandung',
      '2/3 created jumlah-sekolah_sd',
      '3/3 created apbd-provinsi-2024',
    ]);

    const b = remote.url;
    const penduduk = await h.show('penduduk-kota-bandung');
    expect(penduduk).toMatchObject({
      title: 'Jumlah Penduduk Kota Bandung',
      notes: 'Jumlah penduduk menurut kecamatan.',
      license_id: 'cc-by',
      url: `${b}/dataset/penduduk.html`,
      maintainer: 'Bidang Statistik',
      maintainer_email: 'statistik@bandung.go.id',
    });
    expect(penduduk.tags.map((x) => x.name).sort()).toEqual(['kependudukan', 'penduduk']);
    expect(extrasOf(penduduk)).toMatchObject({
      uri: `${b}/dataset/penduduk`,
      identifier: 'penduduk-kota-bandung',
      harvest_source_id: source.id,
      harvest_source_name: 'bandung',
      harvest_object_id: 'penduduk-kota-bandung',
      harvest_url: `${b}/dataset/penduduk.html`,
      harvest_modified: '2025-03-01T08:00:00Z',
    });
    expect(penduduk.resources.map((r) => [r.name, r.format, r.url, r.datastore_active])).toEqual([
      ['Penduduk per Kecamatan 2024', 'CSV', `${b}/files/penduduk.csv`, true],
      ['Metodologi', 'PDF', `${b}/files/metodologi.pdf`, false],
    ]);
    const table = await h.call<{ total: number; records: Record<string, unknown>[] }>('datastore_search', {
      resource_id: penduduk.resources[0]?.id,
      sort: 'kecamatan asc',
      fields: ['kecamatan', 'tahun', 'jumlah'],
    });
    expect(table.records).toEqual([
      { kecamatan: 'Coblong', tahun: 2024, jumlah: 130500 },
      { kecamatan: 'Sukajadi', tahun: 2024, jumlah: 104200 },
    ]);

    // No identifier, no dct:modified, titles in two languages, keywords only in English.
    const sekolah = await h.show('jumlah-sekolah_sd');
    expect(sekolah.title).toBe('Jumlah Sekolah Dasar');
    expect(sekolah.tags.map((x) => x.name).sort()).toEqual(['education', 'pendidikan']);
    expect(sekolah.license_id).toBe('');
    const sekolahExtras = extrasOf(sekolah);
    expect(sekolahExtras.harvest_object_id).toBe(`${b}/id/dataset/Jumlah-Sekolah_SD`);
    expect(sekolahExtras.harvest_modified).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(sekolah.resources.map((r) => [r.name, r.format, r.url, r.datastore_active])).toEqual([
      ['HTML', 'HTML', `${b}/sekolah`, false],
    ]);

    // Page 2: a JSON file behind an access URL that names a file; the licence on the distribution.
    const apbd = await h.show('apbd-provinsi-2024');
    expect(apbd).toMatchObject({
      title: 'Anggaran Pendapatan dan Belanja Daerah 2024',
      license_id: 'odc-odbl',
    });
    expect(extrasOf(apbd)).toMatchObject({
      harvest_object_id: 'APBD Provinsi 2024',
      harvest_modified: '2025-02-01',
    });
    expect(apbd.resources.map((r) => [r.name, r.format, r.datastore_active])).toEqual([
      ['JSON', 'JSON', true],
    ]);
    const apbdTable = await h.call<{ total: number }>('datastore_search', {
      resource_id: apbd.resources[0]?.id,
    });
    expect(apbdTable.total).toBe(2);

    const dataDir = t.services.config.dataDir;
    expect(await readdir(join(dataDir, 'tmp', 'harvest'))).toEqual([]);
    expect(await readdir(join(dataDir, 'uploads'))).toEqual([]);
  });

  it('a second run with nothing changed writes nothing and downloads nothing', async () => {
    const before = await Promise.all(names.map(async (n) => (await h.show(n)).metadata_modified));
    const from = remote.requests.length;
    const result = await runDcatHarvest(source, h.deps());
    expect(result).toEqual({
      counts: { created: 0, updated: 0, unchanged: 3, deleted: 0, failed: 0 },
      errors: [],
      seen: 3,
    });
    expect(since(from)).toEqual(['/catalog.ttl', '/catalog.ttl?page=2']);
    expect(await Promise.all(names.map(async (n) => (await h.show(n)).metadata_modified))).toEqual(before);
  });

  it('updates a dataset whose dct:modified changed, and one without it whose triples changed', async () => {
    const before = await h.show('penduduk-kota-bandung');
    remote.state.pendudukTitle = 'Jumlah Penduduk Kota Bandung (revisi)';
    remote.state.pendudukModified = '2025-04-01T08:00:00Z';
    remote.state.sekolahDescription = 'Jumlah sekolah dasar per kecamatan, tahun ajaran 2024/2025.';
    const from = remote.requests.length;
    const result = await runDcatHarvest(source, h.deps());
    expect(result).toEqual({
      counts: { created: 0, updated: 2, unchanged: 1, deleted: 0, failed: 0 },
      errors: [],
      seen: 3,
    });
    const after = await h.show('penduduk-kota-bandung');
    expect(after.id).toBe(before.id);
    expect(after.title).toBe('Jumlah Penduduk Kota Bandung (revisi)');
    expect(extrasOf(after).harvest_modified).toBe('2025-04-01T08:00:00Z');
    // The distribution did not change: same resource, its table kept, the file not read again.
    expect(after.resources[0]?.id).toBe(before.resources[0]?.id);
    expect(after.resources[0]?.datastore_active).toBe(true);
    expect(since(from)).toEqual(['/catalog.ttl', '/catalog.ttl?page=2']);
    expect((await h.show('jumlah-sekolah_sd')).notes).toBe(
      'Jumlah sekolah dasar per kecamatan, tahun ajaran 2024/2025.',
    );
  });

  it('a page answering HTML ends with an error and deletes nothing', async () => {
    remote.mode = 'html';
    remote.state.apbd = false; // gone as well, but an incomplete listing cannot tell
    const result = await runDcatHarvest(source, h.deps());
    expect(result.counts).toEqual({ created: 0, updated: 0, unchanged: 2, deleted: 0, failed: 0 });
    expect(result.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(
        /^the listing failed: GET http:\/\/127\.0\.0\.1:\d+\/catalog\.ttl\?page=2: answered an HTML page \(status 200, text\/html; charset=utf-8\), expected an RDF catalog/,
      ),
      'the listing is incomplete, so no local dataset was deleted',
    ]);
    expect(await states()).toEqual({
      'penduduk-kota-bandung': 'active',
      'jumlah-sekolah_sd': 'active',
      'apbd-provinsi-2024': 'active',
    });
  });

  it('paging that loops (hydra:nextPage back to page 1) or repeats page 1 is stopped; nothing is deleted', async () => {
    for (const [mode, message] of [
      ['loop', /catalog\.ttl\?page=2: the next page http:\S+\/catalog\.ttl was read already/],
      ['same', /catalog\.ttl\?page=2: the catalog answered the same datasets as http:\S+\/catalog\.ttl /],
    ] as const) {
      remote.mode = mode;
      const result = await runDcatHarvest(source, h.deps());
      expect(result.counts, mode).toMatchObject({ unchanged: 2, deleted: 0 });
      expect(result.errors[0]?.message, mode).toMatch(message);
      expect(result.errors[1]?.message).toBe('the listing is incomplete, so no local dataset was deleted');
    }
    remote.mode = 'ok';
    const cut = await runDcatHarvest(source, h.deps({ maxPages: 1 }));
    expect(cut.errors[0]?.message).toMatch(/stopped after 1 pages \(maxPages\) before http:\S+\?page=2/);
    expect(cut.counts.deleted).toBe(0);
    expect((await states())['apbd-provinsi-2024']).toBe('active');
  });

  it('deletes a dataset gone from a complete listing, after reading the catalog a second time', async () => {
    const from = remote.requests.length;
    const result = await runDcatHarvest(source, h.deps());
    expect(result).toEqual({
      counts: { created: 0, updated: 0, unchanged: 2, deleted: 1, failed: 0 },
      errors: [],
      seen: 2,
    });
    expect(since(from)).toEqual([
      '/catalog.ttl',
      '/catalog.ttl?page=2',
      '/catalog.ttl',
      '/catalog.ttl?page=2',
    ]);
    expect(await states()).toEqual({
      'penduduk-kota-bandung': 'active',
      'jumlah-sekolah_sd': 'active',
      'apbd-provinsi-2024': 'deleted',
    });
  });
});

describe('harvesting DCAT in JSON-LD and RDF/XML', () => {
  let t: TestServices;
  let remote: DcatFixture;
  const h = harness(() => t);
  const spec = (name: string, path: string): HarvestSourceSpec => ({
    id: randomUUID(),
    name,
    type: 'dcat',
    url: `${remote.url}${path}`,
    org: 'bps',
  });

  beforeAll(async () => {
    t = await openTestServices('pglite');
    remote = await DcatFixture.start();
    await h.call('organization_create', { name: 'bps', title: 'Badan Pusat Statistik' });
    const b = remote.url;
    remote.docs.set('/kemiskinan.jsonld', {
      contentType: 'application/ld+json',
      body: JSON.stringify({
        '@context': {
          dcat: 'http://www.w3.org/ns/dcat#',
          dct: 'http://purl.org/dc/terms/',
          'dct:license': { '@type': '@id' },
          'dcat:downloadURL': { '@type': '@id' },
        },
        '@graph': [
          { '@id': 'katalog', '@type': 'dcat:Catalog', 'dcat:dataset': { '@id': 'dataset/kemiskinan' } },
          {
            '@id': 'dataset/kemiskinan',
            '@type': 'dcat:Dataset',
            'dct:identifier': 'kemiskinan-2024',
            'dct:title': [
              { '@value': 'Poverty 2024', '@language': 'en' },
              { '@value': 'Persentase Penduduk Miskin 2024', '@language': 'id' },
            ],
            'dct:modified': '2025-01-15',
            'dcat:keyword': ['kemiskinan', 'sosial'],
            'dcat:distribution': {
              '@id': 'dataset/kemiskinan/csv',
              '@type': 'dcat:Distribution',
              'dcat:downloadURL': `${b}/files/penduduk.csv`,
              'dcat:mediaType': 'text/csv',
              'dct:license': 'http://www.opendefinition.org/licenses/cc-by',
            },
          },
        ],
      }),
    });
    // Sent as application/octet-stream: the `.rdf` extension tells the syntax.
    remote.docs.set('/ipm.rdf', {
      contentType: 'application/octet-stream',
      body: `<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    xmlns:dcat="http://www.w3.org/ns/dcat#" xmlns:dct="http://purl.org/dc/terms/" xml:base="${b}/">
  <dcat:Catalog rdf:about="katalog">
    <dcat:dataset>
      <dcat:Dataset rdf:about="dataset/ipm">
        <dct:title xml:lang="id">Indeks Pembangunan Manusia</dct:title>
        <dct:modified rdf:datatype="http://www.w3.org/2001/XMLSchema#date">2025-01-20</dct:modified>
        <dcat:keyword>ipm</dcat:keyword>
        <dcat:distribution>
          <dcat:Distribution rdf:about="dataset/ipm/tabel">
            <dct:title>Tabel IPM</dct:title>
            <dcat:accessURL rdf:resource="${b}/files/penduduk.csv"/>
            <dct:format rdf:resource="http://publications.europa.eu/resource/authority/file-type/CSV"/>
          </dcat:Distribution>
        </dcat:distribution>
      </dcat:Dataset>
    </dcat:dataset>
  </dcat:Catalog>
</rdf:RDF>
`,
    });
    remote.docs.set('/remote-context.jsonld', {
      contentType: 'application/ld+json',
      body: JSON.stringify({
        '@context': `${b}/context.jsonld`,
        '@id': 'dataset/x',
        '@type': 'Dataset',
        title: 'X',
      }),
    });
    remote.docs.set('/not-dcat.ttl', {
      contentType: 'text/turtle',
      body: '<http://example.org/a> <http://example.org/b> "c" .\n',
    });
  });
  afterAll(async () => {
    await remote?.close();
    await t?.cleanup();
  });

  it('reads a JSON-LD catalog with an inline context', async () => {
    const result = await runDcatHarvest(spec('jsonld', '/kemiskinan.jsonld'), h.deps());
    expect(result).toEqual({
      counts: { created: 1, updated: 0, unchanged: 0, deleted: 0, failed: 0 },
      errors: [],
      seen: 1,
    });
    const ds = await h.show('kemiskinan-2024');
    expect(ds).toMatchObject({ title: 'Persentase Penduduk Miskin 2024', license_id: 'cc-by' });
    expect(extrasOf(ds).uri).toBe(`${remote.url}/dataset/kemiskinan`);
    expect(ds.resources.map((r) => [r.name, r.format, r.datastore_active])).toEqual([['CSV', 'CSV', true]]);
  });

  it('reads an RDF/XML catalog by its extension; the dataset named by its IRI', async () => {
    // runHarvest hands a source of type dcat to runDcatHarvest.
    const result = await runHarvest(spec('rdfxml', '/ipm.rdf'), h.deps());
    expect(result.counts).toEqual({ created: 1, updated: 0, unchanged: 0, deleted: 0, failed: 0 });
    const ds = await h.show('ipm');
    expect(ds.title).toBe('Indeks Pembangunan Manusia');
    expect(extrasOf(ds).harvest_object_id).toBe(`${remote.url}/dataset/ipm`);
    // An access URL that names a CSV file is read as the table.
    expect(ds.resources.map((r) => [r.name, r.format, r.datastore_active])).toEqual([
      ['Tabel IPM', 'CSV', true],
    ]);
    const table = await h.call<{ total: number }>('datastore_search', { resource_id: ds.resources[0]?.id });
    expect(table.total).toBe(PENDUDUK_CSV.trim().split('\n').length - 1);
  });

  it('never fetches a remote JSON-LD context, and refuses RDF that is no DCAT catalog', async () => {
    const remoteContext = await runDcatHarvest(spec('ctx', '/remote-context.jsonld'), h.deps());
    expect(remoteContext.errors[0]?.message).toMatch(
      /^the listing failed: GET \S+\/remote-context\.jsonld: the answer is not valid JSON-LD: .*context/i,
    );
    expect(remote.requests).not.toContain('/context.jsonld');
    const notDcat = await runDcatHarvest(spec('lain', '/not-dcat.ttl'), h.deps());
    expect(notDcat.errors[0]?.message).toMatch(/no dcat:Catalog and no dcat:Dataset/);
    const missing = await runDcatHarvest(spec('hilang', '/tidak-ada.ttl'), h.deps());
    expect(missing.errors[0]?.message).toMatch(/tidak-ada\.ttl: answered status 404/);
    const badUrl = await runDcatHarvest(
      { ...spec('ftp', ''), url: 'ftp://example.org/catalog.ttl' },
      h.deps(),
    );
    expect(badUrl.errors[0]?.message).toMatch(/is not http\(s\)/);
  });

  it('rejects with the abort reason when the caller aborts', async () => {
    const deps = { ...h.deps(), signal: AbortSignal.abort(new Error('dihentikan operator')) };
    await expect(runDcatHarvest(spec('batal', '/kemiskinan.jsonld'), deps)).rejects.toThrow(
      'dihentikan operator',
    );
  });
});

describe('Kendali harvests another Kendali’s /catalog.ttl', () => {
  let a: TestServices;
  let b: TestServices;
  let app: FastifyInstance;
  let files: DcatFixture;
  let url = '';
  const onA = <T>(name: string, input: Record<string, unknown>) =>
    a.registry.call(name, systemCtx(a), input) as Promise<T>;
  const h = harness(() => b);
  let source: HarvestSourceSpec;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    [a, b] = await Promise.all([openTestServices('pglite'), openTestServices('pglite')]);
    files = await DcatFixture.start();
    await onA('organization_create', { name: 'bps', title: 'BPS' });
    await onA('package_create', {
      name: 'penduduk',
      title: 'Jumlah Penduduk',
      notes: 'Jumlah penduduk per kecamatan.',
      owner_org: 'bps',
      license_id: 'cc-by',
      tags: [{ name: 'kependudukan' }],
      resources: [{ name: 'Penduduk per kecamatan', format: 'CSV', url: `${files.url}/files/penduduk.csv` }],
    });
    await onA('package_create', {
      name: 'anggaran',
      title: 'Anggaran Daerah',
      owner_org: 'bps',
      license_id: 'odc-odbl',
      resources: [{ name: 'Ringkasan', format: 'PDF', url: `${files.url}/files/ringkasan.pdf` }],
    });
    // A datastore table, as an import makes it: a resource without a URL of its own.
    await onA('package_create', { name: 'ipm', title: 'Penduduk per Provinsi', owner_org: 'bps' });
    const csv = join(a.dataDir, 'provinsi.csv');
    writeFileSync(csv, 'provinsi;tahun;jumlah\nAceh;2024;"5.554.800"\nBali;2024;"4.433.300"\n');
    const upload = await addUpload(a.services.config.dataDir, csv, null);
    await onA('datastore_import', { upload_id: upload.id, package_id: 'ipm' });
    for (const name of ['penduduk', 'anggaran', 'ipm']) {
      const ds = await onA<{ id: string; resources: { id: string }[] }>('package_show', { id: name });
      ids[name] = ds.id;
      ids[`${name}:resource`] = ds.resources[0]?.id ?? '';
    }
    await h.call('organization_create', { name: 'jabar', title: 'Jawa Barat' });
    // The feed's links use the site's public URL: here, the address the app listens on.
    let base = '';
    const services: Services = {
      ...a.services,
      config: {
        ...a.services.config,
        get baseUrl() {
          return base;
        },
      },
    };
    app = await buildApp({ registry: a.registry, services, logger: false });
    url = await app.listen({ port: 0, host: '127.0.0.1' });
    base = url;
    source = { id: randomUUID(), name: 'pusat', type: 'dcat', url: `${url}/catalog.ttl`, org: 'jabar' };
  });
  afterAll(async () => {
    await app?.close();
    await files?.close();
    await Promise.all([a?.cleanup(), b?.cleanup()]);
  });

  it('creates, skips unchanged, updates, stops at a broken page and deletes what the catalog dropped', async () => {
    const first = await runDcatHarvest(source, h.deps());
    expect(first).toEqual({
      counts: { created: 3, updated: 0, unchanged: 0, deleted: 0, failed: 0 },
      errors: [],
      seen: 3,
    });
    // Kendali's dct:identifier and IRI carry the dataset's id (a UUID, which a name must not
    // look like): the local copy is named after the landing page, /dataset/<name>.
    const penduduk = await h.show('penduduk');
    expect(penduduk).toMatchObject({
      name: 'penduduk',
      title: 'Jumlah Penduduk',
      notes: 'Jumlah penduduk per kecamatan.',
      license_id: 'cc-by',
      url: `${url}/dataset/penduduk`,
    });
    expect(penduduk.tags.map((x) => x.name)).toEqual(['kependudukan']);
    expect(extrasOf(penduduk)).toMatchObject({
      uri: `${url}/dataset/${ids.penduduk}`,
      harvest_object_id: ids.penduduk,
      harvest_url: `${url}/dataset/penduduk`,
    });
    expect(penduduk.resources.map((r) => [r.name, r.format, r.url, r.datastore_active])).toEqual([
      ['Penduduk per kecamatan', 'CSV', `${files.url}/files/penduduk.csv`, true],
    ]);
    const table = await h.call<{ records: Record<string, unknown>[] }>('datastore_search', {
      resource_id: penduduk.resources[0]?.id,
      sort: 'kecamatan asc',
    });
    expect(table.records).toMatchObject([
      { kecamatan: 'Coblong', tahun: 2024, jumlah: 130500 },
      { kecamatan: 'Sukajadi', tahun: 2024, jumlah: 104200 },
    ]);
    const anggaran = await h.show('anggaran');
    expect(anggaran).toMatchObject({ title: 'Anggaran Daerah', license_id: 'odc-odbl' });
    expect(anggaran.resources.map((r) => [r.name, r.format, r.datastore_active])).toEqual([
      ['Ringkasan', 'PDF', false],
    ]);
    // Kendali's feed gives a datastore table its CSV dump as download URL: loaded as a table here.
    const ipm = await h.show('ipm');
    expect(ipm.resources.map((r) => [r.format, r.datastore_active])).toEqual([['CSV', true]]);
    expect(ipm.resources[0]?.url).toMatch(new RegExp(`^${url}/datastore/dump/[0-9a-f-]{36}\\?format=csv$`));

    expect((await runDcatHarvest(source, h.deps())).counts).toEqual({
      created: 0,
      updated: 0,
      unchanged: 3,
      deleted: 0,
      failed: 0,
    });

    await onA('package_patch', { id: 'anggaran', title: 'Anggaran Daerah 2025' });
    const changed = await runDcatHarvest(source, h.deps());
    expect(changed).toEqual({
      counts: { created: 0, updated: 1, unchanged: 2, deleted: 0, failed: 0 },
      errors: [],
      seen: 3,
    });
    expect((await h.show('anggaran')).title).toBe('Anggaran Daerah 2025');

    // Made private: gone from the feed. Pointed at a page past the last one, the run fails and keeps it.
    await onA('package_patch', { id: 'penduduk', private: true });
    const broken = await runDcatHarvest({ ...source, url: `${url}/catalog.ttl?page=9` }, h.deps());
    expect(broken.counts).toEqual({ created: 0, updated: 0, unchanged: 0, deleted: 0, failed: 0 });
    expect(broken.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/\/catalog\.ttl\?page=9: answered status 404 Not Found .*last page is 1/),
      'the listing is incomplete, so no local dataset was deleted',
    ]);
    expect((await h.show('penduduk')).state).toBe('active');

    const gone = await runDcatHarvest(source, h.deps());
    expect(gone).toEqual({
      counts: { created: 0, updated: 0, unchanged: 2, deleted: 1, failed: 0 },
      errors: [],
      seen: 2,
    });
    expect((await h.show('penduduk')).state).toBe('deleted');
  });

  it('a distribution pointing at a Kendali datastore dump keeps the region codes it comes with', async () => {
    const dump = `${url}/datastore/dump/${ids['ipm:resource']}?format=csv`;
    files.docs.set('/dump.ttl', {
      contentType: 'text/turtle',
      body: `@prefix dcat: <http://www.w3.org/ns/dcat#> .
@prefix dct: <http://purl.org/dc/terms/> .
<${files.url}/dataset/provinsi> a dcat:Dataset ;
    dct:identifier "penduduk-provinsi" ;
    dct:title "Penduduk per Provinsi (salinan)" ;
    dct:modified "2025-05-01T00:00:00Z" ;
    dcat:distribution <${files.url}/dataset/provinsi/csv> .
<${files.url}/dataset/provinsi/csv> a dcat:Distribution ;
    dct:title "Tabel" ;
    dcat:downloadURL <${dump}> ;
    dct:format "CSV" .
`,
    });
    const result = await runDcatHarvest(
      { id: randomUUID(), name: 'salinan', type: 'dcat', url: `${files.url}/dump.ttl`, org: 'jabar' },
      h.deps(),
    );
    expect(result).toEqual({
      counts: { created: 1, updated: 0, unchanged: 0, deleted: 0, failed: 0 },
      errors: [],
      seen: 1,
    });
    const ds = await h.show('penduduk-provinsi');
    const table = await h.call<{ records: Record<string, unknown>[] }>('datastore_search', {
      resource_id: ds.resources[0]?.id,
      sort: 'provinsi asc',
    });
    // Not coded a second time (no provinsi_kode_kode): the dump's Kendali said it is one.
    expect(table.records).toEqual([
      { provinsi: 'Aceh', tahun: 2024, jumlah: 5554800, provinsi_kode: '11', provinsi_nama_baku: 'Aceh' },
      { provinsi: 'Bali', tahun: 2024, jumlah: 4433300, provinsi_kode: '51', provinsi_nama_baku: 'Bali' },
    ]);
  });
});
