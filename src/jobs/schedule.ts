/**
 * Scheduled harvests: each source with a cron schedule (five fields, Asia/Jakarta, read by
 * croner) is queued when a scheduled time has passed since its last run (or since it was
 * registered). A server that was down over a scheduled time runs it once when it is back; the
 * runner's one-job-per-target rule keeps a slow harvest from piling up.
 */
import { Cron } from 'croner';
import type { CatalogStore } from '../catalog/store.js';
import type { JobRunner } from './runner.js';

export const TIMEZONE = 'Asia/Jakarta';
const EVERY_MS = 30_000;

/** Throws with croner's reason when `expr` is not a five-field cron expression. */
export function checkCron(expr: string): void {
  if (expr.trim().split(/\s+/).length !== 5)
    throw new Error('expected five fields: minute hour day month weekday');
  new Cron(expr, { timezone: TIMEZONE, paused: true }).stop();
}

/** The first scheduled time after `from`, in UTC. */
export function nextRun(expr: string, from: Date): Date | null {
  const cron = new Cron(expr, { timezone: TIMEZONE, paused: true });
  const next = cron.nextRun(from);
  cron.stop();
  return next;
}

/** Something the server runs beside its requests: started after listening, stopped before closing. */
export interface Background {
  start(): void;
  /** Stops the timer and waits for a run in progress. */
  stop(): Promise<void>;
}

/**
 * Runs `tick` now and then every `ms` while started (unref'd timers, so they never hold the
 * process open). A failing tick is reported as a warning and the next one runs as planned.
 */
export function repeat(what: string, ms: number, tick: () => Promise<unknown>): Background {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  return {
    start() {
      const loop = () => {
        running = tick().catch((e: unknown) =>
          process.emitWarning(`${what}: ${e instanceof Error ? e.message : String(e)}`),
        );
        timer = setTimeout(loop, ms);
        timer.unref();
      };
      loop();
    },
    async stop() {
      clearTimeout(timer);
      await running;
    },
  };
}

export class HarvestScheduler implements Background {
  readonly #loop = repeat('harvest schedule', EVERY_MS, () => this.tick());

  constructor(
    private readonly catalog: CatalogStore,
    private readonly jobs: JobRunner,
  ) {}

  start(): void {
    this.#loop.start();
  }

  stop(): Promise<void> {
    return this.#loop.stop();
  }

  /** Queues every source whose scheduled time has come; returns the names queued. */
  async tick(now = new Date()): Promise<string[]> {
    const sources = await this.catalog.db
      .selectFrom('harvest_source as s')
      .leftJoin('harvest_run as r', 'r.source_id', 's.id')
      .select(['s.id', 's.name', 's.schedule', 's.created'])
      .select((eb) => eb.fn.max('r.started').as('last'))
      .where('s.schedule', 'is not', null)
      .groupBy(['s.id', 's.name', 's.schedule', 's.created'])
      .execute();
    const queued: string[] = [];
    for (const s of sources) {
      const last = s.last ? new Date(s.last as unknown as string) : s.created;
      let due: Date | null;
      try {
        due = nextRun(s.schedule as string, last);
      } catch {
        continue; // checked when saved; an old bad row is skipped rather than stopping the others
      }
      if (!due || due > now) continue;
      const { existing } = await this.jobs.enqueue({
        kind: 'harvest',
        target: s.id,
        params: { source: s.name, scheduled: due.toISOString() },
      });
      if (!existing) queued.push(s.name);
    }
    return queued;
  }
}
