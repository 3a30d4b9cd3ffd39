import { type Kysely, sql } from 'kysely';

/**
 * What each version's data covers (SDI cakupan, src/ingest/coverage.ts), as publishing read it:
 * a dataset's coverage field still equal to what the last version's data said follows the data
 * of the next one; one a data officer changed stays.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE dataset_version ADD COLUMN coverage jsonb`.execute(db);
}
