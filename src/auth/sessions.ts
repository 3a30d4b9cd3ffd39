/**
 * Browser sessions. The cookie carries 256 random bits; the database keeps only their
 * SHA-256 as the session id, with the session's CSRF token. Expiry slides: each use pushes
 * it IDLE_MS ahead (written at most once a minute), never past ABSOLUTE_MS after sign-in.
 */
import type { Kysely, Transaction } from 'kysely';
import type { CatalogSchema } from '../catalog/schema.js';
import { newCsrfToken } from './csrf.js';
import { randomSecret, sha256Hex } from './secrets.js';

type Db = Kysely<CatalogSchema> | Transaction<CatalogSchema>;

export const SESSION_COOKIE = 'kendali_session';
/** A session unused this long ends. */
export const IDLE_MS = 12 * 3600_000;
/** However active, a session ends this long after sign-in. */
export const ABSOLUTE_MS = 7 * 86_400_000;
const TOUCH_EVERY_MS = 60_000;

export interface Session {
  readonly id: string;
  readonly userId: string;
  readonly csrfToken: string;
}

export interface NewSession extends Session {
  /** The cookie value: give it to the browser, never store it. */
  readonly cookie: string;
}

/** Attributes of the session cookie; `Secure` when the site is served over https. */
export const sessionCookieOptions = (baseUrl: string) =>
  ({
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: baseUrl.startsWith('https:'),
    maxAge: ABSOLUTE_MS / 1000,
  }) as const;

export async function createSession(db: Db, userId: string): Promise<NewSession> {
  const cookie = randomSecret(32);
  const id = sha256Hex(cookie);
  const csrfToken = newCsrfToken();
  const now = Date.now();
  await db
    .insertInto('session')
    .values({ id, user_id: userId, csrf_token: csrfToken, expires_at: new Date(now + IDLE_MS) })
    .execute();
  // Expired sessions go when someone signs in: cheap, and no timer is needed.
  await db.deleteFrom('session').where('expires_at', '<', new Date(now)).execute();
  return { id, userId, csrfToken, cookie };
}

/** The live session behind a cookie value (its user active), sliding its expiry; else null. */
export async function lookupSession(db: Db, cookie: string): Promise<Session | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(cookie)) return null;
  const now = new Date();
  const row = await db
    .selectFrom('session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .select(['s.id', 's.user_id', 's.csrf_token', 's.created', 's.last_seen'])
    .where('s.id', '=', sha256Hex(cookie))
    .where('s.expires_at', '>', now)
    .where('u.state', '=', 'active')
    .executeTakeFirst();
  if (!row) return null;
  if (now.getTime() - row.last_seen.getTime() >= TOUCH_EVERY_MS) {
    const expires = Math.min(now.getTime() + IDLE_MS, row.created.getTime() + ABSOLUTE_MS);
    await db
      .updateTable('session')
      .set({ last_seen: now, expires_at: new Date(expires) })
      .where('id', '=', row.id)
      .execute();
  }
  return { id: row.id, userId: row.user_id, csrfToken: row.csrf_token };
}

export async function destroySession(db: Db, id: string): Promise<void> {
  await db.deleteFrom('session').where('id', '=', id).execute();
}
