import { type Kysely, sql } from 'kysely';

/** Harvest sources may also be DCAT catalogs (Turtle, JSON-LD or RDF/XML, with Hydra paging). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE harvest_source DROP CONSTRAINT harvest_source_type_check;
    ALTER TABLE harvest_source ADD CONSTRAINT harvest_source_type_check CHECK (type IN ('ckan', 'dcat'));
  `.execute(db);
}
