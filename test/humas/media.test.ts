/**
 * Media monitoring end to end on both catalog engines: feeds served on loopback (no internet)
 * fetched as durable `media_fetch` jobs; duplicates, mentions and sentiment checked; broken
 * feeds (an HTML page, one that never answers, one over the byte cap) logged against their
 * source while the others are fetched; the control room's daily table and spike recorded.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mediaFetchJob } from '../../src/humas/media/job.js';
import { MediaScheduler } from '../../src/humas/media/schedule.js';
import { SENTIMENT_DATASET } from '../../src/humas/media/table.js';
import { systemCtx } from '../support/accounts.js';
import { CATALOG_ENGINES } from '../support/catalog.js';
import { openTestServices, type TestServices } from '../support/services.js';
import { atom, FEED_A, FEED_B, rss } from './media-feeds.js';

let server: Server;
let base = '';
const pending = new Set<() => void>();

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/a.xml')
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss('A', FEED_A));
    else if (req.url === '/b.xml')
      res.writeHead(200, { 'content-type': 'application/atom+xml' }).end(atom('B', FEED_B));
    else if (req.url === '/html')
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end('<!doctype html><html><body>Masuk</body></html>');
    else if (req.url === '/slow')
      pending.add(() => res.end()); // never answers in time
    else if (req.url === '/huge') {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(
        `<rss version="2.0"><channel>${'<item><title>x</title></item>'.repeat(20_000)}</channel></rss>`,
      );
    } else res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const end of pending) end();
  await new Promise((r) => server.close(r));
});

describe.each(CATALOG_ENGINES)('media monitoring (%s)', (engine) => {
  let t: TestServices;
  const call = (name: string, input: Record<string, unknown>) => t.registry.call(name, systemCtx(t), input);

  beforeAll(async () => {
    t = await openTestServices(engine);
    await call('organization_create', { name: 'bps', title: 'Badan Pusat Statistik' });
    await call('organization_create', { name: 'kemenkes', title: 'Kementerian Kesehatan' });
    await call('organization_create', { name: 'humas', title: 'Biro Humas' });
    await call('media_alias_create', { kind: 'organization', organization: 'kemenkes', alias: 'Kemkes' });
    await call('media_alias_create', { kind: 'programme', programme: 'Makan Bergizi Gratis', alias: 'MBG' });
    // Short limits so the broken feeds fail fast; the real runner runs the jobs.
    t.services.jobs.register(
      'media_fetch',
      mediaFetchJob(t.services, call, { timeoutMs: 800, maxBytes: 256 * 1024 }),
    );
    await t.services.jobs.start();
  });
  afterAll(async () => t?.cleanup());

  const fetchAll = async (names: string[]) => {
    const jobs = [];
    for (const id of names) jobs.push(((await call('media_source_fetch', { id })) as { id: string }).id);
    return Promise.all(jobs.map((id) => t.services.jobs.wait(id)));
  };

  it('fetches good feeds, logs broken ones against their source, and keeps going', async () => {
    for (const [name, path] of [
      ['feed-a', '/a.xml'],
      ['rusak-html', '/html'],
      ['rusak-lambat', '/slow'],
      ['rusak-besar', '/huge'],
      ['feed-b', '/b.xml'],
    ] as const)
      await call('media_source_create', {
        name,
        url: `${base}${path}`,
        owner_org: 'humas',
        schedule: '0 * * * *',
      });
    const jobs = await fetchAll(['feed-a', 'rusak-html', 'rusak-lambat', 'rusak-besar', 'feed-b']);
    expect(jobs.map((j) => j.state)).toEqual(['succeeded', 'failed', 'failed', 'failed', 'succeeded']);

    const log = async (id: string) =>
      (
        (await call('media_source_show', { id })) as {
          fetches: { state: string; message: string | null; counts: Record<string, number> }[];
        }
      ).fetches[0];
    expect((await log('rusak-html'))?.message).toMatch(/HTML/);
    expect((await log('rusak-lambat'))?.message).toMatch(/timeout/);
    expect((await log('rusak-besar'))?.message).toMatch(/limit/);
    // A: 9 entries, 1 exact copy (utm_* / http / www / fragment) → 8 new.
    expect((await log('feed-a'))?.counts).toMatchObject({ entries: 9, new: 8, duplicates: 1 });
    // B: a syndicated title and a mobile URL of A's stories → 2 duplicates, 2 new.
    expect((await log('feed-b'))?.counts).toMatchObject({ entries: 4, new: 2, duplicates: 2 });

    const all = (await call('media_item_list', { limit: 100 })) as {
      count: number;
      items: {
        title: string;
        url: string;
        sentiment: string;
        score: number;
        duplicates: number;
        mentions: { kind: string; organization?: string; programme?: string }[];
      }[];
    };
    expect(all.count).toBe(10);
    const byTitle = (start: string) => all.items.find((i) => i.title.startsWith(start));
    const bps = byTitle('BPS: angka kemiskinan');
    expect(bps?.url).toBe('https://berita.example/ekonomi/bps-kemiskinan-turun');
    expect(bps?.duplicates).toBe(2);
    expect(bps?.sentiment).toBe('positive');
    expect(bps?.mentions).toEqual([expect.objectContaining({ kind: 'organization', organization: 'bps' })]);
    const mbg = byTitle('Program MBG');
    expect(mbg?.sentiment).toBe('positive');
    expect(mbg?.mentions).toEqual([
      expect.objectContaining({ kind: 'programme', programme: 'Makan Bergizi Gratis' }),
    ]);
    expect(byTitle('Kementerian Kesehatan gelar rapat')?.sentiment).toBe('neutral');
    expect(byTitle('Sensus pertanian')?.mentions).toEqual([]);

    const negKemenkes = (await call('media_item_list', {
      organization: 'kemenkes',
      sentiment: 'negative',
      limit: 100,
    })) as { count: number };
    expect(negKemenkes.count).toBe(6); // 4 of A yesterday, 1 of B yesterday, 1 nine days ago
    const programme = (await call('media_item_list', { programme: 'makan bergizi gratis' })) as {
      count: number;
    };
    expect(programme.count).toBe(1);
    const fromB = (await call('media_item_list', { source: 'feed-b' })) as { count: number };
    expect(fromB.count).toBe(2);
  }, 60_000);

  it('records the negative spike and refreshes the control room table', async () => {
    const trend = (await call('media_trend', { organization: 'kemenkes' })) as {
      spikes: { organization: string; negative_count: number; baseline: number; score: number }[];
      days: { negative: number }[];
    };
    expect(trend.spikes).toHaveLength(1);
    expect(trend.spikes[0]).toMatchObject({ organization: 'kemenkes', negative_count: 5 });
    expect(trend.spikes[0]?.baseline).toBeCloseTo(1 / 14, 3);
    const row = await t.services.catalog.db.selectFrom('media_spike').selectAll().executeTakeFirstOrThrow();
    expect(row.items).toHaveLength(5);

    const daily = (await call('media_sentiment_daily', { organization: 'kemenkes' })) as {
      rows: { negative: number; items: number }[];
    };
    expect(daily.rows.reduce((n, r) => n + r.negative, 0)).toBe(6);

    const ds = (await call('package_show', { id: SENTIMENT_DATASET })) as { resources: { id: string }[] };
    const table = (await call('datastore_search', { resource_id: ds.resources[0]?.id, limit: 100 })) as {
      records: { institusi: string; negatif: number }[];
    };
    const kemenkes = table.records.filter((r) => r.institusi === 'kemenkes');
    expect(kemenkes.reduce((n, r) => n + Number(r.negatif), 0)).toBe(6);
  });

  it('queues scheduled sources once their time has come (Asia/Jakarta cron)', async () => {
    const scheduler = new MediaScheduler(t.services.catalog, t.services.jobs);
    // Every source was fetched just now: the hourly schedule is not due yet, in two hours it is.
    expect(await scheduler.tick(new Date())).toEqual([]);
    await call('media_source_update', { id: 'rusak-html', active: false });
    const due = await scheduler.tick(new Date(Date.now() + 2 * 3_600_000));
    expect(due.sort()).toEqual(['feed-a', 'feed-b', 'rusak-besar', 'rusak-lambat']);
    const jobs = await t.services.jobs.store.list({ kind: 'media_fetch', limit: 50 });
    await Promise.all(jobs.map((j) => t.services.jobs.wait(j.id)));
  }, 30_000);

  it('fetching again adds nothing and counts the copies', async () => {
    const [a] = await fetchAll(['feed-a']);
    expect(a?.result).toMatchObject({ entries: 9, new: 0, duplicates: 9 });
    const all = (await call('media_item_list', { limit: 100 })) as { count: number };
    expect(all.count).toBe(10);
  }, 30_000);
});
