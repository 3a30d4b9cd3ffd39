/**
 * wall: a control-room board of 60 tiles over a 10M-row table (`KENDALI_BENCH_ROWS`), and the
 * live stream under 1,000 viewers.
 *
 * - Board render: headless Chromium opens `/ruang-kendali/wall/{board}` at 1920×1080 in a fresh
 *   context (cold browser cache); the time from navigation start to every tile rendered (60
 *   `[data-tile]`, each chart drawn, each map filled), median of 3. Target ≤ 1.5 s. Peer: the
 *   same 60 tiles computed the way chart tools do it, one group-by query per chart over the
 *   table (`indicator_values` per tile, in process, no rendering at all).
 * - Board data: `board_show {data:true}` in process vs the same peer.
 * - Live stream (bench/wall-sse.ts): 1,000 SSE clients, publish-to-receive p50/p99 (target p99
 *   ≤ 1 s) and server memory per client (target ≤ 20 KB; Grafana Live documents about 50 KB).
 *   Peer: a bare Node `http` server holding as many SSE streams and writing the same events.
 *
 * Needs `npm run build` and Chromium (CHROMIUM_PATH or /usr/bin/chromium).
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { systemActor } from '../src/auth/actor.js';
import { loadConfig } from '../src/config/load.js';
import { makeContext } from '../src/http/context.js';
import { addUpload } from '../src/ingest/uploads.js';
import type { TileSpec } from '../src/ruang-kendali/board-format.js';
import { evaluate } from '../src/ruang-kendali/evaluate.js';
import { startServer } from '../src/server/run.js';
import { openServices } from '../src/server/services.js';
import { launchBrowser } from '../test/browser/support.js';
import type { Benchmark, BenchRow } from './lib.js';
import { generateCsv, INDICATORS } from './observations.js';
import { measureSse, measureSseFloor } from './wall-sse.js';

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const BOARD = 'bench-60';
const AGGREGATIONS = ['avg', 'min', 'max', 'sum', 'count', 'avg'] as const;

/** 60 tiles on a 12-column grid: 24 KPIs, 12 trends, 12 maps, 12 rankings. */
function tiles(indicators: readonly string[]): TileSpec[] {
  const out: TileSpec[] = [];
  let y = 0;
  let i = 0;
  const next = () => indicators[i++ % indicators.length] as string;
  for (let row = 0; row < 4; row++, y += 1)
    for (let x = 0; x < 12; x += 2)
      out.push({ id: `kpi-${out.length}`, kind: 'kpi', indicator: next(), x, y, w: 2, h: 1 });
  for (let row = 0; row < 3; row++, y += 2)
    for (let x = 0; x < 12; x += 3) {
      out.push({ id: `trend-${out.length}`, kind: 'trend', indicator: next(), x, y, w: 3, h: 2 });
    }
  for (let row = 0; row < 3; row++, y += 2)
    for (let x = 0; x < 12; x += 3)
      out.push({
        id: `map-${out.length}`,
        kind: 'map',
        indicator: next(),
        x,
        y,
        w: 3,
        h: 2,
        options: { map: 'tilegrid' },
      });
  for (let row = 0; row < 3; row++, y += 2)
    for (let x = 0; x < 12; x += 3)
      out.push({
        id: `rank-${out.length}`,
        kind: 'ranking',
        indicator: next(),
        x,
        y,
        w: 3,
        h: 2,
        options: { limit: 5 },
      });
  return out;
}

const bench: Benchmark = {
  name: 'wall',
  doc: 'Ruang Kendali: a 60-tile wall over 10M rows rendered in Chromium vs one query per chart; 1,000 SSE viewers vs a bare Node SSE server',
  run: async () => {
    const rows = Number(process.env.KENDALI_BENCH_ROWS ?? 10_000_000);
    const clients = Number(process.env.KENDALI_BENCH_SSE_CLIENTS ?? 1000);
    const dataDir = mkdtempSync(join(tmpdir(), 'kendali-bench-wall-'));
    const env = {
      KENDALI_DATA_DIR: dataDir,
      KENDALI_DEMO: '0',
      LOG_LEVEL: 'silent',
      PORT: '0',
      HOST: '127.0.0.1',
      KENDALI_ADMIN_PASSWORD: 'sandi-bench-dinding',
    };
    let browser: Browser | undefined;
    let server: Awaited<ReturnType<typeof startServer>> | undefined;
    try {
      // 1. The table, 60 indicators over it and the board.
      const csv = join(dataDir, 'observasi.csv');
      const bytes = generateCsv(csv, rows);
      const opened = await openServices(
        loadConfig(env),
        () => {},
        () => {},
      );
      let importSeconds = 0;
      let evaluateMs = 0;
      let peerMs = 0;
      let boardMs = 0;
      const names: string[] = [];
      try {
        const sys = makeContext(opened.registry, opened.services, systemActor('system:cli'), 'id', 'bench');
        const call = (name: string, input: Record<string, unknown>) => opened.registry.call(name, sys, input);
        await call('organization_create', { name: 'ksp', title: 'Kantor Staf Presiden' });
        await call('package_create', {
          name: 'observasi',
          title: 'Observasi indikator daerah',
          owner_org: 'ksp',
        });
        const copy = join(dataDir, 'upload.csv');
        copyFileSync(csv, copy);
        rmSync(csv);
        const t0 = performance.now();
        await call('datastore_import', {
          upload_id: (await addUpload(dataDir, copy, null)).id,
          package_id: 'observasi',
          types: { province_code: 'string', regency_code: 'string' },
        });
        importSeconds = (performance.now() - t0) / 1000;
        for (const [k, indicator] of INDICATORS.entries())
          for (const [a, aggregation] of AGGREGATIONS.entries()) {
            const name = `ind-${k}-${a}`;
            names.push(name);
            await call('indicator_create', {
              name,
              title: `${indicator} (${aggregation}${a === 5 ? ', sejak 2020' : ''})`,
              owner_org: 'ksp',
              package_id: 'observasi',
              measure: 'value',
              aggregation,
              region_column: 'province_code',
              region_level: 'province',
              period_column: 'year',
              filters: [
                { column: 'indicator', op: 'eq', value: indicator },
                ...(a === 5 ? [{ column: 'year', op: 'ge', value: 2020 }] : []),
              ],
              unit: 'indeks',
              polarity: k % 2 === 0 ? 'higher' : 'lower',
              targets: [
                {
                  period: '2024',
                  value: aggregation === 'count' ? 20_000 : aggregation === 'sum' ? 1e6 : 50,
                },
              ],
            });
          }
        await call('board_create', {
          name: BOARD,
          title: 'Papan 60 ubin',
          organization: 'ksp',
          tiles: tiles(names),
        });
        // The peer: one group-by per chart, as a chart tool runs them (province level, all periods).
        const p0 = performance.now();
        for (const name of tiles(names).map((t) => t.indicator as string))
          await call('indicator_values', { id: name, level: 'province' });
        peerMs = performance.now() - p0;
        const e0 = performance.now();
        await evaluate(opened.services);
        evaluateMs = performance.now() - e0;
        const b: number[] = [];
        for (let i = 0; i < 5; i++) {
          const s = performance.now();
          await call('board_show', { id: BOARD, data: true });
          b.push(performance.now() - s);
        }
        boardMs = median(b);
      } finally {
        await opened.close();
      }

      // 2. The wall in Chromium.
      server = await startServer(loadConfig(env));
      browser = await launchBrowser();
      const url = `${server.url.replace(/\/$/, '')}/ruang-kendali/wall/${BOARD}`;
      const renders: number[] = [];
      const timelines: string[] = [];
      for (let i = 0; i < 4; i++) {
        const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
        const page = await context.newPage();
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(e.message));
        await page.goto(url);
        const ms = (await page.evaluate(ALL_TILES_RENDERED)) as number;
        if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);
        if (i > 0) {
          renders.push(ms); // the first load warms the server's caches
          timelines.push((await page.evaluate(TIMELINE)) as string);
        }
        await context.close();
      }

      // 3. The live stream under 1,000 viewers, and the floor.
      await server.stop();
      server = undefined;
      const sse = await measureSse({ clients });
      const floor = await measureSseFloor({ clients });

      const render = median(renders);
      const out: BenchRow[] = [
        {
          metric:
            '60-tile wall: navigation to every tile rendered (peer: 60 per-chart queries, no rendering)',
          unit: 'ms',
          ours: render,
          peer: peerMs,
          better: 'lower',
        },
        {
          metric: 'board data: board_show with 60 tiles (peer: 60 per-chart queries)',
          unit: 'ms',
          ours: boardMs,
          peer: peerMs,
          better: 'lower',
        },
        {
          metric: `SSE publish-to-receive p99, ${fmt(clients)} clients (peer: bare Node SSE)`,
          unit: 'ms',
          ours: sse.latencyMs.p99,
          peer: floor.latencyMs.p99,
          better: 'lower',
        },
        {
          metric: 'SSE server memory per client (larger of heap and RSS growth) (peer: bare Node SSE)',
          unit: 'KB',
          // the larger of the two growths, so neither hides the other
          ours: Math.max(sse.heapPerClientKb, sse.rssPerClientKb),
          peer: Math.max(floor.heapPerClientKb, floor.rssPerClientKb),
          better: 'lower',
          words: ['smaller', 'larger'],
        },
      ];
      return {
        peer: 'per-chart group-by queries over the same table; a bare Node http SSE server',
        rows: out,
        notes: [
          `table: ${fmt(rows)} rows (${fmt(bytes / 1e6)} MB CSV) imported in ${importSeconds.toFixed(1)} s; 60 indicators (10 indicators × 6 aggregations/filters), first evaluation ${fmt(evaluateMs)} ms (materialises the tiles' values)`,
          `wall render: median of 3 fresh contexts after one warm-up, 1920×1080; all: ${renders.map(fmt).join(', ')} ms; target ≤ 1,500 ms`,
          `timeline of the median render (ms from navigation, request start → end): ${timelines[renders.indexOf(render)] ?? ''}`,
          `SSE: ${fmt(sse.received)}/${fmt(sse.expected)} deliveries; p50 ${sse.latencyMs.p50.toFixed(1)} ms, p99 ${sse.latencyMs.p99.toFixed(1)} ms (target ≤ 1,000); heap per client ${sse.heapPerClientKb.toFixed(1)} KB, RSS per client ${sse.rssPerClientKb.toFixed(1)} KB (target ≤ 20 KB; Grafana Live documents ~50 KB); GC ${sse.gc ? 'forced' : 'not available'}`,
          `floor SSE: p50 ${floor.latencyMs.p50.toFixed(1)} ms, p99 ${floor.latencyMs.p99.toFixed(1)} ms, heap per client ${floor.heapPerClientKb.toFixed(1)} KB`,
        ],
      };
    } finally {
      await browser?.close();
      await server?.stop();
      if (process.env.KENDALI_BENCH_KEEP) process.stderr.write(`kept the data directory ${dataDir}\n`);
      else rmSync(dataDir, { recursive: true, force: true });
    }
  },
};

/** In the page: the requests of the load, shortened, with their start and end. */
const TIMELINE = `performance.getEntriesByType('resource')
  .filter((e) => !e.name.includes('/events'))
  .map((e) => e.name.replace(/^.*\\/(api\\/3\\/action\\/)?/, '').slice(0, 24) + ' ' + Math.round(e.startTime) + '→' + Math.round(e.responseEnd))
  .concat(['DOMContentLoaded ' + Math.round(performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd)])
  .join('; ')`;

/**
 * In the page: resolves with performance.now() (ms since navigation start) once all 60 tiles are
 * drawn. A string, not a function: tsx would wrap a function's inner helpers in `__name`, which
 * the page does not have.
 */
const ALL_TILES_RENDERED = `new Promise((resolve, reject) => {
  const done = () => {
    if (document.querySelectorAll('[data-tile]').length < 60) return false;
    const charts = document.querySelectorAll('[data-kind="trend"] .rk-chart svg path').length;
    const maps = document.querySelectorAll('[data-kind="map"] .rk-cell').length;
    const ranks = document.querySelectorAll('[data-kind="ranking"] tr[data-region]').length;
    return charts >= 12 && maps >= 12 * 38 && ranks >= 12;
  };
  const tick = () => {
    if (done()) resolve(performance.now());
    else if (performance.now() > 30000) reject(new Error('the wall did not finish in 30 s'));
    else requestAnimationFrame(tick);
  };
  tick();
})`;

export default bench;
