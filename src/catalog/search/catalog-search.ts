/**
 * package_search over the in-process index (search-index.ts), with PostgreSQL full-text search
 * (search.ts) as the fallback while the index is not built or is turned off. Result pages come
 * from the dict cache or, for the rest, from the catalog (page-dicts.ts).
 *
 * Stale index safety: on PostgreSQL (where other processes may write) the page's datasets are
 * read again from the catalog before they are returned — one indexed query — and any the caller
 * may no longer see are left out; a dataset changed elsewhere is read into the index again. On
 * PGlite the data-directory lock leaves this process the only writer, so the index is exact.
 * Every dict loaded from the catalog is checked against the caller's visibility again.
 */
import type { Actor } from '../../actions/types.js';
import type { CatalogStore } from '../store.js';
import { type RowGuard, visibleRow } from './memory/filters.js';
import type { MemoryHits } from './memory/index.js';
import { dictsFor, foundRows, indexOf } from './page-dicts.js';
import { resolveSearch, type SearchParams } from './params.js';
import { type SearchResult, searchDatasets } from './search.js';

const NONE = new Set<string>();

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
  return {
    count: hits.count,
    results: await dictsFor(store, handle, ids, versions, readable),
    sort: r.sort,
    ...facetsOf(hits),
  };
}

type Facets = Pick<SearchResult, 'facets' | 'search_facets'>;
const facetShapes = new WeakMap<MemoryHits, Facets>();

/** CKAN's two shapes of the facets (built once per cached answer). */
function facetsOf(hits: MemoryHits): Facets {
  let shaped = facetShapes.get(hits);
  if (!shaped) {
    shaped = { facets: {}, search_facets: {} };
    for (const [f, items] of Object.entries(hits.facets)) {
      shaped.facets[f] = Object.fromEntries(items.map((i) => [i.name, i.count]));
      shaped.search_facets[f] = { title: f, items };
    }
    facetShapes.set(hits, shaped);
  }
  return shaped;
}
