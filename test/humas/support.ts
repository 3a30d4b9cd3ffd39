/** Shared set-up of the Humas news tests: services, an institution, an editor, articles, the app. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { CatalogKind } from '../../src/catalog/store.js';
import { buildApp } from '../../src/http/app.js';
import { systemCtx } from '../support/accounts.js';
import { openTestServices, type TestServices } from '../support/services.js';

export const BROWSER_UA =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36';

// biome-ignore lint/suspicious/noExplicitAny: answers are JSON checked by the tests' expectations
type Answer = any;

export interface NewsHarness {
  readonly t: TestServices;
  readonly app: FastifyInstance;
  /** Makes an article as the system (published unless said otherwise); returns it. */
  article(fields: Record<string, unknown>): Promise<{ id: string; slug: string }>;
  /** Calls an action through HTTP as an anonymous client. */
  action(
    name: string,
    body: unknown,
    client?: { ip?: string; ua?: string; headers?: Record<string, string> },
  ): Promise<{ status: number; body: { success: boolean; result: Answer; error: { message: string } } }>;
  close(): Promise<void>;
}

export async function newsHarness(engine: CatalogKind): Promise<NewsHarness> {
  const t = await openTestServices(engine);
  await t.registry.call('organization_create', systemCtx(t), {
    name: 'diskominfo',
    title: 'Dinas Komunikasi dan Informatika',
  });
  const webRoot = mkdtempSync(join(tmpdir(), 'kendali-web-'));
  writeFileSync(
    join(webRoot, 'index.html'),
    '<!doctype html><html lang="id"><head><meta charset="UTF-8" /><meta name="description" content="Kendali" /><title>Kendali</title></head><body><div id="root"></div></body></html>',
  );
  const app = await buildApp({ registry: t.registry, services: t.services, logger: false, webRoot });
  return {
    t,
    app,
    article: async (fields) =>
      (await t.registry.call('article_create', systemCtx(t), {
        owner_org: 'diskominfo',
        state: 'published',
        body: 'Isi **berita**.',
        ...fields,
      })) as { id: string; slug: string },
    action: async (name, body, client = {}) => {
      const res = await app.inject({
        method: 'POST',
        url: `/api/3/action/${name}`,
        payload: body as object,
        remoteAddress: client.ip ?? '203.0.113.7',
        headers: { 'user-agent': client.ua ?? BROWSER_UA, ...(client.headers ?? {}) },
      });
      return { status: res.statusCode, body: res.json() };
    },
    close: async () => {
      await app.close();
      await t.cleanup();
    },
  };
}
