import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices, type TestServices } from '../../test/support/services.js';
import { buildApp } from './app.js';

describe.each(['pglite', 'postgres'] as const)('HTTP app on %s', (engine) => {
  let t: TestServices;
  let app: FastifyInstance;
  beforeAll(async () => {
    t = await openTestServices(engine, { regions: true });
    app = await buildApp({ registry: t.registry, services: t.services, logger: false });
  });
  afterAll(async () => {
    await app.close();
    await t.cleanup();
  });

  it('status_show answers CKAN’s envelope on GET and POST', async () => {
    for (const method of ['GET', 'POST'] as const) {
      const res = await app.inject({ method, url: '/api/3/action/status_show' });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.success).toBe(true);
      expect(body.help).toBe('http://localhost:8080/api/3/action/help_show?name=status_show');
      expect(body.result.ckan_version).toMatch(/^2\.\d+/);
      expect(body.result.kendali_version).toMatch(/^\d+\.\d+\.\d+/);
      expect(body.result.locale_default).toBe('id');
      expect(body.result.catalog_store).toBe(engine);
      expect(body.result.counts.regions).toBe(552);
      expect(body.result.demo).toBe(false);
    }
  });

  it('an unknown action answers 400 with CKAN’s error shape', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/3/action/no_such_action' });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.success).toBe(false);
    expect(body.error.__type).toBe('Bad Request');
    expect(body.error.message).toBe('Bad request - Action name not known: no_such_action');
  });

  it('help_show returns the docstring, and a Not Found Error for an unknown name', async () => {
    const ok = await app.inject({ method: 'GET', url: '/api/3/action/help_show?name=status_show' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().result).toContain('Site title');
    const missing = await app.inject({ method: 'GET', url: '/api/3/action/help_show?name=nope_show' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.__type).toBe('Not Found Error');
  });

  it('validation errors are 409 with the field named', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/3/action/help_show', payload: { name: 5 } });
    expect(res.statusCode).toBe(409);
    const body = res.json();
    expect(body.error.__type).toBe('Validation Error');
    expect(body.error.name).toEqual(expect.arrayContaining([expect.any(String)]));
  });

  it('answer in Bahasa Indonesia to a request that prefers it, in English to CKAN’s clients', async () => {
    const ask = (headers: Record<string, string>) =>
      app.inject({ method: 'GET', url: '/api/3/action/no_such_action', headers });
    const id = (await ask({ 'accept-language': 'id' })).json();
    expect(id.error.__type).toBe('Bad Request');
    expect(id.error.message).toBe('Permintaan tidak valid - Nama aksi tidak dikenal: no_such_action');
    const en = (await ask({})).json();
    expect(en.error.message).toBe('Bad request - Action name not known: no_such_action');

    // Field messages of a Validation Error, from the action's schema.
    const invalid = await app.inject({
      method: 'POST',
      url: '/api/3/action/help_show',
      headers: { 'accept-language': 'id-ID,id;q=0.9' },
      payload: { name: 5 },
    });
    expect(invalid.statusCode).toBe(409);
    expect(invalid.json().error).toMatchObject({
      __type: 'Validation Error',
      message: 'Masukan tidak valid untuk help_show',
      name: ['Harus berupa teks'],
    });
    const missing = await app.inject({
      method: 'GET',
      url: '/api/3/action/package_show?id=tidak-ada',
      headers: { 'accept-language': 'id' },
    });
    expect(missing.json().error.message).toBe('Tidak ditemukan: dataset tidak-ada');
  });

  it('malformed JSON is a 400 JSON Error, not a crash', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/3/action/status_show',
      headers: { 'content-type': 'application/json' },
      payload: '{"broken": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().success).toBe(false);
    expect(res.json().error.message).toMatch(/^Bad request - JSON Error/);
  });

  it('serves the OpenAPI document and the docs page', async () => {
    const doc = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(doc.statusCode).toBe(200);
    const spec = doc.json();
    expect(spec.openapi).toBe('3.1.0');
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(['/api/3/action/status_show', '/api/3/action/help_show']),
    );
    expect(spec.paths['/api/3/action/status_show'].get).toBeDefined();
    const page = await app.inject({ method: 'GET', url: '/api/docs' });
    expect([200, 302]).toContain(page.statusCode);
    const html =
      page.statusCode === 302
        ? await app.inject({ method: 'GET', url: page.headers.location as string })
        : page;
    expect(html.body).toContain('swagger');
  });

  it('healthz and readyz', async () => {
    expect((await app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    const ready = await app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', catalog: true, datastore: true });
  });

  it('an unknown API path is a CKAN-shaped 404', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/nothing', headers: { accept: 'text/html' } });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.__type).toBe('Not Found Error');
  });
});

describe('POST-only actions', () => {
  let t: TestServices;
  let app: FastifyInstance;
  beforeAll(async () => {
    t = await openTestServices('pglite');
    app = await buildApp({ registry: t.registry, services: t.services, logger: false });
  });
  afterAll(async () => {
    await app.close();
    await t.cleanup();
  });

  it('refuse GET with 405, Allow: POST and a clear message', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/api/3/action/config_option_update?ckan.site_title=x',
    });
    expect(res.statusCode).toBe(405);
    expect(res.headers.allow).toBe('POST');
    expect(res.json()).toMatchObject({
      success: false,
      error: {
        __type: 'Bad Request',
        message: 'Action config_option_update changes data and only accepts POST',
      },
    });
  });

  it('refuse an anonymous POST with 403 Authorization Error', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/3/action/config_option_update',
      payload: { 'ckan.site_title': 'x' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.__type).toBe('Authorization Error');
  });

  it('a sysadmin changes the site title; status_show shows it and the audit log records it', async () => {
    const { makeContext } = await import('./context.js');
    const admin = makeContext(
      t.registry,
      t.services,
      { id: 'a', name: 'admin', sysadmin: true, memberships: {} },
      'id',
      'r1',
    );
    await t.registry.call('config_option_update', admin, { 'ckan.site_title': 'Portal Satu Data Uji' });
    const res = await app.inject({ method: 'GET', url: '/api/3/action/status_show' });
    expect(res.json().result.site_title).toBe('Portal Satu Data Uji');
    const audit = await t.services.catalog.db.selectFrom('audit_log').selectAll().execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: 'admin', action: 'config_option_update' });
    expect(audit[0]?.changes).toMatchObject({
      fields: { 'ckan.site_title': { before: null, after: 'Portal Satu Data Uji' } },
    });
  });
});

describe('bad requests', () => {
  let t: TestServices;
  let app: FastifyInstance;
  beforeAll(async () => {
    t = await openTestServices('pglite');
    app = await buildApp({ registry: t.registry, services: t.services, logger: false });
  });
  afterAll(async () => {
    await app.close();
    await t.cleanup();
  });

  it('a body over 10 MB is refused with 413 in CKAN’s shape', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/3/action/package_search',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ q: 'x'.repeat(11 * 1024 * 1024) }),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ success: false, error: { __type: 'Bad Request' } });
  });

  it('an unsupported content type is refused with 415 in CKAN’s shape', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/3/action/package_search',
      headers: { 'content-type': 'application/xml' },
      payload: '<q>x</q>',
    });
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({ success: false, error: { __type: 'Bad Request' } });
  });

  it('a form-encoded POST works as CKAN clients send it', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/3/action/help_show',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'name=status_show',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().result).toContain('Site title');
  });
});
