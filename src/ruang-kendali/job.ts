/**
 * The control room's durable job `ruang_kendali_evaluate`: queued every 15 minutes by the
 * scheduler (target `all`) and right after a dataset version is published (target
 * `dataset:<id>:v<n>`, only when an indicator or rule reads that dataset), so an import never
 * waits for indicators: it only checks for readers and inserts a job row, without waiting.
 */
import type { Services } from '../actions/types.js';
import type { JobHandler } from '../jobs/runner.js';
import { type Background, repeat } from '../jobs/schedule.js';
import { evaluate } from './evaluate.js';

export const EVALUATE_JOB = 'ruang_kendali_evaluate';
const EVERY_MS = 15 * 60_000;

export const evaluateJob = (services: Services): JobHandler => ({
  resumable: true,
  run: async ({ job }) => {
    const datasetId = typeof job.params.dataset_id === 'string' ? job.params.dataset_id : undefined;
    return evaluate(services, new Date(), { datasetId });
  },
});

/** Queues an evaluation of what reads a dataset after a new version of it. Never throws. */
export async function queueAfterVersion(
  services: Services,
  datasetId: string,
  version: number,
): Promise<void> {
  try {
    const db = services.catalog.db;
    const reader =
      (await db
        .selectFrom('indicator')
        .select('id')
        .where('dataset_id', '=', datasetId)
        .limit(1)
        .executeTakeFirst()) ??
      (await db
        .selectFrom('alert_rule')
        .select('id')
        .where('dataset_id', '=', datasetId)
        .limit(1)
        .executeTakeFirst());
    if (!reader) return;
    await services.jobs.enqueue({
      kind: EVALUATE_JOB,
      target: `dataset:${datasetId}:v${version}`,
      params: { dataset_id: datasetId, version },
    });
  } catch {
    // No handler (a one-off CLI command) or the catalog closing: the next scheduled run covers it.
  }
}

/** Queues a full evaluation every 15 minutes while the server runs (and once at start). */
export const ruangKendaliSchedule = (services: Services): Background =>
  repeat('ruang kendali schedule', EVERY_MS, () =>
    services.jobs.enqueue({ kind: EVALUATE_JOB, target: 'all' }),
  );
