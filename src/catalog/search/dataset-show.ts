/**
 * package_show from the index and the dict cache: the access check reads the dataset's state,
 * privacy, institution and creator from the index on PGlite (the only writer is this process)
 * and from the catalog on PostgreSQL; the dict comes from the cache when it holds the version
 * the check saw.
 */
import type { Actor } from '../../actions/types.js';
import { notFound } from '../../core/errors.js';
import { canReadDataset, type DatasetGuard } from '../access.js';
import { isUuid } from '../ckan-format.js';
import { findDataset, type PackageDict, packageDict } from '../datasets.js';
import type { CatalogStore } from '../store.js';
import { STATE_NAMES } from './memory/fields.js';
import { dictsFor, type Found, foundRows } from './page-dicts.js';
import { searchIndexOf } from './search-index.js';
import { applyOrphans } from './sync.js';

/**
 * A dataset's access guard and version by id or name: from the index on PGlite once it is
 * built (without waiting for a build), else from the catalog.
 */
async function lookup(store: CatalogStore, idOrName: string): Promise<Found | undefined> {
  const key = idOrName.toLowerCase();
  if (store.kind === 'pglite') await applyOrphans(store);
  const d = store.kind === 'pglite' ? searchIndexOf(store).built?.docs : undefined;
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

/** Lookups by the call's input object: package_show's policy and handler share one. */
const lookups = new WeakMap<object, Promise<Found | undefined>>();

function lookupFor(store: CatalogStore, idOrName: string, call: object): Promise<Found | undefined> {
  let found = lookups.get(call);
  if (!found) {
    found = lookup(store, idOrName);
    lookups.set(call, found);
  }
  return found;
}

/**
 * package_show's access check: the dataset exists and the actor may read it, else Not Found.
 * `call` (the call's input) lets `showDataset` reuse the lookup.
 */
export async function readableDataset(
  store: CatalogStore,
  actor: Actor | null,
  idOrName: string,
  call: object = {},
): Promise<void> {
  const guard: DatasetGuard | undefined = searchIndexOf(store).enabled
    ? await lookupFor(store, idOrName, call)
    : await findDataset(store.db, idOrName);
  if (!guard || !canReadDataset(actor, guard)) throw notFound(`dataset ${idOrName}`);
}

/** package_show's dict, from the cache when it holds the current version. */
export async function showDataset(
  store: CatalogStore,
  actor: Actor | null,
  idOrName: string,
  call: object = {},
): Promise<PackageDict> {
  const handle = searchIndexOf(store);
  if (!handle.enabled) return packageDict(store.db, await findDataset(store.db, idOrName));
  const f = await lookupFor(store, idOrName, call);
  if (!f || !canReadDataset(actor, f)) throw notFound(`dataset ${idOrName}`);
  const [dict] = await dictsFor(store, handle, [f.id], new Map([[f.id, f.modified_us]]), (g) =>
    canReadDataset(actor, g),
  );
  if (!dict) throw notFound(`dataset ${idOrName}`);
  return dict;
}
