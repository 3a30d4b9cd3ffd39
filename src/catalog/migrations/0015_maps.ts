import { type Kysely, sql } from 'kysely';

/**
 * Registered region maps (GeoJSON boundaries of provinces or regencies). The GeoJSON is kept in
 * the catalog as text, not as a file in the data directory: every server process (PostgreSQL
 * mode) reads the same catalog, the map is written in the same transaction as its row (no
 * orphan files), and text keeps the normalised bytes exact for the ETag (jsonb would reorder
 * keys). Maps are a few MB at most.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE region_map (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL UNIQUE,
      title text NOT NULL,
      level text NOT NULL CHECK (level IN ('province', 'regency')),
      code_property text NOT NULL,
      feature_count integer NOT NULL,
      geojson text NOT NULL,
      etag text NOT NULL,
      created timestamptz NOT NULL DEFAULT now()
    );
  `.execute(db);
}
