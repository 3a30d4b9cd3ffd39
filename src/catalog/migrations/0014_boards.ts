import { type Kysely, sql } from 'kysely';

/**
 * Ruang Kendali boards ("dashboards as code": a board document with its tiles as jsonb, an
 * optional share token stored only as its SHA-256) and `indicator_value`, the materialised
 * values of an indicator per (level, province) at one dataset version and definition, so a
 * board's tiles are computed from stored values, not one group-by per tile and request.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE board (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL UNIQUE,
      title text NOT NULL,
      title_en text NOT NULL DEFAULT '',
      description text NOT NULL DEFAULT '',
      organization_id uuid NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
      private boolean NOT NULL DEFAULT false,
      province text,
      tiles jsonb NOT NULL DEFAULT '[]',
      share_token_hash text,
      creator uuid REFERENCES app_user(id) ON DELETE SET NULL,
      created timestamptz NOT NULL DEFAULT now(),
      modified timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX board_org ON board(organization_id);
    CREATE UNIQUE INDEX board_share ON board(share_token_hash) WHERE share_token_hash IS NOT NULL;

    CREATE TABLE indicator_value (
      indicator_id uuid NOT NULL REFERENCES indicator(id) ON DELETE CASCADE,
      level text NOT NULL CHECK (level IN ('national', 'province', 'regency')),
      province text NOT NULL DEFAULT '',
      version integer NOT NULL,
      definition text NOT NULL,
      vals jsonb NOT NULL,
      computed timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (indicator_id, level, province)
    );
  `.execute(db);
}
