/**
 * Signing in with a name (or email) and password: rate limit first, then the password (with
 * the same cost for unknown users), then a new session. The caller learns only "signed in",
 * "wrong name or password" or "wait", never whether the user exists.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../actions/types.js';
import { audit } from '../catalog/audit.js';
import type { CatalogSchema } from '../catalog/schema.js';
import { loadActor } from './actor.js';
import { verifyPassword } from './passwords.js';
import { attemptKeys, refundAttempt, reserveAttempt } from './rate-limit.js';
import { createSession, type NewSession } from './sessions.js';

export interface Credentials {
  /** Login name or email address. */
  readonly identifier: string;
  readonly password: string;
  /** The client's address, for the rate limit. */
  readonly ip: string;
}

export type LoginResult =
  | { readonly outcome: 'signed-in'; readonly actor: Actor; readonly session: NewSession }
  | { readonly outcome: 'refused' }
  | { readonly outcome: 'rate-limited'; readonly retryAfter: number };

export async function login(db: Kysely<CatalogSchema>, creds: Credentials): Promise<LoginResult> {
  const keys = attemptKeys(creds.identifier, creds.ip);
  const reservation = await reserveAttempt(db, keys);
  if (!reservation.allowed) return { outcome: 'rate-limited', retryAfter: reservation.retryAfter };
  const id = creds.identifier.trim().toLowerCase();
  const user = await db
    .selectFrom('app_user')
    .select(['id', 'password_hash', 'last_login'])
    .where(id.includes('@') ? 'email' : 'name', '=', id)
    .where('state', '=', 'active')
    .executeTakeFirst();
  const ok = await verifyPassword(user?.password_hash ?? null, creds.password);
  if (!ok || !user) return { outcome: 'refused' };
  return db.transaction().execute(async (trx) => {
    const actor = await loadActor(trx, user.id);
    if (!actor) return { outcome: 'refused' } as const;
    await refundAttempt(trx, keys);
    const session = await createSession(trx, user.id);
    const now = new Date();
    await trx.updateTable('app_user').set({ last_login: now }).where('id', '=', user.id).execute();
    await audit(trx, actor, {
      action: 'user_login',
      entityType: 'user',
      entityId: user.id,
      before: { last_login: user.last_login?.toISOString() ?? null },
      after: { last_login: now.toISOString() },
    });
    return { outcome: 'signed-in', actor, session } as const;
  });
}
