/** Kendali/CKAN values → the controlled vocabularies DCAT-AP 3 recommends. */
import MarkdownIt from 'markdown-it';
import { ADMS_PUBLISHER_TYPE, EU, IANA_MEDIA_TYPES } from './vocab.js';

/** Satu Data update frequency → EU frequency authority table. */
const FREQUENCY: Record<string, string> = {
  harian: 'DAILY',
  mingguan: 'WEEKLY',
  bulanan: 'MONTHLY',
  triwulanan: 'QUARTERLY',
  semesteran: 'BIANNUAL',
  tahunan: 'ANNUAL',
  'lima-tahunan': 'QUINQUENNIAL',
  'tidak-tetap': 'IRREG',
};

export const frequencyIri = (f: unknown): string | undefined =>
  typeof f === 'string' && FREQUENCY[f] ? `${EU.frequency}${FREQUENCY[f]}` : undefined;

/** EU file-type code → IANA media type (absent where IANA registers none, e.g. SHP). */
const FILE_TYPES: Record<string, string | null> = {
  CSV: 'text/csv',
  TSV: 'text/tab-separated-values',
  XLS: 'application/vnd.ms-excel',
  XLSX: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ODS: 'application/vnd.oasis.opendocument.spreadsheet',
  JSON: 'application/json',
  JSON_LD: 'application/ld+json',
  GEOJSON: 'application/geo+json',
  XML: 'application/xml',
  RDF_XML: 'application/rdf+xml',
  RDF_TURTLE: 'text/turtle',
  PDF: 'application/pdf',
  PARQUET: 'application/vnd.apache.parquet',
  ZIP: 'application/zip',
  GZIP: 'application/gzip',
  KML: 'application/vnd.google-earth.kml+xml',
  KMZ: 'application/vnd.google-earth.kmz',
  GPKG: 'application/geopackage+sqlite3',
  SHP: null,
  HTML: 'text/html',
  TXT: 'text/plain',
  DOC: 'application/msword',
  DOCX: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  PNG: 'image/png',
  JPEG: 'image/jpeg',
};

const ALIASES: Record<string, string> = {
  JSONLD: 'JSON_LD',
  TTL: 'RDF_TURTLE',
  TURTLE: 'RDF_TURTLE',
  RDF: 'RDF_XML',
  JPG: 'JPEG',
  TEXT: 'TXT',
  SHAPEFILE: 'SHP',
  GZ: 'GZIP',
  HTM: 'HTML',
  GEOPACKAGE: 'GPKG',
};

/** The EU file-type code for a CKAN format ("csv", ".xlsx", "JSON-LD"…), if it is one we know. */
export function fileTypeCode(format: string): string | undefined {
  const key = format
    .trim()
    .toUpperCase()
    .replace(/^\./, '')
    .replace(/[\s/+-]+/g, '_');
  const code = ALIASES[key] ?? key;
  return code in FILE_TYPES ? code : undefined;
}

export const fileTypeIri = (code: string): string => `${EU.fileType}${code}`;

const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/;

/** IANA media-type IRI: the resource's own mimetype when well-formed, else the one of its format. */
export function mediaTypeIri(
  mimetype: string | null | undefined,
  code: string | undefined,
): string | undefined {
  const own = (mimetype ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const mt = MEDIA_TYPE.test(own) ? own : code ? FILE_TYPES[code] : undefined;
  return mt ? `${IANA_MEDIA_TYPES}${mt}` : undefined;
}

/** The file type a URL's last path segment names by its extension (`…/data.csv` → CSV). */
export function urlFileType(url: URL): string | undefined {
  const ext = /\.([A-Za-z0-9]{2,8})$/.exec(url.pathname)?.[1];
  return ext ? fileTypeCode(ext) : undefined;
}

/** Absolute http(s)/ftp URL of `url` (resolved against `base` when given), or undefined when it is not one. */
export function absoluteUrl(url: string, base?: string): URL | undefined {
  if (!url.trim()) return undefined;
  try {
    const u = new URL(url.trim(), base === undefined ? undefined : `${base}/`);
    return ['http:', 'https:', 'ftp:'].includes(u.protocol) ? u : undefined;
  } catch {
    return undefined;
  }
}

/** Institution type → ADMS publisher type. */
const PUBLISHER_TYPE: Record<string, string> = {
  ministry: 'NationalAuthority',
  agency: 'NationalAuthority',
  province: 'RegionalAuthority',
  regency: 'LocalAuthority',
  city: 'LocalAuthority',
};

export const publisherTypeIri = (orgType: unknown): string | undefined =>
  typeof orgType === 'string' && PUBLISHER_TYPE[orgType]
    ? `${ADMS_PUBLISHER_TYPE}${PUBLISHER_TYPE[orgType]}`
    : undefined;

/** xsd datatype local name for a Satu Data coverage date by its precision: 2020, 2020-06, 2020-06-30. */
export function coverageDatatype(d: string): 'gYear' | 'gYearMonth' | 'date' | undefined {
  if (/^\d{4}$/.test(d)) return 'gYear';
  if (/^\d{4}-\d{2}$/.test(d)) return 'gYearMonth';
  if (/^\d{4}-\d{2}-\d{2}$/.test(d)) return 'date';
  return undefined;
}

/** CKAN's naive UTC timestamp (`2024-01-02T03:04:05.123000`) as an xsd:dateTime lexical form in UTC. */
export const utcDateTime = (ckan: string): string | undefined => {
  const t = Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(ckan) ? ckan : `${ckan}Z`);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
};

const md = new MarkdownIt({ html: false, linkify: false, typographer: false });

/** Markdown → plain text: paragraphs and list items on their own lines, markup dropped. */
export function markdownToText(src: string): string {
  const out: string[] = [];
  for (const tok of md.parse(src, {})) {
    if (tok.type === 'inline') {
      for (const c of tok.children ?? []) {
        if (c.type === 'text' || c.type === 'code_inline') out.push(c.content);
        else if (c.type === 'softbreak' || c.type === 'hardbreak') out.push('\n');
        else if (c.type === 'image') out.push(c.content);
      }
    } else if (tok.type === 'fence' || tok.type === 'code_block') out.push(tok.content);
    else if (tok.type === 'list_item_open') out.push('- ');
    else if (/^(paragraph|heading|blockquote|bullet_list|ordered_list)_close$/.test(tok.type))
      out.push(tok.hidden ? '\n' : '\n\n');
    else if (tok.type === 'tr_close') out.push('\n');
    else if (tok.type === 'th_close' || tok.type === 'td_close') out.push('\t');
  }
  return out
    .join('')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
