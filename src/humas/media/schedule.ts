/**
 * Scheduled media fetches: each active source with a cron schedule (Asia/Jakarta, croner, as
 * harvest sources) is queued as a `media_fetch` job when a scheduled time has passed since its
 * last fetch (or since it was registered). The timer loop is the harvest scheduler's.
 */
import { sql } from 'kysely';
import type { CatalogStore } from '../../catalog/store.js';
import type { JobRunner } from '../../jobs/runner.js';
import { HarvestScheduler, nextRun } from '../../jobs/schedule.js';

export class MediaScheduler extends HarvestScheduler {
  constructor(
    private readonly store: CatalogStore,
    private readonly runner: JobRunner,
  ) {
    super(store, runner);
  }

  /** Queues every source whose scheduled time has come; returns the names queued. */
  override async tick(now = new Date()): Promise<string[]> {
    const sources = await this.store.db
      .selectFrom('media_source as s')
      .select(['s.id', 's.name', 's.schedule', 's.created'])
      .select(
        sql<Date | null>`(SELECT max(l.started) FROM media_fetch_log l WHERE l.source_id = s.id)`.as('last'),
      )
      .where('s.schedule', 'is not', null)
      .where('s.active', '=', true)
      .execute();
    const queued: string[] = [];
    for (const s of sources) {
      // A bad schedule was refused when saved; an old one is skipped rather than stopping the others.
      const due = (() => {
        try {
          return nextRun(s.schedule as string, s.last ? new Date(s.last) : s.created);
        } catch {
          return null;
        }
      })();
      if (!due || due > now) continue;
      const { existing } = await this.runner.enqueue({
        kind: 'media_fetch',
        target: s.id,
        params: { source: s.name, scheduled: due.toISOString() },
      });
      if (!existing) queued.push(s.name);
    }
    return queued;
  }
}
