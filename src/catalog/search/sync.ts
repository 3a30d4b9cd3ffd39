/**
 * Keeping the search index in step with writes. A write runs in `catalogTransaction`; code
 * that changes what search sees records it on the transaction (`datasetsChanged` in
 * saveDataset and package_delete, `organizationChanged`, `groupChanged`), and once the
 * transaction has committed the index reads those datasets again. A transaction that fails
 * records nothing, so the index stays as it was.
 *
 * A change recorded outside `catalogTransaction` (on a plain transaction or connection) cannot
 * be tied to its commit; the index reads it again before the next search (of whichever catalog
 * searches next: one per process outside tests). On PGlite that read waits for the open
 * transaction, so it sees the commit; on PostgreSQL it may not, and the entry stays stale until
 * its next change (search re-checks page rows against the catalog, so nothing private leaks).
 */
import type { Kysely, Transaction } from 'kysely';
import type { CatalogSchema } from '../schema.js';
import type { CatalogStore } from '../store.js';
import { type Changes, searchIndexOf } from './search-index.js';

type Db = Kysely<CatalogSchema> | Transaction<CatalogSchema>;

interface Recorder {
  readonly datasets: Set<string>;
  readonly organizations: Set<string>;
  readonly groups: Set<string>;
}

const open = new WeakMap<Db, Recorder>();
const orphans: Recorder = { datasets: new Set(), organizations: new Set(), groups: new Set() };

const recorderOf = (db: Db): Recorder => open.get(db) ?? orphans;

export function datasetsChanged(db: Db, ids: readonly string[]): void {
  const r = recorderOf(db);
  for (const id of ids) r.datasets.add(id);
}

/** An institution's name or title changed (facet names and its datasets' searchable text). */
export function organizationChanged(db: Db, id: string): void {
  recorderOf(db).organizations.add(id);
}

/** A group's name or title changed. */
export function groupChanged(db: Db, id: string): void {
  recorderOf(db).groups.add(id);
}

/** Runs `fn` in a transaction of `store`; after it commits, the search index takes the changes. */
export async function catalogTransaction<T>(
  store: CatalogStore,
  fn: (trx: Transaction<CatalogSchema>) => Promise<T>,
): Promise<T> {
  const changes: Recorder = { datasets: new Set(), organizations: new Set(), groups: new Set() };
  const result = await store.db.transaction().execute((trx) => {
    open.set(trx, changes);
    return fn(trx);
  });
  await searchIndexOf(store).apply(changes);
  return result;
}

/** Applies changes recorded outside `catalogTransaction` (see above); called before each search. */
export async function applyOrphans(store: CatalogStore): Promise<void> {
  if (!orphans.datasets.size && !orphans.organizations.size && !orphans.groups.size) return;
  const taken: Changes = {
    datasets: new Set(orphans.datasets),
    organizations: new Set(orphans.organizations),
    groups: new Set(orphans.groups),
  };
  orphans.datasets.clear();
  orphans.organizations.clear();
  orphans.groups.clear();
  await searchIndexOf(store).apply(taken);
}
