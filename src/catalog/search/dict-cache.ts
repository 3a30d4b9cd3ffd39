/**
 * Package dicts of recently shown datasets, so search pages and package_show need no catalog
 * queries for them. An entry is dropped when its dataset changes in this process (the index
 * updates call `delete`), when the dataset's modification time differs from the entry's, and
 * after ten minutes (so an institution or group renamed by another process shows through);
 * its quality verdicts, which depend on today's date, are assessed again every minute.
 */
import type { PackageDict } from '../datasets.js';
import { assessQuality } from '../quality.js';

const TTL_MS = 600_000;
const QUALITY_MS = 60_000;
const MAX = 20_000;

interface Entry {
  dict: PackageDict;
  /** metadata_modified of the dict, microseconds. */
  readonly modified: number;
  readonly at: number;
  assessed: number;
}

export class DictCache {
  readonly #entries = new Map<string, Entry>();
  hits = 0;
  misses = 0;

  /** The cached dict of `id` if it is fresh and of the version `modified`. */
  get(id: string, modified: number): PackageDict | undefined {
    const e = this.#entries.get(id);
    const now = performance.now();
    if (e && e.modified === modified && now - e.at < TTL_MS) {
      this.hits++;
      if (now - e.assessed >= QUALITY_MS) {
        e.dict = { ...e.dict, quality: assessQuality(e.dict) };
        e.assessed = now;
      }
      return e.dict;
    }
    this.misses++;
    return undefined;
  }

  set(id: string, modified: number, dict: PackageDict): void {
    if (this.#entries.size >= MAX) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    this.#entries.delete(id);
    const now = performance.now();
    this.#entries.set(id, { dict, modified, at: now, assessed: now });
  }

  delete(ids: Iterable<string>): void {
    for (const id of ids) this.#entries.delete(id);
  }

  clear(): void {
    this.#entries.clear();
  }
}
