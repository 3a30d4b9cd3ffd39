/**
 * The three DCAT serialisations: Turtle (n3's Writer), JSON-LD (jsonld.fromRDF + compact with
 * the inline context below; nothing is ever fetched) and RDF/XML (./rdfxml.ts).
 */
import { type Quad, Store, Writer } from 'n3';
import { writeRdfXml } from './rdfxml.js';
import { PREFIXES } from './vocab.js';

export const RDF_FORMATS = ['ttl', 'jsonld', 'rdf'] as const;
export type RdfFormat = (typeof RDF_FORMATS)[number];

export const MEDIA_TYPES: Record<RdfFormat, string> = {
  ttl: 'text/turtle',
  jsonld: 'application/ld+json',
  rdf: 'application/rdf+xml',
};

export const isRdfFormat = (s: string): s is RdfFormat => (RDF_FORMATS as readonly string[]).includes(s);

/** The JSON-LD context, inline: compact IRIs with the same prefixes as the Turtle output. */
export const JSONLD_CONTEXT: Record<string, string> = { ...PREFIXES };

/** jsonld's document loader: refuses every URL, so no context or document is ever fetched. */
export async function refuseRemote(url: string): Promise<never> {
  throw new Error(`remote JSON-LD documents are not loaded (${url})`);
}

export function toTurtle(quads: readonly Quad[]): Promise<string> {
  const writer = new Writer({ format: 'Turtle', prefixes: { ...PREFIXES } });
  writer.addQuads([...quads]);
  return new Promise((resolve, reject) => {
    writer.end((err, result: string) => (err ? reject(err) : resolve(result)));
  });
}

/**
 * JSON-LD from RDF/JS quads. jsonld.fromRDF takes the quads themselves (an N-Quads string
 * would be parsed again, 10× slower); a Store first makes them a set, as RDF requires.
 */
export async function toJsonLd(quads: readonly Quad[]): Promise<string> {
  // jsonld loads when a JSON-LD document is first asked for, not with every command.
  const { default: jsonld } = await import('jsonld');
  const expanded = await jsonld.fromRDF(new Store([...quads]).getQuads(null, null, null, null));
  const compacted = await jsonld.compact(expanded, JSONLD_CONTEXT, {
    documentLoader: refuseRemote,
    skipExpansion: true,
  });
  return `${JSON.stringify(compacted, null, 2)}\n`;
}

export const toRdfXml = (quads: readonly Quad[]): string => writeRdfXml(quads, PREFIXES);

export async function serialize(store: Store, format: RdfFormat): Promise<string> {
  const quads = store.getQuads(null, null, null, null);
  if (format === 'ttl') return toTurtle(quads);
  if (format === 'jsonld') return toJsonLd(quads);
  return toRdfXml(quads);
}
