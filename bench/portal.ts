/**
 * portal: the public pages in headless Chromium on loopback, against a Kendali server with the
 * demo data and a 5M-row dataset behind the dataset page's preview (`KENDALI_BENCH_ROWS`,
 * default 5,000,000).
 *
 * - JavaScript transferred for the home page (compressed, as the browser received it). Target
 *   ≤ 250 KB. Peer: all of the app's JavaScript as one uncompressed bundle (what a page pays
 *   without code splitting and precompression).
 * - Largest contentful paint of home, search (`/dataset?q=kemiskinan`) and the 5M-row dataset's
 *   page, each in a fresh browser context (cold cache), median of 3. Target ≤ 1 s each. Peer: a
 *   static HTML page with the same visible text from a bare Fastify route (the floor).
 * - Server response p95 of what each page asks the server, under 20 concurrent clients (a
 *   worker-thread client). Peer: a bare Fastify route answering the same bytes.
 *
 * Needs `npm run build` (the server serves dist/web) and Chromium (CHROMIUM_PATH or
 * /usr/bin/chromium).
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import type { Browser } from 'playwright-core';
import { systemActor } from '../src/auth/actor.js';
import { loadConfig } from '../src/config/load.js';
import { makeContext } from '../src/http/context.js';
import { addUpload } from '../src/ingest/uploads.js';
import { startServer } from '../src/server/run.js';
import { openServices } from '../src/server/services.js';
import { launchBrowser, REPO_ROOT } from '../test/browser/support.js';
import { getLoadInWorker, quantile } from './http-get-load.js';
import type { Benchmark, BenchRow } from './lib.js';
import { generateCsv } from './observations.js';

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
const DATASET = 'observasi-indikator-daerah';
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

interface PageLoad {
  readonly lcp: number;
  readonly jsBytes: number;
  readonly text: string;
}

/** Opens `url` in a fresh context; waits for `ready`; answers LCP, compressed JS bytes and the visible text. */
async function loadPage(browser: Browser, url: string, ready: string): Promise<PageLoad> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  const scripts: Promise<number>[] = [];
  page.on('requestfinished', (request) => {
    if (request.resourceType() === 'script') scripts.push(request.sizes().then((s) => s.responseBodySize));
  });
  try {
    await page.goto(url);
    await page.locator(ready).first().waitFor({ timeout: 30_000 });
    const lcp = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          new PerformanceObserver((list) => {
            const last = list.getEntries().at(-1);
            resolve(last ? last.startTime : Number.NaN);
          }).observe({ type: 'largest-contentful-paint', buffered: true });
          setTimeout(() => resolve(Number.NaN), 5_000);
        }),
    );
    // The rendered text with its line breaks (what a reader sees), for the static floor page.
    // biome-ignore lint/performance/useDomNodeTextContent: layout-aware text is the point
    const text = await page.evaluate(() => document.body.innerText);
    const jsBytes = (await Promise.all(scripts)).reduce((a, b) => a + b, 0);
    return { lcp, jsBytes, text };
  } finally {
    await context.close();
  }
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c] as string);

const bench: Benchmark = {
  name: 'portal',
  doc: 'Portal pages in Chromium: home JS bytes, LCP of home/search/dataset (5M rows) and server p95 at 20 clients, vs a one-bundle build, a static page and a bare Fastify route',
  run: async () => {
    const rows = Number(process.env.KENDALI_BENCH_ROWS ?? 5_000_000);
    const dataDir = mkdtempSync(join(tmpdir(), 'kendali-bench-portal-'));
    const env = {
      KENDALI_DATA_DIR: dataDir,
      KENDALI_DEMO: '1',
      LOG_LEVEL: 'silent',
      PORT: '0',
      HOST: '127.0.0.1',
      KENDALI_ADMIN_PASSWORD: 'sandi-bench-portal',
    };
    let browser: Browser | undefined;
    let server: Awaited<ReturnType<typeof startServer>> | undefined;
    const floor = Fastify();
    try {
      // 1. The data: the demo, then the big table imported as a dataset of BPS.
      const csv = join(dataDir, 'observasi.csv');
      const bytes = generateCsv(csv, rows);
      const config = loadConfig(env);
      const opened = await openServices(
        config,
        () => {},
        () => {},
      );
      let resourceId = '';
      const importStarted = performance.now();
      try {
        const sys = makeContext(opened.registry, opened.services, systemActor('system:cli'), 'id', 'bench');
        await opened.registry.call('package_create', sys, {
          name: DATASET,
          title: 'Observasi Indikator Daerah (kemiskinan, IPM, pengangguran)',
          owner_org: 'bps',
          notes: 'Tabel besar untuk uji kecepatan portal.',
          tags: [{ name: 'kemiskinan' }],
        });
        const copy = join(dataDir, 'upload.csv');
        copyFileSync(csv, copy);
        const upload = await addUpload(dataDir, copy, null);
        const made = (await opened.registry.call('datastore_import', sys, {
          upload_id: upload.id,
          package_id: DATASET,
        })) as { resource_id: string };
        resourceId = made.resource_id;
      } finally {
        await opened.close();
      }
      const importSeconds = (performance.now() - importStarted) / 1000;
      rmSync(csv, { force: true });

      // 2. The server as `kendali start` runs it, and Chromium.
      server = await startServer(loadConfig(env));
      const base = server.url.replace(/\/$/, '');
      browser = await launchBrowser();
      // Warm the server (first searches build indexes, first DuckDB query opens the table).
      await loadPage(browser, `${base}/dataset/${DATASET}`, '.preview-table tbody tr');

      const pages = [
        { name: 'home', path: '/', ready: 'main h1' },
        {
          name: 'search',
          path: '/dataset?q=kemiskinan',
          ready: `main a[href="/dataset/${DATASET}"], main a[href^="/dataset/"]`,
        },
        {
          name: `dataset (${fmt(rows)} rows)`,
          path: `/dataset/${DATASET}`,
          ready: '.preview-table tbody tr',
        },
      ];
      const loads: { name: string; lcp: number; floorLcp: number; jsBytes: number }[] = [];
      await floor.register(async (f) => {
        f.get('/floor/:i', async (req, reply) => {
          const i = Number((req.params as { i: string }).i);
          const text = floorTexts[i] ?? '';
          const paragraphs = text
            .split('\n')
            .filter((l) => l.trim())
            .map((l, j) => (j === 0 ? `<h1>${escapeHtml(l)}</h1>` : `<p>${escapeHtml(l)}</p>`))
            .join('');
          return reply
            .type('text/html; charset=utf-8')
            .send(
              `<!doctype html><html lang="id"><meta charset="utf-8"><title>floor</title><main>${paragraphs}</main></html>`,
            );
        });
      });
      const floorTexts: string[] = [];
      await floor.listen({ port: 0, host: '127.0.0.1' });
      const fa = floor.server.address();
      const floorBase = `http://127.0.0.1:${typeof fa === 'object' && fa ? fa.port : 0}`;
      for (const p of pages) {
        const runs: PageLoad[] = [];
        for (let i = 0; i < 3; i++) runs.push(await loadPage(browser, `${base}${p.path}`, p.ready));
        floorTexts.push(runs[0]?.text ?? '');
        const floorRuns: number[] = [];
        for (let i = 0; i < 3; i++)
          floorRuns.push(
            (await loadPage(browser, `${floorBase}/floor/${floorTexts.length - 1}`, 'main')).lcp,
          );
        loads.push({
          name: p.name,
          lcp: median(runs.map((r) => r.lcp)),
          floorLcp: median(floorRuns),
          jsBytes: median(runs.map((r) => r.jsBytes)),
        });
      }

      // 3. What the pages ask the server, at 20 concurrent clients; the floor answers the same bytes.
      const calls = [
        { name: 'home HTML', path: '/', headers: { accept: 'text/html', 'accept-encoding': 'br' } },
        {
          name: 'package_search q=kemiskinan',
          path: '/api/3/action/package_search?q=kemiskinan&rows=20&facet.field=["organization","groups","tags","res_format"]',
        },
        { name: `package_show ${DATASET}`, path: `/api/3/action/package_show?id=${DATASET}` },
        {
          name: `datastore_search ${fmt(rows)} rows, page of 20 with total`,
          path: `/api/3/action/datastore_search?resource_id=${resourceId}&limit=20&include_total=true`,
        },
        {
          name: `datastore_search ${fmt(rows)} rows, filtered + sorted`,
          path: `/api/3/action/datastore_search?resource_id=${resourceId}&limit=20&filters=${encodeURIComponent('{"province_code":32}')}&sort=${encodeURIComponent('value desc')}`,
        },
      ];
      const p95: { name: string; ours: number; floor: number; p50: number }[] = [];
      for (const c of calls) {
        const spec = { requests: 400, width: 20, headers: c.headers ?? {} };
        await getLoadInWorker({ origin: base, paths: [c.path], ...spec, requests: 40 });
        const ours = await getLoadInWorker({ origin: base, paths: [c.path], ...spec });
        if (ours.statuses['200'] !== spec.requests)
          throw new Error(`${c.name}: ${JSON.stringify(ours.statuses)} ${ours.firstError}`);
        p95.push({
          name: c.name,
          ours: quantile(ours.latencies, 0.95),
          p50: quantile(ours.latencies, 0.5),
          floor: Number.NaN,
        });
      }
      // Fastify cannot add routes after listening: a second floor server with every body.
      const bodies: { path: string; type: string; body: Buffer }[] = [];
      for (const c of calls) {
        const r = await fetch(`${base}${c.path}`, { headers: c.headers ?? {} });
        if (r.status !== 200) throw new Error(`${c.name}: HTTP ${r.status}`);
        bodies.push({
          path: c.path,
          type: r.headers.get('content-type') ?? 'application/json',
          body: Buffer.from(await r.arrayBuffer()),
        });
      }
      const floor2 = Fastify();
      for (const [i, b] of bodies.entries()) {
        floor2.get(`/same/${i}`, async (_req, reply) => reply.type(b.type).send(b.body));
      }
      await floor2.listen({ port: 0, host: '127.0.0.1' });
      const f2 = floor2.server.address();
      const floor2Base = `http://127.0.0.1:${typeof f2 === 'object' && f2 ? f2.port : 0}`;
      for (const [i, row] of p95.entries()) {
        await getLoadInWorker({ origin: floor2Base, paths: [`/same/${i}`], requests: 40, width: 20 });
        const r = await getLoadInWorker({
          origin: floor2Base,
          paths: [`/same/${i}`],
          requests: 400,
          width: 20,
        });
        p95[i] = { ...row, floor: quantile(r.latencies, 0.95) };
      }
      await floor2.close();

      // The peer for bytes: every JS file of the build, uncompressed, as one bundle would be.
      const assets = join(REPO_ROOT, 'dist/web/assets');
      const allJs = readdirSync(assets)
        .filter((f) => f.endsWith('.js'))
        .reduce((sum, f) => sum + statSync(join(assets, f)).size, 0);
      const home = loads[0];
      const out: BenchRow[] = [
        {
          metric: 'home page JavaScript transferred (peer: the whole app as one uncompressed bundle)',
          unit: 'KB',
          ours: (home?.jsBytes ?? 0) / 1024,
          peer: allJs / 1024,
          better: 'lower',
          words: ['smaller', 'larger'],
        },
        ...loads.map((l) => ({
          metric: `LCP ${l.name} (peer: static page, same text)`,
          unit: 'ms',
          ours: l.lcp,
          peer: l.floorLcp,
          better: 'lower' as const,
        })),
        ...p95.map((r) => ({
          metric: `p95 at 20 clients: ${r.name} (peer: bare Fastify, same bytes)`,
          unit: 'ms',
          ours: r.ours,
          peer: r.floor,
          better: 'lower' as const,
        })),
      ];
      const index = readFileSync(join(REPO_ROOT, 'dist/web/index.html'), 'utf8').length;
      return {
        peer: 'one-bundle build; static HTML from bare Fastify; bare Fastify with the same bytes',
        rows: out,
        notes: [
          `dataset ${DATASET}: ${fmt(rows)} rows (${fmt(bytes / 1e6)} MB CSV) imported in ${importSeconds.toFixed(1)} s before the run; demo data beside it; catalog PGlite`,
          `targets: home JS ≤ 250 KB (ours ${fmt((home?.jsBytes ?? 0) / 1024)} KB); LCP ≤ 1,000 ms each (${loads.map((l) => `${l.name} ${fmt(l.lcp)}`).join(', ')})`,
          `p50 at 20 clients: ${p95.map((r) => `${r.name} ${r.p50.toFixed(1)} ms`).join('; ')}`,
          `LCP: fresh context per load (cold browser cache), median of 3, 1366×768; index.html ${fmt(index)} B`,
        ],
      };
    } finally {
      await browser?.close();
      await server?.stop();
      await floor.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};

export default bench;
