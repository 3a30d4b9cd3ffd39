import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices, type TestServices } from '../../test/support/services.js';
import { buildApp } from './app.js';
import { makeContext } from './context.js';

describe('server-rendered dataset page', () => {
  let t: TestServices;
  let app: FastifyInstance;
  beforeAll(async () => {
    t = await openTestServices('pglite');
    app = await buildApp({ registry: t.registry, services: t.services, logger: false });
    const ctx = makeContext(
      t.registry,
      t.services,
      { id: 'a', name: 'admin', sysadmin: true, memberships: {} },
      'id',
      'r',
    );
    await t.registry.call('organization_create', ctx, { name: 'bps', title: 'Badan Pusat Statistik' });
    await t.registry.call('package_create', ctx, {
      name: 'garis-kemiskinan',
      title: 'Garis Kemiskinan',
      owner_org: 'bps',
      notes: 'Nilai **rupiah** per kapita.\n\n<b>bukan html</b>',
      frekuensi_pemutakhiran: 'semesteran',
      resources: [{ name: 'Tabel', url: 'https://example.org/g.csv', format: 'CSV' }],
    });
    await t.registry.call('package_create', ctx, {
      name: 'rahasia',
      title: 'Rahasia',
      owner_org: 'bps',
      private: true,
    });
  });
  afterAll(async () => {
    await app.close();
    await t.cleanup();
  });

  it('renders title, sanitised Markdown, Satu Data fields and resources', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/dataset/garis-kemiskinan',
      headers: { accept: 'text/html' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.body).toContain('<h1>Garis Kemiskinan</h1>');
    expect(res.body).toContain('<strong>rupiah</strong>');
    expect(res.body).toContain('&lt;b&gt;bukan html&lt;/b&gt;');
    expect(res.body).not.toContain('<b>bukan html</b>');
    expect(res.body).toContain('Badan Pusat Statistik');
    expect(res.body).toContain('semesteran');
    expect(res.body).toContain('href="https://example.org/g.csv"');
  });

  it('does not show a private or unknown dataset (the web app answers instead)', async () => {
    for (const url of ['/dataset/rahasia', '/dataset/tidak-ada']) {
      const res = await app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
      expect(res.body).not.toContain('Rahasia');
      expect(res.body).not.toContain('<h1>');
    }
  });
});
