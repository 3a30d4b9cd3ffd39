import { type Kysely, sql } from 'kysely';

/**
 * Full-text search in Bahasa Indonesia: a weighted tsvector per dataset (title and tags A,
 * institution, groups and SDI fields B, notes C) with a GIN index, and a vocabulary of words
 * with a trigram index to correct small typos in queries; the stored quality score for
 * filtering and sorting by it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
    ALTER TABLE dataset ADD COLUMN search_vector tsvector NOT NULL DEFAULT ''::tsvector;
    CREATE INDEX dataset_search_idx ON dataset USING gin(search_vector);
    CREATE INDEX dataset_tags_idx ON dataset USING gin(tags);
    ALTER TABLE dataset ADD COLUMN quality_score smallint NOT NULL DEFAULT 0;
    CREATE TABLE search_word (
      word text PRIMARY KEY,
      datasets integer NOT NULL DEFAULT 1
    );
    CREATE INDEX search_word_trgm_idx ON search_word USING gin(word gin_trgm_ops);
  `.execute(db);
}
