/**
 * What the engagement actions need per hit, kept short: the public article behind an id or
 * slug (cached a few seconds per process, so a burst of reads costs no lookups), a throttle per
 * visitor in the catalog (shared by every process), and refusal of bots and prefetches.
 */
import { sql } from 'kysely';
import type { ClientInfo } from '../../actions/types.js';
import { isUuid } from '../../catalog/ckan-format.js';
import type { CatalogStore } from '../../catalog/store.js';
import { notFound, tooManyRequests } from '../../core/errors.js';
import { isPublic } from './articles.js';
import { INTERNAL_CLIENT, isBot } from './visitor.js';

interface Cached {
  readonly id: string | null;
  readonly expires: number;
}
const TTL_MS = 5_000;
const CACHE = new WeakMap<CatalogStore, Map<string, Cached>>();

/** The id of the published article with this id or slug; NotFound otherwise. */
export async function publicArticleId(catalog: CatalogStore, idOrSlug: string): Promise<string> {
  let cache = CACHE.get(catalog);
  if (!cache) {
    cache = new Map();
    CACHE.set(catalog, cache);
  }
  const now = Date.now();
  let hit = cache.get(idOrSlug);
  if (!hit || hit.expires < now) {
    const row = await catalog.db
      .selectFrom('article')
      .select(['id', 'draft', 'publish_at'])
      .where(isUuid(idOrSlug) ? 'id' : 'slug', '=', idOrSlug)
      .executeTakeFirst();
    // A scheduled article is cached only until its time comes.
    const until = row?.publish_at && row.publish_at.getTime() > now ? row.publish_at.getTime() : now + TTL_MS;
    hit = { id: row && isPublic(row) ? row.id : null, expires: Math.min(until, now + TTL_MS) };
    if (cache.size > 10_000) cache.clear();
    cache.set(idOrSlug, hit);
  }
  if (!hit.id) throw notFound(`article ${idOrSlug}`);
  return hit.id;
}

/** Forget cached lookups of this process (after an article changed). */
export const forgetArticles = (catalog: CatalogStore): void => {
  CACHE.get(catalog)?.clear();
};

export const clientOf = (client: ClientInfo | undefined): ClientInfo => client ?? INTERNAL_CLIENT;

/** Why a hit from this client is not counted, or null when it is a reader. */
export const notCounted = (c: ClientInfo): 'prefetch' | 'bot' | null =>
  c.prefetch ? 'prefetch' : isBot(c.userAgent) ? 'bot' : null;

/**
 * Counts one attempt of `key` in the current window of `windowS` seconds; TooManyRequests once
 * more than `limit` were made in it.
 */
export async function throttle(
  catalog: CatalogStore,
  key: string,
  limit: number,
  windowS: number,
): Promise<void> {
  const { rows } = await sql<{ n: number }>`
    INSERT INTO humas_throttle (key, window_start, n)
    VALUES (${key}, to_timestamp(floor(extract(epoch FROM now()) / ${windowS}) * ${windowS}), 1)
    ON CONFLICT (key, window_start) DO UPDATE SET n = humas_throttle.n + 1
    RETURNING n`.execute(catalog.db);
  const n = rows[0]?.n ?? 0;
  if (n === 1 && Math.random() < 0.02)
    await catalog.db
      .deleteFrom('humas_throttle')
      .where('window_start', '<', sql<Date>`now() - interval '1 day'`)
      .execute();
  if (n > limit)
    throw tooManyRequests(`Too many attempts: at most ${limit} in ${windowS} seconds; try again later`);
}
