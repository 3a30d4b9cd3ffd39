/**
 * The `import` job (target: the dataset and the upload; lane: the dataset, so imports into one
 * table run one after another): `datastore_import` run as the user who queued it, its policy
 * checked again when it starts. Progress names the phase (reading, profiling, converting,
 * checking, publishing) with bytes and rows. Not resumable and not retried: a process that dies
 * mid-import leaves only working files (swept at the next start) and the job is marked failed;
 * a cancel stops between phases and batches and publishes nothing.
 */
import type { ActionRegistry } from '../actions/registry.js';
import type { ProgressSink, Services } from '../actions/types.js';
import { loadActor, systemActor } from '../auth/actor.js';
import { errorLine, isKendaliError } from '../core/errors.js';
import { makeContext } from '../http/context.js';
import type { JobHandler } from './runner.js';

const PHASES: Record<string, string> = {
  read: 'reading',
  profile: 'profiling',
  convert: 'converting',
  check: 'checking',
  publish: 'publishing',
};

export function importJob(registry: ActionRegistry, services: Services): JobHandler {
  return {
    resumable: false,
    retry: false,
    run: async (ctx) => {
      const createdBy = ctx.job.created_by;
      const actor = createdBy ? await loadActor(services.catalog.db, createdBy) : systemActor('system:jobs');
      if (!actor) throw new Error('pengguna yang memulai impor ini tidak aktif lagi');
      const progress: ProgressSink = (phase, done, total, rows) =>
        ctx.progress(done, total, phase, {
          phase: PHASES[phase] ?? phase,
          unit: 'bytes',
          ...(rows !== undefined ? { rows } : {}),
        });
      const call = makeContext(registry, services, actor, services.config.locale, `job:${ctx.job.id}`, {
        progress,
        signal: ctx.signal,
      });
      try {
        return await registry.call('datastore_import', call, { ...ctx.job.params, background: false });
      } catch (e) {
        // Stored as the job's error: the whole reason, fields included.
        throw new Error(isKendaliError(e) ? errorLine(e) : e instanceof Error ? e.message : String(e));
      }
    },
  };
}
