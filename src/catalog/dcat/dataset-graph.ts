/** One CKAN package dict → a dcat:Dataset with its publisher, contact point, coverage and distributions. */
import type { NamedNode, Store } from 'n3';
import type { PackageDict } from '../datasets.js';
import { addDistribution } from './distribution-graph.js';
import { addDateTime, type GraphContext, str } from './graph-base.js';
import { absoluteUrl, coverageDatatype, frequencyIri, markdownToText, publisherTypeIri } from './mappings.js';
import { addSatuData } from './satu-data-graph.js';
import {
  blankNode,
  dcat,
  dct,
  foaf,
  namedNode,
  RDF_TYPE,
  type Subject,
  skos,
  text,
  typed,
  vcard,
  xsd,
} from './vocab.js';

export const COUNTRY_IDN = 'http://publications.europa.eu/resource/authority/country/IDN';

export const datasetIri = (ctx: GraphContext, d: Pick<PackageDict, 'id'>): NamedNode =>
  namedNode(`${ctx.baseUrl}/dataset/${d.id}`);

function addPublisher(store: Store, ctx: GraphContext, ds: Subject, d: PackageDict): void {
  const org = d.organization;
  if (!org) return;
  const agent = namedNode(`${ctx.baseUrl}/organization/${org.name}`);
  store.addQuad(ds, dct('publisher'), agent);
  store.addQuad(agent, RDF_TYPE, foaf('Agent'));
  store.addQuad(agent, RDF_TYPE, foaf('Organization'));
  store.addQuad(agent, foaf('name'), text(org.title || org.name));
  const type = publisherTypeIri(org.org_type);
  if (type) store.addQuad(agent, dct('type'), namedNode(type));
}

function addContactPoint(store: Store, ds: Subject, d: PackageDict): void {
  const email = str(d.maintainer_email) ?? str(d.author_email);
  const name = str(d.maintainer) ?? str(d.author) ?? d.organization?.title;
  if (!email && !str(d.maintainer) && !str(d.author)) return;
  const kind = blankNode();
  store.addQuad(ds, dcat('contactPoint'), kind);
  store.addQuad(kind, RDF_TYPE, vcard('Kind'));
  if (name) store.addQuad(kind, vcard('fn'), text(name));
  if (email) store.addQuad(kind, vcard('hasEmail'), namedNode(`mailto:${encodeURI(email)}`));
}

function addThemes(store: Store, ctx: GraphContext, ds: Subject, d: PackageDict): void {
  for (const g of d.groups) {
    const theme = namedNode(`${ctx.baseUrl}/group/${g.name}`);
    store.addQuad(ds, dcat('theme'), theme);
    store.addQuad(theme, RDF_TYPE, skos('Concept'));
    store.addQuad(theme, skos('prefLabel'), text(g.title || g.name));
    store.addQuad(theme, skos('inScheme'), namedNode(`${ctx.baseUrl}/group`));
  }
}

function addSpatial(store: Store, ctx: GraphContext, ds: Subject, d: PackageDict): void {
  if (d.cakupan_wilayah_tingkat === 'nasional') {
    store.addQuad(ds, dct('spatial'), namedNode(COUNTRY_IDN));
    store.addQuad(namedNode(COUNTRY_IDN), RDF_TYPE, dct('Location'));
  }
  const codes = Array.isArray(d.cakupan_wilayah) ? d.cakupan_wilayah : [];
  for (const code of codes) {
    if (typeof code !== 'string' || !/^[0-9.]+$/.test(code)) continue;
    const loc = namedNode(`${ctx.baseUrl}/wilayah/${code}`);
    store.addQuad(ds, dct('spatial'), loc);
    store.addQuad(loc, RDF_TYPE, dct('Location'));
    store.addQuad(loc, dct('identifier'), text(code));
    const name = ctx.regions.get(code);
    if (name) store.addQuad(loc, skos('prefLabel'), text(name, 'id'));
  }
}

function addTemporal(store: Store, ds: Subject, d: PackageDict): void {
  const bounds = [
    [dcat('startDate'), str(d.cakupan_waktu_mulai)],
    [dcat('endDate'), str(d.cakupan_waktu_selesai)],
  ] as const;
  const typedBounds = bounds.flatMap(([p, v]) => {
    const dt = v ? coverageDatatype(v) : undefined;
    return v && dt ? [[p, typed(v, xsd(dt))] as const] : [];
  });
  if (typedBounds.length === 0) return;
  const period = blankNode();
  store.addQuad(ds, dct('temporal'), period);
  store.addQuad(period, RDF_TYPE, dct('PeriodOfTime'));
  for (const [p, lit] of typedBounds) store.addQuad(period, p, lit);
}

/** Adds one dataset to the store and returns its IRI. */
export function addDataset(store: Store, ctx: GraphContext, d: PackageDict): NamedNode {
  const ds = datasetIri(ctx, d);
  const landing = namedNode(`${ctx.baseUrl}/dataset/${d.name}`);
  store.addQuad(ds, RDF_TYPE, dcat('Dataset'));
  store.addQuad(ds, dct('identifier'), text(d.id));
  store.addQuad(ds, dct('title'), text(d.title || d.name));
  store.addQuad(ds, dct('description'), text(markdownToText(d.notes ?? '') || d.title || d.name));
  for (const t of d.tags) store.addQuad(ds, dcat('keyword'), text(t.name));
  addThemes(store, ctx, ds, d);
  addPublisher(store, ctx, ds, d);
  addContactPoint(store, ds, d);
  addSpatial(store, ctx, ds, d);
  addTemporal(store, ds, d);
  addDateTime(store, ds, dct('issued'), d.metadata_created);
  addDateTime(store, ds, dct('modified'), d.metadata_modified);
  const freq = frequencyIri(d.frekuensi_pemutakhiran);
  if (freq) {
    store.addQuad(ds, dct('accrualPeriodicity'), namedNode(freq));
    store.addQuad(namedNode(freq), RDF_TYPE, dct('Frequency'));
  }
  store.addQuad(ds, dcat('landingPage'), landing);
  store.addQuad(landing, RDF_TYPE, foaf('Document'));
  const page = absoluteUrl(d.url ?? '');
  if (page) {
    store.addQuad(ds, foaf('page'), namedNode(page.href));
    store.addQuad(namedNode(page.href), RDF_TYPE, foaf('Document'));
  }
  const version = str(d.version);
  if (version) store.addQuad(ds, dcat('version'), text(version));
  addSatuData(store, ds, d);
  for (const r of d.resources) addDistribution(store, ctx, ds, d, r);
  return ds;
}
