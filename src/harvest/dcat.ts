/**
 * Harvesting a DCAT catalog (DCAT-AP, as Kendali's own `/catalog.ttl`, ckanext-dcat or a
 * European portal publish it) into the local catalog: the source URL is the catalog document,
 * in Turtle, JSON-LD or RDF/XML (`rdf.ts`), paged with Hydra (`hydra:next`, or the older
 * `hydra:nextPage`); its datasets are read by `dcat-graph.ts` and harvested by the same engine
 * as a CKAN portal (`engine.ts`): the same provenance extras, counts, tables loaded into the
 * datastore, and deletion only after a complete listing.
 *
 * A catalog has no per-dataset endpoint to ask whether a dataset is gone, so a dataset missing
 * from the listing is checked by reading the whole catalog a second time (once per run, only
 * when something is to be deleted): one that a change moved across pages while the first
 * listing ran is found there and kept.
 */
import { ckanGet, RemoteError } from './client.js';
import { type CatalogPage, LicenseMatcher, readCatalogPage } from './dcat-graph.js';
import { harvestFrom, type ListedPage, type RemoteSide } from './engine.js';
import { readRdf } from './rdf.js';
import { baseUrl, type RemoteDataset, requestLimits } from './remote.js';
import { tableExtension } from './resources.js';
import { isObj, text } from './shape.js';
import {
  DEFAULT_LIMITS,
  type HarvestDeps,
  type HarvestLimits,
  type HarvestResult,
  type HarvestSourceSpec,
} from './types.js';

/** `a` and `b` list the same datasets (a catalog that ignores its page parameter answers page 1 again). */
const sameIds = (a: readonly string[], b: readonly string[]): boolean =>
  a.length > 0 && a.length === b.length && a.every((id, i) => id === b[i]);

const idsOf = (page: CatalogPage): string[] =>
  page.entries.map((e) => ('dataset' in e ? e.dataset.id : `?${e.unreadable}`));

/** A URL without its fragment, to compare pages. */
const pageKey = (url: string): string => url.replace(/#.*$/, '');

/**
 * The catalog's pages, first to last, following Hydra's next links. Throws (the listing is then
 * incomplete) on a page that fails or does not parse, on a next link that is not http(s), on a
 * next link to a page already read or a page listing the same datasets as the one before (a
 * catalog that would otherwise be read forever), and at `maxPages` with a next page left.
 */
export async function* listCatalog(
  url: string,
  limits: HarvestLimits,
  licenses: LicenseMatcher,
  signal?: AbortSignal,
): AsyncGenerator<ListedPage> {
  const read = new Set<string>();
  let previous: { ids: string[]; url: string } | undefined;
  let next: string | undefined = url;
  for (let page = 0; next !== undefined; page++) {
    const asked: string = next;
    if (page >= limits.maxPages)
      throw new RemoteError(
        `stopped after ${limits.maxPages} pages (maxPages) before ${asked}; the listing is incomplete`,
        asked,
      );
    read.add(pageKey(asked));
    const doc = await readRdf(asked, requestLimits(limits, signal));
    read.add(pageKey(doc.url));
    let parsed: CatalogPage;
    try {
      parsed = readCatalogPage(doc.store, [asked, doc.url], licenses);
    } catch (e) {
      throw new RemoteError(`GET ${asked}: ${e instanceof Error ? e.message : String(e)}`, asked, undefined, {
        cause: e,
      });
    }
    const ids = idsOf(parsed);
    if (previous && sameIds(ids, previous.ids))
      throw new RemoteError(
        `GET ${asked}: the catalog answered the same datasets as ${previous.url} (does it ignore its paging?); the listing stopped`,
        asked,
      );
    previous = { ids, url: asked };
    yield { total: parsed.total, entries: parsed.entries };
    next = parsed.next;
    if (next === undefined) return;
    if (!/^https?:\/\//i.test(next))
      throw new RemoteError(`GET ${asked}: the next page "${next}" is not an http(s) URL`, asked);
    if (read.has(pageKey(next)))
      throw new RemoteError(
        `GET ${asked}: the next page ${next} was read already (the paging loops); the listing stopped`,
        asked,
      );
  }
}

/** Every dataset of a second, complete listing, by remote id (what `recheck` answers from). */
async function listAll(
  url: string,
  limits: HarvestLimits,
  licenses: LicenseMatcher,
  signal?: AbortSignal,
): Promise<Map<string, RemoteDataset>> {
  const found = new Map<string, RemoteDataset>();
  for await (const page of listCatalog(url, limits, licenses, signal))
    for (const e of page.entries)
      if ('dataset' in e && !found.has(e.dataset.id)) found.set(e.dataset.id, e.dataset);
  return found;
}

/** A DCAT catalog as the harvest sees it. */
function dcatSide(
  url: string,
  limits: HarvestLimits,
  licenses: LicenseMatcher,
  signal: AbortSignal | undefined,
): RemoteSide {
  const kendali = new Map<string, Promise<boolean>>();
  let again: Promise<Map<string, RemoteDataset>> | undefined;
  return {
    base: url,
    pages: () => listCatalog(url, limits, licenses, signal),
    dataSource(r) {
      const ext = tableExtension(r.format);
      if (!ext || !r.dataUrl) return undefined;
      return { url: r.dataUrl, ext, refuseHtml: ext !== 'xls' };
    },
    /**
     * A table from another Kendali's `/datastore/dump/…` already carries its region codes; that
     * Kendali is asked once (status_show on the dump's origin), any failure to tell counts as not.
     */
    codedAlready(from) {
      let origin: string;
      try {
        const u = new URL(from.url);
        if (!u.pathname.includes('/datastore/dump/')) return Promise.resolve(false);
        origin = `${u.origin}${u.pathname.slice(0, u.pathname.indexOf('/datastore/dump/'))}`;
      } catch {
        return Promise.resolve(false);
      }
      let known = kendali.get(origin);
      if (!known) {
        known = ckanGet(`${origin}/api/3/action/status_show`, requestLimits(limits, signal)).then(
          (status) => isObj(status) && text(status, 'kendali_version') !== '',
          () => false,
        );
        kendali.set(origin, known);
      }
      return known;
    },
    async recheck(objectId) {
      again ??= listAll(url, limits, licenses, signal);
      return (await again).get(objectId);
    },
  };
}

/**
 * Harvests the DCAT catalog at `source.url` into the local catalog (same contract as
 * `runHarvest`): resolves with the counts and errors — a failed page is in `errors`, and then
 * nothing is deleted — and rejects only when aborted or when the local catalog itself fails
 * outside a dataset.
 */
export async function runDcatHarvest(source: HarvestSourceSpec, deps: HarvestDeps): Promise<HarvestResult> {
  deps.signal?.throwIfAborted();
  const limits: HarvestLimits = { ...DEFAULT_LIMITS, ...deps.limits };
  const licenses = new LicenseMatcher(await deps.call('license_list', {}));
  return harvestFrom(source, deps, limits, () => {
    // Checked as a CKAN base URL is (http(s) only); the query (`?page=…`, filters) is kept.
    baseUrl(source.url);
    return dcatSide(new URL(source.url).toString(), limits, licenses, deps.signal);
  });
}
