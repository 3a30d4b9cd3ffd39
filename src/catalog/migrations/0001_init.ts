import { type Kysely, sql } from 'kysely';

/** Regions, institutions, datasets with their versions, site settings and the audit log. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE region (
      code text PRIMARY KEY CHECK (code ~ '^[0-9]{2}(\\.[0-9]{2}(\\.[0-9]{2}(\\.[0-9]{4})?)?)?$'),
      name text NOT NULL,
      level smallint NOT NULL CHECK (level BETWEEN 1 AND 4),
      parent_code text REFERENCES region(code),
      kind text NOT NULL
    );
    CREATE INDEX region_parent_idx ON region(parent_code);

    CREATE TABLE organization (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL UNIQUE CHECK (name ~ '^[a-z0-9][a-z0-9_-]{1,99}$'),
      title text NOT NULL,
      org_type text NOT NULL,
      level text NOT NULL,
      region_code text REFERENCES region(code),
      description text NOT NULL DEFAULT '',
      image_url text,
      state text NOT NULL DEFAULT 'active',
      created timestamptz NOT NULL DEFAULT now(),
      modified timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE dataset (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL UNIQUE CHECK (name ~ '^[a-z0-9][a-z0-9_-]{1,99}$'),
      title text NOT NULL,
      notes text NOT NULL DEFAULT '',
      organization_id uuid NOT NULL REFERENCES organization(id),
      private boolean NOT NULL DEFAULT false,
      state text NOT NULL DEFAULT 'active' CHECK (state IN ('draft', 'active', 'deleted')),
      license_id text,
      sdi jsonb NOT NULL DEFAULT '{}',
      extras jsonb NOT NULL DEFAULT '{}',
      tags text[] NOT NULL DEFAULT '{}',
      created timestamptz NOT NULL DEFAULT now(),
      modified timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX dataset_org_idx ON dataset(organization_id);

    CREATE TABLE dataset_version (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      dataset_id uuid NOT NULL REFERENCES dataset(id),
      version integer NOT NULL CHECK (version > 0),
      table_id text NOT NULL,
      row_count bigint NOT NULL,
      columns jsonb NOT NULL,
      source text NOT NULL,
      note text NOT NULL DEFAULT '',
      created timestamptz NOT NULL DEFAULT now(),
      UNIQUE (dataset_id, version)
    );

    CREATE TABLE setting (
      key text PRIMARY KEY,
      value jsonb NOT NULL
    );

    CREATE TABLE audit_log (
      id bigserial PRIMARY KEY,
      at timestamptz NOT NULL DEFAULT now(),
      actor text,
      action text NOT NULL,
      entity_type text NOT NULL,
      entity_id text NOT NULL,
      changes jsonb NOT NULL DEFAULT '{}'
    );
    CREATE INDEX audit_entity_idx ON audit_log(entity_type, entity_id, at);
  `.execute(db);
}
