/**
 * Use of datasets through the real HTTP server on both catalog engines: page reads
 * (`package_view`) and downloads (`/datastore/dump/…`) count once per visitor, dataset and day,
 * without loss under concurrency; bots and prefetches do not count as reads; `package_show`
 * answers `usage`, `package_popular` orders by it; hashes of earlier days are deleted.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countDatasetUse, usageCounterOf } from '../../src/catalog/usage.js';
import { buildApp } from '../../src/http/app.js';
import { systemCtx } from '../support/accounts.js';
import { CATALOG_ENGINES } from '../support/catalog.js';
import { openTestServices, type TestServices } from '../support/services.js';

const BROWSER_UA =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36';

interface Client {
  ip?: string;
  ua?: string;
  headers?: Record<string, string>;
}

describe.each(CATALOG_ENGINES)('dataset usage on %s', (engine) => {
  let t: TestServices;
  let app: FastifyInstance;
  const ids = new Map<string, string>();
  let resource = '';

  const action = async (name: string, body: object, c: Client = {}) => {
    const res = await app.inject({
      method: 'POST',
      url: `/api/3/action/${name}`,
      payload: body,
      remoteAddress: c.ip ?? '203.0.113.7',
      headers: { 'user-agent': c.ua ?? BROWSER_UA, ...(c.headers ?? {}) },
    });
    return { status: res.statusCode, body: res.json() };
  };
  const download = async (c: Client = {}) =>
    app.inject({
      method: 'GET',
      url: `/datastore/dump/${resource}?format=csv`,
      remoteAddress: c.ip ?? '203.0.113.7',
      headers: { 'user-agent': c.ua ?? BROWSER_UA, ...(c.headers ?? {}) },
    });
  const usage = async (name: string) => (await action('package_show', { id: name })).body.result.usage;

  beforeAll(async () => {
    t = await openTestServices(engine);
    const ctx = systemCtx(t);
    await t.registry.call('organization_create', ctx, { name: 'bps', title: 'Badan Pusat Statistik' });
    for (const name of ['dibaca', 'diunduh', 'sepi', 'rahasia', 'urutan-a', 'urutan-b', 'urutan-c']) {
      const ds = (await t.registry.call('package_create', ctx, {
        name,
        title: `Data ${name}`,
        owner_org: 'bps',
        private: name === 'rahasia',
      })) as { id: string };
      ids.set(name, ds.id);
    }
    const made = (await t.registry.call('datastore_create', ctx, {
      resource: { package_id: 'diunduh', name: 'Tabel' },
      fields: [
        { id: 'kode', type: 'text' },
        { id: 'nilai', type: 'numeric' },
      ],
      records: [{ kode: '32', nilai: 1.5 }],
    })) as { resource_id: string };
    resource = made.resource_id;
    const webRoot = mkdtempSync(join(tmpdir(), 'kendali-web-'));
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><html lang="id"><body></body></html>');
    app = await buildApp({ registry: t.registry, services: t.services, logger: false, webRoot });
  });
  afterAll(async () => {
    await app?.close();
    await t?.cleanup();
  });

  it('1,000 parallel reads of 1,000 visitors count exactly 1,000, in few statements', async () => {
    const counter = usageCounterOf(t.services.catalog);
    const before = counter.batches;
    const answers = await Promise.all(
      Array.from({ length: 1000 }, (_, i) =>
        action('package_view', { id: 'dibaca' }, { ip: `10.0.${i >> 8}.${i & 255}` }),
      ),
    );
    expect(answers.every((r) => r.status === 200 && r.body.result.counted === true)).toBe(true);
    expect(counter.batches - before).toBeLessThan(1000);
    expect(await usage('dibaca')).toEqual({ views_30d: 1000, downloads_30d: 0 });
    const totals = await t.services.catalog.db
      .selectFrom('dataset_usage')
      .selectAll()
      .where('dataset_id', '=', ids.get('dibaca') ?? '')
      .execute();
    expect(totals).toHaveLength(1);
    expect(totals[0]?.views).toBe(1000);
  }, 120_000);

  it('one visitor reading again and again counts once a day; bots and prefetches never', async () => {
    const again = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        action('package_view', { id: i % 2 ? 'sepi' : ids.get('sepi') }, { ip: '198.51.100.9' }),
      ),
    );
    expect(again.filter((r) => r.body.result.counted).length).toBe(1);
    expect(again.find((r) => !r.body.result.counted)?.body.result.reason).toBe('already_counted');
    const bot = await action('package_view', { id: 'sepi' }, { ip: '198.51.100.10', ua: 'Googlebot/2.1' });
    expect(bot.body.result).toEqual({ counted: false, reason: 'bot' });
    const prefetch = await action(
      'package_view',
      { id: 'sepi' },
      { ip: '198.51.100.11', headers: { 'sec-purpose': 'prefetch' } },
    );
    expect(prefetch.body.result).toEqual({ counted: false, reason: 'prefetch' });
    expect(await usage('sepi')).toEqual({ views_30d: 1, downloads_30d: 0 });
    // No address or user agent is stored, only the day's keyed hash.
    const stored = await t.services.catalog.db
      .selectFrom('dataset_usage_visitor')
      .select('visitor')
      .execute();
    expect(stored.every((r) => /^[vd]:[A-Za-z0-9_-]{22}$/.test(r.visitor))).toBe(true);
  });

  it('counts downloads once per visitor and day, scripts included, prefetches not', async () => {
    for (let i = 0; i < 3; i++) expect((await download({ ip: '192.0.2.1' })).statusCode).toBe(200);
    await Promise.all(Array.from({ length: 50 }, (_, i) => download({ ip: `192.0.2.${10 + i}` })));
    expect((await download({ ip: '192.0.2.200', ua: 'curl/8.5.0' })).statusCode).toBe(200);
    await download({ ip: '192.0.2.201', headers: { 'sec-purpose': 'prefetch' } });
    expect(await usage('diunduh')).toEqual({ views_30d: 0, downloads_30d: 52 });
  });

  it('a private dataset’s read is Not Found for a visitor; package_show of an unused one says zero', async () => {
    const r = await action('package_view', { id: 'rahasia' });
    expect(r.status).toBe(404);
    expect(await usage('urutan-c')).toEqual({ views_30d: 0, downloads_30d: 0 });
  });

  it('package_popular lists public datasets by use in the last 30 days, most used first', async () => {
    const db = t.services.catalog.db;
    const id = (n: string) => ids.get(n) ?? '';
    const today =
      (
        await sql<{
          d: string;
        }>`SELECT to_char(now() AT TIME ZONE 'Asia/Jakarta', 'YYYY-MM-DD') AS d`.execute(db)
      ).rows[0]?.d ?? '';
    const ago = (n: number) =>
      new Date(Date.parse(`${today}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
    await db
      .insertInto('dataset_usage')
      .values([
        { dataset_id: id('urutan-a'), day: ago(3), views: 400, downloads: 700 },
        { dataset_id: id('urutan-b'), day: ago(29), views: 1500, downloads: 0 },
        // Outside the window: does not count.
        { dataset_id: id('urutan-c'), day: ago(30), views: 9000, downloads: 9000 },
        // A private dataset is never listed to the public.
        { dataset_id: id('rahasia'), day: ago(1), views: 5000, downloads: 0 },
      ])
      .execute();
    const popular = (await action('package_popular', { rows: 10 })).body.result as {
      count: number;
      results: { name: string; usage: { views_30d: number; downloads_30d: number } }[];
    };
    expect(popular.results.map((r) => r.name)).toEqual(['urutan-b', 'urutan-a', 'dibaca', 'diunduh', 'sepi']);
    expect(popular.results[1]?.usage).toEqual({ views_30d: 400, downloads_30d: 700 });
    expect(popular.count).toBe(5);
    expect((await action('package_popular', { rows: 2 })).body.result.results).toHaveLength(2);
    expect(await usage('urutan-c')).toEqual({ views_30d: 0, downloads_30d: 0 });
  });

  it('on a new day a visitor counts again and the hashes of earlier days are deleted', async () => {
    const db = t.services.catalog.db;
    const client = { ip: '198.51.100.9', userAgent: BROWSER_UA, prefetch: false };
    const tomorrow = new Date(Date.now() + 86_400_000);
    const before = await db.selectFrom('dataset_usage_visitor').select('day').execute();
    expect(before.length).toBeGreaterThan(0);
    expect(
      await countDatasetUse(t.services.catalog, ids.get('sepi') ?? '', 'view', client, tomorrow),
    ).toEqual({
      counted: true,
    });
    const after = await db.selectFrom('dataset_usage_visitor').select('dataset_id').execute();
    expect(after).toEqual([{ dataset_id: ids.get('sepi') }]);
    const days = await db
      .selectFrom('dataset_usage')
      .select(['views'])
      .where('dataset_id', '=', ids.get('sepi') ?? '')
      .orderBy('day')
      .execute();
    expect(days.map((d) => d.views)).toEqual([1, 1]);
  });
});
