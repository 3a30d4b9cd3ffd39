import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOG_ENGINES } from '../../test/support/catalog.js';
import { openTestServices, type TestServices } from '../../test/support/services.js';
import { buildApp } from './app.js';
import { makeContext } from './context.js';

const INDEX = `<!doctype html>
<html lang="id">
  <head>
    <meta name="description" content="Kendali umum" />
    <title>Kendali</title>
  </head>
  <body>
    <div id="root"></div>
    <script type="module" src="/assets/index.js"></script>
  </body>
</html>`;

const jsonLd = (html: string): Record<string, unknown> => {
  const m = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html);
  if (!m?.[1]) throw new Error('no JSON-LD script in the page');
  return JSON.parse(m[1]) as Record<string, unknown>;
};

describe.each(CATALOG_ENGINES)('dataset page meta on %s', (engine) => {
  let t: TestServices;
  let app: FastifyInstance;
  let webRoot: string;
  let resourceId: string;
  const page = (url: string) => app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });

  beforeAll(async () => {
    t = await openTestServices(engine);
    webRoot = mkdtempSync(join(tmpdir(), 'kendali-web-'));
    writeFileSync(join(webRoot, 'index.html'), INDEX);
    app = await buildApp({ registry: t.registry, services: t.services, webRoot, logger: false });
    const ctx = makeContext(
      t.registry,
      t.services,
      { id: 'a', name: 'admin', sysadmin: true, memberships: {} },
      'id',
      'r',
    );
    const call = (name: string, input: Record<string, unknown>) => t.registry.call(name, ctx, input);
    await call('organization_create', { name: 'bps', title: 'Badan Pusat Statistik' });
    await call('package_create', {
      name: 'garis-kemiskinan',
      title: 'Garis Kemiskinan </script><b>',
      owner_org: 'bps',
      notes: 'Nilai **rupiah** per kapita & bulan.',
      license_id: 'cc-by',
      tags: [{ name: 'kemiskinan' }],
      frekuensi_pemutakhiran: 'semesteran',
      cakupan_waktu_mulai: '2019',
      cakupan_waktu_selesai: '2024',
      resources: [{ name: 'Tautan', url: 'https://example.org/g.csv', format: 'CSV' }],
    });
    const made = (await call('datastore_create', {
      resource: { package_id: 'garis-kemiskinan', name: 'Tabel' },
      fields: [
        { id: 'tahun', type: 'int' },
        { id: 'nilai', type: 'numeric' },
      ],
      records: [{ tahun: 2024, nilai: 582932 }],
    })) as { resource_id: string };
    resourceId = made.resource_id;
    await call('package_create', { name: 'rahasia', title: 'Rahasia', owner_org: 'bps', private: true });
  });
  afterAll(async () => {
    await app.close();
    await t.cleanup();
    rmSync(webRoot, { recursive: true, force: true });
  });

  it('serves the app with the dataset title, description, canonical link and Open Graph tags', async () => {
    const res = await page('/dataset/garis-kemiskinan');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    const html = res.body;
    expect(html).toContain('<title>Garis Kemiskinan &lt;/script&gt;&lt;b&gt; — ');
    expect(html).not.toContain('<title>Kendali</title>');
    expect(html).not.toContain('Kendali umum');
    expect(html).toContain('<meta name="description" content="Nilai rupiah per kapita &amp; bulan." />');
    expect(html).toContain('<link rel="canonical" href="http://localhost:8080/dataset/garis-kemiskinan" />');
    expect(html).toContain(
      '<meta property="og:title" content="Garis Kemiskinan &lt;/script&gt;&lt;b&gt;" />',
    );
    expect(html).toContain(
      '<meta property="og:url" content="http://localhost:8080/dataset/garis-kemiskinan" />',
    );
    expect(html).toContain('<meta name="twitter:card" content="summary" />');
    expect(html).toContain(
      '<link rel="alternate" type="text/turtle" href="/dataset/garis-kemiskinan.ttl" />',
    );
    // the app's script still loads, and the body readable without it sits inside #root
    expect(html).toContain('<script type="module" src="/assets/index.js"></script>');
    expect(html).toMatch(
      /<div id="root"><div class="page">[\s\S]*<h1>Garis Kemiskinan &lt;\/script&gt;&lt;b&gt;<\/h1>/,
    );
    expect(html).toContain('<strong>rupiah</strong>');
    expect(html).toContain('href="https://example.org/g.csv"');
    expect(html).toContain(`href="/datastore/dump/${resourceId}?format=csv"`);
  });

  it('describes the dataset as schema.org Dataset in JSON-LD that cannot break out of its script', async () => {
    const html = (await page('/dataset/garis-kemiskinan')).body;
    expect(html.match(/<\/script>/g)?.length).toBe(2); // the JSON-LD's and the app's, no injected one
    const ld = jsonLd(html);
    expect(ld).toMatchObject({
      '@context': 'https://schema.org/',
      '@type': 'Dataset',
      name: 'Garis Kemiskinan </script><b>',
      description: 'Nilai rupiah per kapita & bulan.',
      url: 'http://localhost:8080/dataset/garis-kemiskinan',
      keywords: ['kemiskinan'],
      isAccessibleForFree: true,
      temporalCoverage: '2019/2024',
      creator: { '@type': 'Organization', name: 'Badan Pusat Statistik' },
      includedInDataCatalog: { '@type': 'DataCatalog' },
    });
    expect(String(ld.license)).toMatch(/^https?:\/\//);
    const downloads = ld.distribution as { encodingFormat: string; contentUrl: string }[];
    expect(downloads.map((d) => d.contentUrl)).toEqual([
      'https://example.org/g.csv',
      ...['csv', 'xlsx', 'json', 'tsv', 'parquet'].map(
        (f) => `http://localhost:8080/datastore/dump/${resourceId}?format=${f}`,
      ),
    ]);
  });

  it('gives a private or unknown dataset the plain app page, without its name', async () => {
    for (const url of ['/dataset/rahasia', '/dataset/tidak-ada']) {
      const res = await page(url);
      expect(res.statusCode).toBe(200);
      expect(res.body).toBe(INDEX);
    }
  });

  it('leaves DCAT and API answers alone', async () => {
    const ttl = await app.inject({ method: 'GET', url: '/dataset/garis-kemiskinan.ttl' });
    expect(ttl.headers['content-type']).toMatch(/turtle/);
    const api = await app.inject({ method: 'GET', url: '/api/3/action/package_show?id=garis-kemiskinan' });
    expect(api.json()).toMatchObject({ success: true });
  });
});
