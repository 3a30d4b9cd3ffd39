/**
 * The DCAT feeds' data, always as an anonymous caller: only active, public datasets
 * (`searchDatasets(db, null, …)` and `canReadDataset(null, …)`), so a private, draft or
 * deleted dataset can never appear in them.
 */
import type { Store } from 'n3';
import type { Services } from '../../actions/types.js';
import { KendaliError, notFound } from '../../core/errors.js';
import { canReadDataset } from '../access.js';
import { findDataset, type PackageDict, packageDict } from '../datasets.js';
import { searchDatasets } from '../search/search.js';
import { buildCatalogGraph, buildDatasetGraph, type GraphContext } from './graph.js';
import type { RdfFormat } from './serialize.js';

export const PAGE_SIZE = 100;

export interface CatalogQuery {
  readonly page: number;
  /** ISO 8601 instant in UTC (`…Z`), when the feed is limited to datasets modified since. */
  readonly modifiedSince?: string;
}

const badParam = (name: string, message: string): KendaliError =>
  new KendaliError('BAD_REQUEST', `${name}: ${message}`, { [name]: [message] });

const ISO = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;

/** An ISO 8601 date or date-time as epoch ms; one without a zone is UTC (as CKAN's timestamps are). */
function parseInstant(given: string): number {
  // An unencoded `+` in a query string arrives as a space: `…T07:00:00 07:00` means +07:00.
  const s = given.trim().replace(/(\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?) (\d{2}:?\d{2})$/, '$1+$2');
  if (!ISO.test(s)) return Number.NaN;
  const t = s.replace(' ', 'T').replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const zoned = /(?:Z|[+-]\d{2}:\d{2})$/i.test(t);
  return Date.parse(zoned ? t : t.length === 10 ? `${t}T00:00:00Z` : `${t}Z`);
}

/** `page` and `modified_since` from a query string; a bad value is a 400 naming the parameter. */
export function parseCatalogQuery(q: Readonly<Record<string, unknown>>): CatalogQuery {
  const page = q.page === undefined || q.page === '' ? '1' : q.page;
  if (typeof page !== 'string' || !/^[1-9][0-9]{0,6}$/.test(page)) {
    throw badParam('page', 'must be a whole number from 1');
  }
  const since = q.modified_since;
  if (since === undefined || since === '') return { page: Number(page) };
  const value = typeof since === 'string' ? parseInstant(since) : Number.NaN;
  if (Number.isNaN(value)) {
    throw badParam('modified_since', 'must be an ISO 8601 date or date-time, e.g. 2024-01-31T00:00:00Z');
  }
  return { page: Number(page), modifiedSince: new Date(value).toISOString() };
}

async function graphContext(services: Services, dicts: readonly PackageDict[]): Promise<GraphContext> {
  const codes = [
    ...new Set(dicts.flatMap((d) => (Array.isArray(d.cakupan_wilayah) ? d.cakupan_wilayah : []))),
  ].filter((c): c is string => typeof c === 'string');
  const rows = codes.length
    ? await services.catalog.db
        .selectFrom('region')
        .select(['code', 'name'])
        .where('code', 'in', codes)
        .execute()
    : [];
  const { baseUrl, siteTitle, locale } = services.config;
  return {
    baseUrl: baseUrl.replace(/\/+$/, ''),
    siteTitle,
    locale,
    regions: new Map(rows.map((r) => [r.code, r.name])),
  };
}

const search = (services: Services, rows: number, start: number, since?: string) =>
  searchDatasets(services.catalog.db, null, {
    ...(since ? { fq: `metadata_modified:[${since} TO *]` } : {}),
    sort: 'metadata_modified desc',
    rows,
    start,
    facetFields: [],
    facetLimit: 0,
    facetMincount: 1,
    includePrivate: false,
    includeDrafts: false,
  });

/** One page of the catalog (100 datasets, newest change first), with Hydra paging links. */
export async function catalogPageGraph(
  services: Services,
  format: RdfFormat,
  q: CatalogQuery,
): Promise<Store> {
  const found = await search(services, PAGE_SIZE, (q.page - 1) * PAGE_SIZE, q.modifiedSince);
  const last = Math.max(1, Math.ceil(found.count / PAGE_SIZE));
  if (q.page > last) throw notFound(`catalog page ${q.page} (last page is ${last})`);
  const newest = q.page === 1 ? found.results[0] : (await search(services, 1, 0, q.modifiedSince)).results[0];
  const ctx = await graphContext(services, found.results);
  const pageUrl = (n: number): string => {
    const params = new URLSearchParams();
    if (q.modifiedSince) params.set('modified_since', q.modifiedSince);
    params.set('page', String(n));
    return `${ctx.baseUrl}/catalog.${format}?${params}`;
  };
  return buildCatalogGraph(ctx, found.results, {
    modified: newest?.metadata_modified,
    paging: { page: q.page, perPage: PAGE_SIZE, totalItems: found.count, pageUrl },
  });
}

/** One dataset by name or id; NotFound unless anyone may read it (active and public). */
export async function datasetGraph(services: Services, idOrName: string): Promise<Store> {
  const row = await findDataset(services.catalog.db, idOrName);
  if (!canReadDataset(null, row)) throw notFound(`dataset ${idOrName}`);
  const dict = await packageDict(services.catalog.db, row);
  return buildDatasetGraph(await graphContext(services, [dict]), dict);
}
