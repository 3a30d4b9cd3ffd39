/**
 * Login rate limit, kept in the `login_attempt` table so every process behind a load balancer
 * counts the same attempts. Fixed windows of 15 minutes: at most 5 failed attempts per name
 * and client address, and 50 per client address whatever the name.
 *
 * An attempt is counted before the password is checked (one atomic upsert per key, so
 * concurrent attempts cannot slip past the limit) and refunded when it succeeds.
 */
import { type Kysely, sql, type Transaction } from 'kysely';
import type { CatalogSchema } from '../catalog/schema.js';

type Db = Kysely<CatalogSchema> | Transaction<CatalogSchema>;

export const WINDOW_SECONDS = 15 * 60;
export const PER_NAME_AND_IP = 5;
export const PER_IP = 50;

export interface AttemptKeys {
  readonly nameAndIp: string;
  readonly ip: string;
}

export const attemptKeys = (identifier: string, ip: string): AttemptKeys => ({
  nameAndIp: `login:${identifier.trim().toLowerCase()}|${ip}`,
  ip: `login-ip:${ip}`,
});

export type Reservation =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly retryAfter: number };

async function bump(db: Db, key: string): Promise<{ count: number; retryAfter: number }> {
  const window = sql`(${WINDOW_SECONDS} * interval '1 second')`;
  const r = await sql<{ count: number; retry_after: number }>`
    INSERT INTO login_attempt AS a (key, window_start, count) VALUES (${key}, now(), 1)
    ON CONFLICT (key) DO UPDATE SET
      window_start = CASE WHEN a.window_start <= now() - ${window} THEN now() ELSE a.window_start END,
      count = CASE WHEN a.window_start <= now() - ${window} THEN 1 ELSE a.count + 1 END
    RETURNING count, ceil(extract(epoch FROM (window_start + ${window} - now())))::int AS retry_after
  `.execute(db);
  const row = r.rows[0];
  return { count: Number(row?.count ?? 0), retryAfter: Math.max(1, Number(row?.retry_after ?? 1)) };
}

/** Counts one login attempt under both keys; refuses it when either is over its limit. */
export async function reserveAttempt(db: Db, keys: AttemptKeys): Promise<Reservation> {
  const byName = await bump(db, keys.nameAndIp);
  const byIp = await bump(db, keys.ip);
  const waits = [
    byName.count > PER_NAME_AND_IP ? byName.retryAfter : 0,
    byIp.count > PER_IP ? byIp.retryAfter : 0,
  ];
  const wait = Math.max(...waits);
  return wait > 0 ? { allowed: false, retryAfter: wait } : { allowed: true };
}

/** Gives back the attempt of a successful login, and drops windows that have ended. */
export async function refundAttempt(db: Db, keys: AttemptKeys): Promise<void> {
  await db
    .updateTable('login_attempt')
    .set({ count: sql`greatest(count - 1, 0)` })
    .where('key', 'in', [keys.nameAndIp, keys.ip])
    .execute();
  await sql`DELETE FROM login_attempt WHERE window_start < now() - (${WINDOW_SECONDS} * interval '1 second')`.execute(
    db,
  );
}
