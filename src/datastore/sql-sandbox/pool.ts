/**
 * The worker processes that run the queries (worker.ts): at most `size`, one query at a time
 * each, started when first needed and kept. Each runs under an OS limit on its data size
 * (RLIMIT_DATA, `ulimit -d`): DuckDB's memory_limit does not cover every allocation — a single
 * `repeat([1], 300000000)` grew a process by 18 GB — and with the limit such an allocation
 * fails inside the worker ("Out of Memory Error") in milliseconds. Some scalar functions
 * ignore the interrupt until they finish (`lpad('x', 1e9, 'y')`: 6 s), so a worker that has
 * not answered `graceMs` after the time limit is killed and replaced.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type ErrorCode, type FieldErrors, internal, KendaliError } from '../../core/errors.js';
import { sqlError } from './check.js';
import type { SandboxResult } from './index.js';
import { type AllowedTable, type RunLimits, timeoutError } from './run.js';

export interface Job {
  readonly sql: string;
  readonly tables: readonly AllowedTable[];
  readonly limits: RunLimits;
}

export type Outcome =
  | { readonly ok: true; readonly result: SandboxResult }
  | {
      readonly ok: false;
      readonly error: { code: ErrorCode; message: string; fields?: FieldErrors | undefined };
    };

export interface PoolOptions {
  readonly size: number;
  /** RLIMIT_DATA of each worker, in MiB. */
  readonly memoryMb: number;
  /** Each worker spills in a directory of its own below this one. */
  readonly spillRoot: string;
  readonly graceMs: number;
}

interface Worker {
  readonly child: ChildProcess;
  readonly spillRoot: string;
  readonly exited: Promise<void>;
  /** Receives the worker's next message, or 'exit'. */
  settle: ((message: Outcome | 'ready' | 'exit') => void) | undefined;
}

export class WorkerPool {
  private readonly idle: Worker[] = [];
  private readonly workers = new Set<Worker>();
  private readonly waiting: (() => void)[] = [];
  private free: number;
  private closed = false;
  private started = 0;

  constructor(private readonly options: PoolOptions) {
    this.free = options.size;
  }

  /** Runs `job` (spillRoot is the worker's own) on an idle worker, waiting for one if needed. */
  async run(job: Omit<Job, 'limits'> & { limits: Omit<RunLimits, 'spillRoot'> }): Promise<SandboxResult> {
    if (this.free > 0) this.free -= 1;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      if (this.closed) throw internal('the SQL sandbox is closed');
      const worker = this.idle.pop() ?? (await this.start());
      const outcome = await this.send(worker, {
        ...job,
        limits: { ...job.limits, spillRoot: worker.spillRoot },
      });
      if (outcome === 'timeout') {
        await worker.exited;
        throw timeoutError(job.limits.timeoutMs);
      }
      if (outcome === 'exit' || outcome === 'ready') {
        if (this.closed) throw internal('the SQL sandbox was closed while the query ran');
        throw sqlError('the query stopped the SQL engine (it may have needed more memory than allowed)');
      }
      this.idle.push(worker);
      if (outcome.ok) return outcome.result;
      throw new KendaliError(outcome.error.code, outcome.error.message, outcome.error.fields);
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.free += 1;
    }
  }

  /** Kills every worker (a running query ends with an error) and removes their spill directories. */
  async close(): Promise<void> {
    this.closed = true;
    const workers = [...this.workers];
    for (const w of workers) w.child.kill('SIGKILL');
    await Promise.all(workers.map((w) => w.exited));
  }

  private send(worker: Worker, job: Job): Promise<Outcome | 'ready' | 'exit' | 'timeout'> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        resolve('timeout');
        worker.child.kill('SIGKILL');
      }, job.limits.timeoutMs + this.options.graceMs);
      worker.settle = (message) => {
        clearTimeout(timer);
        worker.settle = undefined;
        resolve(message);
      };
      worker.child.send(job);
    });
  }

  private async start(): Promise<Worker> {
    this.started += 1;
    const spillRoot = join(this.options.spillRoot, `w-${process.pid}-${this.started}`);
    await mkdir(spillRoot, { recursive: true });
    const child = spawnLimited(this.options.memoryMb);
    let onExit = (): void => {};
    const exited = new Promise<void>((resolve) => (onExit = resolve));
    const worker: Worker = { child, spillRoot, exited, settle: undefined };
    this.workers.add(worker);
    child.on('message', (message: Outcome | 'ready') => worker.settle?.(message));
    child.once('exit', () => {
      this.workers.delete(worker);
      const i = this.idle.indexOf(worker);
      if (i >= 0) this.idle.splice(i, 1);
      worker.settle?.('exit');
      void rm(spillRoot, { recursive: true, force: true }).finally(onExit);
    });
    const first = await new Promise<Outcome | 'ready' | 'exit'>((resolve) => (worker.settle = resolve));
    worker.settle = undefined;
    if (first !== 'ready') throw internal('the SQL sandbox worker could not start');
    return worker;
  }
}

/** `node worker` (through tsx when running from source) under `ulimit -d`, with an almost empty environment. */
function spawnLimited(memoryMb: number): ChildProcess {
  const here = fileURLToPath(import.meta.url);
  const fromSource = here.endsWith('.ts');
  const loader = fromSource
    ? ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href]
    : [];
  const node = [process.execPath, ...loader, join(dirname(here), fromSource ? 'worker.ts' : 'worker.js')];
  const options = {
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'] as ('ignore' | 'inherit' | 'ipc')[],
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
  };
  if (process.platform === 'win32') return spawn(node[0] ?? '', node.slice(1), options);
  const limit = ['-c', 'ulimit -d "$1" && shift && exec "$@"', 'sh', String(memoryMb * 1024)];
  return spawn('/bin/sh', [...limit, ...node], options);
}
