/**
 * What both package_search and package_show need around the index: the index when it is on,
 * light access rows from the catalog, and package dicts from the dict cache or the catalog.
 */
import { sql } from 'kysely';
import { type PackageDict, packageDicts } from '../datasets.js';
import type { CatalogStore } from '../store.js';
import type { RowGuard } from './memory/filters.js';
import type { MemoryIndex } from './memory/index.js';
import { type SearchIndex, searchIndexOf } from './search-index.js';
import { applyOrphans } from './sync.js';

export interface Found extends RowGuard {
  readonly id: string;
  readonly modified_us: number;
}

/** Light rows (access and version) by id or name, from the catalog. */
export async function foundRows(
  store: CatalogStore,
  by: 'id' | 'name',
  keys: readonly string[],
): Promise<Found[]> {
  if (keys.length === 0) return [];
  const list = sql.join(keys.map((k) => (by === 'id' ? sql`${k}::uuid` : sql`${k}`)));
  const r = await sql<Found>`SELECT id::text AS id, state, private, organization_id::text AS organization_id,
      creator_user_id, (extract(epoch FROM modified) * 1000000)::float8 AS modified_us
    FROM dataset WHERE ${sql.ref(by)} IN (${list})`.execute(store.db);
  return r.rows;
}

/** The index when it is on and built (building it on first use); null → use PostgreSQL. */
export async function indexOf(store: CatalogStore): Promise<{ handle: SearchIndex; ix: MemoryIndex } | null> {
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
export async function dictsFor(
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
    const fresh = rows.filter((r) => readable(r));
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
