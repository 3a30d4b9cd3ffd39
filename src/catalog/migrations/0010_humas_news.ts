import { type Kysely, sql } from 'kysely';

/**
 * Humas news: articles of institutions, and their engagement without personal data — reads
 * (one per article, day and visitor hash; the hash is keyed with a salt of that day that is
 * deleted once the day is over), reactions (one per article and visitor key), share clicks
 * (counters per article, day and channel), a per-visitor throttle, and the server's secrets.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE article (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
      slug text NOT NULL UNIQUE,
      title text NOT NULL,
      lead text NOT NULL DEFAULT '',
      body text NOT NULL DEFAULT '',
      cover_url text,
      cover_alt text NOT NULL DEFAULT '',
      tags jsonb NOT NULL DEFAULT '[]',
      hashtags jsonb NOT NULL DEFAULT '[]',
      author text NOT NULL DEFAULT '',
      draft boolean NOT NULL DEFAULT true,
      publish_at timestamptz,
      created_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
      created timestamptz NOT NULL DEFAULT now(),
      modified timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX article_public ON article(publish_at DESC) WHERE NOT draft;
    CREATE INDEX article_org ON article(organization_id, created DESC);
    CREATE TABLE article_view (
      article_id uuid NOT NULL REFERENCES article(id) ON DELETE CASCADE,
      day date NOT NULL,
      visitor text NOT NULL,
      PRIMARY KEY (article_id, day, visitor)
    );
    CREATE TABLE article_reaction (
      article_id uuid NOT NULL REFERENCES article(id) ON DELETE CASCADE,
      visitor text NOT NULL,
      reaction text NOT NULL CHECK (reaction IN ('senang', 'terinspirasi', 'bangga', 'sedih', 'marah')),
      day date NOT NULL,
      PRIMARY KEY (article_id, visitor)
    );
    CREATE TABLE article_share (
      article_id uuid NOT NULL REFERENCES article(id) ON DELETE CASCADE,
      day date NOT NULL,
      channel text NOT NULL,
      n bigint NOT NULL DEFAULT 0,
      PRIMARY KEY (article_id, day, channel)
    );
    CREATE TABLE humas_throttle (
      key text NOT NULL,
      window_start timestamptz NOT NULL,
      n integer NOT NULL DEFAULT 0,
      PRIMARY KEY (key, window_start)
    );
    CREATE TABLE humas_secret (
      name text PRIMARY KEY,
      secret text NOT NULL,
      created timestamptz NOT NULL DEFAULT now()
    );
  `.execute(db);
}
