import { type Kysely, sql } from 'kysely';

/**
 * Use of datasets without personal data. `dataset_usage` keeps daily counts per dataset (page
 * reads and downloads); `dataset_usage_visitor` holds today's keyed visitor hashes (salt of the
 * day, see src/humas/news/visitor.ts), prefixed `v:` for a read and `d:` for a download, so each
 * visitor counts once per dataset, kind and day. Rows of earlier days are deleted as counting goes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE dataset_usage (
      dataset_id uuid NOT NULL REFERENCES dataset(id) ON DELETE CASCADE,
      day date NOT NULL,
      views integer NOT NULL DEFAULT 0,
      downloads integer NOT NULL DEFAULT 0,
      PRIMARY KEY (dataset_id, day)
    );
    CREATE INDEX dataset_usage_day ON dataset_usage (day);
    CREATE TABLE dataset_usage_visitor (
      dataset_id uuid NOT NULL REFERENCES dataset(id) ON DELETE CASCADE,
      day date NOT NULL,
      visitor text NOT NULL,
      PRIMARY KEY (dataset_id, day, visitor)
    );
    CREATE INDEX dataset_usage_visitor_day ON dataset_usage_visitor (day);
  `.execute(db);
}
