/**
 * The `media_fetch` job (target: a media source id): fetch the feed, then refresh the control
 * room's daily table and look for negative spikes on the days that got items. Resumable (a
 * fetch only adds what is new); not retried: a failure is logged against the source and the
 * next scheduled fetch tries again.
 */
import type { Services } from '../../actions/types.js';
import type { SystemCall } from '../../jobs/handlers.js';
import type { JobHandler } from '../../jobs/runner.js';
import { detectSpikes } from './daily.js';
import { DEFAULT_FEED_LIMITS, type FeedLimits, fetchSource } from './fetch.js';
import { refreshSentimentTable } from './table.js';

export function mediaFetchJob(
  services: Services,
  call: SystemCall,
  limits: FeedLimits = DEFAULT_FEED_LIMITS,
): JobHandler {
  const db = services.catalog.db;
  return {
    resumable: true,
    retry: false,
    run: async (ctx) => {
      const source = await db
        .selectFrom('media_source')
        .select(['id', 'organization_id'])
        .where('id', '=', ctx.job.target)
        .executeTakeFirstOrThrow();
      ctx.progress(0, 3, 'mengambil umpan');
      const outcome = await fetchSource(services.catalog, source.id, {
        jobId: ctx.job.id,
        limits,
        signal: ctx.signal,
      });
      ctx.progress(1, 3, 'memperbarui tabel sentimen');
      const rows = await refreshSentimentTable(db, call, source.organization_id, outcome.days);
      ctx.progress(2, 3, 'mencari lonjakan');
      const spikes = await detectSpikes(db, outcome.days);
      ctx.progress(3, 3);
      return { ...outcome.counts, days: outcome.days.length, table_rows: rows, spikes: spikes.length };
    },
  };
}
