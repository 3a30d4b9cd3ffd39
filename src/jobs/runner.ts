/**
 * Runs the catalog's jobs in this process: claims due jobs of the kinds it has handlers for,
 * runs each with an AbortSignal and a progress reporter, keeps a heartbeat (which also carries a
 * cancel request back), retries failures with backoff, and publishes progress and state events
 * for the CLI and the web UI. On start it recovers jobs a dead process left running.
 */
import { EventEmitter } from 'node:events';
import { hostname } from 'node:os';
import type { JobProgress, JobState } from '../catalog/schema.js';
import type { CatalogStore } from '../catalog/store.js';
import { isKendaliError } from '../core/errors.js';
import { type EnqueueInput, type Job, JobStore } from './store.js';

export interface JobContext {
  readonly job: Job;
  readonly signal: AbortSignal;
  /**
   * Reports progress (stored at most twice a second, published at once); `more` names the
   * phase, the unit of `done`/`total` and rows handled.
   */
  progress(
    done: number,
    total?: number,
    note?: string,
    more?: Pick<JobProgress, 'phase' | 'unit' | 'rows'>,
  ): void;
}

export interface JobHandler {
  /** The work; its result is stored with the job. Throw to fail (retried unless `retry` is false). */
  run(ctx: JobContext): Promise<unknown>;
  /** Safe to run again from the start after a crash (idempotent work). */
  readonly resumable: boolean;
  /** Retry a failed attempt with backoff (default true). */
  readonly retry?: boolean;
}

export interface JobEvent {
  readonly id: string;
  readonly kind: string;
  readonly state: JobState;
  readonly progress: JobProgress;
  readonly error?: string | null;
}

const POLL_MS = 500;
const HEARTBEAT_MS = 1_000;
/** A running job whose heartbeat is older than this belongs to a process that is gone. */
const STALE_MS = 30_000;

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

export class JobRunner {
  readonly store: JobStore;
  readonly events = new EventEmitter();
  readonly owner = `${hostname()}:${process.pid}:${Date.now()}`;
  readonly #handlers = new Map<string, JobHandler>();
  readonly #running = new Map<string, AbortController>();
  #timer: NodeJS.Timeout | undefined;
  #stopped = true;
  #ticking = false;

  constructor(
    catalog: CatalogStore,
    private readonly concurrency = 1,
  ) {
    this.store = new JobStore(catalog);
    this.events.setMaxListeners(0);
  }

  register(kind: string, handler: JobHandler): this {
    this.#handlers.set(kind, handler);
    return this;
  }

  /** Recovers what a dead process left running, then starts taking jobs. */
  async start(): Promise<Job[]> {
    const recovered = await this.store.recover(
      (job) => this.isGone(job),
      (kind) => this.#handlers.get(kind)?.resumable === true,
    );
    this.#stopped = false;
    this.#schedule(0);
    return recovered;
  }

  /** Queues a job (or finds the active one for the same target) and wakes the runner. */
  async enqueue(input: EnqueueInput): Promise<{ job: Job; existing: boolean }> {
    if (!this.#handlers.has(input.kind)) throw new Error(`no job handler for ${input.kind}`);
    const queued = await this.store.enqueue(input);
    this.#schedule(0);
    return queued;
  }

  /** Resolves with the job once it has ended (succeeded, failed or cancelled). */
  async wait(id: string, onEvent?: (e: JobEvent) => void): Promise<Job> {
    const ended = (s: JobState) => s === 'succeeded' || s === 'failed' || s === 'cancelled';
    return new Promise<Job>((resolve, reject) => {
      const listener = (e: JobEvent) => {
        if (e.id !== id) return;
        onEvent?.(e);
        if (ended(e.state)) finish();
      };
      const poll = setInterval(() => void check(), 2_000);
      const finish = () => {
        this.events.off('job', listener);
        clearInterval(poll);
        this.store.get(id).then(resolve, reject);
      };
      const check = async () => {
        const job = await this.store.get(id).catch(() => undefined);
        if (job && ended(job.state)) finish();
      };
      this.events.on('job', listener);
      void check();
    });
  }

  async cancel(id: string): Promise<Job> {
    const job = await this.store.cancel(id);
    if (job.state === 'cancelled') this.#emit(job);
    this.#running.get(id)?.abort(new Error('dibatalkan'));
    return job;
  }

  /** Stops taking jobs; running ones are aborted and left to recovery (queued again if resumable). */
  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    for (const c of this.#running.values()) c.abort(new Error('server berhenti'));
    const deadline = Date.now() + 3_000;
    while (this.#running.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  }

  private isGone(job: Job): boolean {
    if (job.owner === this.owner) return false;
    const [host, pid] = (job.owner ?? '').split(':');
    if (host === hostname() && pid && !isAlive(Number(pid))) return true;
    return job.heartbeat === null || Date.now() - job.heartbeat.getTime() > STALE_MS;
  }

  #schedule(ms: number): void {
    if (this.#stopped) return;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#tick(), ms);
    this.#timer.unref();
  }

  async #tick(): Promise<void> {
    if (this.#ticking || this.#stopped) return;
    this.#ticking = true;
    try {
      while (!this.#stopped && this.#running.size < this.concurrency) {
        const job = await this.store.claim(this.owner, [...this.#handlers.keys()]);
        if (!job) break;
        void this.#run(job);
      }
    } catch {
      // The catalog is closing or briefly unavailable: try again at the next tick.
    } finally {
      this.#ticking = false;
      this.#schedule(POLL_MS);
    }
  }

  async #run(job: Job): Promise<void> {
    const handler = this.#handlers.get(job.kind) as JobHandler;
    const controller = new AbortController();
    this.#running.set(job.id, controller);
    let last: JobProgress = {};
    let stored = 0;
    const beat = setInterval(() => {
      this.store
        .progress(job.id, last)
        .then(({ cancel }) => {
          if (cancel) controller.abort(new Error('dibatalkan'));
        })
        .catch(() => {});
    }, HEARTBEAT_MS);
    beat.unref();
    this.#emit({ ...job, progress: {} });
    const ctx: JobContext = {
      job,
      signal: controller.signal,
      progress: (done, total, note, more) => {
        last = { done, ...(total !== undefined ? { total } : {}), ...(note ? { note } : {}), ...more };
        this.events.emit('job', {
          id: job.id,
          kind: job.kind,
          state: 'running',
          progress: last,
        } satisfies JobEvent);
        if (Date.now() - stored > 500) {
          stored = Date.now();
          void this.store.progress(job.id, last).catch(() => {});
        }
      },
    };
    try {
      const result = await handler.run(ctx);
      clearInterval(beat);
      await this.store.progress(job.id, last);
      await this.store.succeed(job.id, result);
      this.#emit(await this.store.get(job.id));
    } catch (e) {
      clearInterval(beat);
      const message = isKendaliError(e) || e instanceof Error ? e.message : String(e);
      if (controller.signal.aborted && this.#stopped) {
        // Shutting down: leave it to recovery at the next start.
      } else {
        await this.store
          .fail(job.id, message, handler.retry !== false && !controller.signal.aborted)
          .catch(() => {});
        this.#emit(
          await this.store.get(job.id).catch(() => ({ ...job, state: 'failed' as const, error: message })),
        );
      }
    } finally {
      this.#running.delete(job.id);
      this.#schedule(0);
    }
  }

  #emit(job: Pick<Job, 'id' | 'kind' | 'state' | 'progress' | 'error'>): void {
    this.events.emit('job', {
      id: job.id,
      kind: job.kind,
      state: job.state,
      progress: job.progress,
      error: job.error,
    } satisfies JobEvent);
  }
}
