import { type Kysely, sql } from 'kysely';

/**
 * Versions are numbered per datastore table (the file `v<N>.parquet` of table `table_id`), so
 * the unique pair is (table_id, version). The first schema made it (dataset_id, version), which
 * refused version 1 of a second table in the same dataset. The per-table pair is also what
 * the datastore write actions rely on to detect two writers publishing the same version.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE dataset_version DROP CONSTRAINT dataset_version_dataset_id_version_key;
    ALTER TABLE dataset_version ADD CONSTRAINT dataset_version_table_version_key UNIQUE (table_id, version);
    CREATE INDEX dataset_version_dataset_idx ON dataset_version(dataset_id, version);
  `.execute(db);
}
