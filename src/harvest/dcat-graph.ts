/**
 * One page of a DCAT catalog (an n3 Store) as the harvest sees it: its datasets as
 * `RemoteDataset`s shaped like CKAN package dicts (so `mapping.ts` maps both the same way), and
 * its Hydra paging (`hydra:next`, or the older `hydra:nextPage` ckanext-dcat publishes).
 *
 * A dataset: remote id = dct:identifier, else its IRI; name = a slug of the identifier, else of
 * the IRI's last path segment; title and description in Indonesian when given in several
 * languages; dcat:keyword as tags; dct:modified as the change marker (absent: a hash of the
 * dataset's own triples, so an edit is still noticed); the licence of a distribution (or of the
 * dataset) when it is one the local catalog lists; each dcat:distribution a resource.
 */
import { createHash } from 'node:crypto';
import type { Quad_Object, Store, Term } from 'n3';
import { isUuid } from '../catalog/ckan-format.js';
import { fileTypeCode, urlFileType } from '../catalog/dcat/mappings.js';
import {
  dcat,
  dct,
  EU,
  foaf,
  hydra,
  IANA_MEDIA_TYPES,
  namedNode,
  RDF_TYPE,
  rdfs,
  vcard,
} from '../catalog/dcat/vocab.js';
import type { Listed } from './engine.js';
import type { RemoteDataset, RemoteResource } from './remote.js';
import { TABLE_EXTENSIONS, tableExtension } from './resources.js';
import { isObj, type Obj, text } from './shape.js';

type Node = Term;

const OWL_VERSION_INFO = namedNode('http://www.w3.org/2002/07/owl#versionInfo');
const RDF_VALUE = namedNode('http://www.w3.org/1999/02/22-rdf-syntax-ns#value');

const isNode = (t: Term): boolean => t.termType === 'NamedNode' || t.termType === 'BlankNode';

/** Objects of (s, p) in a stable order (by kind and value), whatever the serialisation's order. */
function objectsOf(store: Store, s: Node, p: Node): Quad_Object[] {
  return store
    .getObjects(s, p, null)
    .sort((a, b) => a.termType.localeCompare(b.termType) || a.value.localeCompare(b.value));
}

/** The first IRI object of (s, p), '' when none. */
const iriOf = (store: Store, s: Node, p: Node): string =>
  objectsOf(store, s, p).find((o) => o.termType === 'NamedNode')?.value ?? '';

/** Language rank: Indonesian first, then untagged, then English, then any other. */
function languageRank(lang: string): number {
  const l = lang.toLowerCase();
  if (l === 'id' || l.startsWith('id-')) return 0;
  if (l === '') return 1;
  if (l === 'en' || l.startsWith('en-')) return 2;
  return 3;
}

/** The literals of (s, p), preferred language first, trimmed, blank ones left out. */
function literalsOf(store: Store, s: Node, p: Node): { value: string; rank: number }[] {
  return objectsOf(store, s, p)
    .flatMap((o) =>
      o.termType === 'Literal' && o.value.trim() !== ''
        ? [{ value: o.value.trim(), rank: languageRank(o.language) }]
        : [],
    )
    .sort((a, b) => a.rank - b.rank);
}

/** The text of (s, p) in the preferred language ('' when none). */
const textOf = (store: Store, s: Node, p: Node): string => literalsOf(store, s, p)[0]?.value ?? '';

/** Keywords: the Indonesian and untagged ones when there are any, else all. */
function keywordsOf(store: Store, s: Node): string[] {
  const all = literalsOf(store, s, dcat('keyword'));
  const own = all.filter((k) => k.rank <= 1);
  return [...new Set((own.length ? own : all).map((k) => k.value))];
}

/** A name for a node given as a resource with a label (a blank licence, format or agent node). */
const labelOf = (store: Store, s: Node): string =>
  textOf(store, s, rdfs('label')) ||
  textOf(store, s, dct('title')) ||
  textOf(store, s, foaf('name')) ||
  textOf(store, s, vcard('fn')) ||
  textOf(store, s, RDF_VALUE);

/**
 * The dataset's own description as text, blank nodes and distributions written out in place
 * (their labels change from one parse to the next), sorted: equal for an unchanged dataset.
 */
function describe(store: Store, s: Node, seen: Set<string>): string {
  const key = `${s.termType}:${s.value}`;
  if (seen.has(key)) return '[…]';
  seen.add(key);
  const lines = store.getQuads(s, null, null, null).map((q) => {
    const o = q.object;
    const nested =
      o.termType === 'BlankNode' || (q.predicate.equals(dcat('distribution')) && o.termType === 'NamedNode');
    const value =
      o.termType === 'Literal'
        ? JSON.stringify([o.value, o.language, o.datatype.value])
        : o.termType === 'BlankNode'
          ? ''
          : `<${o.value}>`;
    return `${q.predicate.value} ${value}${nested ? `[${describe(store, o, seen)}]` : ''}`;
  });
  return lines.sort().join('\n');
}

/** `sha256:<hex>` of the dataset's triples: its change marker when it gives no dct:modified. */
export const contentHash = (store: Store, s: Node): string =>
  `sha256:${createHash('sha256')
    .update(describe(store, s, new Set()))
    .digest('hex')}`;

/** The last non-empty path segment of an IRI (or its fragment), decoded; '' when it has none. */
export function lastSegment(iri: string): string {
  try {
    const u = new URL(iri);
    const raw = u.hash.slice(1) || u.pathname.split('/').filter(Boolean).pop() || '';
    try {
      return decodeURIComponent(raw);
    } catch {
      return raw;
    }
  } catch {
    return '';
  }
}

/** A local name: lowercase ASCII letters, digits, - and _ (accents dropped), at most 100; '' when under 2. */
export function slugOf(s: string): string {
  const slug = s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '')
    .slice(0, 100)
    .replace(/[-_]+$/, '');
  return slug.length >= 2 ? slug : '';
}

/** A web page's extension, left out of a name taken from its URL (`…/penduduk.html` → penduduk). */
const PAGE_EXTENSION = /\.(?:html?|php|aspx?|jsp)$/i;

/**
 * The dataset's local name: a slug of dct:identifier (a URI identifier by its last segment),
 * else of its IRI's last path segment. A UUID is passed over — a local name that looks like one
 * would be read as an id (`package_show`, `/dataset/…`) and never found — for the landing
 * page's last segment (Kendali and CKAN name their pages `/dataset/<name>`), then the title;
 * failing all, `dataset-<hash of the id>`.
 */
function nameFor(identifier: string, iri: string, landing: string, title: string, id: string): string {
  const candidates = [
    /^https?:\/\//i.test(identifier) ? lastSegment(identifier) : identifier,
    lastSegment(iri),
    lastSegment(landing).replace(PAGE_EXTENSION, ''),
    title,
  ];
  for (const c of candidates) {
    const slug = slugOf(c);
    if (slug && !isUuid(slug)) return slug;
  }
  return `dataset-${createHash('sha256').update(id).digest('hex').slice(0, 12)}`;
}

// ---------------------------------------------------------------------------------------------
// Formats

/** Media type → the format CKAN (and the import) names it by. */
const MEDIA_FORMATS: Readonly<Record<string, string>> = {
  'text/csv': 'CSV',
  'application/csv': 'CSV',
  'text/tab-separated-values': 'TSV',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
  'application/vnd.ms-excel': 'XLS',
  'application/vnd.oasis.opendocument.spreadsheet': 'ODS',
  'application/json': 'JSON',
  'application/ld+json': 'JSON-LD',
  'application/geo+json': 'GeoJSON',
  'application/xml': 'XML',
  'text/xml': 'XML',
  'application/rdf+xml': 'RDF',
  'text/turtle': 'TTL',
  'application/pdf': 'PDF',
  'application/zip': 'ZIP',
  'application/gzip': 'GZIP',
  'application/vnd.apache.parquet': 'Parquet',
  'application/x-parquet': 'Parquet',
  'text/html': 'HTML',
  'text/plain': 'TXT',
  'application/msword': 'DOC',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'application/vnd.google-earth.kml+xml': 'KML',
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
};

/** EU file-type codes whose CKAN name differs from the code. */
const CODE_FORMATS: Readonly<Record<string, string>> = {
  JSON_LD: 'JSON-LD',
  RDF_XML: 'RDF',
  RDF_TURTLE: 'TTL',
  GEOJSON: 'GeoJSON',
  PARQUET: 'Parquet',
};

const fromCode = (code: string): string => CODE_FORMATS[code] ?? code.replace(/_/g, '-');

/** A media type (`text/csv; charset=utf-8`) as a format, '' when it is not one. */
function fromMediaType(value: string): string {
  const mt = (value.split(';')[0] ?? '').trim().toLowerCase();
  if (!/^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/.test(mt)) return '';
  return MEDIA_FORMATS[mt] ?? mt;
}

/** A format given as text: a media type, a file-type name (`csv`, `.xlsx`) or anything else as it is. */
function fromText(value: string): string {
  if (value.includes('/')) return fromMediaType(value) || value;
  const code = fileTypeCode(value);
  return code ? fromCode(code) : value.trim();
}

/** dct:format or dcat:mediaType as a format: an EU file-type or IANA IRI, a literal, or a labelled node. */
function formatOf(store: Store, t: Term): string {
  if (t.termType === 'Literal') return fromText(t.value);
  if (t.termType === 'BlankNode') {
    const label = labelOf(store, t);
    return label ? fromText(label) : '';
  }
  if (t.termType !== 'NamedNode') return '';
  if (t.value.startsWith(EU.fileType)) return fromCode(t.value.slice(EU.fileType.length));
  if (t.value.startsWith(IANA_MEDIA_TYPES)) return fromMediaType(t.value.slice(IANA_MEDIA_TYPES.length));
  const label = labelOf(store, t);
  if (label) return fromText(label);
  const last = lastSegment(t.value);
  return last ? fromText(last) : '';
}

/** A URL's file type by the extension of its path (`…/data.csv` → CSV), '' when it names none. */
function formatOfUrl(url: string): string {
  try {
    const code = urlFileType(new URL(url));
    return code ? fromCode(code) : '';
  } catch {
    return '';
  }
}

/** Whether a URL's path ends in the extension of a file the import reads (`…/penduduk.csv`). */
function isTableFile(url: string): boolean {
  try {
    const ext = /\.([a-z0-9]{2,5})$/i.exec(new URL(url).pathname)?.[1]?.toLowerCase();
    return ext !== undefined && TABLE_EXTENSIONS.has(ext);
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Licences

/** Well-known licence IRIs (host and path, lowercase, no scheme or `www.`) → CKAN licence id. */
const KNOWN_LICENSES: readonly [RegExp, string][] = [
  [/^creativecommons\.org\/licenses\/by\//, 'cc-by'],
  [/^creativecommons\.org\/licenses\/by-sa\//, 'cc-by-sa'],
  [/^creativecommons\.org\/licenses\/by-nc/, 'cc-nc'],
  [/^creativecommons\.org\/publicdomain\/zero\//, 'cc-zero'],
  [/^opendatacommons\.org\/licenses\/odbl/, 'odc-odbl'],
  [/^opendatacommons\.org\/licenses\/by/, 'odc-by'],
  [/^opendatacommons\.org\/licenses\/pddl/, 'odc-pddl'],
  [/^publications\.europa\.eu\/resource\/authority\/licence\/cc_by(?:_\d_\d)?$/, 'cc-by'],
  [/^publications\.europa\.eu\/resource\/authority\/licence\/cc_bysa(?:_\d_\d)?$/, 'cc-by-sa'],
  [/^publications\.europa\.eu\/resource\/authority\/licence\/cc_bync/, 'cc-nc'],
  [/^publications\.europa\.eu\/resource\/authority\/licence\/cc0$/, 'cc-zero'],
  [/^publications\.europa\.eu\/resource\/authority\/licence\/odc_by$/, 'odc-by'],
  [/^publications\.europa\.eu\/resource\/authority\/licence\/odc_odbl$/, 'odc-odbl'],
  [/^publications\.europa\.eu\/resource\/authority\/licence\/odc_pddl$/, 'odc-pddl'],
  [/^nationalarchives\.gov\.uk\/doc\/open-government-licence/, 'uk-ogl'],
];

/** An IRI as host and path, lowercase, without scheme, `www.` or trailing slash (to compare licence IRIs). */
function looseIri(iri: string): string {
  return iri
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .replace(/[?#].*$/, '')
    .replace(/\/+$/, '');
}

/** Licence IRIs, titles and ids → the local licence id, built from the local `license_list`. */
export class LicenseMatcher {
  readonly #ids = new Set<string>();
  readonly #byIri = new Map<string, string>();
  readonly #byTitle = new Map<string, string>();

  constructor(list: unknown) {
    for (const l of Array.isArray(list) ? list.filter(isObj) : []) {
      const id = text(l, 'id');
      if (!id) continue;
      this.#ids.add(id);
      const url = text(l, 'url');
      if (url) this.#byIri.set(looseIri(url), id);
      const title = text(l, 'title');
      if (title) this.#byTitle.set(title.toLowerCase(), id);
    }
  }

  #known = (id: string | undefined): string => (id && this.#ids.has(id) ? id : '');

  /** The local licence id of an IRI, '' when it is none the local catalog lists. */
  byIri(iri: string): string {
    const loose = looseIri(iri);
    const listed = this.#byIri.get(loose);
    if (listed) return listed;
    const known = KNOWN_LICENSES.find(([re]) => re.test(`${loose}/`) || re.test(loose))?.[1];
    // `…/licenses/cc-by`, `…/licence/odc-odbl`: a last segment that is a local id.
    return this.#known(known) || this.#known(lastSegment(iri).toLowerCase());
  }

  /** A licence given as text: a local id or title. */
  byText(value: string): string {
    const v = value.trim();
    if (/^https?:\/\//i.test(v)) return this.byIri(v);
    return this.#known(v.toLowerCase()) || this.#byTitle.get(v.toLowerCase()) || '';
  }

  /** A dct:license object: its IRI, its title, or a literal. */
  of(store: Store, t: Term): string {
    if (t.termType === 'Literal') return this.byText(t.value);
    const byIri = t.termType === 'NamedNode' ? this.byIri(t.value) : '';
    if (byIri) return byIri;
    const label = isNode(t) ? labelOf(store, t) : '';
    return label ? this.byText(label) : '';
  }
}

// ---------------------------------------------------------------------------------------------
// Datasets

function distribution(store: Store, d: Node, datasetId: string, index: number): RemoteResource {
  const download = iriOf(store, d, dcat('downloadURL'));
  const access = iriOf(store, d, dcat('accessURL'));
  const url = download || access;
  const format =
    objectsOf(store, d, dct('format'))
      .map((t) => formatOf(store, t))
      .find(Boolean) ??
    objectsOf(store, d, dcat('mediaType'))
      .map((t) => formatOf(store, t))
      .find(Boolean) ??
    (url ? formatOfUrl(url) : '');
  // An access URL alone is often a landing page: a table is read from it only when it names a file.
  const dataUrl = download || (access && isTableFile(access) ? access : '');
  const modified = textOf(store, d, dct('modified'));
  const id =
    (d.termType === 'NamedNode' ? d.value : '') ||
    textOf(store, d, dct('identifier')) ||
    url ||
    `${datasetId}#distribution-${index + 1}`;
  return {
    id,
    name: textOf(store, d, dct('title')) || format || lastSegment(url) || `Distribusi ${index + 1}`,
    description: textOf(store, d, dct('description')),
    format: format || '',
    url,
    datastoreActive: false,
    marker: modified && (dataUrl || url) ? `${dataUrl || url} ${modified}` : '',
    ...(dataUrl && tableExtension(format) ? { dataUrl } : {}),
  };
}

/** The dataset's distributions, in a stable order, ids made unique within the dataset. */
function distributions(
  store: Store,
  ds: Node,
  datasetId: string,
): { node: Node; resource: RemoteResource }[] {
  const used = new Set<string>();
  return objectsOf(store, ds, dcat('distribution'))
    .filter(isNode)
    .map((node, i) => {
      const r = distribution(store, node, datasetId, i);
      let id = r.id;
      for (let n = 2; used.has(id); n++) id = `${r.id}#${n}`;
      used.add(id);
      return { node, resource: id === r.id ? r : { ...r, id } };
    });
}

/** The contact point's name and email (`mailto:` dropped). */
function contact(store: Store, ds: Node): { name: string; email: string } {
  const point = objectsOf(store, ds, dcat('contactPoint')).find(isNode);
  if (!point) return { name: '', email: '' };
  const mail = objectsOf(store, point, vcard('hasEmail'))[0]?.value ?? '';
  let email = mail.replace(/^mailto:/i, '').trim();
  try {
    email = decodeURIComponent(email);
  } catch {
    // kept as given
  }
  return { name: textOf(store, point, vcard('fn')) || labelOf(store, point), email };
}

/**
 * One dcat:Dataset as a RemoteDataset whose `raw` is shaped like a CKAN package dict; a blank
 * node without dct:identifier cannot be matched from one run to the next, so it is unreadable.
 */
export function readDataset(store: Store, ds: Node, pageUrl: string, licenses: LicenseMatcher): Listed {
  const identifier = textOf(store, ds, dct('identifier'));
  const iri = ds.termType === 'NamedNode' ? ds.value : '';
  const title = textOf(store, ds, dct('title'));
  const id = identifier || iri;
  if (!id)
    return {
      unreadable: title,
      reason: 'the catalog has a dcat:Dataset without an IRI or a dct:identifier (a blank node); skipped',
    };
  const landing = iriOf(store, ds, dcat('landingPage'));
  const name = nameFor(identifier, iri, landing, title, id);
  const dists = distributions(store, ds, id);
  const license =
    [...dists.map((d) => d.node), ds]
      .flatMap((n) => objectsOf(store, n, dct('license')))
      .map((t) => licenses.of(store, t))
      .find(Boolean) ?? '';
  const who = contact(store, ds);
  const creator = objectsOf(store, ds, dct('creator')).find(isNode);
  const raw: Obj = {
    id,
    name,
    title: title || name,
    notes: textOf(store, ds, dct('description')),
    license_id: license,
    author: creator ? labelOf(store, creator) : '',
    maintainer: who.name,
    maintainer_email: who.email,
    url: landing,
    version: textOf(store, ds, dcat('version')) || textOf(store, ds, OWL_VERSION_INFO),
  };
  const extras = new Map<string, string>();
  if (iri) extras.set('uri', iri);
  if (identifier) extras.set('identifier', identifier);
  const dataset: RemoteDataset = {
    id,
    name,
    modified: textOf(store, ds, dct('modified')) || contentHash(store, ds),
    visible: true,
    raw,
    tags: keywordsOf(store, ds),
    extras,
    resources: dists.map((d) => d.resource),
    page: landing || iri || pageUrl,
  };
  return { dataset };
}

/** The datasets of a page: nodes typed dcat:Dataset and the catalog's dcat:dataset objects, in a stable order. */
function datasetNodes(store: Store): Node[] {
  const nodes = new Map<string, Node>();
  for (const s of store.getSubjects(RDF_TYPE, dcat('Dataset'), null))
    nodes.set(`${s.termType}:${s.value}`, s);
  for (const o of store.getObjects(null, dcat('dataset'), null))
    if (isNode(o)) nodes.set(`${o.termType}:${o.value}`, o);
  return [...nodes.values()].sort(
    (a, b) => a.termType.localeCompare(b.termType) || a.value.localeCompare(b.value),
  );
}

export interface CatalogPage {
  readonly entries: Listed[];
  /** The next page's URL (hydra:next, or hydra:nextPage), absent on the last page. */
  readonly next: string | undefined;
  /** hydra:totalItems, when given. */
  readonly total: number | undefined;
}

/**
 * The Hydra paging node: the one named by the page's own URL (as asked or as answered),
 * else any node with a next link (Kendali names page 1 `…?page=1` when asked without).
 */
function pagingNode(store: Store, urls: readonly string[]): Node | undefined {
  const withNext = [hydra('next'), hydra('nextPage')].flatMap((p) => store.getSubjects(p, null, null));
  const typed = [hydra('PartialCollectionView'), hydra('PagedCollection')].flatMap((c) =>
    store.getSubjects(RDF_TYPE, c, null),
  );
  const candidates = [...withNext, ...typed];
  return (
    candidates.find((n) => urls.includes(n.value)) ??
    [...withNext].sort((a, b) => a.value.localeCompare(b.value))[0] ??
    typed[0]
  );
}

/**
 * A parsed catalog page: its datasets and its paging. Throws when the document has neither a
 * dcat:Catalog nor a dcat:Dataset: an RDF document that is no DCAT catalog must not read as an
 * empty one (which would delete every harvested dataset).
 */
export function readCatalogPage(
  store: Store,
  urls: readonly string[],
  licenses: LicenseMatcher,
): CatalogPage {
  const nodes = datasetNodes(store);
  if (nodes.length === 0 && store.countQuads(null, RDF_TYPE, dcat('Catalog'), null) === 0)
    throw new Error('the document has no dcat:Catalog and no dcat:Dataset; is it a DCAT catalog?');
  const pageUrl = urls[0] ?? '';
  const entries = nodes.map((n) => readDataset(store, n, pageUrl, licenses));
  const node = pagingNode(store, urls);
  const next = node
    ? iriOf(store, node, hydra('next')) || iriOf(store, node, hydra('nextPage')) || undefined
    : undefined;
  const totalText = node ? textOf(store, node, hydra('totalItems')) : '';
  const total = /^\d+$/.test(totalText) ? Number(totalText) : undefined;
  return { entries, next, total };
}
