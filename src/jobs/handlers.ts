/**
 * The job kinds Kendali runs, registered on the runner: each runs actions as the system
 * sysadmin `system:jobs`, so every change goes through the same validation and audit as a call.
 */
import type { ActionRegistry } from '../actions/registry.js';
import type { Services } from '../actions/types.js';
import { systemActor } from '../auth/actor.js';
import { makeContext } from '../http/context.js';
import { mediaFetchJob } from '../humas/media/job.js';
import { ENGAGEMENT_JOB, engagementJob } from '../humas/news/engagement-job.js';
import { EVALUATE_JOB, evaluateJob } from '../ruang-kendali/job.js';
import { harvestJob } from './harvest-job.js';
import { importJob } from './import-job.js';
import { reindexJob } from './reindex-job.js';
import type { JobRunner } from './runner.js';

export type SystemCall = (name: string, input: Record<string, unknown>) => Promise<unknown>;

export function registerJobHandlers(jobs: JobRunner, registry: ActionRegistry, services: Services): void {
  const call: SystemCall = (name, input) =>
    registry.call(
      name,
      makeContext(registry, services, systemActor('system:jobs'), services.config.locale, 'job'),
      input,
    );
  jobs.register('harvest', harvestJob(services, call));
  jobs.register(ENGAGEMENT_JOB, engagementJob(services, call));
  jobs.register('media_fetch', mediaFetchJob(services, call));
  jobs.register('import', importJob(registry, services));
  jobs.register('reindex', reindexJob(services));
  jobs.register(EVALUATE_JOB, evaluateJob(services));
}
