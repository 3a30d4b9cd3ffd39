/**
 * The local side of a harvest, read through the local actions only: which local datasets came
 * from this source (by the `harvest_*` extras they carry), and what a remote dataset is called
 * locally.
 */
import { isKendaliError } from '../core/errors.js';
import { extrasOf, isObj, type Obj, objects, text } from './shape.js';
import type { HarvestDeps, HarvestSourceSpec } from './types.js';

type Call = HarvestDeps['call'];

export interface LocalEntry {
  readonly id: string;
  readonly name: string;
  /** The remote `metadata_modified` the local copy was made from. */
  readonly harvestModified: string;
}

/** package_search's largest page. */
const PAGE = 1000;

/**
 * Local datasets harvested from the source (active and draft, private included), by remote id.
 * package_search has no filter on extras, so every dataset's extras are read once per run, a
 * thousand a page, oldest first (datasets created meanwhile come last, so none is skipped).
 */
export async function loadHarvested(call: Call, sourceId: string): Promise<Map<string, LocalEntry>> {
  const found = new Map<string, LocalEntry>();
  for (let start = 0; ; ) {
    const res = await call('package_search', {
      rows: PAGE,
      start,
      sort: 'metadata_created asc',
      include_private: true,
      include_drafts: true,
    });
    const results = isObj(res) ? objects(res, 'results') : [];
    for (const d of results) {
      const extras = extrasOf(d);
      const objectId = extras.get('harvest_object_id');
      if (extras.get('harvest_source_id') === sourceId && objectId) {
        found.set(objectId, {
          id: text(d, 'id'),
          name: text(d, 'name'),
          harvestModified: extras.get('harvest_modified') ?? '',
        });
      }
    }
    start += results.length;
    const count = isObj(res) && typeof res.count === 'number' ? res.count : 0;
    if (results.length === 0 || start >= count) return found;
  }
}

/** A local dataset by id or name, in any state (the caller is a sysadmin); undefined when there is none. */
export async function showLocal(call: Call, idOrName: string): Promise<Obj | undefined> {
  try {
    const d = await call('package_show', { id: idOrName });
    return isObj(d) ? d : undefined;
  } catch (e) {
    if (isKendaliError(e) && e.code === 'NOT_FOUND') return undefined;
    throw e;
  }
}

/** A remote name as a local slug (CKAN's rule: lowercase letters, digits, - and _, 2–100 characters). */
export function localSlug(remoteName: string): string {
  const slug = remoteName
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^[-_]+/, '')
    .slice(0, 100);
  if (slug.length < 2) throw new Error(`the remote name "${remoteName}" cannot be made a local name`);
  return slug;
}

export interface Placement {
  readonly name: string;
  /** A local dataset of this source to write over; absent: create. */
  readonly existing?: Obj;
}

/**
 * Where a remote dataset not yet known locally goes: its own name, else `<source>-<name>` when
 * that is held by a local dataset not harvested for it (deleted ones included: their names stay
 * reserved). A local dataset of this source under the name is taken over unless it stands for
 * another remote dataset still listed (`live`) or is deleted: no action may write a deleted
 * dataset, so one that returns on the remote comes back under the prefixed name.
 */
export async function placeDataset(
  call: Call,
  source: HarvestSourceSpec,
  remoteId: string,
  remoteName: string,
  live: ReadonlyMap<string, LocalEntry>,
): Promise<Placement> {
  const own = localSlug(remoteName);
  const candidates = [own, `${source.name}-${own}`.slice(0, 100)];
  for (const name of candidates) {
    const found = await showLocal(call, name);
    if (!found) return { name };
    const extras = extrasOf(found);
    const objectId = extras.get('harvest_object_id') ?? '';
    const ours = extras.get('harvest_source_id') === source.id;
    if (ours && text(found, 'state') !== 'deleted' && (objectId === remoteId || !live.has(objectId)))
      return { name, existing: found };
  }
  throw new Error(
    `the local names ${candidates.join(' and ')} are both taken (by other datasets, or by deleted ones)`,
  );
}
