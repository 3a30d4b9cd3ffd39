/**
 * The in-process search index of one catalog store, kept in step with it:
 *
 * - built from the catalog at first use (`ready`; `services.ts` starts it at start-up),
 *   reading the dataset table in chunks;
 * - updated after every write of this process commits (`apply`, called by
 *   `catalogTransaction` in sync.ts): the changed datasets are read again from the catalog, so
 *   the index holds what was committed and a rolled-back write changes nothing;
 * - builds and updates run one after another, so an update never lands before the build
 *   that would overwrite it; an update that fails drops the index, and the next search
 *   rebuilds it (a build that fails leaves search on PostgreSQL full-text search).
 *
 * Several processes (server mode): each has its own index, built at its start and updated on
 * its own writes; writes of other processes are not seen until the event bus carries them.
 * Until then search re-checks the page's datasets against the catalog (catalog-search.ts), so
 * a dataset made private or deleted elsewhere never appears in results, though counts and facets
 * may lag.
 */
import type { CatalogStore } from '../store.js';
import { DictCache } from './dict-cache.js';
import { MemoryIndex } from './memory/index.js';
import {
  datasetIdsOf,
  loadAll,
  loadGroups,
  loadOrganizations,
  loadRegionNames,
  loadRows,
} from './memory/load.js';

const BATCH = 5000;

export interface Changes {
  readonly datasets: ReadonlySet<string>;
  readonly organizations: ReadonlySet<string>;
  readonly groups: ReadonlySet<string>;
}

export class SearchIndex {
  readonly #store: CatalogStore;
  #index: MemoryIndex | null = null;
  #building: Promise<MemoryIndex> | null = null;
  #queue: Promise<unknown> = Promise.resolve();
  /** Package dicts of datasets the index holds, for search pages and package_show. */
  readonly dicts = new DictCache();
  /** False: answer from PostgreSQL full-text search only (the fallback path). */
  enabled = true;
  /** Milliseconds the last build took. */
  buildMs = 0;

  constructor(store: CatalogStore) {
    this.#store = store;
  }

  /** The index if it is built (without waiting). */
  get built(): MemoryIndex | null {
    return this.enabled ? this.#index : null;
  }

  /** The index, building it first if needed. */
  ready(): Promise<MemoryIndex> {
    if (this.#index) return Promise.resolve(this.#index);
    if (!this.#building) {
      const build = this.#enqueue(() => this.#build());
      this.#building = build;
      build.then(
        (ix) => {
          this.#index = ix;
        },
        () => {
          this.#building = null;
        },
      );
    }
    return this.#building;
  }

  /**
   * Builds the index again from the catalog and puts it in place once built; searches meanwhile
   * answer from the old one. Changes committed during the build are applied after it, in turn.
   */
  async rebuild(): Promise<void> {
    const ix = await this.#enqueue(() => this.#build());
    this.#index = ix;
    this.#building = Promise.resolve(ix);
  }

  /** Applies committed changes (no-op while no index exists: its build reads them anyway). */
  apply(c: Changes): Promise<void> {
    if (!this.#building || (!c.datasets.size && !c.organizations.size && !c.groups.size))
      return Promise.resolve();
    this.dicts.delete([...c.datasets]);
    return this.#enqueue(async () => {
      const ix = this.#index;
      if (!ix) return; // the build failed; the next one reads the committed state
      try {
        await this.#applyTo(ix, c);
      } catch (e) {
        this.#index = null;
        this.#building = null;
        this.dicts.clear();
        throw e;
      }
    });
  }

  #enqueue<T>(work: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(work, work);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #build(): Promise<MemoryIndex> {
    const t0 = performance.now();
    const db = this.#store.db;
    const ix = new MemoryIndex();
    ix.setRegionNames(await loadRegionNames(db));
    ix.setOrganizations(await loadOrganizations(db));
    ix.setGroups(await loadGroups(db));
    await loadAll(db, (rows) => {
      for (const r of rows) ix.put(r);
    });
    ix.ranks.of(ix.docs);
    this.dicts.clear();
    this.buildMs = performance.now() - t0;
    return ix;
  }

  async #applyTo(ix: MemoryIndex, c: Changes): Promise<void> {
    const db = this.#store.db;
    const ids = new Set(c.datasets);
    if (c.organizations.size) {
      ix.setOrganizations(await loadOrganizations(db, [...c.organizations]));
      for (const org of c.organizations) for (const id of await datasetIdsOf(db, org)) ids.add(id);
    }
    if (c.groups.size) ix.setGroups(await loadGroups(db));
    const list = [...ids];
    for (let i = 0; i < list.length; i += BATCH) {
      const part = list.slice(i, i + BATCH);
      const rows = await loadRows(db, part);
      const newOrgs = [...new Set(rows.map((r) => r.organization_id))].filter(
        (o) => !ix.knowsOrganization(o),
      );
      if (newOrgs.length) ix.setOrganizations(await loadOrganizations(db, newOrgs));
      if (rows.some((r) => r.group_ids.some((g) => !ix.knowsGroup(g)))) ix.setGroups(await loadGroups(db));
      const found = new Set(rows.map((r) => r.id));
      for (const r of rows) ix.put(r);
      for (const id of part) if (!found.has(id)) ix.drop(id);
      this.dicts.delete(part);
    }
  }
}

const indexes = new WeakMap<CatalogStore, SearchIndex>();

/** The search index of a catalog store (one per store in this process; not built until used). */
export function searchIndexOf(store: CatalogStore): SearchIndex {
  let ix = indexes.get(store);
  if (!ix) {
    ix = new SearchIndex(store);
    indexes.set(store, ix);
  }
  return ix;
}
