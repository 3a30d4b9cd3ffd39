import { type Kysely, sql } from 'kysely';

/**
 * The catalog proper: CKAN's dataset fields, groups (themes), resources, and the columns
 * activity streams and search need.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE dataset
      ADD COLUMN author text NOT NULL DEFAULT '',
      ADD COLUMN author_email text NOT NULL DEFAULT '',
      ADD COLUMN maintainer text NOT NULL DEFAULT '',
      ADD COLUMN maintainer_email text NOT NULL DEFAULT '',
      ADD COLUMN url text NOT NULL DEFAULT '',
      ADD COLUMN version text NOT NULL DEFAULT '',
      ADD COLUMN creator_user_id text;
    CREATE INDEX dataset_modified_idx ON dataset(modified);

    ALTER TABLE organization
      ADD COLUMN extras jsonb NOT NULL DEFAULT '{}';

    CREATE TABLE "group" (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL UNIQUE CHECK (name ~ '^[a-z0-9][a-z0-9_-]{1,99}$'),
      title text NOT NULL,
      description text NOT NULL DEFAULT '',
      image_url text,
      state text NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'deleted')),
      created timestamptz NOT NULL DEFAULT now(),
      modified timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE dataset_group (
      dataset_id uuid NOT NULL REFERENCES dataset(id) ON DELETE CASCADE,
      group_id uuid NOT NULL REFERENCES "group"(id) ON DELETE CASCADE,
      PRIMARY KEY (dataset_id, group_id)
    );
    CREATE INDEX dataset_group_group_idx ON dataset_group(group_id);

    CREATE TABLE resource (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      dataset_id uuid NOT NULL REFERENCES dataset(id) ON DELETE CASCADE,
      position integer NOT NULL,
      name text NOT NULL DEFAULT '',
      description text NOT NULL DEFAULT '',
      url text NOT NULL DEFAULT '',
      url_type text CHECK (url_type IN ('upload', 'datastore') OR url_type IS NULL),
      format text NOT NULL DEFAULT '',
      mimetype text,
      size bigint,
      hash text NOT NULL DEFAULT '',
      datastore_table_id text,
      state text NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'deleted')),
      extras jsonb NOT NULL DEFAULT '{}',
      created timestamptz NOT NULL DEFAULT now(),
      modified timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX resource_dataset_idx ON resource(dataset_id, position);

    ALTER TABLE dataset_version ADD COLUMN resource_id uuid REFERENCES resource(id) ON DELETE SET NULL;
  `.execute(db);
}
