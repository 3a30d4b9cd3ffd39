/**
 * humas: read counting ("Dibaca N kali") on one server. Kendali runs in this process on a fresh
 * data directory (PGlite catalog, as a default install; `KENDALI_BENCH_DATABASE_URL` = an empty
 * PostgreSQL database instead) and listens on a local port; `KENDALI_BENCH_VIEWS` reads
 * (default 20,000) from as many distinct browsers (user agents), plus 10% repeats of them, are
 * posted to `article_view` over HTTP with `KENDALI_BENCH_CONCURRENCY` (default 200) in flight.
 * Each answer comes after its batch committed; the total is then checked exactly.
 *
 * The peer, in the same run on the same catalog: the same number of plain single-row
 * `INSERT … ON CONFLICT DO NOTHING` statements into the same table with the same concurrency,
 * no HTTP at all — what counting one statement per read costs. Target: ≥ 5,000 counted reads/s.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { systemActor } from '../src/auth/actor.js';
import { loadConfig } from '../src/config/load.js';
import { buildApp } from '../src/http/app.js';
import { makeContext } from '../src/http/context.js';
import { viewCounterOf } from '../src/humas/news/views.js';
import { openServices } from '../src/server/services.js';
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
  doc: 'Humas read counting over HTTP (batched, exact) vs the same number of single-row INSERT … ON CONFLICT',
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
      const ua = (i: number) =>
        `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36 r${i}`;
      const post = async (i: number) => {
        const res = await fetch(url, {
          method: 'POST',
          body,
          headers: { 'content-type': 'application/json', 'user-agent': ua(i) },
        });
        if (res.status !== 200) throw new Error(`article_view answered ${res.status}: ${await res.text()}`);
        await res.arrayBuffer();
      };
      await pool(200, width, (i) => post(views + repeats + i)); // warm-up: connections, JIT, caches
      const counter = viewCounterOf(opened.services.catalog);
      const batches0 = counter.batches;
      const started = performance.now();
      await pool(views + repeats, width, (i) => post(i < views ? i : i % views));
      const oursMs = performance.now() - started;
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

      const rows: BenchRow[] = [
        {
          metric: 'reads stored (ours: batching counter, no HTTP)',
          unit: 'reads/s',
          ours: ((views + repeats) / counterMs) * 1000,
          peer: ((views + repeats) / peerMs) * 1000,
          better: 'higher',
        },
        {
          metric: 'reads handled (HTTP for ours)',
          unit: 'reads/s',
          ours: ((views + repeats) / oursMs) * 1000,
          peer: ((views + repeats) / peerMs) * 1000,
          better: 'higher',
        },
        {
          metric: `time for ${fmt(views + repeats)} reads`,
          unit: 'ms',
          ours: oursMs,
          peer: peerMs,
          better: 'lower',
          words: ['faster', 'slower'],
        },
      ];
      // ── Media monitoring feed rate: the agenda/media engineer adds `measureFeeds` from
      // bench/humas-feed.ts here, e.g. `rows.push(...(await measureFeeds()))`. ──
      return {
        peer: `${dbUrl ? 'PostgreSQL' : 'PGlite'}: ${fmt(views + repeats)} single-row INSERT … ON CONFLICT DO NOTHING, ${width} at once, no HTTP`,
        rows,
        notes: [
          `${fmt(views)} distinct readers + ${fmt(repeats)} repeats, ${width} requests in flight over local HTTP (client in the same process); catalog: ${dbUrl ? 'PostgreSQL' : 'PGlite'}`,
          `exact total checked: article_show says ${fmt(shown.views)} (incl. 200 warm-up readers); ${fmt(batches)} INSERT batches (${fmt((views + repeats) / Math.max(1, batches))} reads per statement)`,
          `counted reads/s (ours): ${fmt((views / oursMs) * 1000)}; target ≥ 5,000; ${availableParallelism()} cores`,
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
