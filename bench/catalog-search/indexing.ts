/** Making the generated datasets searchable: what Kendali does, and the peer's hand-written SQL. */
import { reindexAll } from '../../src/catalog/search/index-sql.js';
import { searchIndexOf } from '../../src/catalog/search/search-index.js';
import type { CatalogStore } from '../../src/catalog/store.js';

export interface Indexed {
  readonly totalMs: number;
  readonly detail: string;
}

/**
 * Kendali: the search vectors and typo vocabulary in the catalog (reindexAll, for the
 * PostgreSQL fallback), then the in-process index built from the catalog (what a start does).
 */
export async function makeSearchable(store: CatalogStore, sqlOnly: boolean): Promise<Indexed> {
  const t0 = performance.now();
  await reindexAll(store.db);
  const sqlMs = performance.now() - t0;
  const index = searchIndexOf(store);
  if (sqlOnly) {
    index.enabled = false;
    return { totalMs: sqlMs, detail: `reindexAll ${(sqlMs / 1000).toFixed(1)} s` };
  }
  const t1 = performance.now();
  await index.ready();
  const memMs = performance.now() - t1;
  return {
    totalMs: sqlMs + memMs,
    detail: `reindexAll (SQL vectors, fallback) ${(sqlMs / 1000).toFixed(1)} s + in-process index build ${(memMs / 1000).toFixed(1)} s`,
  };
}

/** The peer: one UPDATE of every dataset's weighted tsvector and one INSERT of the vocabulary. */
export async function peerIndex(
  query: (text: string, values: unknown[]) => Promise<unknown>,
): Promise<number> {
  const t0 = performance.now();
  await query(
    `UPDATE dataset d SET search_vector =
       setweight(to_tsvector('indonesian', d.title), 'A') ||
       setweight(to_tsvector('indonesian', array_to_string(d.tags, ' ') || ' ' || o.title), 'B') ||
       setweight(to_tsvector('indonesian', concat_ws(' ', d.sdi->'standar_data'->>'konsep', d.sdi->>'produsen_data')), 'C') ||
       setweight(to_tsvector('indonesian', d.notes), 'D')
     FROM organization o WHERE o.id = d.organization_id`,
    [],
  );
  await query(
    `INSERT INTO search_word (word) SELECT DISTINCT w FROM dataset d,
       regexp_split_to_table(lower(d.title || ' ' || array_to_string(d.tags, ' ') || ' ' || d.notes), '[^a-z0-9]+') w
     WHERE length(w) BETWEEN 4 AND 40 ON CONFLICT (word) DO NOTHING`,
    [],
  );
  return performance.now() - t0;
}
