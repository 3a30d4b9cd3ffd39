import type { FastifyInstance } from 'fastify';
import type { Quad } from 'n3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices, type TestServices } from '../../test/support/services.js';
import { admin, call, HIDDEN, seedDcatFixture, VISIBLE } from '../catalog/dcat/fixture.js';
import { canonical, parseJsonLd, parseRdfXml, parseTurtle, validateDcat } from '../catalog/dcat/testing.js';
import { dcat, hydra, RDF_TYPE } from '../catalog/dcat/vocab.js';
import { buildApp } from './app.js';
import { negotiate } from './dcat-routes.js';

const BASE = 'http://localhost:8080';
const TYPES = { ttl: 'text/turtle', jsonld: 'application/ld+json', rdf: 'application/rdf+xml' } as const;
type Format = keyof typeof TYPES;
const FORMATS = Object.keys(TYPES) as Format[];

const parse = (format: Format, body: string): Promise<Quad[]> =>
  format === 'ttl'
    ? Promise.resolve(parseTurtle(body))
    : format === 'jsonld'
      ? parseJsonLd(body)
      : parseRdfXml(body);

/** The Hydra paging node of a catalog page: its links and counts. */
function paging(quads: readonly Quad[]) {
  const node = quads.find(
    (q) => q.predicate.equals(RDF_TYPE) && q.object.equals(hydra('PagedCollection')),
  )?.subject;
  const get = (p: string) =>
    quads.find((q) => node !== undefined && q.subject.equals(node) && q.predicate.equals(hydra(p)))?.object
      .value;
  return {
    self: node?.value,
    total: Number(get('totalItems')),
    perPage: Number(get('itemsPerPage')),
    first: get('firstPage'),
    last: get('lastPage'),
    next: get('nextPage'),
    previous: get('previousPage'),
  };
}

const datasetsOf = (quads: readonly Quad[]): string[] =>
  quads.filter((q) => q.predicate.equals(dcat('dataset'))).map((q) => q.object.value);

describe.each(['pglite', 'postgres'] as const)('DCAT-AP 3 endpoints on %s', (engine) => {
  let t: TestServices;
  let app: FastifyInstance;
  let ids: Record<string, string> = {};
  const get = (url: string, accept?: string) =>
    app.inject({ method: 'GET', url, headers: accept ? { accept } : {} });

  beforeAll(async () => {
    t = await openTestServices(engine, { regions: true });
    await seedDcatFixture(t);
    app = await buildApp({ registry: t.registry, services: t.services, logger: false });
    const rows = await t.services.catalog.db.selectFrom('dataset').select(['id', 'name']).execute();
    ids = Object.fromEntries(rows.map((r) => [r.name, r.id]));
  });
  afterAll(async () => {
    await app.close();
    await t.cleanup();
  });

  it('serves /catalog.{ttl,jsonld,rdf} that parse back to one graph, conforming to DCAT-AP 3', async () => {
    const graphs: string[][] = [];
    for (const f of FORMATS) {
      const res = await get(`/catalog.${f}`);
      expect(res.statusCode, f).toBe(200);
      expect(res.headers['content-type']).toBe(`${TYPES[f]}; charset=utf-8`);
      const quads = await parse(f, res.body);
      expect(datasetsOf(quads).sort()).toEqual(VISIBLE.map((n) => `${BASE}/dataset/${ids[n]}`).sort());
      // Paging links name the format they are in; everything else is the same graph.
      graphs.push((await canonical(quads)).map((l) => l.replaceAll(`/catalog.${f}?`, '/catalog.*?')));
      const report = await validateDcat(quads);
      expect(report.results, f).toEqual([]);
    }
    expect(graphs[0]?.length).toBeGreaterThan(100);
    expect(graphs[1]).toEqual(graphs[0]);
    expect(graphs[2]).toEqual(graphs[0]);
  });

  it('never shows private, draft or deleted datasets, in any format or endpoint', async () => {
    for (const f of FORMATS) {
      const body = (await get(`/catalog.${f}`)).body;
      for (const name of HIDDEN) {
        expect(body).not.toContain(name);
        expect(body).not.toContain(ids[name]);
        for (const key of [name, ids[name]]) {
          const res = await get(`/dataset/${key}.${f}`);
          expect(res.statusCode).toBe(404);
          expect(res.json()).toMatchObject({ success: false, error: { __type: 'Not Found Error' } });
        }
      }
      expect(body).not.toContain('Rahasia');
    }
  });

  it('serves one dataset by name or id; 404s in CKAN’s shape for unknown ones', async () => {
    for (const f of FORMATS) {
      for (const key of ['penduduk-miskin', ids['penduduk-miskin']]) {
        const res = await get(`/dataset/${key}.${f}`);
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-type']).toBe(`${TYPES[f]}; charset=utf-8`);
        const quads = await parse(f, res.body);
        const datasets = quads.filter(
          (q) => q.predicate.equals(RDF_TYPE) && q.object.equals(dcat('Dataset')),
        );
        expect(datasets.map((q) => q.subject.value)).toEqual([`${BASE}/dataset/${ids['penduduk-miskin']}`]);
        expect((await validateDcat(quads)).conforms).toBe(true);
      }
    }
    const missing = await get('/dataset/tidak-ada.ttl');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({
      success: false,
      error: { __type: 'Not Found Error', message: 'Not found: dataset tidak-ada' },
    });
    for (const url of ['/dataset/penduduk-miskin', '/dataset/penduduk-miskin.html', '/catalog.xml']) {
      const res = await get(url, 'application/json');
      expect(res.headers['content-type'] ?? '', url).not.toMatch(/turtle|ld\+json|rdf\+xml/);
    }
  });

  it('negotiates /catalog by Accept', async () => {
    expect(negotiate(undefined)).toBe('ttl');
    expect(negotiate('application/rdf+xml;q=0.9, text/turtle;q=0.5')).toBe('rdf');
    expect(negotiate('text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8')).toBe('html');
    expect(negotiate('text/turtle;q=0, application/*')).toBe('jsonld');
    expect(negotiate('image/png')).toBeUndefined();
    const res = await get('/catalog', 'application/ld+json');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/ld+json; charset=utf-8');
    expect(res.headers.vary).toBe('Accept');
    expect(datasetsOf(await parseJsonLd(res.body))).toHaveLength(VISIBLE.length);
    expect((await get('/catalog', '*/*')).headers['content-type']).toBe('text/turtle; charset=utf-8');
    const html = await get('/catalog', 'text/html');
    expect(html.headers['content-type'] ?? '').not.toMatch(/turtle|ld\+json|rdf\+xml/);
  });

  it('filters by modified_since and refuses bad parameters with a 400 naming them', async () => {
    await t.services.catalog.db
      .updateTable('dataset')
      .set({ modified: '2020-01-01T00:00:00Z' })
      .where('name', '=', 'jalan-desa')
      .execute();
    const since = await get('/catalog.ttl?modified_since=2021-01-01T07:00:00%2B07:00');
    const quads = parseTurtle(since.body);
    expect(datasetsOf(quads).sort()).toEqual(
      ['penduduk-miskin', 'catatan-kosong'].map((n) => `${BASE}/dataset/${ids[n]}`).sort(),
    );
    expect(paging(quads)).toMatchObject({
      total: 2,
      first: `${BASE}/catalog.ttl?modified_since=2021-01-01T00%3A00%3A00.000Z&page=1`,
    });
    const unencoded = parseTurtle((await get('/catalog.ttl?modified_since=2021-01-01T07:00:00+07:00')).body);
    expect(paging(unencoded).total).toBe(2);
    const all = parseTurtle((await get('/catalog.ttl?modified_since=2019-12-31')).body);
    expect(datasetsOf(all)).toHaveLength(VISIBLE.length);
    for (const [query, field] of [
      ['modified_since=kemarin', 'modified_since'],
      ['modified_since=2024-13-01', 'modified_since'],
      ['page=0', 'page'],
      ['page=abc', 'page'],
    ] as const) {
      const res = await get(`/catalog.rdf?${query}`);
      expect(res.statusCode, query).toBe(400);
      const body = res.json();
      expect(body).toMatchObject({ success: false, error: { __type: 'Bad Request' } });
      expect(body.error.message).toContain(field);
      expect(body.error[field]).toHaveLength(1);
    }
    expect((await get('/catalog.ttl?page=2')).statusCode).toBe(404);
  });

  it('pages 250 more datasets by 100, newest first, with Hydra links', async () => {
    for (let i = 0; i < 250; i++) {
      await call(t, admin, 'package_create', {
        name: `massal-${String(i).padStart(3, '0')}`,
        title: `Dataset Massal ${i}`,
        owner_org: i % 2 ? 'bps' : 'jabar',
        resources: [{ url: `https://example.org/${i}.csv`, format: 'CSV' }],
      });
    }
    const total = 250 + VISIBLE.length;
    const seen: string[] = [];
    for (const page of [1, 2, 3]) {
      const quads = await parse('jsonld', (await get(`/catalog.jsonld?page=${page}`)).body);
      const url = (n: number) => `${BASE}/catalog.jsonld?page=${n}`;
      expect(paging(quads)).toEqual({
        self: url(page),
        total,
        perPage: 100,
        first: url(1),
        last: url(3),
        next: page < 3 ? url(page + 1) : undefined,
        previous: page > 1 ? url(page - 1) : undefined,
      });
      const onPage = datasetsOf(quads);
      expect(onPage).toHaveLength(page < 3 ? 100 : total - 200);
      seen.push(...onPage);
    }
    expect(new Set(seen).size).toBe(total);
    for (const n of HIDDEN) expect(seen).not.toContain(`${BASE}/dataset/${ids[n]}`);
    const pageOf = async (page: number) =>
      new Set(parseTurtle((await get(`/catalog.ttl?page=${page}`)).body).map((q) => q.subject.value));
    const [one, three] = [await pageOf(1), await pageOf(3)];
    expect(one.has(`${BASE}/dataset/massal-249`)).toBe(true);
    expect(one.has(`${BASE}/dataset/massal-149`)).toBe(false);
    expect(three.has(`${BASE}/dataset/massal-000`)).toBe(true);
    expect(three.has(`${BASE}/dataset/jalan-desa`)).toBe(true);
    expect((await get('/catalog.ttl?page=4')).statusCode).toBe(404);
  });
});
