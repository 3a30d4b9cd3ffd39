/**
 * The `harvest` job (target: a harvest source id): one run of runHarvest with its log in
 * `harvest_run` — counts, per-dataset errors, and a run a dead process left behind marked failed
 * rather than left "running". Resumable: a harvest only converges the local copy on the remote.
 */
import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Services } from '../actions/types.js';
import { jsonb } from '../catalog/json.js';
import { notFound } from '../core/errors.js';
import { runHarvest } from '../harvest/run.js';
import { addUploadStream, removeUpload } from '../ingest/uploads.js';
import type { SystemCall } from './handlers.js';
import type { JobHandler } from './runner.js';

export function harvestJob(services: Services, call: SystemCall): JobHandler {
  const db = services.catalog.db;
  return {
    resumable: true,
    // A failed run is logged; the next run (by schedule or by hand) tries again.
    retry: false,
    run: async (ctx) => {
      const source = await db
        .selectFrom('harvest_source as s')
        .innerJoin('organization as o', 'o.id', 's.organization_id')
        .select(['s.id', 's.name', 's.type', 's.url', 'o.name as org'])
        .where('s.id', '=', ctx.job.target)
        .executeTakeFirst();
      if (!source) throw notFound(`harvest source ${ctx.job.target}`);
      await db
        .updateTable('harvest_run')
        .set({ state: 'failed', finished: new Date(), message: 'proses berhenti saat panen berjalan' })
        .where('source_id', '=', source.id)
        .where('state', '=', 'running')
        .execute();
      const run = await db
        .insertInto('harvest_run')
        .values({ source_id: source.id, job_id: ctx.job.id, state: 'running' })
        .returning('id')
        .executeTakeFirstOrThrow();
      const workDir = join(services.config.dataDir, 'tmp', `harvest-${run.id}`);
      const maxBytes = services.config.maxUploadMb * 1048576;
      try {
        const result = await runHarvest(
          { id: source.id, name: source.name, type: source.type, url: source.url, org: source.org },
          {
            call: (name, input) => call(name, input),
            upload: async (path, filename) =>
              (
                await addUploadStream(
                  services.config.dataDir,
                  filename,
                  null,
                  createReadStream(path),
                  () => false,
                  maxBytes,
                )
              ).id,
            // The file is in the table once imported: the upload need not stay.
            discardUpload: (id) => removeUpload(services.config.dataDir, id),
            workDir,
            signal: ctx.signal,
            progress: (done, total, note) => ctx.progress(done, total, note),
            limits: { maxResourceBytes: maxBytes },
          },
        );
        await db
          .updateTable('harvest_run')
          .set({
            state: 'succeeded',
            finished: new Date(),
            counts: jsonb({ ...result.counts }),
            errors: jsonb(result.errors),
          })
          .where('id', '=', run.id)
          .execute();
        return { run_id: run.id, counts: result.counts, errors: result.errors.length };
      } catch (e) {
        await db
          .updateTable('harvest_run')
          .set({ state: 'failed', finished: new Date(), message: e instanceof Error ? e.message : String(e) })
          .where('id', '=', run.id)
          .execute();
        throw e;
      } finally {
        await rm(workDir, { recursive: true, force: true });
      }
    },
  };
}
