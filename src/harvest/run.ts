/**
 * Harvesting a CKAN-compatible portal (CKAN, or another Kendali) into the local catalog:
 * list the remote's public datasets, create or update their local copies (with their tables
 * imported into the datastore), and delete the local copies of datasets the remote no longer
 * shows — the CKAN side of the harvest (`engine.ts` holds what every remote shares).
 */
import { ckanGet } from './client.js';
import { harvestFrom, type Listed, type RemoteSide } from './engine.js';
import { baseUrl, listRemote, parseDataset, requestLimits, showRemote } from './remote.js';
import { dataSource } from './resources.js';
import { isObj, text } from './shape.js';
import {
  DEFAULT_LIMITS,
  type HarvestDeps,
  type HarvestLimits,
  type HarvestResult,
  type HarvestSourceSpec,
} from './types.js';

export { describeError } from './engine.js';
export type {
  HarvestCounts,
  HarvestDeps,
  HarvestError,
  HarvestLimits,
  HarvestResult,
  HarvestSourceSpec,
} from './types.js';
export { DEFAULT_LIMITS } from './types.js';

/** A CKAN-compatible portal (CKAN, or another Kendali) as the harvest sees it, through its Action API. */
function ckanSide(base: string, limits: HarvestLimits, signal: AbortSignal | undefined): RemoteSide {
  let kendali: Promise<boolean> | undefined;
  return {
    base,
    async *pages() {
      for await (const page of listRemote(base, limits, signal)) {
        yield {
          total: page.count,
          entries: page.results.map((raw): Listed => {
            const dataset = parseDataset(raw);
            if (dataset) return { dataset };
            return {
              unreadable: isObj(raw) ? text(raw, 'name') || text(raw, 'id') : '',
              reason: 'the remote listed a dataset without an id or a name; skipped',
            };
          }),
        };
      }
    },
    dataSource: (r) => dataSource(r, base),
    /**
     * Whether the remote is another Kendali (its status_show names a `kendali_version`), asked
     * once, when the first table is imported; any failure to tell counts as CKAN.
     */
    codedAlready() {
      kendali ??= ckanGet(`${base}/api/3/action/status_show`, requestLimits(limits, signal)).then(
        (status) => isObj(status) && text(status, 'kendali_version') !== '',
        () => false,
      );
      return kendali;
    },
    // package_show: CKAN answers a dataset made private or deleted as Not Found or Forbidden.
    recheck: (objectId) => showRemote(base, objectId, limits, signal),
  };
}

/**
 * Harvests `source` into the local catalog. Resolves with what happened — failures of single
 * datasets and of the listing are in `errors` — and rejects only when aborted (with the
 * signal's reason) or when the local catalog itself fails outside a dataset. A source of type
 * `dcat` is harvested by `runDcatHarvest`.
 */
export async function runHarvest(source: HarvestSourceSpec, deps: HarvestDeps): Promise<HarvestResult> {
  // The RDF parsers (about 0.3 s to load) only for a DCAT source, not with every start.
  if (source.type === 'dcat') return (await import('./dcat.js')).runDcatHarvest(source, deps);
  const given: HarvestLimits = { ...DEFAULT_LIMITS, ...deps.limits };
  // CKAN answers at most 1000 rows a page; 0 rows would read an empty page and stop at once.
  const limits = { ...given, pageSize: Math.min(Math.max(Math.floor(given.pageSize), 1), 1000) };
  return harvestFrom(source, deps, limits, () => ckanSide(baseUrl(source.url), limits, deps.signal));
}
