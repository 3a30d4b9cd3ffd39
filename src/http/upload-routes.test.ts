import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../test/support/accounts.js';
import { openTestServices, type TestServices } from '../../test/support/services.js';
import { buildApp } from './app.js';
import { makeContext } from './context.js';

const form = (boundary: string, filename: string, body: string) =>
  `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: text/csv\r\n\r\n${body}\r\n--${boundary}--\r\n`;

describe('uploads over HTTP', () => {
  let t: TestServices;
  let app: FastifyInstance;
  let token = '';
  beforeAll(async () => {
    t = await openTestServices('pglite', { regions: true });
    app = await buildApp({
      registry: t.registry,
      services: { ...t.services, config: { ...t.services.config, maxUploadMb: 1 } },
      logger: false,
    });
    const user = await addUser(t, 'pengunggah', { sysadmin: true });
    const ctx = makeContext(
      t.registry,
      t.services,
      { id: user.id, name: user.name, sysadmin: true, memberships: {} },
      'id',
      't',
    );
    token = (
      (await t.registry.call('api_token_create', ctx, { user: user.name, name: 'uji' })) as { token: string }
    ).token;
    await t.registry.call('organization_create', ctx, { name: 'bps' });
    await t.registry.call('package_create', ctx, { name: 'unggahan', owner_org: 'bps' });
  });
  afterAll(async () => {
    await app.close();
    await t.cleanup();
  });

  const post = (body: string, headers: Record<string, string> = {}) =>
    app.inject({
      method: 'POST',
      url: '/api/uploads',
      headers: { 'content-type': 'multipart/form-data; boundary=XYZ', authorization: token, ...headers },
      payload: body,
    });

  it('streams a file to disk and imports it by id', async () => {
    const csv = 'provinsi,nilai\nAceh,"14,2"\nBali,"4,1"\n';
    const res = await post(form('XYZ', 'miskin.csv', csv));
    expect(res.statusCode).toBe(200);
    const { upload_id, size, filename } = res.json().result;
    expect(filename).toBe('miskin.csv');
    expect(size).toBe(Buffer.byteLength(csv));
    const imported = await app.inject({
      method: 'POST',
      url: '/api/3/action/datastore_import',
      headers: { authorization: token },
      payload: { upload_id, package_id: 'unggahan' },
    });
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json().result).toMatchObject({ published: true, version: 1, rows: 2 });
  });

  it('refuses anonymous uploads, files over the limit, empty files and non-multipart bodies', async () => {
    expect((await post(form('XYZ', 'a.csv', 'x\n1\n'), { authorization: '' })).statusCode).toBe(403);
    const big = await post(form('XYZ', 'besar.csv', 'x'.repeat(1024 * 1024 + 10)));
    expect(big.statusCode).toBe(400);
    expect(big.json().error.message).toMatch(/larger than the limit of 1 MB/);
    const empty = await post(form('XYZ', 'kosong.csv', ''));
    expect(empty.statusCode).toBe(409);
    const json = await app.inject({
      method: 'POST',
      url: '/api/uploads',
      headers: { authorization: token },
      payload: { a: 1 },
    });
    expect(json.statusCode).toBe(400);
  });

  it('an upload id of someone else cannot be imported', async () => {
    const res = await post(form('XYZ', 'milik.csv', 'a\n1\n'));
    const other = await addUser(t, 'orang-lain');
    const ctx = makeContext(
      t.registry,
      t.services,
      { id: other.id, name: other.name, sysadmin: false, memberships: {} },
      'id',
      't',
    );
    const err = await t.registry
      .call('datastore_import', ctx, { upload_id: res.json().result.upload_id, package_id: 'unggahan' })
      .catch((e: unknown) => e);
    expect((err as { code: string }).code).toBe('FORBIDDEN');
  });
});
