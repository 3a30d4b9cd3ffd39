/**
 * The `reindex` job (target `catalog`): every dataset's full-text vector and the typo
 * vocabulary written again in batches (progress: datasets done of total), then this process's
 * in-memory search index built again and swapped in. Resumable: it only recomputes.
 */
import type { Services } from '../actions/types.js';
import { reindexAll } from '../catalog/search/index-sql.js';
import { searchIndexOf } from '../catalog/search/search-index.js';
import type { JobHandler } from './runner.js';

const BATCH = 200;

export function reindexJob(services: Services): JobHandler {
  return {
    resumable: true,
    run: async (ctx) => {
      const t0 = performance.now();
      const datasets = await reindexAll(services.catalog.db, BATCH, (done, total) => {
        ctx.progress(done, total, 'vektor pencarian', { phase: 'vectors', unit: 'datasets' });
        if (ctx.signal.aborted) throw new Error('dibatalkan');
      });
      ctx.progress(datasets, datasets, 'indeks di memori', { phase: 'index', unit: 'datasets' });
      await searchIndexOf(services.catalog).rebuild();
      return { datasets, ms: Math.round(performance.now() - t0) };
    },
  };
}
