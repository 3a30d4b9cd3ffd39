/**
 * The built app's assets are sent precompressed (the build writes .br and .gz beside them) to
 * browsers that accept it, plain to those that do not, and cached for a year.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gunzipSync, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices, type TestServices } from '../../test/support/services.js';
import { buildApp } from './app.js';

const JS = `export const words = ${JSON.stringify('Satu Data Indonesia '.repeat(200))};\n`;

describe('static assets', () => {
  let t: TestServices;
  let app: FastifyInstance;
  let root: string;
  beforeAll(async () => {
    t = await openTestServices('pglite');
    root = mkdtempSync(join(tmpdir(), 'kendali-static-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Kendali</title><div id="root"></div>');
    writeFileSync(join(root, 'assets', 'app-1a2b.js'), JS);
    writeFileSync(join(root, 'assets', 'app-1a2b.js.br'), brotliCompressSync(JS));
    writeFileSync(join(root, 'assets', 'app-1a2b.js.gz'), gzipSync(JS));
    app = await buildApp({ registry: t.registry, services: t.services, webRoot: root, logger: false });
  });
  afterAll(async () => {
    await app?.close();
    await t?.cleanup();
    rmSync(root, { recursive: true, force: true });
  });

  it('sends brotli when accepted, gzip when only that is, and plain otherwise', async () => {
    const br = await app.inject({
      url: '/assets/app-1a2b.js',
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.rawPayload.length).toBeLessThan(JS.length / 5);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const gz = await app.inject({ url: '/assets/app-1a2b.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(JS);
    const plain = await app.inject({ url: '/assets/app-1a2b.js' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(JS);
  });
});
