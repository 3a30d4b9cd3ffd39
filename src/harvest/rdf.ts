/**
 * Reading a remote RDF document (a DCAT catalog page) into an n3 Store: the syntax chosen by
 * the answer's Content-Type first, then by the URL's extension; Turtle (and N-Triples/N-Quads)
 * by n3, JSON-LD by jsonld with a document loader that refuses every URL (no remote context
 * is ever fetched), RDF/XML by rdfxml-streaming-parser. An HTML page (a portal's front page,
 * a login wall, an error page) is refused by name, not parsed.
 */
import jsonld from 'jsonld';
import { Parser, type Quad, Store, Writer } from 'n3';
import { RdfXmlParser } from 'rdfxml-streaming-parser';
import { refuseRemote } from '../catalog/dcat/serialize.js';
import { fetchDocument, RemoteError, type RequestLimits } from './client.js';

export type RdfSyntax = 'turtle' | 'ntriples' | 'nquads' | 'jsonld' | 'rdfxml';

/** What the harvest asks for: DCAT's usual serialisations, Turtle first. */
export const RDF_ACCEPT =
  'text/turtle, application/ld+json;q=0.9, application/rdf+xml;q=0.8, application/n-triples;q=0.5, */*;q=0.1';

const BY_MEDIA_TYPE: Readonly<Record<string, RdfSyntax>> = {
  'text/turtle': 'turtle',
  'application/x-turtle': 'turtle',
  'text/n3': 'turtle',
  'application/n-triples': 'ntriples',
  'application/n-quads': 'nquads',
  'application/ld+json': 'jsonld',
  'application/json': 'jsonld',
  'application/rdf+xml': 'rdfxml',
  'application/xml': 'rdfxml',
  'text/xml': 'rdfxml',
};

const BY_EXTENSION: Readonly<Record<string, RdfSyntax>> = {
  ttl: 'turtle',
  turtle: 'turtle',
  n3: 'turtle',
  nt: 'ntriples',
  nq: 'nquads',
  jsonld: 'jsonld',
  json: 'jsonld',
  rdf: 'rdfxml',
  xml: 'rdfxml',
  owl: 'rdfxml',
};

const HTML_TYPES = ['text/html', 'application/xhtml+xml'];

/** The media type of a Content-Type header, lowercase, without parameters. */
const mediaType = (contentType: string): string => (contentType.split(';')[0] ?? '').trim().toLowerCase();

/** The extension of a URL's last path segment (`…/catalog.ttl?page=2` → `ttl`), lowercase. */
function extensionOf(url: string): string {
  try {
    return /\.([a-z0-9]{1,8})$/i.exec(new URL(url).pathname)?.[1]?.toLowerCase() ?? '';
  } catch {
    return '';
  }
}

/**
 * The syntax of a document: by its Content-Type when that names an RDF syntax, else by the
 * extension of the URL asked for (a static server may send `.ttl` as text/plain or
 * application/octet-stream), else of the URL answered after redirects; undefined when neither tells.
 */
export function rdfSyntaxOf(contentType: string, url: string, finalUrl = url): RdfSyntax | undefined {
  return (
    BY_MEDIA_TYPE[mediaType(contentType)] ??
    BY_EXTENSION[extensionOf(url)] ??
    BY_EXTENSION[extensionOf(finalUrl)]
  );
}

/** An HTML page where RDF was expected: by its Content-Type, or by how it starts. */
export function looksLikeHtml(contentType: string, body: string): boolean {
  return (
    HTML_TYPES.includes(mediaType(contentType)) ||
    /^\s*(?:<!doctype\s+html|<html[\s>])/i.test(body.slice(0, 512))
  );
}

const nquadsParser = () => new Parser({ format: 'application/n-quads' });

/** RDF/XML → quads, through rdfxml-streaming-parser and N-Quads (so every term is n3's own). */
function parseRdfXml(body: string, baseIRI: string): Promise<Quad[]> {
  return new Promise((resolve, reject) => {
    const parser = new RdfXmlParser({ baseIRI });
    const writer = new Writer({ format: 'N-Quads' });
    parser.on('data', (q) => writer.addQuad(q));
    parser.on('error', reject);
    parser.on('end', () =>
      writer.end((err, out: string) => {
        if (err) reject(err);
        else {
          try {
            resolve(nquadsParser().parse(out));
          } catch (e) {
            reject(e);
          }
        }
      }),
    );
    parser.write(body);
    parser.end();
  });
}

/** JSON-LD → quads; a context or document at a URL is refused, never fetched. */
async function parseJsonLd(body: string, base: string): Promise<Quad[]> {
  const nquads = await jsonld.toRDF(JSON.parse(body), {
    format: 'application/n-quads',
    base,
    documentLoader: refuseRemote,
  });
  if (typeof nquads !== 'string') throw new Error('jsonld.toRDF did not answer N-Quads');
  return nquadsParser().parse(nquads);
}

/** Parses a document in the given syntax, relative IRIs resolved against `baseIRI`. */
export async function parseRdf(body: string, syntax: RdfSyntax, baseIRI: string): Promise<Quad[]> {
  switch (syntax) {
    case 'turtle':
      return new Parser({ format: 'text/turtle', baseIRI }).parse(body);
    case 'ntriples':
      return new Parser({ format: 'application/n-triples', baseIRI }).parse(body);
    case 'nquads':
      return new Parser({ format: 'application/n-quads', baseIRI }).parse(body);
    case 'jsonld':
      return parseJsonLd(body, baseIRI);
    case 'rdfxml':
      return parseRdfXml(body, baseIRI);
  }
}

const SYNTAX_NAMES: Readonly<Record<RdfSyntax, string>> = {
  turtle: 'Turtle',
  ntriples: 'N-Triples',
  nquads: 'N-Quads',
  jsonld: 'JSON-LD',
  rdfxml: 'RDF/XML',
};

export interface RdfDocument {
  /** The URL answered (after redirects): the base of its relative IRIs. */
  readonly url: string;
  readonly syntax: RdfSyntax;
  readonly store: Store;
}

/**
 * GETs an RDF document and parses it. Refuses, naming the URL: a failed request or status, an
 * HTML page, a document whose syntax neither its Content-Type nor its URL tells, and one that
 * does not parse (with the parser's own message).
 */
export async function readRdf(url: string, limits: RequestLimits): Promise<RdfDocument> {
  const doc = await fetchDocument(url, RDF_ACCEPT, limits);
  const type = doc.contentType || 'no Content-Type';
  if (looksLikeHtml(doc.contentType, doc.body))
    throw new RemoteError(
      `GET ${url}: answered an HTML page (status ${doc.status}, ${type}), expected an RDF catalog (Turtle, JSON-LD or RDF/XML)`,
      url,
      doc.status,
    );
  const syntax = rdfSyntaxOf(doc.contentType, url, doc.url);
  if (!syntax)
    throw new RemoteError(
      `GET ${url}: cannot tell the RDF syntax: neither the Content-Type (${type}) nor the URL names Turtle, JSON-LD or RDF/XML`,
      url,
      doc.status,
    );
  let quads: Quad[];
  try {
    quads = await parseRdf(doc.body, syntax, doc.url);
  } catch (e) {
    limits.signal?.throwIfAborted();
    const why = e instanceof Error ? e.message : String(e);
    throw new RemoteError(
      `GET ${url}: the answer is not valid ${SYNTAX_NAMES[syntax]}: ${why}`,
      url,
      doc.status,
      {
        cause: e,
      },
    );
  }
  return { url: doc.url, syntax, store: new Store(quads) };
}
