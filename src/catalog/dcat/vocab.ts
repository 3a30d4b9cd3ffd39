/** Namespaces and term helpers for the DCAT-AP 3 output (RDF/JS terms from n3's DataFactory). */
import { type BlankNode, DataFactory, type Literal, type NamedNode } from 'n3';

const { namedNode, literal, blankNode } = DataFactory;

/** Prefix → namespace, the prefixes every serialisation declares. */
export const PREFIXES = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  adms: 'http://www.w3.org/ns/adms#',
  hydra: 'http://www.w3.org/ns/hydra/core#',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  prov: 'http://www.w3.org/ns/prov#',
} as const;

export type Prefix = keyof typeof PREFIXES;

/** `ns('dct')('title')` → the NamedNode dct:title. */
const ns =
  (p: Prefix) =>
  (local: string): NamedNode =>
    namedNode(`${PREFIXES[p]}${local}`);

export const dcat = ns('dcat');
export const dct = ns('dct');
export const foaf = ns('foaf');
export const vcard = ns('vcard');
export const skos = ns('skos');
export const xsd = ns('xsd');
export const hydra = ns('hydra');
export const rdf = ns('rdf');
export const rdfs = ns('rdfs');
export const prov = ns('prov');

export const RDF_TYPE = rdf('type');

/** EU Publications Office authority tables used by DCAT-AP. */
export const EU = {
  frequency: 'http://publications.europa.eu/resource/authority/frequency/',
  fileType: 'http://publications.europa.eu/resource/authority/file-type/',
  language: 'http://publications.europa.eu/resource/authority/language/',
} as const;
export const IANA_MEDIA_TYPES = 'https://www.iana.org/assignments/media-types/';
export const ADMS_PUBLISHER_TYPE = 'http://purl.org/adms/publishertype/';
/** INSPIRE responsible-party roles (ISO 19115), the role vocabulary DCAT-AP suggests for dcat:hadRole. */
export const INSPIRE_ROLE = 'http://inspire.ec.europa.eu/metadata-codelist/ResponsibleAgentRole/';

export { blankNode, namedNode };

// Characters XML 1.0 cannot carry at all (not even as character references), and lone
// surrogates: removed from every literal so the three serialisations carry the same text.
const NOT_XML =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters XML 1.0 forbids
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export const cleanText = (s: string): string => s.replace(NOT_XML, '');

/** A plain (xsd:string) literal, or one tagged with a language. */
export const text = (s: string, lang?: string): Literal => literal(cleanText(s), lang);

export const typed = (s: string, datatype: NamedNode): Literal => literal(s, datatype);

export type Subject = NamedNode | BlankNode;
