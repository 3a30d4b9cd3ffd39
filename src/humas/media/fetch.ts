/**
 * One fetch of a media source: download the feed with the bounded HTTP client (timeout, byte
 * cap), parse, drop what is already known (canonical URL, or a near-identical title of the last
 * week), store the new items with their sentiment and mentions, and count copies against the
 * stored story. Every fetch is logged in `media_fetch_log` against its source, a failed one
 * with the reason (an HTML page, a timeout, a body over the cap), so one broken feed never
 * stops the others.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { jsonb } from '../../catalog/json.js';
import type { CatalogStore } from '../../catalog/store.js';
import { fetchDocument, type RequestLimits } from '../../harvest/client.js';
import { loadDictionary } from './dictionary.js';
import { FeedProcessor, parseEntries } from './process.js';
import { addDays, jakartaDay } from './text.js';

export interface FeedLimits {
  readonly timeoutMs: number;
  readonly maxBytes: number;
}

export const DEFAULT_FEED_LIMITS: FeedLimits = { timeoutMs: 15_000, maxBytes: 5 * 1048576 };

/** Stored items of this many days back are compared with new titles. */
const DEDUPE_DAYS = 7;

export interface FetchCounts {
  entries: number;
  new: number;
  duplicates: number;
  skipped: number;
  mentions: number;
}

export interface FetchOutcome {
  readonly counts: FetchCounts;
  /** Days (Asia/Jakarta) that got new items. */
  readonly days: string[];
}

const ACCEPT = 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5';

/** The feed's text: over HTTP(S) through the bounded client, or a local `file://` feed (the demo's). */
async function download(url: string, limits: RequestLimits): Promise<string> {
  if (url.startsWith('file:')) {
    const body = await readFile(fileURLToPath(url));
    if (body.byteLength > limits.maxBytes)
      throw new Error(`${url} is over the limit of ${limits.maxBytes} bytes`);
    return body.toString('utf8');
  }
  const doc = await fetchDocument(url, ACCEPT, limits);
  if (doc.contentType.includes('html'))
    throw new Error(`GET ${url}: answered an HTML page, not an RSS or Atom feed`);
  return doc.body;
}

export async function fetchSource(
  catalog: CatalogStore,
  sourceId: string,
  opts: { jobId?: string; limits?: FeedLimits; signal?: AbortSignal; now?: Date } = {},
): Promise<FetchOutcome> {
  const db = catalog.db;
  const source = await db
    .selectFrom('media_source')
    .select(['id', 'url'])
    .where('id', '=', sourceId)
    .executeTakeFirstOrThrow();
  const log = await db
    .insertInto('media_fetch_log')
    .values({ source_id: source.id, job_id: opts.jobId ?? null, state: 'running' })
    .returning('id')
    .executeTakeFirstOrThrow();
  try {
    const limits = opts.limits ?? DEFAULT_FEED_LIMITS;
    const now = opts.now ?? new Date();
    const xml = await download(source.url, { ...limits, signal: opts.signal });
    const { entries, skipped } = parseEntries(xml, now);
    const processor = new FeedProcessor(await loadDictionary(db));
    const since = addDays(jakartaDay(now), -DEDUPE_DAYS);
    const known = await db
      .selectFrom('media_item')
      .select(['id', 'url', 'title_key'])
      .where(sql<boolean>`day >= ${since}::date`)
      .execute();
    for (const k of known) processor.remember(k.id, k.url, k.title_key.split(' '));
    // Older stories are still known by their URL.
    const urls = entries.map((e) => e.url);
    const result = processor.process(entries);
    const newUrls = result.items.map((i) => i.url);
    const old = newUrls.length
      ? await db.selectFrom('media_item').select(['id', 'url']).where('url', 'in', newUrls).execute()
      : [];
    const oldUrls = new Set(old.map((o) => o.url));
    const items = result.items.filter((i) => !oldUrls.has(i.url));
    const counts: FetchCounts = {
      entries: urls.length,
      new: items.length,
      duplicates: result.duplicates + (result.items.length - items.length),
      skipped,
      mentions: 0,
    };
    await db.transaction().execute(async (trx) => {
      for (const o of old)
        await trx
          .updateTable('media_item')
          .set((eb) => ({ duplicates: eb('duplicates', '+', 1) }))
          .where('id', '=', o.id)
          .execute();
      for (const [id, n] of result.storedDuplicates)
        await trx
          .updateTable('media_item')
          .set((eb) => ({ duplicates: eb('duplicates', '+', n) }))
          .where('id', '=', id)
          .execute();
      for (const item of items) {
        const row = await trx
          .insertInto('media_item')
          .values({
            source_id: source.id,
            url: item.url,
            title: item.title,
            title_key: item.titleKey.join(' '),
            summary: item.summary,
            published: item.published,
            day: item.day,
            sentiment: item.sentiment,
            score: item.score,
            duplicates: item.duplicates,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        if (item.mentions.length) {
          counts.mentions += item.mentions.length;
          await trx
            .insertInto('media_mention')
            .values(
              item.mentions.map((m) => ({
                item_id: row.id,
                kind: m.kind,
                organization_id: m.organizationId,
                programme: m.programme,
                matched: m.matched,
              })),
            )
            .execute();
        }
      }
      await trx
        .updateTable('media_fetch_log')
        .set({ state: 'succeeded', finished: new Date(), counts: jsonb({ ...counts }) })
        .where('id', '=', log.id)
        .execute();
    });
    return { counts, days: [...new Set(items.map((i) => i.day))].sort() };
  } catch (e) {
    await db
      .updateTable('media_fetch_log')
      .set({ state: 'failed', finished: new Date(), message: e instanceof Error ? e.message : String(e) })
      .where('id', '=', log.id)
      .execute();
    throw e;
  }
}
