/**
 * CKAN package dicts → DCAT-AP 3 as an N3 Store (RDF/JS quads): the catalog node, its
 * datasets and, for a paged feed, Hydra paging the way ckanext-dcat publishes it.
 */
import { Store } from 'n3';
import type { PackageDict } from '../datasets.js';
import { addDataset, COUNTRY_IDN } from './dataset-graph.js';
import { addDateTime, type GraphContext } from './graph-base.js';
import { dcat, dct, EU, foaf, hydra, namedNode, RDF_TYPE, skos, text, typed, xsd } from './vocab.js';

export type { GraphContext } from './graph-base.js';

export interface Paging {
  /** 1-based page number shown. */
  readonly page: number;
  readonly perPage: number;
  readonly totalItems: number;
  /** Absolute URL of page `n` of this feed (same format and filters). */
  pageUrl(n: number): string;
}

export const catalogIri = (ctx: GraphContext) => namedNode(`${ctx.baseUrl}/catalog`);

const DESCRIPTION = {
  id: (t: string) => `Katalog data ${t}: metadata dataset Satu Data Indonesia dalam DCAT-AP 3.`,
  en: (t: string) => `Data catalogue of ${t}: Satu Data Indonesia dataset metadata as DCAT-AP 3.`,
};

function addCatalog(store: Store, ctx: GraphContext, modified: string | null | undefined): void {
  const cat = catalogIri(ctx);
  const publisher = namedNode(`${ctx.baseUrl}/#publisher`);
  const home = namedNode(`${ctx.baseUrl}/`);
  const language = namedNode(`${EU.language}IND`);
  const themes = namedNode(`${ctx.baseUrl}/group`);
  store.addQuad(cat, RDF_TYPE, dcat('Catalog'));
  store.addQuad(cat, dct('title'), text(ctx.siteTitle, ctx.locale));
  store.addQuad(cat, dct('description'), text(DESCRIPTION.id(ctx.siteTitle), 'id'));
  store.addQuad(cat, dct('description'), text(DESCRIPTION.en(ctx.siteTitle), 'en'));
  store.addQuad(cat, dct('publisher'), publisher);
  store.addQuad(publisher, RDF_TYPE, foaf('Agent'));
  store.addQuad(publisher, RDF_TYPE, foaf('Organization'));
  store.addQuad(publisher, foaf('name'), text(ctx.siteTitle));
  store.addQuad(cat, foaf('homepage'), home);
  store.addQuad(home, RDF_TYPE, foaf('Document'));
  store.addQuad(cat, dct('language'), language);
  store.addQuad(language, RDF_TYPE, dct('LinguisticSystem'));
  store.addQuad(cat, dct('spatial'), namedNode(COUNTRY_IDN));
  store.addQuad(namedNode(COUNTRY_IDN), RDF_TYPE, dct('Location'));
  store.addQuad(cat, dcat('themeTaxonomy'), themes);
  store.addQuad(themes, RDF_TYPE, skos('ConceptScheme'));
  store.addQuad(themes, dct('title'), text('Grup', 'id'));
  addDateTime(store, cat, dct('modified'), modified);
}

/**
 * Hydra paging on the page's own URL: `hydra:PagedCollection` with firstPage/lastPage/
 * nextPage/previousPage (what ckanext-dcat publishes and its harvester follows) and, on the
 * same node, the current Hydra `PartialCollectionView` terms first/last/next/previous.
 */
function addPaging(store: Store, p: Paging): void {
  const node = namedNode(p.pageUrl(p.page));
  const last = Math.max(1, Math.ceil(p.totalItems / p.perPage));
  const int = (n: number) => typed(String(n), xsd('integer'));
  store.addQuad(node, RDF_TYPE, hydra('PagedCollection'));
  store.addQuad(node, RDF_TYPE, hydra('PartialCollectionView'));
  store.addQuad(node, hydra('totalItems'), int(p.totalItems));
  store.addQuad(node, hydra('itemsPerPage'), int(p.perPage));
  const links: [string, string, number | null][] = [
    ['firstPage', 'first', 1],
    ['lastPage', 'last', last],
    ['nextPage', 'next', p.page < last ? p.page + 1 : null],
    ['previousPage', 'previous', p.page > 1 ? Math.min(p.page - 1, last) : null],
  ];
  for (const [legacy, current, n] of links) {
    if (n === null) continue;
    store.addQuad(node, hydra(legacy), namedNode(p.pageUrl(n)));
    store.addQuad(node, hydra(current), namedNode(p.pageUrl(n)));
  }
}

/** The catalog page: the catalog, the given datasets (one page of them) and the paging. */
export function buildCatalogGraph(
  ctx: GraphContext,
  datasets: readonly PackageDict[],
  opts: { paging?: Paging; modified?: string | null } = {},
): Store {
  const store = new Store();
  addCatalog(store, ctx, opts.modified);
  for (const d of datasets) store.addQuad(catalogIri(ctx), dcat('dataset'), addDataset(store, ctx, d));
  if (opts.paging) addPaging(store, opts.paging);
  return store;
}

/** One dataset on its own (the per-dataset endpoints). */
export function buildDatasetGraph(ctx: GraphContext, d: PackageDict): Store {
  const store = new Store();
  addDataset(store, ctx, d);
  return store;
}
