/**
 * The daily `humas_engagement` job (target: the day in Asia/Jakarta) publishes the engagement
 * rows as the next version of the `humas-keterlibatan` table. `engagementSchedule` queues it
 * once per day (checked every ten minutes; a server down at midnight catches up when it starts).
 */
import type { Services } from '../../actions/types.js';
import type { CatalogStore } from '../../catalog/store.js';
import type { SystemCall } from '../../jobs/handlers.js';
import type { JobHandler, JobRunner } from '../../jobs/runner.js';
import { type Background, repeat } from '../../jobs/schedule.js';
import { publishEngagement } from './engagement.js';
import { jakartaDay } from './visitor.js';

export const ENGAGEMENT_JOB = 'humas_engagement';

export const engagementJob = (services: Services, call: SystemCall): JobHandler => ({
  resumable: true,
  run: async (ctx) => {
    const rows = await publishEngagement(services.catalog, call, ctx.job.target);
    return { rows };
  },
});

const EVERY_MS = 10 * 60_000;

/** Queues today's job unless one was queued already; returns whether it queued. */
export async function queueEngagement(
  catalog: CatalogStore,
  jobs: JobRunner,
  now = new Date(),
): Promise<boolean> {
  const day = jakartaDay(now);
  const had = await catalog.db
    .selectFrom('job')
    .select('id')
    .where('kind', '=', ENGAGEMENT_JOB)
    .where('target', '=', day)
    .executeTakeFirst();
  if (had) return false;
  await jobs.enqueue({ kind: ENGAGEMENT_JOB, target: day });
  return true;
}

/** Checks now and every ten minutes while the server runs. */
export const engagementSchedule = (catalog: CatalogStore, jobs: JobRunner): Background =>
  repeat('humas engagement schedule', EVERY_MS, () => queueEngagement(catalog, jobs));
