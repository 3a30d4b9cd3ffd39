/**
 * An HTTP load client for the benchmarks that runs in a worker thread, so the server in the
 * main thread does not share its event loop with the client (Node's fetch costs as much CPU per
 * request as a small Fastify route). undici keeps `width` connections busy; request `i` carries
 * a browser user agent ending in `ids[i]`, so a benchmark can stand for many distinct browsers.
 * The worker's code is plain JavaScript (a worker thread does not inherit tsx's loader).
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

export interface LoadSpec {
  readonly url: string;
  readonly body: string;
  /** Requests to send: the user-agent number of each. */
  readonly ids: readonly number[];
  readonly width: number;
}

export interface LoadResult {
  readonly ms: number;
  /** Answers by HTTP status. */
  readonly statuses: Readonly<Record<string, number>>;
  readonly firstError?: string;
}

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { Pool } = require(workerData.undici);
(async () => {
  const spec = workerData.spec;
  const target = new URL(spec.url);
  const pool = new Pool(target.origin, { connections: spec.width, pipelining: 1 });
  const statuses = {};
  let firstError;
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: Math.min(spec.width, spec.ids.length) }, async () => {
    while (next < spec.ids.length) {
      const id = spec.ids[next++];
      const res = await pool.request({
        path: target.pathname,
        method: 'POST',
        body: spec.body,
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36 r' + id,
        },
      });
      const text = await res.body.text();
      statuses[res.statusCode] = (statuses[res.statusCode] || 0) + 1;
      if (res.statusCode !== 200 && firstError === undefined) firstError = text.slice(0, 300);
    }
  }));
  const ms = performance.now() - started;
  await pool.close();
  parentPort.postMessage({ ms, statuses, firstError });
})();
`;

/** Runs the load in a fresh worker thread and answers its timing and statuses. */
export function loadInWorker(spec: LoadSpec): Promise<LoadResult> {
  const undici = createRequire(import.meta.url).resolve('undici');
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { eval: true, workerData: { spec, undici } });
    worker.once('message', (r: LoadResult) => resolve(r));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`load worker exited with ${code}`));
    });
  });
}
