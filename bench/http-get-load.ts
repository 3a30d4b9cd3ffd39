/**
 * GET load for the benchmarks, in a worker thread (the server in the main thread keeps its event
 * loop): `width` clients each send the next request as soon as their previous answer has been
 * read whole; every request's latency is kept, so p50/p95 come out exact. Plain JavaScript in
 * the worker (a worker thread does not inherit tsx's loader).
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

export interface GetLoadSpec {
  readonly origin: string;
  /** Paths (with query) sent in turn. */
  readonly paths: readonly string[];
  readonly requests: number;
  readonly width: number;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface GetLoadResult {
  readonly ms: number;
  /** Latencies in ms, sorted. */
  readonly latencies: readonly number[];
  readonly statuses: Readonly<Record<string, number>>;
  readonly firstError?: string;
  readonly bytes: number;
}

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { Pool } = require(workerData.undici);
(async () => {
  const spec = workerData.spec;
  const pool = new Pool(spec.origin, { connections: spec.width, pipelining: 1 });
  const statuses = {};
  const latencies = [];
  let firstError;
  let bytes = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: Math.min(spec.width, spec.requests) }, async () => {
    while (next < spec.requests) {
      const path = spec.paths[next++ % spec.paths.length];
      const t0 = performance.now();
      const res = await pool.request({ path, method: 'GET', headers: spec.headers || {} });
      const body = Buffer.from(await res.body.arrayBuffer());
      latencies.push(performance.now() - t0);
      bytes += body.length;
      statuses[res.statusCode] = (statuses[res.statusCode] || 0) + 1;
      if (res.statusCode !== 200 && firstError === undefined) firstError = path + ': ' + body.toString().slice(0, 300);
    }
  }));
  const ms = performance.now() - started;
  await pool.close();
  latencies.sort((a, b) => a - b);
  parentPort.postMessage({ ms, latencies, statuses, firstError, bytes });
})();
`;

export function getLoadInWorker(spec: GetLoadSpec): Promise<GetLoadResult> {
  const undici = createRequire(import.meta.url).resolve('undici');
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { eval: true, workerData: { spec, undici } });
    worker.once('message', (r: GetLoadResult) => resolve(r));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`load worker exited with ${code}`));
    });
  });
}

/** The q-quantile (0–1) of sorted values. */
export const quantile = (sorted: readonly number[], q: number): number =>
  sorted.length === 0
    ? Number.NaN
    : (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number);
