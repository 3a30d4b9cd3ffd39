import { type Kysely, sql } from 'kysely';

/**
 * The Satu Data cycle: the Daftar Data (planned datasets per year and institution) and the
 * review of submitted versions (produsen → walidata → pembina for priority data). A submitted
 * version is staged in the datastore but not recorded in dataset_version, so no reader sees it
 * until it is approved.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE data_plan_item (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
      organization_id uuid NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
      title text NOT NULL,
      dataset_id uuid REFERENCES dataset(id) ON DELETE SET NULL,
      produsen text NOT NULL DEFAULT '',
      standard_ref text NOT NULL DEFAULT '',
      priority boolean NOT NULL DEFAULT false,
      frequency text NOT NULL CHECK (frequency IN ('monthly', 'quarterly', 'yearly')),
      due_dates jsonb NOT NULL DEFAULT '[]',
      created timestamptz NOT NULL DEFAULT now(),
      UNIQUE (year, organization_id, title)
    );
    CREATE TABLE submission (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      dataset_id uuid NOT NULL REFERENCES dataset(id) ON DELETE CASCADE,
      plan_item_id uuid REFERENCES data_plan_item(id) ON DELETE SET NULL,
      resource_id uuid REFERENCES resource(id) ON DELETE SET NULL,
      table_id text NOT NULL,
      staged_version integer NOT NULL,
      columns jsonb NOT NULL,
      row_count bigint NOT NULL,
      report jsonb NOT NULL,
      filename text NOT NULL,
      priority boolean NOT NULL DEFAULT false,
      state text NOT NULL CHECK (state IN ('submitted', 'returned', 'awaiting_pembina', 'published')),
      published_version integer,
      submitted_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
      created timestamptz NOT NULL DEFAULT now(),
      updated timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX submission_state ON submission(state, updated DESC);
    CREATE TABLE submission_event (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      submission_id uuid NOT NULL REFERENCES submission(id) ON DELETE CASCADE,
      at timestamptz NOT NULL DEFAULT now(),
      actor text,
      action text NOT NULL,
      comment text NOT NULL DEFAULT ''
    );
    CREATE INDEX submission_event_submission ON submission_event(submission_id, at);
  `.execute(db);
}
