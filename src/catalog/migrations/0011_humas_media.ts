import { type Kysely, sql } from 'kysely';

/**
 * Humas: the joint PR agenda of institutions, and media monitoring — RSS/Atom sources with their
 * fetch log, items (deduplicated by canonical URL and near-identical title) with sentiment,
 * mentions of institutions and programmes (dictionary with aliases), and negative-sentiment
 * spikes per institution and day, which the control room reads (`media_spike`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE agenda_item (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
      title text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('press_conference', 'release', 'campaign', 'event', 'other')),
      topic text NOT NULL DEFAULT '',
      hashtag text NOT NULL DEFAULT '',
      audience text NOT NULL DEFAULT '',
      location text NOT NULL DEFAULT '',
      description text NOT NULL DEFAULT '',
      starts_at timestamptz NOT NULL,
      ends_at timestamptz NOT NULL,
      created timestamptz NOT NULL DEFAULT now(),
      modified timestamptz NOT NULL DEFAULT now(),
      created_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
      CHECK (ends_at >= starts_at)
    );
    CREATE INDEX agenda_item_time ON agenda_item(starts_at, ends_at);
    CREATE INDEX agenda_item_org ON agenda_item(organization_id, starts_at);

    CREATE TABLE media_source (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL UNIQUE,
      title text NOT NULL DEFAULT '',
      url text NOT NULL,
      organization_id uuid NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
      schedule text,
      active boolean NOT NULL DEFAULT true,
      created timestamptz NOT NULL DEFAULT now(),
      created_by uuid REFERENCES app_user(id) ON DELETE SET NULL
    );
    CREATE TABLE media_fetch_log (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      source_id uuid NOT NULL REFERENCES media_source(id) ON DELETE CASCADE,
      job_id uuid REFERENCES job(id) ON DELETE SET NULL,
      state text NOT NULL CHECK (state IN ('running', 'succeeded', 'failed')),
      started timestamptz NOT NULL DEFAULT now(),
      finished timestamptz,
      counts jsonb NOT NULL DEFAULT '{}',
      message text
    );
    CREATE INDEX media_fetch_log_source ON media_fetch_log(source_id, started DESC);

    CREATE TABLE media_alias (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      kind text NOT NULL CHECK (kind IN ('organization', 'programme')),
      organization_id uuid REFERENCES organization(id) ON DELETE CASCADE,
      programme text NOT NULL DEFAULT '',
      alias text NOT NULL,
      created timestamptz NOT NULL DEFAULT now(),
      UNIQUE (kind, organization_id, programme, alias)
    );

    CREATE TABLE media_item (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      source_id uuid NOT NULL REFERENCES media_source(id) ON DELETE CASCADE,
      url text NOT NULL UNIQUE,
      title text NOT NULL,
      title_key text NOT NULL,
      summary text NOT NULL DEFAULT '',
      published timestamptz NOT NULL,
      day date NOT NULL,
      fetched timestamptz NOT NULL DEFAULT now(),
      sentiment text NOT NULL CHECK (sentiment IN ('positive', 'neutral', 'negative')),
      score real NOT NULL,
      duplicates integer NOT NULL DEFAULT 0
    );
    CREATE INDEX media_item_day ON media_item(day DESC);
    CREATE INDEX media_item_source ON media_item(source_id, day DESC);

    CREATE TABLE media_mention (
      item_id uuid NOT NULL REFERENCES media_item(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('organization', 'programme')),
      organization_id uuid REFERENCES organization(id) ON DELETE CASCADE,
      programme text NOT NULL DEFAULT '',
      matched text NOT NULL
    );
    CREATE INDEX media_mention_item ON media_mention(item_id);
    CREATE INDEX media_mention_org ON media_mention(organization_id);

    CREATE TABLE media_spike (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
      day date NOT NULL,
      negative_count integer NOT NULL,
      baseline real NOT NULL,
      score real NOT NULL,
      detected_at timestamptz NOT NULL DEFAULT now(),
      items jsonb NOT NULL DEFAULT '[]',
      UNIQUE (organization_id, day)
    );
  `.execute(db);
}
