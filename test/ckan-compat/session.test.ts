/**
 * A CKAN API client session, written from CKAN's API documentation (docs.ckan.org, "API
 * guide" and the action reference), run against a live Kendali server started as a user
 * would. It checks CKAN's envelope and result shapes field by field, not our own code.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type KendaliProcess, startKendali } from '../support/process.js';

type Obj = Record<string, unknown>;
interface Envelope {
  help: string;
  success: boolean;
  result?: unknown;
  error?: { __type: string; message?: string; [field: string]: unknown };
}

const PASSWORD = 'kata-sandi-uji-ckan';
let server: KendaliProcess;
let dataDir: string;
let token = '';

async function api(action: string, body?: Obj, opts: { method?: 'GET' | 'POST'; auth?: boolean } = {}) {
  const method = opts.method ?? (body ? 'POST' : 'GET');
  const headers: Record<string, string> = {};
  if (opts.auth !== false && token) headers.Authorization = token;
  let url = `${server.url}/api/3/action/${action}`;
  if (method === 'GET' && body)
    url += `?${new URLSearchParams(Object.entries(body).map(([k, v]) => [k, String(v)]))}`;
  if (method === 'POST') headers['Content-Type'] = 'application/json';
  const res = await fetch(url, {
    method,
    headers,
    body: method === 'POST' ? JSON.stringify(body ?? {}) : undefined,
  });
  const json = (await res.json()) as Envelope;
  return { status: res.status, json };
}

const ok = async (action: string, body?: Obj, opts?: { method?: 'GET' | 'POST'; auth?: boolean }) => {
  const { status, json } = await api(action, body, opts);
  expect(status, `${action}: ${JSON.stringify(json.error)}`).toBe(200);
  expect(json.success).toBe(true);
  expect(json.help).toMatch(new RegExp(`/api/3/action/help_show\\?name=${action}$`));
  return json.result as Obj & { [k: string]: never };
};

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'kendali-ckan-'));
  server = await startKendali(dataDir, { env: { KENDALI_DEMO: '0', KENDALI_ADMIN_PASSWORD: PASSWORD } });
  // Sign in as the first sysadmin and make an API token, as a portal operator does once.
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: 'admin', password: PASSWORD }),
  });
  expect(login.status).toBe(200);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { result } = (await login.json()) as { result: { csrf_token: string } };
  const made = await fetch(`${server.url}/api/3/action/api_token_create`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: cookie, 'X-CSRF-Token': result.csrf_token },
    body: JSON.stringify({ user: 'admin', name: 'ckan-compat' }),
  });
  const body = (await made.json()) as Envelope;
  expect(body.success).toBe(true);
  token = (body.result as { token: string }).token;
  expect(token.length).toBeGreaterThan(20);
}, 120_000);

afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('a CKAN client session', () => {
  let datasetId = '';

  it('status_show reports a CKAN API version', async () => {
    const r = await ok('status_show', undefined, { auth: false });
    expect(typeof r.ckan_version).toBe('string');
    expect(typeof r.site_title).toBe('string');
    expect(Array.isArray(r.extensions)).toBe(true);
  });

  it('organization_create makes an institution', async () => {
    const org = await ok('organization_create', {
      name: 'dinas-pu-jabar',
      title: 'Dinas Pekerjaan Umum Jawa Barat',
      description: 'Dinas teknis provinsi.',
    });
    expect(org).toMatchObject({
      name: 'dinas-pu-jabar',
      title: 'Dinas Pekerjaan Umum Jawa Barat',
      type: 'organization',
      is_organization: true,
      state: 'active',
    });
    expect(org.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await ok('organization_list', undefined, { auth: false })).toEqual(['dinas-pu-jabar']);
  });

  it('package_create makes a dataset with two resources', async () => {
    const ds = await ok('package_create', {
      name: 'pembangunan-jalan-provinsi',
      title: 'Pembangunan Jalan Provinsi Jawa Barat',
      owner_org: 'dinas-pu-jabar',
      notes: 'Panjang jalan provinsi yang dibangun dan ditingkatkan setiap tahun, dalam kilometer.',
      license_id: 'cc-by',
      tags: [{ name: 'jalan' }, { name: 'infrastruktur' }],
      extras: [{ key: 'sumber', value: 'Dinas PU' }],
      resources: [
        { name: 'Data 2023', url: 'https://data.example.go.id/jalan-2023.csv', format: 'CSV' },
        { name: 'Data 2024', url: 'https://data.example.go.id/jalan-2024.xlsx', format: 'XLSX' },
      ],
    });
    datasetId = String(ds.id);
    expect(ds).toMatchObject({
      name: 'pembangunan-jalan-provinsi',
      title: 'Pembangunan Jalan Provinsi Jawa Barat',
      type: 'dataset',
      state: 'active',
      private: false,
      license_id: 'cc-by',
      num_resources: 2,
      num_tags: 2,
      extras: [{ key: 'sumber', value: 'Dinas PU' }],
    });
    for (const key of [
      'id',
      'metadata_created',
      'metadata_modified',
      'owner_org',
      'organization',
      'groups',
      'tags',
      'resources',
      'author',
      'maintainer',
      'url',
      'version',
      'notes',
      'license_title',
    ]) {
      expect(ds, `package dict has ${key}`).toHaveProperty(key);
    }
    const resources = ds.resources as unknown as Obj[];
    expect(resources.map((r) => [r.name, r.format, r.position, r.package_id])).toEqual([
      ['Data 2023', 'CSV', 0, datasetId],
      ['Data 2024', 'XLSX', 1, datasetId],
    ]);
    for (const r of resources)
      for (const key of ['id', 'url', 'created', 'last_modified', 'description', 'mimetype', 'size'])
        expect(r).toHaveProperty(key);
    expect((ds.organization as unknown as Obj).name).toBe('dinas-pu-jabar');
  });

  it('package_search finds it by a stemmed word and by facet', async () => {
    const stem = await ok('package_search', { q: 'membangun' }, { method: 'GET', auth: false });
    expect(stem.count).toBe(1);
    expect((stem.results as unknown as Obj[])[0]?.name).toBe('pembangunan-jalan-provinsi');
    for (const key of ['count', 'results', 'sort', 'facets', 'search_facets'])
      expect(stem).toHaveProperty(key);
    const facet = await ok(
      'package_search',
      { fq: 'tags:jalan', 'facet.field': '["organization","tags","res_format"]', rows: 5 },
      { method: 'GET', auth: false },
    );
    expect(facet.count).toBe(1);
    expect(facet.facets).toEqual({
      organization: { 'dinas-pu-jabar': 1 },
      tags: { infrastruktur: 1, jalan: 1 },
      res_format: { CSV: 1, XLSX: 1 },
    });
    const items = (facet.search_facets as unknown as Record<string, { title: string; items: Obj[] }>)
      .organization;
    expect(items?.title).toBe('organization');
    expect(items?.items).toEqual([
      { name: 'dinas-pu-jabar', display_name: 'Dinas Pekerjaan Umum Jawa Barat', count: 1 },
    ]);
    const none = await ok('package_search', { fq: 'organization:tidak-ada' }, { method: 'GET', auth: false });
    expect(none).toMatchObject({ count: 0, results: [] });
  });

  it('package_patch changes one field and keeps the rest', async () => {
    const patched = await ok('package_patch', { id: datasetId, version: '2.0' });
    expect(patched.version).toBe('2.0');
    expect(patched.num_resources).toBe(2);
    expect(patched.notes).toMatch(/Panjang jalan/);
    const shown = await ok(
      'package_show',
      { id: 'pembangunan-jalan-provinsi' },
      { method: 'GET', auth: false },
    );
    expect(shown.version).toBe('2.0');
    expect(shown.id).toBe(datasetId);
  });

  it('package_activity_list shows what happened, newest first', async () => {
    const acts = (await ok(
      'package_activity_list',
      { id: datasetId },
      { method: 'GET', auth: false },
    )) as unknown as Obj[];
    expect(acts.map((a) => a.activity_type)).toEqual(['changed package', 'new package']);
    for (const a of acts)
      for (const key of ['id', 'timestamp', 'user_id', 'object_id', 'activity_type', 'data'])
        expect(a).toHaveProperty(key);
    expect(acts[0]?.object_id).toBe(datasetId);
  });

  it('errors come in CKAN’s shape', async () => {
    const missing = await api('package_show', { id: 'tidak-ada' }, { method: 'GET', auth: false });
    expect(missing.status).toBe(404);
    expect(missing.json).toMatchObject({ success: false, error: { __type: 'Not Found Error' } });
    const invalid = await api('package_create', { name: 'Nama Tidak Sah', owner_org: 'dinas-pu-jabar' });
    expect(invalid.status).toBe(409);
    expect(invalid.json.error?.__type).toBe('Validation Error');
    expect(invalid.json.error?.name).toEqual(expect.any(Array));
    const anonymous = await api(
      'package_create',
      { name: 'coba', owner_org: 'dinas-pu-jabar' },
      { auth: false },
    );
    expect(anonymous.status).toBe(403);
    expect(anonymous.json.error?.__type).toBe('Authorization Error');
    const unknown = await api('no_such_action', undefined, { auth: false });
    expect(unknown.status).toBe(400);
    expect(unknown.json.success).toBe(false);
  });

  it('package_delete removes it from the public', async () => {
    expect(await ok('package_delete', { id: datasetId })).toBeNull();
    const gone = await api('package_show', { id: datasetId }, { method: 'GET', auth: false });
    expect(gone.status).toBe(404);
    const search = await ok('package_search', { q: 'jalan' }, { method: 'GET', auth: false });
    expect(search.count).toBe(0);
    expect(await ok('package_list', undefined, { auth: false })).toEqual([]);
  });
});
