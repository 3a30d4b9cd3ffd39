/**
 * Keeps each dataset's search vector and the typo-correction vocabulary in step with the
 * catalog. Called inside the writing transaction, so search never sees a half-saved dataset.
 */
import { type Kysely, sql, type Transaction } from 'kysely';
import type { CatalogSchema } from '../schema.js';

type Db = Kysely<CatalogSchema> | Transaction<CatalogSchema>;

/** Weights: title A; tags, institution and groups B; Satu Data fields C; notes D. */
export async function reindexDatasets(db: Db, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const list = sql.join(ids.map((id) => sql`${id}::uuid`));
  await sql`
    UPDATE dataset d SET search_vector =
      setweight(to_tsvector('indonesian', d.title), 'A') ||
      setweight(to_tsvector('indonesian', array_to_string(d.tags, ' ')), 'B') ||
      setweight(to_tsvector('indonesian', o.title || ' ' || o.name), 'B') ||
      setweight(to_tsvector('indonesian', COALESCE((
        SELECT string_agg(g.title, ' ') FROM dataset_group dg JOIN "group" g ON g.id = dg.group_id WHERE dg.dataset_id = d.id
      ), '')), 'B') ||
      setweight(to_tsvector('indonesian', concat_ws(' ',
        d.sdi->'standar_data'->>'konsep', d.sdi->'standar_data'->>'definisi', d.sdi->'standar_data'->>'klasifikasi',
        d.sdi->'standar_data'->>'ukuran', d.sdi->'standar_data'->>'satuan', d.sdi->>'produsen_data', d.sdi->>'walidata')), 'C') ||
      setweight(to_tsvector('indonesian', left(d.notes, 20000)), 'D')
    FROM organization o
    WHERE o.id = d.organization_id AND d.id IN (${list})`.execute(db);
  await sql`
    INSERT INTO search_word (word)
    SELECT DISTINCT w FROM dataset d,
      regexp_split_to_table(lower(d.title || ' ' || array_to_string(d.tags, ' ') || ' ' || left(d.notes, 5000)), '[^a-z0-9]+') AS w
    WHERE d.id IN (${list}) AND length(w) BETWEEN 4 AND 40
    ON CONFLICT (word) DO NOTHING`.execute(db);
}

/** Rebuilds every dataset's vector (after a migration that changes the weighting, or a bulk load). */
export async function reindexAll(
  db: Db,
  batch = 2000,
  onProgress?: (done: number, total: number) => void,
): Promise<number> {
  const ids = (await db.selectFrom('dataset').select('id').orderBy('id').execute()).map((r) => r.id);
  for (let i = 0; i < ids.length; i += batch) {
    await reindexDatasets(db, ids.slice(i, i + batch));
    onProgress?.(Math.min(i + batch, ids.length), ids.length);
  }
  return ids.length;
}
