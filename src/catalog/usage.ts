/**
 * Use of datasets, counted without personal data: page reads (`package_view`, sent by the
 * dataset page once shown) and whole-table downloads (`/datastore/dump/…`). Each counts once
 * per visitor, dataset and day, with the visitor hash of Humas's reads (src/humas/news/visitor.ts:
 * keyed with a salt of the day that is forgotten after it) and the same batching counter
 * (src/humas/news/views.ts). Daily totals go to `dataset_usage` in the statement that records
 * the hashes, so no count is lost under concurrency; hashes of earlier days are deleted.
 */
import { sql } from 'kysely';
import type { ClientInfo } from '../actions/types.js';
import { clientOf, notCounted } from '../humas/news/guard.js';
import { type BatchInsert, batchArrays, ViewCounter } from '../humas/news/views.js';
import { dayVisitor, jakartaDay, visitorKeys } from '../humas/news/visitor.js';
import type { CatalogStore } from './store.js';

export type UsageKind = 'view' | 'download';

export interface DatasetUsage {
  readonly views_30d: number;
  readonly downloads_30d: number;
}

/** Days counted in `views_30d` / `downloads_30d` (today and the 29 before it, Asia/Jakarta). */
export const USAGE_DAYS = 30;

const insertUsage: BatchInsert = async (catalog, batch) => {
  const a = batchArrays(batch);
  const { rows } = await sql<{ dataset_id: string; day: string; visitor: string }>`
    WITH ins AS (
      INSERT INTO dataset_usage_visitor (dataset_id, day, visitor)
      SELECT * FROM unnest(${a.ids}::uuid[], ${a.days}::date[], ${a.visitors}::text[])
      ON CONFLICT DO NOTHING
      RETURNING dataset_id, day, visitor
    ), totals AS (
      INSERT INTO dataset_usage (dataset_id, day, views, downloads)
      SELECT dataset_id, day, count(*) FILTER (WHERE visitor LIKE 'v:%'),
             count(*) FILTER (WHERE visitor LIKE 'd:%')
      FROM ins GROUP BY dataset_id, day
      ON CONFLICT (dataset_id, day) DO UPDATE
        SET views = dataset_usage.views + EXCLUDED.views,
            downloads = dataset_usage.downloads + EXCLUDED.downloads
    )
    SELECT dataset_id, to_char(day, 'YYYY-MM-DD') AS day, visitor FROM ins`.execute(catalog.db);
  return new Set(rows.map((r) => `${r.dataset_id}\n${r.day}\n${r.visitor}`));
};

interface UsageState {
  readonly counter: ViewCounter;
  cleaned: string;
}
const STATES = new WeakMap<CatalogStore, UsageState>();

/** The process's usage counter for this catalog (batches and statements are in `counter.batches`). */
export function usageCounterOf(catalog: CatalogStore): ViewCounter {
  return stateOf(catalog).counter;
}

function stateOf(catalog: CatalogStore): UsageState {
  let state = STATES.get(catalog);
  if (!state) {
    state = { counter: new ViewCounter(catalog, insertUsage), cleaned: '' };
    STATES.set(catalog, state);
  }
  return state;
}

export interface UsageCount {
  readonly counted: boolean;
  readonly reason?: 'prefetch' | 'bot' | 'already_counted';
}

/**
 * Counts one use of a dataset by this client. Prefetches never count; bots do not count as
 * readers, but scripts' downloads (curl, Python) are use and count.
 */
export async function countDatasetUse(
  catalog: CatalogStore,
  datasetId: string,
  kind: UsageKind,
  client: ClientInfo | undefined,
  now = new Date(),
): Promise<UsageCount> {
  const c = clientOf(client);
  const skip = notCounted(c);
  if (skip === 'prefetch' || (skip === 'bot' && kind === 'view')) return { counted: false, reason: skip };
  const keys = await visitorKeys(catalog, now);
  const state = stateOf(catalog);
  if (state.cleaned !== keys.day) {
    state.cleaned = keys.day;
    await catalog.db.deleteFrom('dataset_usage_visitor').where('day', '<', keys.day).execute();
  }
  const visitor = `${kind === 'view' ? 'v' : 'd'}:${dayVisitor(keys, c)}`;
  const counted = await state.counter.add(datasetId, keys.day, visitor);
  return counted ? { counted } : { counted, reason: 'already_counted' };
}

/** First day of the usage window ending on `now`'s day (Asia/Jakarta), YYYY-MM-DD. */
export const usageSince = (now = new Date(), days = USAGE_DAYS): string =>
  jakartaDay(new Date(now.getTime() - (days - 1) * 86_400_000));

/** Reads and downloads of these datasets in the last 30 days (zero for those without any). */
export async function datasetUsage(
  catalog: CatalogStore,
  ids: readonly string[],
  now = new Date(),
): Promise<Map<string, DatasetUsage>> {
  const out = new Map<string, DatasetUsage>(ids.map((id) => [id, { views_30d: 0, downloads_30d: 0 }]));
  if (ids.length === 0) return out;
  const rows = await catalog.db
    .selectFrom('dataset_usage')
    .select([
      'dataset_id',
      sql<number>`sum(views)::int`.as('views'),
      sql<number>`sum(downloads)::int`.as('downloads'),
    ])
    .where('dataset_id', 'in', ids)
    .where('day', '>=', usageSince(now))
    .groupBy('dataset_id')
    .execute();
  for (const r of rows) out.set(r.dataset_id, { views_30d: r.views, downloads_30d: r.downloads });
  return out;
}

/**
 * Ids of the public, active datasets used most in the last 30 days (reads plus downloads),
 * most used first; ties by name. Datasets never used are not listed.
 */
export async function popularDatasetIds(catalog: CatalogStore, limit: number, now = new Date()) {
  return catalog.db
    .selectFrom('dataset_usage as u')
    .innerJoin('dataset as d', 'd.id', 'u.dataset_id')
    .select([
      'd.id',
      sql<number>`sum(u.views)::int`.as('views'),
      sql<number>`sum(u.downloads)::int`.as('downloads'),
    ])
    .where('u.day', '>=', usageSince(now))
    .where('d.private', '=', false)
    .where('d.state', '=', 'active')
    .groupBy(['d.id', 'd.name'])
    .orderBy(sql`sum(u.views + u.downloads)`, 'desc')
    .orderBy('d.name')
    .limit(limit)
    .execute();
}
