/**
 * humas: read counting ("Dibaca N kali") on one server. Kendali runs in this process on a fresh
 * data directory (PGlite catalog, as a default install; `KENDALI_BENCH_DATABASE_URL` = an empty
 * PostgreSQL database instead) and listens on a local port; `KENDALI_BENCH_VIEWS` reads
 * (default 20,000) from as many distinct browsers (user agents), plus 10% repeats of them, are
 * posted to `article_view` over HTTP with `KENDALI_BENCH_CONCURRENCY` (default 200) in flight,
 * by a client in a worker thread (bench/http-load.ts). Each answer comes after its batch
 * committed; the total is then checked exactly. Target: ≥ 5,000 counted reads/s.
 *
 * Peers, in the same run: the HTTP floor — a bare Fastify route answering the same request
 * with a fixed reply, driven by the same client — and, for the counter alone, the same number
 * of plain single-row `INSERT … ON CONFLICT DO NOTHING` statements into the same table.
 * Then the media feed rate (bench/humas-feed.ts) against the feed parser alone.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { sql } from 'kysely';
import { systemActor } from '../src/auth/actor.js';
import { loadConfig } from '../src/config/load.js';
import { buildApp } from '../src/http/app.js';
import { makeContext } from '../src/http/context.js';
import { viewCounterOf } from '../src/humas/news/views.js';
import { openServices } from '../src/server/services.js';
import { type LoadResult, loadInWorker } from './http-load.js';
import { measureFeeds } from './humas-feed.js';
import type { Benchmark, BenchRow } from './lib.js';

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

/** Runs `total` tasks with at most `width` at once. */
async function pool(total: number, width: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, total) }, async () => {
      while (next < total) await task(next++);
    }),
  );
}

const bench: Benchmark = {
  name: 'humas',
  doc: 'Humas read counting over HTTP (exact) vs a bare Fastify route and single-row INSERTs; media feed rate vs the parser alone',
  run: async () => {
    const views = Number(process.env.KENDALI_BENCH_VIEWS ?? 20_000);
    const width = Number(process.env.KENDALI_BENCH_CONCURRENCY ?? 200);
    const repeats = Math.floor(views / 10);
    const dataDir = mkdtempSync(join(tmpdir(), 'kendali-bench-humas-'));
    const dbUrl = process.env.KENDALI_BENCH_DATABASE_URL;
    const config = loadConfig({
      KENDALI_DATA_DIR: dataDir,
      KENDALI_DEMO: '0',
      LOG_LEVEL: 'silent',
      PORT: '0',
      HOST: '127.0.0.1',
      ...(dbUrl ? { DATABASE_URL: dbUrl } : {}),
    });
    const opened = await openServices(
      config,
      () => {},
      () => {},
    );
    const app = await buildApp({ registry: opened.registry, services: opened.services, logger: false });
    try {
      const sys = makeContext(opened.registry, opened.services, systemActor('system:cli'), 'id', 'bench');
      await opened.registry.call('organization_create', sys, { name: 'bench-humas', title: 'Bench Humas' });
      const article = (await opened.registry.call('article_create', sys, {
        owner_org: 'bench-humas',
        title: 'Artikel uji kecepatan',
        state: 'published',
      })) as { id: string };
      await app.listen({ port: 0, host: '127.0.0.1' });
      const address = app.server.address();
      const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/api/3/action/article_view`;
      const body = JSON.stringify({ id: article.id });
      const range = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);
      const ok = (what: string, r: LoadResult, n: number) => {
        if (r.statuses['200'] !== n)
          throw new Error(
            `${what}: ${JSON.stringify(r.statuses)} for ${n} requests; first error: ${r.firstError}`,
          );
        return r;
      };
      // warm-up: connections, JIT, caches (200 more readers)
      ok('warm-up', await loadInWorker({ url, body, ids: range(views + repeats, 200), width }), 200);
      const counter = viewCounterOf(opened.services.catalog);
      const batches0 = counter.batches;
      const ids = range(0, views + repeats).map((i) => (i < views ? i : i % views));
      const oursMs = ok('article_view', await loadInWorker({ url, body, ids, width }), ids.length).ms;
      const batches = counter.batches - batches0;
      const shown = (await opened.registry.call('article_show', sys, { id: article.id })) as {
        views: number;
      };
      const expected = views + 200;
      if (shown.views !== expected)
        throw new Error(`counted ${shown.views} reads, expected exactly ${expected}`);

      // Peer: one single-row INSERT … ON CONFLICT DO NOTHING per read, same concurrency.
      const db = opened.services.catalog.db;
      const peerStarted = performance.now();
      await pool(views + repeats, width, async (i) => {
        const visitor = `peer${i < views ? i : i % views}`;
        await sql`INSERT INTO article_view (article_id, day, visitor) VALUES (${article.id}, '2000-01-01', ${visitor})
                  ON CONFLICT DO NOTHING`.execute(db);
      });
      const peerMs = performance.now() - peerStarted;
      const peerRows = await sql<{
        n: number;
      }>`SELECT count(*)::int AS n FROM article_view WHERE day = '2000-01-01'`.execute(db);
      if (peerRows.rows[0]?.n !== views)
        throw new Error(`peer stored ${peerRows.rows[0]?.n} rows, expected ${views}`);

      // The counter alone (no HTTP): the same reads through the batching counter.
      const counterStarted = performance.now();
      await pool(views + repeats, width, async (i) => {
        await counter.add(article.id, '2000-01-02', `batch${i < views ? i : i % views}`);
      });
      const counterMs = performance.now() - counterStarted;
      const counted = await sql<{
        n: number;
      }>`SELECT count(*)::int AS n FROM article_view WHERE day = '2000-01-02'`.execute(db);
      if (counted.rows[0]?.n !== views)
        throw new Error(`counter stored ${counted.rows[0]?.n} rows, expected ${views}`);

      // The HTTP floor: a bare Fastify route with a fixed reply, the same client and requests.
      const floor = Fastify();
      floor.post('/api/3/action/article_view', async () => ({ success: true, result: { counted: true } }));
      await floor.listen({ port: 0, host: '127.0.0.1' });
      const floorAddress = floor.server.address();
      const floorUrl = `http://127.0.0.1:${typeof floorAddress === 'object' && floorAddress ? floorAddress.port : 0}/api/3/action/article_view`;
      ok('floor warm-up', await loadInWorker({ url: floorUrl, body, ids: range(0, 200), width }), 200);
      const floorMs = ok('floor', await loadInWorker({ url: floorUrl, body, ids, width }), ids.length).ms;
      await floor.close();

      const feeds = await measureFeeds();

      const rows: BenchRow[] = [
        {
          metric: 'reads stored (ours: batching counter, no HTTP)',
          unit: 'reads/s',
          ours: ((views + repeats) / counterMs) * 1000,
          peer: ((views + repeats) / peerMs) * 1000,
          better: 'higher',
        },
        {
          metric: 'reads handled over HTTP (peer: bare Fastify, fixed reply)',
          unit: 'reads/s',
          ours: ((views + repeats) / oursMs) * 1000,
          peer: ((views + repeats) / floorMs) * 1000,
          better: 'higher',
        },
        {
          metric: 'media feed items processed (peer: the feed parser alone)',
          unit: 'items/s',
          ours: feeds.itemsPerSecond,
          peer: feeds.peer.itemsPerSecond,
          better: 'higher',
        },
      ];
      return {
        peer: `per row: ${dbUrl ? 'PostgreSQL' : 'PGlite'} single-row INSERTs; bare Fastify; feed parser`,
        rows,
        notes: [
          `${fmt(views)} distinct readers + ${fmt(repeats)} repeats, ${width} requests in flight over local HTTP (undici client in a worker thread); catalog: ${dbUrl ? 'PostgreSQL' : 'PGlite'}`,
          `exact total checked: article_show says ${fmt(shown.views)} (incl. 200 warm-up readers); ${fmt(batches)} INSERT batches (${fmt((views + repeats) / Math.max(1, batches))} reads per statement)`,
          `counted reads/s (ours): ${fmt((views / oursMs) * 1000)}; target ≥ 5,000; ${availableParallelism()} cores shared by server, client and database`,
          `media feeds: ${fmt(feeds.items)} items (${fmt(feeds.duplicates)} duplicates, ${fmt(feeds.mentions)} mentions) parsed, deduplicated, matched and scored in ${feeds.seconds.toFixed(2)} s; the parser alone ${feeds.peer.seconds.toFixed(2)} s`,
        ],
      };
    } finally {
      await app.close();
      await opened.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};

export default bench;
