/**
 * An HTTP load client for the benchmarks that runs in a worker thread, so the server in the
 * main thread is not sharing its event loop with the client (Node's fetch costs as much CPU
 * per request as a small Fastify route). undici keeps `width` connections busy; request `i`
 * carries the user agent `agent(i)`, so a benchmark can stand for many distinct browsers.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { Pool } from 'undici';

export interface LoadSpec {
  readonly url: string;
  readonly body: string;
  /** Requests to send, and the user-agent index of each (`ids[i]`). */
  readonly ids: readonly number[];
  readonly width: number;
}

export interface LoadResult {
  readonly ms: number;
  /** Answers by HTTP status. */
  readonly statuses: Readonly<Record<string, number>>;
  readonly firstError?: string;
}

export const agent = (i: number): string =>
  `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36 r${i}`;

async function send(spec: LoadSpec): Promise<LoadResult> {
  const target = new URL(spec.url);
  const pool = new Pool(target.origin, { connections: spec.width, pipelining: 1 });
  const statuses: Record<string, number> = {};
  let firstError: string | undefined;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(spec.width, spec.ids.length) }, async () => {
      while (next < spec.ids.length) {
        const id = spec.ids[next++] as number;
        const res = await pool.request({
          origin: target.origin,
          path: target.pathname,
          method: 'POST',
          body: spec.body,
          headers: { 'content-type': 'application/json', 'user-agent': agent(id) },
        });
        const text = await res.body.text();
        statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
        if (res.statusCode !== 200 && firstError === undefined) firstError = text.slice(0, 300);
      }
    }),
  );
  const ms = performance.now() - started;
  await pool.close();
  return { ms, statuses, ...(firstError ? { firstError } : {}) };
}

/** Runs the load in a fresh worker thread and answers its timing and statuses. */
export function loadInWorker(spec: LoadSpec): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: spec, execArgv: ['--import', 'tsx'] });
    worker.once('message', (r: LoadResult) => resolve(r));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`load worker exited with ${code}`));
    });
  });
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  void send(workerData as LoadSpec).then(
    (r) => port.postMessage(r),
    (e: unknown) => {
      throw e;
    },
  );
}
