/**
 * wall-sse: the control room's live stream under a wall of viewers. Kendali runs in this
 * process on the demo (fresh data directory, PGlite unless `KENDALI_BENCH_DATABASE_URL`),
 * listening on a local port; a child process opens `clients` (default 1000) anonymous SSE
 * connections to `/api/ruang-kendali/events` with undici and waits for each `ready`; then
 * `events` `indicator.updated` events (a public demo indicator) are emitted on the bus in this
 * process, one every `gapMs`, and every client's receive time is taken against the publish
 * time (both `performance.timeOrigin + performance.now()`, one clock for the process).
 * Memory: the server's heap (this isolate only) and the process RSS after a full GC, before
 * and after connecting, per client. The clients run in their own process, so the growth is the
 * server's alone (its sockets, buffers and stream state).
 *
 * `measureSseFloor(opts)`: the same clients and events against a bare Node `http` server that
 * holds the streams and writes the events (no framework, no access checks): the floor.
 *
 * `measureSse(opts)` answers the figures; `bench/wall.ts` (the lead's) prints them. Run alone:
 * `npx tsx --expose-gc bench/wall-sse.ts [clients]`.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { loadConfig } from '../src/config/load.js';
import { buildApp } from '../src/http/app.js';
import { ruangKendaliBus } from '../src/ruang-kendali/bus.js';
import { evaluate } from '../src/ruang-kendali/evaluate.js';
import { openServices } from '../src/server/services.js';

export interface SseOptions {
  /** SSE connections (default 1000). */
  readonly clients?: number;
  /** Events emitted (default 20). */
  readonly events?: number;
  /** Pause between events, ms (default 100). */
  readonly gapMs?: number;
}

export interface SseResult {
  readonly clients: number;
  readonly events: number;
  /** Deliveries received of clients × events. */
  readonly received: number;
  readonly expected: number;
  readonly connectMs: number;
  readonly latencyMs: { readonly p50: number; readonly p99: number; readonly max: number };
  readonly heapPerClientKb: number;
  readonly rssPerClientKb: number;
  readonly heapBeforeMb: number;
  readonly heapAfterMb: number;
  readonly rssBeforeMb: number;
  readonly rssAfterMb: number;
  readonly gc: boolean;
}

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { Agent, request } = require(workerData.undici);
(async () => {
  const { url, clients } = workerData;
  const agent = new Agent({ connections: clients + 10, pipelining: 0, bodyTimeout: 0, headersTimeout: 0 });
  const now = () => performance.timeOrigin + performance.now();
  const received = [];
  let ready = 0;
  let readyResolve;
  const allReady = new Promise((r) => (readyResolve = r));
  parentPort.postMessage({ type: 'started' });
  await new Promise((r) => parentPort.once('message', r));
  const started = now();
  const streams = [];
  for (let c = 0; c < clients; c++) {
    streams.push((async () => {
      const res = await request(url, { dispatcher: agent });
      let buf = '';
      let counted = false;
      for await (const chunk of res.body) {
        const at = now();
        buf += chunk.toString('utf8');
        let i;
        while ((i = buf.indexOf('\\n\\n')) >= 0) {
          const block = buf.slice(0, i);
          buf = buf.slice(i + 2);
          if (block.startsWith('event: ready') && !counted) {
            counted = true;
            if (++ready === clients) readyResolve();
          } else if (block.startsWith('event: indicator.updated')) {
            const data = JSON.parse(block.slice(block.indexOf('data: ') + 6));
            received.push([data.version, at]);
          }
        }
      }
    })().catch((e) => parentPort.postMessage({ type: 'failed', message: String(e && e.message || e), ready })));
  }
  await allReady;
  parentPort.postMessage({ type: 'ready', ms: now() - started });
  parentPort.once('message', async () => {
    // Exit only once the answer is written: process.exit drops a large IPC message still queued.
    await new Promise((r) => parentPort.postMessage({ type: 'done', received }, r));
    await agent.destroy();
    process.exit(0);
  });
})();
`;

function collector(): (() => void) | undefined {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) return g;
  try {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as () => void;
  } catch {
    return undefined;
  }
}

const pct = (sorted: readonly number[], p: number): number =>
  sorted.length === 0
    ? Number.NaN
    : (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number);

/**
 * Memory after the heap settled: a full GC (when it can be forced) and a pause, five times;
 * the lowest heap and RSS seen (RSS falls late, when the allocator returns pages).
 */
async function settledMemory(gc: (() => void) | undefined): Promise<{ heapUsed: number; rss: number }> {
  let heapUsed = Number.POSITIVE_INFINITY;
  let rss = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 5; i++) {
    gc?.();
    await new Promise((r) => setTimeout(r, 150));
    const m = process.memoryUsage();
    heapUsed = Math.min(heapUsed, m.heapUsed);
    rss = Math.min(rss, m.rss);
  }
  return { heapUsed, rss };
}

/**
 * The client side of a measurement: `clients` SSE streams from a worker thread to `url`,
 * memory before and after they connect, then `events` publishes `gapMs` apart.
 */
async function runClients(url: string, opts: SseOptions, publish: (seq: number) => void): Promise<SseResult> {
  const clients = opts.clients ?? 1000;
  const events = opts.events ?? 20;
  const gapMs = opts.gapMs ?? 100;
  const gc = collector();
  const undici = createRequire(import.meta.url).resolve('undici');
  // The clients live in a child process, so the memory measured here is the server's alone.
  const code = WORKER.replace(
    "const { parentPort, workerData } = require('node:worker_threads');",
    'const parentPort = { postMessage: (m, cb) => process.send(m, cb), once: (e, f) => process.once(e, f) };' +
      'const workerData = JSON.parse(process.env.KENDALI_SSE_CLIENT);',
  );
  const child = spawn(process.execPath, ['-e', code], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, KENDALI_SSE_CLIENT: JSON.stringify({ url, clients, undici }) },
  });
  type Message = {
    type: string;
    ms?: number;
    received?: [number, number][];
    message?: string;
    ready?: number;
  };
  const w = {
    on: (e: 'message', f: (m: Message) => void) => child.on(e, f as (m: unknown) => void),
    off: (e: 'message', f: (m: Message) => void) => child.off(e, f as (m: unknown) => void),
    once: (e: 'error', f: (err: Error) => void) => child.once(e, f),
    postMessage: (m: string) => child.send(m),
    terminate: async () => {
      if (child.exitCode === null) child.kill();
    },
  };
  try {
    const next = (type: string, timeoutMs = 120_000) =>
      new Promise<Message>((resolve, reject) => {
        const timer = setTimeout(() => {
          w.off('message', onMessage);
          reject(new Error(`SSE clients: no '${type}' within ${timeoutMs / 1000} s`));
        }, timeoutMs);
        const onMessage = (m: Message) => {
          if (m.type === 'failed') {
            clearTimeout(timer);
            w.off('message', onMessage);
            reject(new Error(`SSE client failed after ${m.ready} were ready: ${m.message}`));
          } else if (m.type === type) {
            clearTimeout(timer);
            w.off('message', onMessage);
            resolve(m);
          }
        };
        w.on('message', onMessage);
        w.once('error', reject);
      });
    await next('started');
    // The worker is up (its own isolate is in the RSS from here on); measure, then connect.
    const before = await settledMemory(gc);
    const readyMessage = next('ready');
    w.postMessage('go');
    const ready = await readyMessage;
    const after = await settledMemory(gc);
    const published = new Map<number, number>();
    for (let e = 1; e <= events; e++) {
      published.set(e, performance.timeOrigin + performance.now());
      publish(e);
      await new Promise((r) => setTimeout(r, gapMs));
    }
    await new Promise((r) => setTimeout(r, 1000));
    const done = next('done');
    w.postMessage('stop');
    const received = (await done).received ?? [];
    const latencies = received
      .map(([e, at]) => at - (published.get(e) ?? Number.NaN))
      .filter((x) => Number.isFinite(x))
      .sort((a, b) => a - b);
    return {
      clients,
      events,
      received: received.length,
      expected: clients * events,
      connectMs: ready.ms ?? Number.NaN,
      latencyMs: { p50: pct(latencies, 50), p99: pct(latencies, 99), max: latencies.at(-1) ?? Number.NaN },
      heapPerClientKb: (after.heapUsed - before.heapUsed) / clients / 1024,
      rssPerClientKb: (after.rss - before.rss) / clients / 1024,
      heapBeforeMb: before.heapUsed / 2 ** 20,
      heapAfterMb: after.heapUsed / 2 ** 20,
      rssBeforeMb: before.rss / 2 ** 20,
      rssAfterMb: after.rss / 2 ** 20,
      gc: gc !== undefined,
    };
  } finally {
    await w.terminate();
  }
}

/** Kendali on the demo: `/api/ruang-kendali/events`, events emitted on the control room's bus. */
export async function measureSse(opts: SseOptions = {}): Promise<SseResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kendali-bench-wall-sse-'));
  const dbUrl = process.env.KENDALI_BENCH_DATABASE_URL;
  const config = loadConfig({
    KENDALI_DATA_DIR: dataDir,
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
    await evaluate(opened.services);
    const ind = await opened.services.catalog.db
      .selectFrom('indicator')
      .select(['id', 'name', 'organization_id'])
      .where('private', '=', false)
      .orderBy('name')
      .executeTakeFirstOrThrow();
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const bus = ruangKendaliBus(opened.services);
    return await runClients(`http://127.0.0.1:${port}/api/ruang-kendali/events`, opts, (e) =>
      bus.emit('indicator.updated', {
        id: ind.id,
        name: ind.name,
        organization_id: ind.organization_id,
        value: e,
        status: null,
        period: 'bench',
        version: e,
      }),
    );
  } finally {
    await app.close();
    await opened.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The floor: a bare Node `http` server holding the same streams and writing the same events. */
export async function measureSseFloor(opts: SseOptions = {}): Promise<SseResult> {
  const streams = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store' });
    res.write(`event: ready\ndata: ${JSON.stringify({ at: new Date().toISOString() })}\n\n`);
    streams.add(res);
    req.on('close', () => streams.delete(res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    return await runClients(`http://127.0.0.1:${port}/events`, opts, (e) => {
      const text = `event: indicator.updated\ndata: ${JSON.stringify({ id: 'floor', name: 'floor', organization_id: 'floor', value: e, status: null, period: 'bench', version: e })}\n\n`;
      for (const res of streams) res.write(text);
    });
  } finally {
    for (const res of streams) res.end();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\/bench\//, '/bench/'))) {
  const clients = Number(process.argv[2] ?? 1000);
  const kendali = await measureSse({ clients });
  const floor = await measureSseFloor({ clients });
  process.stdout.write(`${JSON.stringify({ kendali, floor }, null, 2)}\n`);
}
