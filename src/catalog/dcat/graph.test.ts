import { DataFactory, type Quad, type Store } from 'n3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices, type TestServices } from '../../../test/support/services.js';
import { catalogPageGraph, datasetGraph } from './feed.js';
import { seedDcatFixture, VISIBLE } from './fixture.js';
import { validateDcat } from './testing.js';
import { dcat, dct, EU, foaf, RDF_TYPE, skos, vcard, xsd } from './vocab.js';

const { namedNode, literal } = DataFactory;
const BASE = 'http://localhost:8080';

describe.each(['pglite', 'postgres'] as const)('DCAT-AP 3 graph on %s', (engine) => {
  let t: TestServices;
  let store: Store;
  const objects = (s: string, p: ReturnType<typeof dct>) => store.getObjects(namedNode(s), p, null);
  const values = (s: string, p: ReturnType<typeof dct>) =>
    objects(s, p)
      .map((o) => o.value)
      .sort();
  let ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await openTestServices(engine, { regions: true });
    await seedDcatFixture(t);
    store = await catalogPageGraph(t.services, 'ttl', { page: 1 });
    const rows = await t.services.catalog.db.selectFrom('dataset').select(['id', 'name']).execute();
    ids = Object.fromEntries(rows.map((r) => [r.name, `${BASE}/dataset/${r.id}`]));
  });
  afterAll(async () => t.cleanup());

  it('conforms to the DCAT-AP 3 shapes: the catalog page and every dataset on its own', async () => {
    const report = await validateDcat(store.getQuads(null, null, null, null));
    expect(report.results).toEqual([]);
    expect(report.conforms).toBe(true);
    for (const name of VISIBLE) {
      const one = await datasetGraph(t.services, name);
      expect((await validateDcat(one.getQuads(null, null, null, null))).conforms).toBe(true);
    }
  });

  it('fails validation when a mandatory property is missing', async () => {
    const cases: [string, (q: Quad) => boolean][] = [
      [
        'dct:description of a dataset',
        (q) => q.subject.value === ids['penduduk-miskin'] && q.predicate.equals(dct('description')),
      ],
      [
        'dct:title of a dataset',
        (q) => q.subject.value === ids['jalan-desa'] && q.predicate.equals(dct('title')),
      ],
      [
        'dct:publisher of the catalog',
        (q) => q.subject.value === `${BASE}/catalog` && q.predicate.equals(dct('publisher')),
      ],
      [
        'dcat:accessURL of a distribution',
        (q) => q.predicate.equals(dcat('accessURL')) && q.subject.value.startsWith(ids['jalan-desa'] ?? '?'),
      ],
      [
        'foaf:name of a publisher',
        (q) => q.subject.value === `${BASE}/organization/bps` && q.predicate.equals(foaf('name')),
      ],
    ];
    for (const [what, drop] of cases) {
      const broken = store.getQuads(null, null, null, null).filter((q) => !drop(q));
      expect(broken.length, what).toBeLessThan(store.size);
      const report = await validateDcat(broken);
      expect(report.conforms, what).toBe(false);
      expect(report.results.length, what).toBeGreaterThan(0);
    }
    const noDescription = store
      .getQuads(null, null, null, null)
      .filter((q) => !(q.subject.value === ids['catatan-kosong'] && q.predicate.equals(dct('description'))));
    const report = await validateDcat(noDescription);
    expect(report.results.join('\n')).toContain(`${ids['catatan-kosong']} ${dct('description').value}`);
  });

  it('fails validation on wrong datatypes and classes of recommended properties', async () => {
    const all = store.getQuads(null, null, null, null);
    const swaps: [string, (q: Quad) => Quad | null][] = [
      [
        'dcat:byteSize as xsd:integer',
        (q) =>
          q.predicate.equals(dcat('byteSize'))
            ? DataFactory.quad(q.subject, q.predicate, literal(q.object.value, xsd('integer')))
            : q,
      ],
      [
        'dcat:startDate as a plain string',
        (q) =>
          q.predicate.equals(dcat('startDate'))
            ? DataFactory.quad(q.subject, q.predicate, literal(q.object.value))
            : q,
      ],
      ['dct:license without its class', (q) => (q.object.equals(dct('LicenseDocument')) ? null : q)],
      [
        'dcat:accessURL as a literal',
        (q) =>
          q.predicate.equals(dcat('accessURL'))
            ? DataFactory.quad(q.subject, q.predicate, literal(q.object.value))
            : q,
      ],
    ];
    for (const [what, swap] of swaps) {
      const changed = all.map(swap).filter((q): q is Quad => q !== null);
      expect((await validateDcat(changed)).conforms, what).toBe(false);
    }
  });

  it('lists only public, active datasets in the catalog', () => {
    const listed = store.getObjects(namedNode(`${BASE}/catalog`), dcat('dataset'), null).map((o) => o.value);
    expect(listed.sort()).toEqual(VISIBLE.map((n) => ids[n]).sort());
    expect(store.getSubjects(RDF_TYPE, dcat('Dataset'), null)).toHaveLength(VISIBLE.length);
  });

  it('fills the recommended properties from the data', () => {
    const id = ids['penduduk-miskin'] ?? '';
    expect(values(id, dcat('keyword'))).toEqual(['kemiskinan', 'kesejahteraan']);
    expect(values(id, dcat('theme'))).toEqual([`${BASE}/group/kemiskinan`]);
    expect(values(`${BASE}/group/kemiskinan`, skos('prefLabel'))).toEqual(['Kemiskinan']);
    expect(values(id, dct('publisher'))).toEqual([`${BASE}/organization/bps`]);
    expect(values(`${BASE}/organization/bps`, dct('type'))).toEqual([
      'http://purl.org/adms/publishertype/NationalAuthority',
    ]);
    expect(values(id, dct('accrualPeriodicity'))).toEqual([`${EU.frequency}BIANNUAL`]);
    expect(values(id, dcat('landingPage'))).toEqual([`${BASE}/dataset/penduduk-miskin`]);
    expect(values(id, dcat('version'))).toEqual(['2024.1']);
    expect(values(id, dct('spatial'))).toEqual([`${BASE}/wilayah/32`, `${BASE}/wilayah/33`]);
    expect(objects(`${BASE}/wilayah/32`, skos('prefLabel'))).toEqual([literal('Jawa Barat', 'id')]);
    expect(values(id, dct('description'))[0]).toBe(
      'Persentase penduduk di bawah garis kemiskinan.\n\n- semester 1\n- semester 2',
    );

    const [period] = objects(id, dct('temporal'));
    expect(store.getObjects(period ?? null, dcat('startDate'), null)).toEqual([
      literal('2015', xsd('gYear')),
    ]);
    expect(store.getObjects(period ?? null, dcat('endDate'), null)).toEqual([
      literal('2024-03', xsd('gYearMonth')),
    ]);
    const [contact] = objects(id, dcat('contactPoint'));
    expect(store.getObjects(contact ?? null, vcard('hasEmail'), null).map((o) => o.value)).toEqual([
      'mailto:ketahanan@bps.go.id',
    ]);
    expect(store.getObjects(contact ?? null, vcard('fn'), null).map((o) => o.value)).toEqual([
      'Direktorat Statistik Ketahanan Sosial',
    ]);
    const [standard] = objects(id, dct('conformsTo'));
    expect(store.getObjects(standard ?? null, skos('definition'), null).map((o) => o.value)).toEqual([
      'Pengeluaran di bawah garis kemiskinan',
    ]);
    expect(objects(id, dct('issued'))[0]).toMatchObject({ datatype: xsd('dateTime') });
  });

  it('describes distributions: access URL always, format, media type, licence, size', () => {
    const id = ids['penduduk-miskin'] ?? '';
    const dists = objects(id, dcat('distribution')).map((o) => o.value);
    expect(dists).toHaveLength(3);
    const byTitle = (title: string) =>
      dists.find((d) => values(d, dct('title')).includes(title)) ?? `missing ${title}`;
    const csv = byTitle('Tabel CSV');
    expect(values(csv, dcat('accessURL'))).toEqual(['https://bps.go.id/miskin.csv']);
    expect(values(csv, dcat('downloadURL'))).toEqual(['https://bps.go.id/miskin.csv']);
    expect(values(csv, dct('format'))).toEqual([`${EU.fileType}CSV`]);
    expect(values(csv, dcat('mediaType'))).toEqual(['https://www.iana.org/assignments/media-types/text/csv']);
    expect(values(csv, dct('license'))).toEqual(['http://www.opendefinition.org/licenses/cc-by']);
    expect(objects(csv, dcat('byteSize'))).toEqual([literal('12345', xsd('nonNegativeInteger'))]);
    const xlsx = byTitle('Tabel "Excel" <2024> & lainnya');
    expect(values(xlsx, dcat('accessURL'))).toEqual([`${BASE}/unduh/miskin.xlsx`]);
    expect(values(xlsx, dct('description'))).toEqual(['Versi Excel']);
    const api = byTitle('Laman API');
    expect(values(api, dct('format'))).toEqual([]);
    expect(values(api, dcat('downloadURL'))).toEqual([]);

    const road = ids['jalan-desa'] ?? '';
    for (const d of objects(road, dcat('distribution'))) {
      expect(values(d.value, dcat('accessURL'))).toEqual([`${BASE}/dataset/jalan-desa`]);
      expect(values(d.value, dct('license'))).toEqual([]);
    }
    expect(values(road, dct('spatial'))).toEqual([
      'http://publications.europa.eu/resource/authority/country/IDN',
    ]);
    const [period] = objects(road, dct('temporal'));
    expect(store.getObjects(period ?? null, dcat('startDate'), null)).toEqual([
      literal('2023-01-01', xsd('date')),
    ]);
    expect(values(ids['catatan-kosong'] ?? '', dct('description'))).toEqual(['Dataset Tanpa Deskripsi']);
  });

  it('describes the catalog and its publisher', () => {
    const cat = `${BASE}/catalog`;
    expect(objects(cat, dct('title'))).toEqual([literal('Kendali — Satu Data', 'id')]);
    expect(objects(cat, dct('description')).map((o) => (o.termType === 'Literal' ? o.language : ''))).toEqual(
      expect.arrayContaining(['id', 'en']),
    );
    const [publisher] = objects(cat, dct('publisher'));
    expect(store.getQuads(publisher ?? null, RDF_TYPE, foaf('Agent'), null)).toHaveLength(1);
    expect(values(cat, dct('language'))).toEqual([`${EU.language}IND`]);
    expect(values(cat, foaf('homepage'))).toEqual([`${BASE}/`]);
    expect(objects(cat, dct('modified'))).toHaveLength(1);
  });
});
