/**
 * The remote portal as the harvest sees it: its datasets read from CKAN's package dicts, the
 * listing paged through `package_search`, and a single dataset checked with `package_show`.
 * Only what an anonymous caller sees counts: public, active datasets.
 */
import { ckanGet, RemoteError, type RequestLimits } from './client.js';
import { isObj, type Obj, objects, text } from './shape.js';
import type { HarvestLimits } from './types.js';

export interface RemoteResource {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly format: string;
  readonly url: string;
  readonly datastoreActive: boolean;
  /** The resource's URL and last change, to tell whether its data changed ('' when unknown). */
  readonly marker: string;
  /**
   * Where its table is downloaded from when that is not simply `url` (a DCAT distribution's
   * file URL); absent for CKAN resources.
   */
  readonly dataUrl?: string | undefined;
}

export interface RemoteDataset {
  readonly id: string;
  readonly name: string;
  /** The remote `metadata_modified`, as given ('' when absent: then the dataset always counts as changed). */
  readonly modified: string;
  /** Public and active: what an anonymous harvest may take. */
  readonly visible: boolean;
  readonly raw: Obj;
  readonly tags: string[];
  readonly extras: ReadonlyMap<string, string>;
  readonly resources: RemoteResource[];
  /** The dataset's own page on the remote (`harvest_url`); absent: `<base>/dataset/<name>`, CKAN's. */
  readonly page?: string;
}

function parseResource(r: Obj): RemoteResource {
  const url = text(r, 'url');
  const changed = text(r, 'last_modified') || text(r, 'metadata_modified');
  return {
    id: text(r, 'id'),
    name: text(r, 'name'),
    description: text(r, 'description'),
    format: text(r, 'format').trim(),
    url,
    datastoreActive: r.datastore_active === true,
    marker: changed ? `${url} ${changed}` : '',
  };
}

/** A remote package dict; undefined without an id or a name (nothing could be matched or named). */
export function parseDataset(x: unknown): RemoteDataset | undefined {
  if (!isObj(x)) return undefined;
  const id = text(x, 'id');
  const name = text(x, 'name');
  if (!id || !name) return undefined;
  const state = text(x, 'state');
  return {
    id,
    name,
    modified: text(x, 'metadata_modified'),
    visible: x.private !== true && (state === '' || state === 'active'),
    raw: x,
    tags: objects(x, 'tags').map((t) => text(t, 'name')),
    extras: new Map(objects(x, 'extras').map((e) => [text(e, 'key'), text(e, 'value')])),
    resources: objects(x, 'resources').map(parseResource),
  };
}

/** `http://host/path/` → `http://host/path`; refuses anything but an http(s) URL. */
export function baseUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new RemoteError(`the source URL "${url}" is not a URL`, url);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw new RemoteError(`the source URL "${url}" is not http(s)`, url);
  parsed.search = '';
  parsed.hash = '';
  return parsed.toString().replace(/\/+$/, '');
}

const actionUrl = (base: string, action: string, params: Record<string, string>): string =>
  `${base}/api/3/action/${action}?${new URLSearchParams(params).toString()}`;

export const requestLimits = (limits: HarvestLimits, signal?: AbortSignal): RequestLimits => ({
  timeoutMs: limits.requestTimeoutMs,
  maxBytes: limits.maxJsonBytes,
  signal,
});

export interface RemotePage {
  /** The remote's total, as it reported it on this page. */
  readonly count: number;
  readonly results: unknown[];
}

/**
 * The remote's datasets a page at a time, oldest change first (a dataset changed during the
 * listing moves to the end, where it is read again rather than skipped). Ends at `count`, on an
 * empty page; throws on a failed page, on a remote that answers the same page again (one that
 * ignores `start` would otherwise be read forever), and at `maxPages` with datasets left — a
 * listing that ends by throwing is incomplete.
 */
export async function* listRemote(
  base: string,
  limits: HarvestLimits,
  signal?: AbortSignal,
): AsyncGenerator<RemotePage> {
  let start = 0;
  let previous: { ids: string; start: number } | undefined;
  for (let page = 0; ; page++) {
    const url = actionUrl(base, 'package_search', {
      rows: String(limits.pageSize),
      start: String(start),
      sort: 'metadata_modified asc',
    });
    if (page >= limits.maxPages)
      throw new RemoteError(
        `stopped after ${limits.maxPages} pages (maxPages) at start=${start}; the listing is incomplete`,
        url,
      );
    const result = await ckanGet(url, requestLimits(limits, signal));
    if (!isObj(result) || !Array.isArray(result.results) || typeof result.count !== 'number')
      throw new RemoteError(`GET ${url}: package_search answered without a results list and count`, url);
    const results: unknown[] = result.results;
    const ids = results.map((r) => (isObj(r) ? text(r, 'id') : '')).join(' ');
    if (previous && results.length > 0 && ids === previous.ids)
      throw new RemoteError(
        `GET ${url}: the remote answered the same datasets as for start=${previous.start} (it ignores start?); the listing stopped`,
        url,
      );
    previous = { ids, start };
    yield { count: result.count, results };
    start += results.length;
    if (results.length === 0 || start >= result.count) return;
  }
}

/**
 * One remote dataset by id: the dataset while an anonymous caller may still read it, undefined
 * once it is gone — not found (404), not readable (403: made private or deleted, as CKAN
 * answers), or listed as not active or private. Any other failure throws.
 */
export async function showRemote(
  base: string,
  id: string,
  limits: HarvestLimits,
  signal?: AbortSignal,
): Promise<RemoteDataset | undefined> {
  try {
    const ds = parseDataset(
      await ckanGet(actionUrl(base, 'package_show', { id }), requestLimits(limits, signal)),
    );
    return ds?.visible ? ds : undefined;
  } catch (e) {
    if (e instanceof RemoteError && e.ckanRefusal && (e.status === 404 || e.status === 403)) return undefined;
    throw e;
  }
}
