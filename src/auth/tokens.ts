/**
 * API tokens: `kdl_` + 256 random bits (base64url). The plaintext is returned once by
 * `issueApiToken`; only its SHA-256 is stored (see migration 0002 for why a fast hash is
 * right here). A token is valid while not revoked, not expired, and its user is active.
 */
import type { Kysely, Transaction } from 'kysely';
import type { CatalogSchema } from '../catalog/schema.js';
import { randomSecret, sha256Hex } from './secrets.js';

type Db = Kysely<CatalogSchema> | Transaction<CatalogSchema>;

export const TOKEN_PREFIX = 'kdl_';
/** `last_used` is written at most this often per token, not on every request. */
const TOUCH_EVERY_MS = 60_000;

const TOKEN_SHAPE = /^kdl_[A-Za-z0-9_-]{43}$/;

export interface IssuedToken {
  readonly id: string;
  /** The plaintext: show it to the caller once, never store or log it. */
  readonly token: string;
  readonly expiresAt: Date | null;
}

export async function issueApiToken(
  db: Db,
  userId: string,
  name: string,
  expiresInDays?: number,
): Promise<IssuedToken> {
  const token = `${TOKEN_PREFIX}${randomSecret(32)}`;
  const expiresAt = expiresInDays ? new Date(Date.now() + expiresInDays * 86_400_000) : null;
  const row = await db
    .insertInto('api_token')
    .values({ user_id: userId, name, token_hash: sha256Hex(token), expires_at: expiresAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, token, expiresAt };
}

/** The token's row id by its plaintext (any state), for revocation by token. */
export async function findTokenId(db: Db, token: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('api_token')
    .select('id')
    .where('token_hash', '=', sha256Hex(token))
    .executeTakeFirst();
  return row?.id;
}

/** The user id a valid token belongs to, or null; records when the token was last used. */
export async function verifyApiToken(db: Db, token: string): Promise<string | null> {
  // Anything not shaped like our tokens cannot match: answer without a query.
  if (!TOKEN_SHAPE.test(token)) return null;
  const now = new Date();
  const row = await db
    .selectFrom('api_token as t')
    .innerJoin('app_user as u', 'u.id', 't.user_id')
    .select(['t.id', 't.user_id', 't.last_used'])
    .where('t.token_hash', '=', sha256Hex(token))
    .where('t.revoked_at', 'is', null)
    .where((eb) => eb.or([eb('t.expires_at', 'is', null), eb('t.expires_at', '>', now)]))
    .where('u.state', '=', 'active')
    .executeTakeFirst();
  if (!row) return null;
  if (!row.last_used || now.getTime() - row.last_used.getTime() >= TOUCH_EVERY_MS) {
    await db.updateTable('api_token').set({ last_used: now }).where('id', '=', row.id).execute();
  }
  return row.user_id;
}
