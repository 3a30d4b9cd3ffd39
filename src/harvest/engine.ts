/**
 * The harvest itself, whatever the remote: walk its listing, create or update the local copy
 * of every dataset (with their tables imported into the datastore), and — only after a complete
 * listing — delete the local copies of datasets the remote no longer shows, each checked once
 * more first. Every local change goes through the local actions (`deps.call`, as the sysadmin),
 * so validation, audit and the search index work as for any other writer.
 *
 * What differs between remotes (CKAN's Action API in `run.ts`, a DCAT catalog in `dcat.ts`) is
 * a `RemoteSide`: how it is listed, where a resource's table comes from, and how a dataset
 * missing from the listing is checked. One dataset's failure is counted and reported and the run
 * goes on; a failed listing stops the listing and, since an incomplete listing cannot tell what
 * is gone, deletes nothing.
 */
import { mkdir } from 'node:fs/promises';
import { isKendaliError } from '../core/errors.js';
import { type LocalEntry, loadHarvested, placeDataset, showLocal } from './local.js';
import { datasetFields, resourceInputs } from './mapping.js';
import type { RemoteDataset, RemoteResource } from './remote.js';
import { type DataSource, dataIsCurrent, importResource } from './resources.js';
import { isObj, type Obj, objects, text } from './shape.js';
import type {
  HarvestCounts,
  HarvestDeps,
  HarvestError,
  HarvestLimits,
  HarvestResult,
  HarvestSourceSpec,
} from './types.js';

/** An error's message for the report; a Validation error with the fields it names. */
export function describeError(e: unknown): string {
  if (isKendaliError(e) && e.fields) {
    const fields = Object.entries(e.fields).map(([f, msgs]) => `${f}: ${msgs.join(', ')}`);
    return `${e.message} (${fields.join('; ')})`;
  }
  return e instanceof Error ? e.message : String(e);
}

/** One entry of a listing: a dataset, or one that could not be read (named as well as it can be). */
export type Listed =
  | { readonly dataset: RemoteDataset }
  | { readonly unreadable: string; readonly reason: string };

export interface ListedPage {
  /** The remote's total, when it tells. */
  readonly total?: number | undefined;
  readonly entries: readonly Listed[];
}

export interface RemoteSide {
  /** Resource URLs are made absolute against it; `harvest_url` is `${base}/dataset/{name}` unless the dataset gives its own. */
  readonly base: string;
  /** The remote's datasets a page at a time; ends when the listing is complete, throws when it cannot be. */
  pages(): AsyncIterable<ListedPage>;
  /** Where a resource's table comes from; undefined for a plain link. Throws when it should have one but cannot. */
  dataSource(r: RemoteResource): DataSource | undefined;
  /** Whether the table `from` gives already carries region codes (another Kendali's datastore table). */
  codedAlready(from: DataSource): Promise<boolean>;
  /**
   * A local dataset's remote id the listing did not show: the dataset while the remote still
   * has it (harvested now), undefined once it is gone (deleted here); throws when it cannot tell.
   */
  recheck(objectId: string): Promise<RemoteDataset | undefined>;
}

type Outcome = 'created' | 'updated' | 'unchanged';

/** One run's state: the local datasets of this source by remote id, the counts and errors so far. */
class Harvest {
  readonly counts: HarvestCounts = { created: 0, updated: 0, unchanged: 0, deleted: 0, failed: 0 };
  readonly errors: HarvestError[] = [];
  readonly seen = new Set<string>();
  done = 0;
  total: number | undefined;

  constructor(
    readonly source: HarvestSourceSpec,
    readonly deps: HarvestDeps,
    readonly limits: HarvestLimits,
    readonly remote: RemoteSide,
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
  async take(entry: Listed): Promise<void> {
    this.deps.signal?.throwIfAborted();
    if (!('dataset' in entry)) {
      this.#fail(entry.unreadable, new Error(entry.reason));
      return;
    }
    const remote = entry.dataset;
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
    const { base } = this.remote;
    const shown = known ? await showLocal(call, known.id) : undefined;
    const current = shown && text(shown, 'state') !== 'deleted' ? shown : undefined;
    const place = current
      ? { name: text(current, 'name'), existing: current }
      : await placeDataset(call, this.source, remote.id, remote.name, this.local);
    const before = place.existing ? objects(place.existing, 'resources') : [];
    const input = {
      ...datasetFields(remote, this.source, base, this.licenses, new Date().toISOString()),
      resources: resourceInputs(remote, base, before),
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

  /** Each resource with a table: downloaded and imported unless current; one message per failure. */
  async #importTables(remote: RemoteDataset, saved: Obj, before: readonly Obj[]): Promise<string[]> {
    const after = objects(saved, 'resources');
    const problems: string[] = [];
    for (const r of remote.resources) {
      const label = `resource ${JSON.stringify(r.name || r.id)}`;
      try {
        const from = this.remote.dataSource(r);
        const mine = (list: readonly Obj[]) => list.find((l) => text(l, 'harvest_resource_id') === r.id);
        if (!from || dataIsCurrent(r, mine(before))) continue;
        const local = mine(after);
        if (!local) throw new Error('not found in the saved dataset');
        await importResource(this.deps, this.limits, from, r, {
          datasetId: text(saved, 'id'),
          resourceId: text(local, 'id'),
          codedAlready: await this.remote.codedAlready(from),
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
   * Each is checked once more (`recheck`) before it is deleted: a dataset changed on the remote
   * while the listing ran can shift out of the page it was on, and deleting a live dataset is
   * worse than one request. Still there → harvested now; gone → deleted.
   */
  async removeGone(): Promise<void> {
    for (const [objectId, entry] of [...this.local]) {
      if (this.seen.has(objectId)) continue;
      this.deps.signal?.throwIfAborted();
      try {
        const remote = await this.remote.recheck(objectId);
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
 * Harvests the remote `open` gives into the local catalog. Resolves with what happened —
 * failures of single datasets and of the listing (`open` throwing included) are in `errors` —
 * and rejects only when aborted (with the signal's reason) or when the local catalog itself
 * fails outside a dataset.
 */
export async function harvestFrom(
  source: HarvestSourceSpec,
  deps: HarvestDeps,
  limits: HarvestLimits,
  open: () => RemoteSide,
): Promise<HarvestResult> {
  deps.signal?.throwIfAborted();
  await mkdir(deps.workDir, { recursive: true });
  const [local, licenses] = await Promise.all([
    loadHarvested(deps.call, source.id),
    localLicenses(deps.call),
  ]);
  let listingError: unknown;
  let run: Harvest | undefined;
  try {
    run = new Harvest(source, deps, limits, open(), local, licenses);
    for await (const page of run.remote.pages()) {
      if (page.total !== undefined) run.total = page.total;
      for (const entry of page.entries) await run.take(entry);
    }
  } catch (e) {
    if (deps.signal?.aborted) throw deps.signal.reason;
    listingError = e;
  }
  const counts = run?.counts ?? { created: 0, updated: 0, unchanged: 0, deleted: 0, failed: 0 };
  const errors = run?.errors ?? [];
  if (listingError || !run) {
    errors.push(
      { dataset: '', message: `the listing failed: ${describeError(listingError)}` },
      { dataset: '', message: 'the listing is incomplete, so no local dataset was deleted' },
    );
  } else {
    await run.removeGone();
  }
  return { counts, errors, seen: run?.seen.size ?? 0 };
}
