/**
 * Test helpers for the DCAT output (used by tests only): parse each serialisation back with
 * an independent parser, compare graphs up to blank-node renaming (URDNA2015 canonical
 * N-Quads), and validate against the DCAT-AP 3 shapes with rdf-validate-shacl.
 */
import { readFileSync } from 'node:fs';
import rdf from '@zazuko/env';
import jsonld from 'jsonld';
import { Parser, type Quad, Writer } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';
import { RdfXmlParser } from 'rdfxml-streaming-parser';
import { refuseRemote } from './serialize.js';

export const parseTurtle = (ttl: string): Quad[] => new Parser({ format: 'text/turtle' }).parse(ttl);

export async function parseJsonLd(body: string): Promise<Quad[]> {
  const nquads = await jsonld.toRDF(JSON.parse(body), {
    format: 'application/n-quads',
    documentLoader: refuseRemote,
  });
  if (typeof nquads !== 'string') throw new Error('jsonld.toRDF did not return N-Quads');
  return new Parser({ format: 'application/n-quads' }).parse(nquads);
}

/** RDF/XML → N-Quads, through rdfxml-streaming-parser and n3's Writer. */
export function rdfXmlToNQuads(xml: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const parser = new RdfXmlParser();
    const writer = new Writer({ format: 'N-Quads' });
    parser.on('data', (q) => writer.addQuad(q));
    parser.on('error', reject);
    parser.on('end', () => writer.end((err, out: string) => (err ? reject(err) : resolve(out))));
    parser.write(xml);
    parser.end();
  });
}

export const parseRdfXml = async (xml: string): Promise<Quad[]> =>
  new Parser({ format: 'application/n-quads' }).parse(await rdfXmlToNQuads(xml));

const nquads = (quads: readonly Quad[]): string =>
  new Writer({ format: 'N-Quads' }).quadsToString([...quads]);

/** URDNA2015 canonical N-Quads, one line each, sorted: equal for isomorphic graphs only. */
export async function canonical(quads: readonly Quad[]): Promise<string[]> {
  // jsonld.canonize takes N-Quads text with `inputFormat` (its typings only know JSON-LD input).
  const canonize = jsonld.canonize as (input: string, options: Record<string, string>) => Promise<string>;
  const out = await canonize(nquads(quads), {
    algorithm: 'URDNA2015',
    inputFormat: 'application/n-quads',
    format: 'application/n-quads',
  });
  return out.split('\n').filter(Boolean).sort();
}

const SHAPES = new URL('./shapes/dcat-ap-3-mandatory.ttl', import.meta.url);

export interface ShaclResult {
  readonly conforms: boolean;
  /** `focus path message` lines, for readable failures. */
  readonly results: string[];
}

export async function validateDcat(quads: readonly Quad[]): Promise<ShaclResult> {
  const shapes = rdf.dataset(parseTurtle(readFileSync(SHAPES, 'utf8')));
  const validator = new SHACLValidator(shapes, { factory: rdf });
  const report = await validator.validate(rdf.dataset([...quads]));
  return {
    conforms: report.conforms,
    results: report.results.map(
      (r) =>
        `${r.focusNode?.value ?? '?'} ${r.path?.value ?? ''} ${r.message.map((m) => m.value).join('; ')}`,
    ),
  };
}
