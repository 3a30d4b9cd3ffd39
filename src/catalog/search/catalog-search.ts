/**
 * package_search and package_show over the in-process index (search-index.ts), with
 * PostgreSQL full-text search (search.ts) as the fallback while the index is not built or is
 * turned off. Result pages come from the dict cache or, for the rest, from the catalog.
 *
 * Stale index safety: on PostgreSQL (where other processes may write) the page's datasets are
 * read again from the catalog before they are returned — one indexed query — and any the caller
 * may no longer see are left out; a dataset changed elsewhere is read into the index again. On
 * PGlite the data-directory lock leaves this process the only writer, so the index is exact.
 * Every dict loaded from the catalog is checked against the caller's visibility again.
 */
import { sql } from 'kysely';
import type { Actor } from '../../actions/types.js';
import { notFound } from '../../core/errors.js';
import { canReadDataset, type DatasetGuard } from '../access.js';
import { isUuid } from '../ckan-format.js';
import { findDataset, type PackageDict, packageDict, packageDicts } from '../datasets.js';
import type { CatalogStore } from '../store.js';
import { STATE_NAMES } from './memory/docs.js';
import { type RowGuard, visibleRow } from './memory/filters.js';
import type { MemoryIndex } from './memory/index.js';
import { resolveSearch, type SearchParams } from './params.js';
import { type FacetItem, type SearchResult, searchDatasets } from './search.js';
import { type SearchIndex, searchIndexOf } from './search-index.js';
import { applyOrphans } from './sync.js';

interface Found extends RowGuard {
  readonly id: string;
  readonly modified_us: number;
}

const NONE = new Set<string>();

/** Light rows (access and version) by id or name, from the catalog. */
async function foundRows(store: CatalogStore, by: 'id' | 'name', keys: readonly string[]): Promise<Found[]> {
  if (keys.length === 0) return [];
  const list = sql.join(keys.map((k) => (by === 'id' ? sql`${k}::uuid` : sql`${k}`)));
  const r = await sql<Found>`SELECT id::text AS id, state, private, organization_id::text AS organization_id,
      creator_user_id, (extract(epoch FROM modified) * 1000000)::float8 AS modified_us
    FROM dataset WHERE ${sql.ref(by)} IN (${list})`.execute(store.db);
  return r.rows;
}

/** The index when it is on and built (building it on first use); null → use PostgreSQL. */
async function indexOf(store: CatalogStore): Promise<{ handle: SearchIndex; ix: MemoryIndex } | null> {
  const handle = searchIndexOf(store);
  if (!handle.enabled) return null;
  try {
    const ix = await handle.ready();
    await applyOrphans(store);
    return { handle, ix };
  } catch {
    return null;
  }
}

/** Dicts for `ids` (in order), from the cache or the catalog; `versions` are the ids' modification times. */
async function dictsFor(
  store: CatalogStore,
  handle: SearchIndex,
  ids: readonly string[],
  versions: ReadonlyMap<string, number>,
  readable: (g: RowGuard) => boolean,
): Promise<PackageDict[]> {
  const out = new Map<string, PackageDict>();
  const missing: string[] = [];
  for (const id of ids) {
    const dict = handle.dicts.get(id, versions.get(id) ?? -1);
    if (dict) out.set(id, dict);
    else missing.push(id);
  }
  if (missing.length) {
    const rows = await store.db.selectFrom('dataset').selectAll().where('id', 'in', missing).execute();
    const fresh = rows.filter((r) => readable({ ...r, creator_user_id: r.creator_user_id }));
    for (const dict of await packageDicts(store.db, fresh)) {
      out.set(dict.id, dict);
      const row = fresh.find((r) => r.id === dict.id);
      const v = versions.get(dict.id);
      // Cache it only as the version the index (or the re-check) knows.
      if (row && v !== undefined && Math.abs(row.modified.getTime() * 1000 - v) < 1000)
        handle.dicts.set(dict.id, v, dict);
    }
  }
  return ids.flatMap((id) => out.get(id) ?? []);
}

export async function searchCatalog(
  store: CatalogStore,
  actor: Actor | null,
  p: SearchParams,
): Promise<SearchResult> {
  const found = await indexOf(store);
  if (!found) return searchDatasets(store.db, actor, p);
  const { handle, ix } = found;
  const r = resolveSearch(p);
  const hits = ix.search(actor, p, r);
  const readable = (g: RowGuard) => visibleRow(actor, g, p.includePrivate, p.includeDrafts);
  const versions = new Map<string, number>();
  let ids = hits.ids;
  if (store.kind === 'postgres' && ids.length) {
    const rows = new Map((await foundRows(store, 'id', ids)).map((x) => [x.id, x]));
    const stale = ids.filter((id) => {
      const slot = ix.docs.slotOf(id);
      return slot === undefined || rows.get(id)?.modified_us !== ix.docs.modified[slot];
    });
    if (stale.length)
      void handle.apply({ datasets: new Set(stale), organizations: NONE, groups: NONE }).catch(() => {});
    ids = ids.filter((id) => {
      const row = rows.get(id);
      if (row) versions.set(id, row.modified_us);
      return row !== undefined && readable(row);
    });
  } else {
    for (const id of ids) versions.set(id, ix.docs.modified[ix.docs.slotOf(id) ?? -1] ?? -1);
  }
  const facets: Record<string, Record<string, number>> = {};
  const search_facets: Record<string, { title: string; items: FacetItem[] }> = {};
  for (const [f, items] of Object.entries(hits.facets)) {
    facets[f] = Object.fromEntries(items.map((i) => [i.name, i.count]));
    search_facets[f] = { title: f, items };
  }
  return {
    count: hits.count,
    results: await dictsFor(store, handle, ids, versions, readable),
    sort: r.sort,
    facets,
    search_facets,
  };
}

/** A dataset's access guard by id or name: from the index on PGlite, else from the catalog. */
async function lookup(store: CatalogStore, idOrName: string): Promise<Found | undefined> {
  const key = idOrName.toLowerCase();
  const found = store.kind === 'pglite' ? await indexOf(store) : null;
  const d = found?.ix.docs;
  const slot = d ? (isUuid(key) ? d.slotOf(key) : d.slotOfName(key)) : undefined;
  if (d && slot !== undefined) {
    return {
      id: d.ids[slot] as string,
      state: STATE_NAMES[d.states[slot] as number] ?? 'other',
      private: d.private.has(slot),
      organization_id: d.values.organization.keys[d.single.organization[slot] as number] as string,
      creator_user_id: d.creators[slot] ?? null,
      modified_us: d.modified[slot] as number,
    };
  }
  return (await foundRows(store, isUuid(key) ? 'id' : 'name', [key]))[0];
}

/** package_show's access check: the dataset exists and the actor may read it, else Not Found. */
export async function readableDataset(
  store: CatalogStore,
  actor: Actor | null,
  idOrName: string,
): Promise<void> {
  const f = searchIndexOf(store).enabled
    ? await lookup(store, idOrName)
    : await findDataset(store.db, idOrName).catch(() => undefined);
  const guard: DatasetGuard | undefined = f;
  if (!guard || !canReadDataset(actor, guard)) throw notFound(`dataset ${idOrName}`);
}

/** package_show's dict, from the cache when it holds the current version. */
export async function showDataset(
  store: CatalogStore,
  actor: Actor | null,
  idOrName: string,
): Promise<PackageDict> {
  const handle = searchIndexOf(store);
  if (!handle.enabled) return packageDict(store.db, await findDataset(store.db, idOrName));
  const f = await lookup(store, idOrName);
  if (!f || !canReadDataset(actor, f)) throw notFound(`dataset ${idOrName}`);
  const [dict] = await dictsFor(store, handle, [f.id], new Map([[f.id, f.modified_us]]), (g) =>
    canReadDataset(actor, g),
  );
  if (!dict) throw notFound(`dataset ${idOrName}`);
  return dict;
}
