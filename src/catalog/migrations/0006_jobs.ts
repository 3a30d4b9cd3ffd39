import { type Kysely, sql } from 'kysely';

/**
 * Durable jobs (imports, harvests, rebuilds) and harvest sources with their run log. A job lives
 * in the catalog database so it survives a restart; at most one job per (kind, target) is queued
 * or running at a time, which the partial unique index enforces for every process.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE job (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      kind text NOT NULL,
      target text NOT NULL,
      state text NOT NULL CHECK (state IN ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
      params jsonb NOT NULL DEFAULT '{}',
      result jsonb,
      error text,
      progress jsonb NOT NULL DEFAULT '{}',
      attempts integer NOT NULL DEFAULT 0,
      max_attempts integer NOT NULL DEFAULT 3,
      run_after timestamptz NOT NULL DEFAULT now(),
      cancel_requested boolean NOT NULL DEFAULT false,
      created_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
      created timestamptz NOT NULL DEFAULT now(),
      started timestamptz,
      finished timestamptz,
      heartbeat timestamptz,
      owner text
    );
    CREATE UNIQUE INDEX job_one_active ON job(kind, target) WHERE state IN ('queued', 'running');
    CREATE INDEX job_queue ON job(state, run_after);
    CREATE INDEX job_created ON job(created DESC);

    CREATE TABLE harvest_source (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL UNIQUE,
      title text NOT NULL DEFAULT '',
      type text NOT NULL CHECK (type IN ('ckan')),
      url text NOT NULL,
      organization_id uuid NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
      schedule text,
      created timestamptz NOT NULL DEFAULT now(),
      created_by uuid REFERENCES app_user(id) ON DELETE SET NULL
    );
    CREATE TABLE harvest_run (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      source_id uuid NOT NULL REFERENCES harvest_source(id) ON DELETE CASCADE,
      job_id uuid REFERENCES job(id) ON DELETE SET NULL,
      state text NOT NULL CHECK (state IN ('running', 'succeeded', 'failed')),
      started timestamptz NOT NULL DEFAULT now(),
      finished timestamptz,
      counts jsonb NOT NULL DEFAULT '{}',
      errors jsonb NOT NULL DEFAULT '[]',
      message text
    );
    CREATE INDEX harvest_run_source ON harvest_run(source_id, started DESC);
  `.execute(db);
}
