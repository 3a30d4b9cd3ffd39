import { type Kysely, sql } from 'kysely';

/**
 * Accounts and access: users, their roles per institution, API tokens, browser sessions and
 * login attempts (kept here, not in memory, so several processes share the rate limit).
 *
 * API tokens are stored as the SHA-256 of the token, never the token. A token is 256 random
 * bits, so a fast hash is enough: nobody can brute-force a 2^256 space, which is what
 * argon2 protects low-entropy passwords against, and a fast hash lets every request find its
 * token with one indexed lookup. Session ids are the SHA-256 of the cookie value for the
 * same reason: a copy of the database does not hold a usable cookie.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE app_user (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL UNIQUE CHECK (name ~ '^[a-z0-9][a-z0-9_-]{1,99}$'),
      fullname text NOT NULL DEFAULT '',
      email text UNIQUE CHECK (email = lower(email) AND email LIKE '_%@_%'),
      password_hash text NOT NULL,
      sysadmin boolean NOT NULL DEFAULT false,
      state text NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'deleted')),
      created timestamptz NOT NULL DEFAULT now(),
      last_login timestamptz
    );

    CREATE TABLE membership (
      user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
      organization_id uuid NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
      role text NOT NULL CHECK (role IN ('admin', 'walidata', 'produsen', 'member')),
      created timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (user_id, organization_id)
    );
    CREATE INDEX membership_org_idx ON membership(organization_id);

    CREATE TABLE api_token (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
      name text NOT NULL,
      token_hash text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
      created timestamptz NOT NULL DEFAULT now(),
      last_used timestamptz,
      expires_at timestamptz,
      revoked_at timestamptz
    );
    CREATE INDEX api_token_user_idx ON api_token(user_id);

    CREATE TABLE session (
      id text PRIMARY KEY CHECK (id ~ '^[0-9a-f]{64}$'),
      user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
      csrf_token text NOT NULL,
      created timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      last_seen timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX session_user_idx ON session(user_id);
    CREATE INDEX session_expires_idx ON session(expires_at);

    CREATE TABLE login_attempt (
      key text PRIMARY KEY,
      window_start timestamptz NOT NULL DEFAULT now(),
      count integer NOT NULL DEFAULT 0
    );
  `.execute(db);
}
