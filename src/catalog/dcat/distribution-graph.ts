/** One CKAN resource → a dcat:Distribution of its dataset. */
import type { NamedNode, Store } from 'n3';
import type { PackageDict } from '../datasets.js';
import { addDateTime, type GraphContext, str } from './graph-base.js';
import {
  absoluteUrl,
  fileTypeCode,
  fileTypeIri,
  markdownToText,
  mediaTypeIri,
  urlFileType,
} from './mappings.js';
import { dcat, dct, namedNode, RDF_TYPE, text, typed, xsd } from './vocab.js';

type ResourceDict = PackageDict['resources'][number];

/** Licence IRI and title of a dataset, when its licence has a URL (CKAN's list gives most of them one). */
function addLicense(store: Store, dist: NamedNode, d: PackageDict): void {
  const url = absoluteUrl(d.license_url ?? '');
  if (!url) return;
  const lic = namedNode(url.href);
  store.addQuad(dist, dct('license'), lic);
  store.addQuad(lic, RDF_TYPE, dct('LicenseDocument'));
  if (d.license_title) store.addQuad(lic, dct('title'), text(d.license_title));
}

export function addDistribution(
  store: Store,
  ctx: GraphContext,
  ds: NamedNode,
  d: PackageDict,
  r: ResourceDict,
): NamedNode {
  const dist = namedNode(`${ctx.baseUrl}/dataset/${d.id}/resource/${r.id}`);
  store.addQuad(ds, dcat('distribution'), dist);
  store.addQuad(dist, RDF_TYPE, dcat('Distribution'));

  // dcat:accessURL is mandatory: a resource without a usable URL points at the dataset's page.
  const url = absoluteUrl(r.url ?? '', ctx.baseUrl);
  store.addQuad(dist, dcat('accessURL'), namedNode(url?.href ?? `${ctx.baseUrl}/dataset/${d.name}`));
  const fromUrl = url ? urlFileType(url) : undefined;
  if (url && (r.url_type === 'upload' || fromUrl))
    store.addQuad(dist, dcat('downloadURL'), namedNode(url.href));
  // A datastore table downloads as CSV from its dump, so DCAT harvesters can load it.
  else if (r.datastore_active === true)
    store.addQuad(dist, dcat('downloadURL'), namedNode(`${ctx.baseUrl}/datastore/dump/${r.id}?format=csv`));

  const title = str(r.name);
  if (title) store.addQuad(dist, dct('title'), text(title));
  const description = markdownToText(r.description ?? '');
  if (description) store.addQuad(dist, dct('description'), text(description));

  const code = fileTypeCode(r.format ?? '') ?? fromUrl;
  if (code) {
    store.addQuad(dist, dct('format'), namedNode(fileTypeIri(code)));
    store.addQuad(namedNode(fileTypeIri(code)), RDF_TYPE, dct('MediaTypeOrExtent'));
  }
  const media = mediaTypeIri(r.mimetype, code);
  if (media) {
    store.addQuad(dist, dcat('mediaType'), namedNode(media));
    store.addQuad(namedNode(media), RDF_TYPE, dct('MediaType'));
  }
  addLicense(store, dist, d);
  if (typeof r.size === 'number' && Number.isSafeInteger(r.size) && r.size >= 0) {
    store.addQuad(dist, dcat('byteSize'), typed(String(r.size), xsd('nonNegativeInteger')));
  }
  addDateTime(store, dist, dct('issued'), r.created);
  addDateTime(store, dist, dct('modified'), r.last_modified);
  return dist;
}
