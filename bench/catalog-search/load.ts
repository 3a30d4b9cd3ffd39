/**
 * Closed-loop load: `clients` concurrent callers, each sending its next request as soon as the
 * previous one is answered, for a warm-up and then a measured window; latencies of the calls
 * started inside the window. HTTP clients run in a worker thread (Node's fetch,
 * keep-alive), so they do not share the server's event loop.
 */
import { Worker } from 'node:worker_threads';

export interface LoadResult {
  readonly latencies: number[];
  readonly errors: number;
  readonly firstError: string | null;
  readonly seconds: number;
}

export interface LoadOptions {
  readonly clients: number;
  readonly warmupMs: number;
  /** The window lasts at least this long and until `minCalls` calls are measured, at most `maxMs`. */
  readonly measureMs: number;
  readonly minCalls: number;
  readonly maxMs: number;
}

const HTTP_CLIENTS = `
const { parentPort, workerData } = require('node:worker_threads');
const { base, paths, clients, warmupMs, measureMs, minCalls, maxMs } = workerData;
const from = performance.now() + warmupMs;
const lat = [];
let errors = 0, firstError = null, stop = false, end = 0;
async function client(k) {
  let j = k * 37;
  while (!stop) {
    const path = paths[j++ % paths.length];
    const s = performance.now();
    try {
      const res = await fetch(base + path);
      const body = await res.text();
      if (res.status !== 200) { errors++; firstError = firstError || res.status + ' ' + path + ' ' + body.slice(0, 300); }
    } catch (e) { errors++; firstError = firstError || String(e); }
    const e = performance.now();
    if (stop) break;
    if (s >= from) lat.push(e - s);
    if ((e - from >= measureMs && lat.length >= minCalls) || e - from >= maxMs) { stop = true; end = e; }
  }
}
Promise.all(Array.from({ length: clients }, (_, k) => client(k))).then(() =>
  parentPort.postMessage({ latencies: lat, errors, firstError, seconds: (end - from) / 1000 }));
`;

/** GETs `paths` on `base` from a worker thread. */
export function httpLoad(base: string, paths: readonly string[], o: LoadOptions): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(HTTP_CLIENTS, { eval: true, workerData: { base, paths, ...o } });
    worker.once('message', (m: LoadResult) => {
      void worker.terminate();
      resolve(m);
    });
    worker.once('error', reject);
  });
}

/**
 * Runs `call(i)` from `clients` concurrent loops in this thread (for the peer's SQL). Time is
 * read on every call, not from timers: PGlite answers without yielding to the event loop.
 */
export async function directLoad(call: (i: number) => Promise<unknown>, o: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | null = null;
  const from = performance.now() + o.warmupMs;
  let end = 0;
  const client = async (k: number) => {
    let j = k * 37;
    while (end === 0) {
      const s = performance.now();
      try {
        await call(j++);
      } catch (e) {
        errors++;
        firstError ??= String(e);
      }
      const e = performance.now();
      if (end !== 0) break;
      if (s >= from) latencies.push(e - s);
      if ((e - from >= o.measureMs && latencies.length >= o.minCalls) || e - from >= o.maxMs) end = e;
    }
  };
  await Promise.all(Array.from({ length: o.clients }, (_, k) => client(k)));
  return { latencies, errors, firstError, seconds: (end - from) / 1000 };
}

/** Nearest-rank percentile of `xs` (p in 0…100). */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return Number.NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}
