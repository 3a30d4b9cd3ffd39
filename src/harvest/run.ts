/**
 * Harvesting a CKAN-compatible portal (CKAN, or another Kendali) into the local catalog:
 * list the remote's public datasets, create or update their local copies (with their tables
 * imported into the datastore), and delete the local copies of datasets the remote no longer
 * shows. Every local change goes through the local actions (`deps.call`, as the sysadmin), so
 * validation, audit and the search index work as for any other writer.
 *
 * One dataset's failure is counted and reported and the run goes on; a failed listing stops
 * the listing and, since an incomplete listing cannot tell what is gone, deletes nothing.
 */
import { mkdir } from 'node:fs/promises';
import { isKendaliError } from '../core/errors.js';
import { ckanGet } from './client.js';
import { type LocalEntry, loadHarvested, placeDataset, showLocal } from './local.js';
import { datasetFields, resourceInputs } from './mapping.js';
import {
  baseUrl,
  listRemote,
  parseDataset,
  type RemoteDataset,
  requestLimits,
  showRemote,
} from './remote.js';
import { dataIsCurrent, dataSource, importResource } from './resources.js';
import { isObj, type Obj, objects, text } from './shape.js';
import {
  DEFAULT_LIMITS,
  type HarvestCounts,
  type HarvestDeps,
  type HarvestError,
  type HarvestLimits,
  type HarvestResult,
  type HarvestSourceSpec,
} from './types.js';

export type {
  HarvestCounts,
  HarvestDeps,
  HarvestError,
  HarvestLimits,
  HarvestResult,
  HarvestSourceSpec,
} from './types.js';
export { DEFAULT_LIMITS } from './types.js';

/** An error's message for the report; a Validation error with the fields it names. */
export function describeError(e: unknown): string {
  if (isKendaliError(e) && e.fields) {
    const fields = Object.entries(e.fields).map(([f, msgs]) => `${f}: ${msgs.join(', ')}`);
    return `${e.message} (${fields.join('; ')})`;
  }
  return e instanceof Error ? e.message : String(e);
}

type Outcome = 'created' | 'updated' | 'unchanged';

/** One run's state: the local datasets of this source by remote id, the counts and errors so far. */
class Harvest {
  readonly counts: HarvestCounts = { created: 0, updated: 0, unchanged: 0, deleted: 0, failed: 0 };
  readonly errors: HarvestError[] = [];
  readonly seen = new Set<string>();
  done = 0;
  total: number | undefined;
  #kendali: Promise<boolean> | undefined;

  constructor(
    readonly source: HarvestSourceSpec,
    readonly deps: HarvestDeps,
    readonly limits: HarvestLimits,
    readonly base: string,
    readonly local: Map<string, LocalEntry>,
    readonly licenses: ReadonlySet<string>,
  ) {}

  #fail(dataset: string, e: unknown): void {
    if (this.deps.signal?.aborted) throw this.deps.signal.reason;
    this.counts.failed++;
    this.errors.push({ dataset, message: describeError(e) });
  }

  #progress(note: string): void {
    this.deps.progress?.(this.done, this.total, note);
  }

  /** One listed entry: harvested, or counted failed with the reason; never throws but for an abort. */
  async take(raw: unknown): Promise<void> {
    this.deps.signal?.throwIfAborted();
    const remote = parseDataset(raw);
    if (!remote) {
      const name = isObj(raw) ? text(raw, 'name') || text(raw, 'id') : '';
      this.#fail(name, new Error('the remote listed a dataset without an id or a name; skipped'));
      return;
    }
    // Not public and active: not ours to take (the deletion pass confirms it is gone).
    if (this.seen.has(remote.id) || !remote.visible) return;
    this.seen.add(remote.id);
    await this.#harvestOne(remote);
  }

  async #harvestOne(remote: RemoteDataset): Promise<void> {
    let note: string;
    try {
      note = `${await this.#write(remote)} ${remote.name}`;
    } catch (e) {
      this.#fail(remote.name, e);
      note = `failed ${remote.name}`;
    }
    this.done++;
    this.#progress(note);
  }

  /** Creates or updates the local copy, then imports its tables; resource failures are reported, not thrown. */
  async #write(remote: RemoteDataset): Promise<Outcome> {
    const known = this.local.get(remote.id);
    if (known && remote.modified !== '' && known.harvestModified === remote.modified) {
      this.counts.unchanged++;
      return 'unchanged';
    }
    const { call } = this.deps;
    const shown = known ? await showLocal(call, known.id) : undefined;
    const current = shown && text(shown, 'state') !== 'deleted' ? shown : undefined;
    const place = current ? { name: text(current, 'name'), existing: current } : await this.#place(remote);
    const before = place.existing ? objects(place.existing, 'resources') : [];
    const input = {
      ...datasetFields(remote, this.source, this.base, this.licenses, new Date().toISOString()),
      resources: resourceInputs(remote, this.base, before),
    };
    // package_patch, not package_update: fields the harvest does not own (groups, privacy, the
    // Satu Data fields a curator added here) survive an update; every owned field is given.
    const saved = place.existing
      ? await call('package_patch', { id: text(place.existing, 'id'), ...input })
      : await call('package_create', { name: place.name, owner_org: this.source.org, ...input });
    if (!isObj(saved)) throw new Error(`the local catalog answered no dataset for ${place.name}`);
    const outcome: Outcome = place.existing ? 'updated' : 'created';
    this.counts[outcome]++;
    this.local.set(remote.id, {
      id: text(saved, 'id'),
      name: text(saved, 'name'),
      harvestModified: remote.modified,
    });
    const problems = await this.#importTables(remote, saved, before);
    if (problems.length) this.#fail(text(saved, 'name'), new Error(problems.join('; ')));
    return outcome;
  }

  /**
   * Whether the remote is another Kendali (its status_show names a `kendali_version`), asked
   * once, when the first table is imported; any failure to tell counts as CKAN.
   */
  #remoteIsKendali(): Promise<boolean> {
    this.#kendali ??= ckanGet(
      `${this.base}/api/3/action/status_show`,
      requestLimits(this.limits, this.deps.signal),
    ).then(
      (status) => isObj(status) && text(status, 'kendali_version') !== '',
      () => false,
    );
    return this.#kendali;
  }

  #place(remote: RemoteDataset) {
    return placeDataset(this.deps.call, this.source, remote.id, remote.name, this.local);
  }

  /** Each resource with a table: downloaded and imported unless current; one message per failure. */
  async #importTables(remote: RemoteDataset, saved: Obj, before: readonly Obj[]): Promise<string[]> {
    const after = objects(saved, 'resources');
    const problems: string[] = [];
    for (const r of remote.resources) {
      const label = `resource ${JSON.stringify(r.name || r.id)}`;
      try {
        const from = dataSource(r, this.base);
        const mine = (list: readonly Obj[]) => list.find((l) => text(l, 'harvest_resource_id') === r.id);
        if (!from || dataIsCurrent(r, mine(before))) continue;
        const local = mine(after);
        if (!local) throw new Error('not found in the saved dataset');
        await importResource(this.deps, this.limits, from, r, {
          datasetId: text(saved, 'id'),
          resourceId: text(local, 'id'),
          codedAlready: await this.#remoteIsKendali(),
        });
      } catch (e) {
        if (this.deps.signal?.aborted) throw this.deps.signal.reason;
        problems.push(`${label}: ${describeError(e)}`);
      }
    }
    return problems;
  }

  /**
   * After a complete listing: the local datasets of this source whose remote id was not seen.
   * Each is asked for once more (`package_show`) before it is deleted: a dataset changed on the
   * remote while the listing ran can shift out of the page it was on, and deleting a live
   * dataset is worse than one request. Still readable → harvested now; gone → deleted.
   */
  async removeGone(): Promise<void> {
    for (const [objectId, entry] of [...this.local]) {
      if (this.seen.has(objectId)) continue;
      this.deps.signal?.throwIfAborted();
      try {
        const remote = await showRemote(this.base, objectId, this.limits, this.deps.signal);
        if (remote) {
          this.seen.add(remote.id);
          await this.#harvestOne(remote);
          continue;
        }
        await this.deps.call('package_delete', { id: entry.id });
        this.local.delete(objectId);
        this.counts.deleted++;
        this.#progress(`deleted ${entry.name}`);
      } catch (e) {
        this.#fail(entry.name, new Error(`not deleted: ${describeError(e)}`));
      }
    }
  }
}

/** The ids of the licences the local catalog knows (others are left out of harvested datasets). */
async function localLicenses(call: HarvestDeps['call']): Promise<Set<string>> {
  const list = await call('license_list', {});
  return new Set((Array.isArray(list) ? list : []).filter(isObj).map((l) => text(l, 'id')));
}

/**
 * Harvests `source` into the local catalog. Resolves with what happened — failures of single
 * datasets and of the listing are in `errors` — and rejects only when aborted (with the
 * signal's reason) or when the local catalog itself fails outside a dataset.
 */
export async function runHarvest(source: HarvestSourceSpec, deps: HarvestDeps): Promise<HarvestResult> {
  deps.signal?.throwIfAborted();
  const given: HarvestLimits = { ...DEFAULT_LIMITS, ...deps.limits };
  // CKAN answers at most 1000 rows a page; 0 rows would read an empty page and stop at once.
  const limits = { ...given, pageSize: Math.min(Math.max(Math.floor(given.pageSize), 1), 1000) };
  await mkdir(deps.workDir, { recursive: true });
  const [local, licenses] = await Promise.all([
    loadHarvested(deps.call, source.id),
    localLicenses(deps.call),
  ]);
  let listingError: unknown;
  let base = '';
  try {
    base = baseUrl(source.url);
  } catch (e) {
    listingError = e;
  }
  const run = new Harvest(source, deps, limits, base, local, licenses);
  if (!listingError) {
    try {
      for await (const page of listRemote(base, limits, deps.signal)) {
        run.total = page.count;
        for (const raw of page.results) await run.take(raw);
      }
    } catch (e) {
      if (deps.signal?.aborted) throw deps.signal.reason;
      listingError = e;
    }
  }
  if (listingError) {
    run.errors.push(
      { dataset: '', message: `the listing failed: ${describeError(listingError)}` },
      { dataset: '', message: 'the listing is incomplete, so no local dataset was deleted' },
    );
  } else {
    await run.removeGone();
  }
  return { counts: run.counts, errors: run.errors, seen: run.seen.size };
}
