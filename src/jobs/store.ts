/**
 * Jobs in the catalog database: enqueue (at most one queued or running per kind and target),
 * claim (one process takes a job, `FOR UPDATE SKIP LOCKED`), progress, finish, fail with retry
 * and backoff, cancel, and recovery after a crash.
 */
import { sql } from 'kysely';
import { jsonb } from '../catalog/json.js';
import type { JobProgress, JobState } from '../catalog/schema.js';
import type { CatalogStore } from '../catalog/store.js';
import { conflict, notFound } from '../core/errors.js';

export interface Job {
  readonly id: string;
  readonly kind: string;
  readonly target: string;
  readonly state: JobState;
  readonly params: Record<string, unknown>;
  readonly result: unknown;
  readonly error: string | null;
  readonly progress: JobProgress;
  readonly attempts: number;
  readonly max_attempts: number;
  readonly cancel_requested: boolean;
  readonly created_by: string | null;
  readonly created: Date;
  readonly started: Date | null;
  readonly finished: Date | null;
  readonly owner: string | null;
  readonly heartbeat: Date | null;
  /** Jobs of one lane run one after another, oldest first (imports into one table). */
  readonly lane: string | null;
}

export interface EnqueueInput {
  readonly kind: string;
  readonly target: string;
  readonly params?: Record<string, unknown>;
  readonly createdBy?: string | null;
  readonly maxAttempts?: number;
  /** Runs after the jobs of the same lane queued before it, never beside them. */
  readonly lane?: string;
}

const COLUMNS = [
  'id',
  'kind',
  'target',
  'state',
  'params',
  'result',
  'error',
  'progress',
  'attempts',
  'max_attempts',
  'cancel_requested',
  'created_by',
  'created',
  'started',
  'finished',
  'owner',
  'heartbeat',
  'lane',
] as const;

/** Retry delay after the n-th failed attempt: 2 s, 8 s, 32 s … capped at 10 minutes. */
export const backoffMs = (attempt: number): number =>
  Math.min(600_000, 2_000 * 4 ** Math.max(0, attempt - 1));

export class JobStore {
  constructor(private readonly catalog: CatalogStore) {}

  /**
   * Queues a job, or returns the one already queued or running for the same kind and target
   * (`existing: true`): the same target never runs twice at once.
   */
  async enqueue(input: EnqueueInput): Promise<{ job: Job; existing: boolean }> {
    const active = await this.active(input.kind, input.target);
    if (active) return { job: active, existing: true };
    try {
      const job = await this.catalog.db
        .insertInto('job')
        .values({
          kind: input.kind,
          target: input.target,
          state: 'queued',
          params: jsonb(input.params ?? {}),
          progress: jsonb({}),
          created_by: input.createdBy ?? null,
          lane: input.lane ?? null,
          ...(input.maxAttempts ? { max_attempts: input.maxAttempts } : {}),
        })
        .returning(COLUMNS)
        .executeTakeFirstOrThrow();
      return { job: job as Job, existing: false };
    } catch (e) {
      // Another process queued the same target between the check and the insert.
      const raced = await this.active(input.kind, input.target);
      if (raced) return { job: raced, existing: true };
      throw e;
    }
  }

  async active(kind: string, target: string): Promise<Job | undefined> {
    return (await this.catalog.db
      .selectFrom('job')
      .select(COLUMNS)
      .where('kind', '=', kind)
      .where('target', '=', target)
      .where('state', 'in', ['queued', 'running'])
      .executeTakeFirst()) as Job | undefined;
  }

  async get(id: string): Promise<Job> {
    const job = /^[0-9a-f-]{36}$/i.test(id)
      ? await this.catalog.db.selectFrom('job').select(COLUMNS).where('id', '=', id).executeTakeFirst()
      : undefined;
    if (!job) throw notFound(`job ${id}`);
    return job as Job;
  }

  async list(
    filter: { kind?: string; state?: JobState; target?: string; limit?: number } = {},
  ): Promise<Job[]> {
    let q = this.catalog.db.selectFrom('job').select(COLUMNS).orderBy('created', 'desc');
    if (filter.kind) q = q.where('kind', '=', filter.kind);
    if (filter.state) q = q.where('state', '=', filter.state);
    if (filter.target) q = q.where('target', '=', filter.target);
    return (await q.limit(filter.limit ?? 50).execute()) as Job[];
  }

  /**
   * Takes the oldest due queued job of one of `kinds` for `owner`, or none. A job whose lane has
   * an older job queued or running waits its turn; two processes claiming in one lane at once
   * collide on the unique index of running lanes, and the loser takes nothing this time.
   */
  async claim(owner: string, kinds: readonly string[]): Promise<Job | undefined> {
    if (kinds.length === 0) return undefined;
    const result = await sql<Job>`
      UPDATE job SET state = 'running', started = now(), heartbeat = now(), owner = ${owner},
        attempts = attempts + 1, error = NULL
      WHERE id = (
        SELECT id FROM job
        WHERE state = 'queued' AND run_after <= now() AND kind IN (${sql.join(kinds)})
          AND NOT cancel_requested
          AND (lane IS NULL OR NOT EXISTS (
            SELECT 1 FROM job AS before
            WHERE before.lane = job.lane AND before.id <> job.id
              AND (before.state = 'running' OR (before.state = 'queued' AND before.created < job.created))
          ))
        ORDER BY created
        LIMIT 1
        FOR UPDATE SKIP LOCKED
      )
      RETURNING ${sql.join(COLUMNS.map((c) => sql.ref(c)))}`.execute(this.catalog.db);
    return result.rows[0];
  }

  async progress(id: string, progress: JobProgress): Promise<{ cancel: boolean }> {
    const row = await this.catalog.db
      .updateTable('job')
      .set({ progress: jsonb(progress), heartbeat: new Date() })
      .where('id', '=', id)
      .returning(['cancel_requested'])
      .executeTakeFirst();
    return { cancel: row?.cancel_requested === true };
  }

  async succeed(id: string, result: unknown): Promise<void> {
    await this.catalog.db
      .updateTable('job')
      .set({ state: 'succeeded', result: jsonb(result ?? null), finished: new Date(), owner: null })
      .where('id', '=', id)
      .execute();
  }

  /** A failed attempt: queued again after a backoff while attempts remain and `retry`, else failed. */
  async fail(id: string, error: string, retry: boolean): Promise<JobState> {
    const job = await this.get(id);
    const again = retry && !job.cancel_requested && job.attempts < job.max_attempts;
    await this.catalog.db
      .updateTable('job')
      .set(
        again
          ? { state: 'queued', error, owner: null, run_after: new Date(Date.now() + backoffMs(job.attempts)) }
          : {
              state: job.cancel_requested ? 'cancelled' : 'failed',
              error,
              finished: new Date(),
              owner: null,
            },
      )
      .where('id', '=', id)
      .execute();
    return again ? 'queued' : job.cancel_requested ? 'cancelled' : 'failed';
  }

  /** Cancels a queued job at once; asks a running one to stop (its runner aborts it). */
  async cancel(id: string): Promise<Job> {
    const job = await this.get(id);
    if (job.state === 'queued') {
      await this.catalog.db
        .updateTable('job')
        .set({ state: 'cancelled', cancel_requested: true, finished: new Date(), error: 'dibatalkan' })
        .where('id', '=', id)
        .where('state', '=', 'queued')
        .execute();
    } else if (job.state === 'running') {
      await this.catalog.db.updateTable('job').set({ cancel_requested: true }).where('id', '=', id).execute();
    } else throw conflict(`job ${id} has already ended (${job.state})`);
    return this.get(id);
  }

  /**
   * After a crash: jobs left `running` by a process that is gone. Resumable kinds are queued
   * again (their work is idempotent); the others are marked failed with the reason. Never left
   * "running".
   */
  async recover(isGone: (job: Job) => boolean, resumable: (kind: string) => boolean): Promise<Job[]> {
    const stuck = (await this.catalog.db
      .selectFrom('job')
      .select(COLUMNS)
      .where('state', '=', 'running')
      .execute()) as Job[];
    const recovered: Job[] = [];
    for (const job of stuck) {
      if (!isGone(job)) continue;
      const reason = `proses ${job.owner ?? '?'} berhenti saat tugas berjalan`;
      const resume = resumable(job.kind) && job.attempts < job.max_attempts && !job.cancel_requested;
      await this.catalog.db
        .updateTable('job')
        .set(
          resume
            ? { state: 'queued', owner: null, error: `${reason}; dilanjutkan`, run_after: new Date() }
            : { state: 'failed', owner: null, error: reason, finished: new Date() },
        )
        .where('id', '=', job.id)
        .where('state', '=', 'running')
        .execute();
      recovered.push(await this.get(job.id));
    }
    return recovered;
  }
}
