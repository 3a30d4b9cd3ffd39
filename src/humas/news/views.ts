/**
 * Counting reads, exactly and fast. Each read is a row (article, day, visitor hash); a hit
 * joins the batch being gathered while the previous one commits, the batch goes in as one
 * `INSERT … SELECT FROM unnest(…) ON CONFLICT DO NOTHING`, and every request waits for its
 * batch's commit, so an acknowledged read is durable and a repeated one is not counted twice,
 * across processes too (the primary key decides). PGlite's single connection and a server's
 * pool both see one statement per batch instead of one per read.
 */
import { sql } from 'kysely';
import type { CatalogStore } from '../../catalog/store.js';

/** One read to record: what was read (an article, or any counted thing), the day and the visitor. */
export interface ViewHit {
  readonly article: string;
  readonly day: string;
  readonly visitor: string;
}

interface Hit extends ViewHit {
  resolve(counted: boolean): void;
  reject(e: unknown): void;
}

/**
 * Writes one batch in one statement; answers the hits that were new, as
 * `${article}\n${day}\n${visitor}` keys. The default writes `article_view`; other counters
 * (dataset use, src/catalog/usage.ts) pass theirs.
 */
export type BatchInsert = (catalog: CatalogStore, batch: readonly ViewHit[]) => Promise<Set<string>>;

/** The `unnest` arrays of a batch, as Postgres array literals (ids, days and hashes need no quoting). */
export const batchArrays = (batch: readonly ViewHit[]) => ({
  ids: `{${batch.map((h) => h.article).join(',')}}`,
  days: `{${batch.map((h) => h.day).join(',')}}`,
  visitors: `{${batch.map((h) => h.visitor).join(',')}}`,
});

const insertArticleViews: BatchInsert = async (catalog, batch) => {
  const a = batchArrays(batch);
  const { rows } = await sql<{ article_id: string; day: string; visitor: string }>`
    INSERT INTO article_view (article_id, day, visitor)
    SELECT * FROM unnest(${a.ids}::uuid[], ${a.days}::date[], ${a.visitors}::text[])
    ON CONFLICT DO NOTHING
    RETURNING article_id, to_char(day, 'YYYY-MM-DD') AS day, visitor`.execute(catalog.db);
  return new Set(rows.map((r) => `${r.article_id}\n${r.day}\n${r.visitor}`));
};

/** Largest batch in one statement. */
const MAX_BATCH = 10_000;

export class ViewCounter {
  #queue: Hit[] = [];
  #running = false;
  /** Statements run (for tests and the benchmark). */
  batches = 0;

  constructor(
    private readonly catalog: CatalogStore,
    private readonly insert: BatchInsert = insertArticleViews,
  ) {}

  /** Records a read; resolves once committed, with whether it was new (not yet counted today). */
  add(article: string, day: string, visitor: string): Promise<boolean> {
    return new Promise<boolean>((resolve, reject) => {
      this.#queue.push({ article, day, visitor, resolve, reject });
      if (!this.#running) void this.#drain();
    });
  }

  async #drain(): Promise<void> {
    this.#running = true;
    try {
      while (this.#queue.length > 0) {
        // Let requests already on the sockets reach the queue first: PGlite runs its statements
        // on this thread, so without this pause each batch would hold the one hit that woke it.
        await new Promise<void>((resolve) => setImmediate(resolve));
        const batch = this.#queue.splice(0, MAX_BATCH);
        try {
          const inserted = await this.#insert(batch);
          for (const hit of batch) {
            const key = `${hit.article}\n${hit.day}\n${hit.visitor}`;
            hit.resolve(inserted.delete(key));
          }
        } catch (e) {
          for (const hit of batch) hit.reject(e);
        }
      }
    } finally {
      this.#running = false;
    }
  }

  #insert(batch: readonly Hit[]): Promise<Set<string>> {
    this.batches++;
    return this.insert(this.catalog, batch);
  }
}

const COUNTERS = new WeakMap<CatalogStore, ViewCounter>();

/** The process's counter for this catalog. */
export function viewCounterOf(catalog: CatalogStore): ViewCounter {
  let counter = COUNTERS.get(catalog);
  if (!counter) {
    counter = new ViewCounter(catalog);
    COUNTERS.set(catalog, counter);
  }
  return counter;
}
